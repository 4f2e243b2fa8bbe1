"""Readers turn a file of any supported format into plain text; ``read_file`` picks one by content and name.

Formats: plain text and Markdown (any common encoding, detected), HTML (main content only), .docx, and PDF
with a text layer. The format is decided by the file's first bytes first and its name second, so a
report saved as ``.txt`` that is really HTML or a PDF is still read correctly. Web-page chrome at the head
and tail of a report (toolbars, 来源/时间 lines, share buttons) is dropped.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from kg.errors import InputError
from kg.ingest.limits import current_limits, human_size
from kg.ingest.readers.chrome import strip_chrome
from kg.ingest.readers.docx import ZIP_ERRORS
from kg.ingest.readers.text import decode_text

__all__ = ["read_file", "read_bytes", "sniff_format", "TEXT_SUFFIXES", "FORMATS"]

# Every suffix a folder is searched for (kg build reports/); the name is kept for kg.build.
TEXT_SUFFIXES = (".txt", ".md", ".text", ".html", ".htm", ".xhtml", ".docx", ".pdf")
FORMATS = ("text", "html", "docx", "pdf")

_HTML_START = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.I | re.S
)
_HTML_TAGS = re.compile(r"<(?:p|div|br|span|table|h[1-6])[\s>/]", re.I)



def _zip_kind(data: bytes) -> str | None:
    """'docx' for a Word document, 'zip' for any other zip archive, None when not a readable zip."""
    import io

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
    except ZIP_ERRORS:
        return None
    return "docx" if "word/document.xml" in names else "zip"


def sniff_format(data: bytes, suffix: str = "") -> str:
    """The format of a file's bytes: 'pdf', 'docx', 'html' or 'text'; the suffix only breaks ties.

    >>> sniff_format(b"%PDF-1.7 ..."), sniff_format(b"<!DOCTYPE html><p>x"), sniff_format("天津".encode())
    ('pdf', 'html', 'text')
    """
    suffix = suffix.lower()
    head = data[:1024]
    if head.lstrip()[:5] == b"%PDF-" or (b"%PDF-" in head and suffix == ".pdf"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        kind = _zip_kind(data)
        if kind == "docx":
            return "docx"
        if kind == "zip":
            return "zip"
        return "docx" if suffix == ".docx" else "text"  # a damaged zip: the docx reader will say so
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "ole"
    try:
        sample = head.decode("utf-8", errors="ignore") if not head.startswith((b"\xff\xfe", b"\xfe\xff")) \
            else head.decode("utf-16", errors="ignore")
    except UnicodeDecodeError:  # pragma: no cover - errors="ignore"
        sample = ""
    if _HTML_START.match(sample.lstrip("\ufeff")):
        return "html"
    if suffix in (".html", ".htm", ".xhtml") and _HTML_TAGS.search(sample):
        return "html"
    if suffix == ".docx" or suffix == ".pdf":
        return "text" if _plausible_text(data) else suffix[1:]
    return "text"


def _plausible_text(data: bytes) -> bool:
    """True when bytes decode as text (a .pdf or .docx name on a text file)."""
    try:
        decode_text(data[:65536])
    except InputError:
        return False
    return True


def read_bytes(data: bytes, *, name: str = "<bytes>", suffix: str = "") -> str:
    """Text of a file's bytes in any supported format, web chrome removed; raise InputError otherwise."""
    if not data.strip():
        raise InputError(f"{name}: empty file; pass a report with text in it")
    fmt = sniff_format(data, suffix)
    if fmt == "pdf":
        from kg.ingest.readers.pdf import pdf_to_text

        text = pdf_to_text(data, name=name)
    elif fmt == "docx":
        from kg.ingest.readers.docx import docx_to_text

        text = docx_to_text(data, name=name)
    elif fmt == "html":
        from kg.ingest.readers.html import html_to_text

        text = html_to_text(data, name=name)
    elif fmt == "zip":
        raise InputError(f"{name}: a zip archive, not a report; unpack it and pass the files inside")
    elif fmt == "ole":
        raise InputError(f"{name}: old Word .doc (or another Office binary) format; save it as .docx or .txt")
    else:
        text = decode_text(data, name=name)
    if not text.strip():
        raise InputError(f"{name}: no text found in this {fmt} file; pass a report with text in it")
    cleaned = strip_chrome(text)
    if not cleaned.strip():  # pragma: no cover - strip_chrome keeps text that is all chrome
        raise InputError(f"{name}: only web-page furniture, no report text; pass the report itself")
    return cleaned


def read_file(path: str | Path) -> str:
    """Read a report file and return its text; raise InputError with a one-line reason otherwise."""
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path}: no such file; check the path")
    if path.is_dir():
        raise InputError(f"{path}: is a directory; pass the files inside it or a directory of report files")
    if not path.is_file():
        raise InputError(f"{path}: not a regular file (a device or pipe?); pass a report file")
    limits = current_limits()
    try:
        size = path.stat().st_size
        if size > limits.max_file_bytes:
            raise InputError(f"{path}: file is {human_size(size)}, over the limit of "
                             f"{human_size(limits.max_file_bytes)}; split it or raise KG_MAX_FILE_MB")
        with path.open("rb") as handle:
            data = handle.read(limits.max_file_bytes + 1)
    except PermissionError:
        raise InputError(f"{path}: permission denied; make the file readable (chmod +r) and try again") from None
    except IsADirectoryError:  # pragma: no cover - checked above
        raise InputError(f"{path}: is a directory; pass the files inside it") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err}); check the file and the disk") from None
    if len(data) > limits.max_file_bytes:
        raise InputError(f"{path}: file is over the limit of {human_size(limits.max_file_bytes)}; split it or "
                         "raise KG_MAX_FILE_MB")
    return read_bytes(data, name=str(path), suffix=path.suffix)
