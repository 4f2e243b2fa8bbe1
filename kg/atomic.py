"""Write files atomically: to a temporary file beside the target, then rename, so readers never see half."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable
from pathlib import Path


def write_atomic(path: str | Path, data: bytes | str) -> None:
    """Write bytes or UTF-8 text to path through a temporary file and an atomic rename."""
    payload = data.encode("utf-8") if isinstance(data, str) else data
    write_atomic_with(path, lambda tmp: Path(tmp).write_bytes(payload))


def write_atomic_with(path: str | Path, writer: Callable[[str], None]) -> None:
    """Let ``writer`` fill a temporary file path, then rename it over ``path``; clean up on failure."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        writer(tmp)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
