"""Size limits that keep hostile or accidental input from stalling a build; each can be set by environment.

``KG_MAX_FILE_MB`` (default 50) refuses larger input files; ``KG_MAX_SENTENCE_CHARS`` (default 2000) splits
longer sentences with a warning; ``KG_MAX_PDF_PAGES`` (default 2000) refuses longer PDFs.

>>> Limits(max_file_bytes=10).max_file_bytes
10
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from kg.errors import UsageError

MB = 1024 * 1024


def _env_int(name: str, default: int, *, scale: int = 1) -> int:
    """A positive integer from the environment (times scale), or the default; bad values are a usage error."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        raise UsageError(f"{name}={raw!r}: not a number; set it to a positive number or unset it") from None
    if value <= 0:
        raise UsageError(f"{name}={raw!r}: must be positive; set it to a positive number or unset it")
    return max(1, int(value * scale))


@dataclass(frozen=True)
class Limits:
    """Input limits: file size in bytes, sentence length in characters, PDF pages."""

    max_file_bytes: int = 50 * MB
    max_sentence_chars: int = 2000
    max_pdf_pages: int = 2000

    @classmethod
    def from_env(cls) -> Limits:
        """Limits from KG_MAX_FILE_MB, KG_MAX_SENTENCE_CHARS and KG_MAX_PDF_PAGES, else the defaults."""
        default = cls()
        return cls(
            max_file_bytes=_env_int("KG_MAX_FILE_MB", default.max_file_bytes, scale=MB),
            max_sentence_chars=max(20, _env_int("KG_MAX_SENTENCE_CHARS", default.max_sentence_chars)),
            max_pdf_pages=_env_int("KG_MAX_PDF_PAGES", default.max_pdf_pages),
        )


def human_size(n: float) -> str:
    """A byte count for people: 512 B, 12.3 KB, 51.0 MB.

    >>> human_size(50 * MB), human_size(10_240)
    ('50.0 MB', '10.0 KB')
    """
    for unit, size in (("MB", MB), ("KB", 1024)):
        if n >= size:
            return f"{n / size:.1f} {unit}"
    return f"{int(n)} B"


def current_limits() -> Limits:
    """The limits in force now (read from the environment on every call, so tests and the CLI can set them)."""
    return Limits.from_env()
