"""Plain text in the encodings Chinese government texts come in: UTF-8 (with or without BOM), UTF-16, GB18030."""

from __future__ import annotations

import codecs

from kg.errors import InputError

_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_binary(data: bytes) -> int | None:
    """Offset of the first NUL or control byte that no text file has, or None."""
    for i, b in enumerate(data[:4096]):
        if b == 0 or (b < 8) or (14 <= b < 27 and b != 0x1B):
            return i
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """Decode BOM-less UTF-16 when the bytes hold NULs and one byte order gives readable text."""
    if b"\x00" not in data[:4096] or len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if _mostly_cjk_or_ascii(text) and "\x00" not in text:
            return text
    return None


def decode_text(data: bytes, *, name: str = "<bytes>") -> str:
    """Decode bytes by BOM, then strict UTF-8, then GB18030; raise InputError for binary or undecodable data.

    >>> decode_text("天津".encode("gb18030"))
    '天津'
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as err:
                raise InputError(f"{name}: cannot decode as {encoding} at byte {err.start}; re-save as UTF-8") from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    binary_at = _looks_binary(data)
    if binary_at is not None:
        raise InputError(
            f"{name}: not text (binary data at byte {binary_at}); pass a .txt, .html, .docx or .pdf file"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError as err:
        raise InputError(
            f"{name}: cannot decode as UTF-8 or GB18030 (bad byte at {err.start}); re-save the file as UTF-8"
        ) from None
    if not _mostly_cjk_or_ascii(text):
        raise InputError(f"{name}: decodes to no readable Chinese or ASCII text; re-save the file as UTF-8")
    return text


def _mostly_cjk_or_ascii(text: str) -> bool:
    """True when most characters are CJK, ASCII or common punctuation (GB18030 decodes almost any bytes)."""
    sample = text[:5000]
    good = sum(1 for c in sample if c.isascii() or "\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f"
               or "\uff00" <= c <= "\uffef" or c in "“”‘’—…·")
    return good >= 0.8 * max(1, len(sample))
