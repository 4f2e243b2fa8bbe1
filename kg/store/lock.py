"""A store lock: one build writes a store at a time; another waits for it or fails with a clear message.

The lock is an advisory ``fcntl.flock`` on a file beside the store (``out/store`` → ``out/store.lock``),
released by the operating system when the process ends, so a killed build never leaves a stale lock.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from kg.errors import UsageError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]


def lock_path_for(store: str | Path) -> Path:
    """The lock file of a store: beside an on-disk store, in the temp folder for a store URL."""
    text = str(store)
    if "://" in text:
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]
        return Path(tempfile.gettempdir()) / f"kg-store-{digest}.lock"
    return Path(text.rstrip("/\\") + ".lock")


@contextmanager
def store_lock(store: str | Path, *, timeout: float = 0.0, poll: float = 0.2) -> Iterator[Path]:
    """Hold the write lock of a store; wait up to ``timeout`` seconds, then raise UsageError naming the holder."""
    path = lock_path_for(store)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + max(0.0, timeout)
        while True:
            try:
                if fcntl is not None:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = _read_holder(path)
                    raise UsageError(
                        f"{store}: another build is writing to this store ({holder}); wait for it to finish, "
                        f"or pass --wait SECONDS to queue behind it") from None
                time.sleep(poll)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode(), 0)
        try:
            yield path
        finally:
            os.ftruncate(fd, 0)
            if fcntl is not None:
                fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _read_holder(path: Path) -> str:
    """Who holds the lock, as written by the holder."""
    try:
        text = path.read_text(encoding="utf-8").strip()
    except OSError:
        text = ""
    return text or "holder unknown"
