"""Readers turn a file of any supported format into plain text; ``read_file`` picks one by content and name."""

from __future__ import annotations

from pathlib import Path

from kg.errors import InputError
from kg.readers.text import decode_text

__all__ = ["read_file", "TEXT_SUFFIXES"]

TEXT_SUFFIXES = (".txt", ".md", ".text")


def read_file(path: str | Path) -> str:
    """Read a report file and return its text; raise InputError with a one-line reason otherwise."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; pass the files inside it or a directory of .txt files")
    data = path.read_bytes()
    if not data.strip():
        raise InputError(f"{path}: empty file; pass a report with text in it")
    text = decode_text(data, name=str(path))
    if not text.strip():
        raise InputError(f"{path}: no text after decoding; pass a report with text in it")
    return text
