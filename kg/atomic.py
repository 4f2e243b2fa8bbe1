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


def write_arrays_atomic(path: Path, meta: dict, arrays: dict) -> bool:
    """Best effort: numpy arrays and a JSON ``meta`` as one .npz file, written through a temporary file and a
    rename; False (and nothing written) when the folder cannot be written. Read back with allow_pickle=False."""
    import json

    import numpy as np

    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=path.name + ".", suffix=".tmp", dir=path.parent)
        with os.fdopen(fd, "wb") as out:
            np.savez(out, meta=np.frombuffer(json.dumps(meta, ensure_ascii=False).encode("utf-8"), dtype=np.uint8),
                     **arrays)
        os.chmod(tmp, 0o644)  # mkstemp makes it private; readable like the store's own files
        os.replace(tmp, path)
        return True
    except OSError:
        if tmp:
            Path(tmp).unlink(missing_ok=True)
        return False
