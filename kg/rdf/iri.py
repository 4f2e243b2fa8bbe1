"""Deterministic IRIs minted from names: Chinese kept readable, characters that break N-Triples or
Turtle percent-encoded, so every export parses with any parser.

>>> mint_iri("Enterprise", "联想", base="https://w3id.org/govkg/id/")
'https://w3id.org/govkg/id/Enterprise/联想'
>>> iri_segment('a<b> "c"')
'a%3Cb%3E%20%22c%22'
"""

from __future__ import annotations

import unicodedata

from kg.rdf.namespace import DEFAULT_BASE

_SAFE_ASCII = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~()!$'*+,;=:@")


def _safe_char(ch: str) -> bool:
    """ASCII unreserved characters and printable non-ASCII letters, digits and marks are kept as they are."""
    if ch.isascii():
        return ch in _SAFE_ASCII
    cat = unicodedata.category(ch)
    return cat[0] in "LNM" and not ("\ue000" <= ch <= "\uf8ff")


def iri_segment(name: str) -> str:
    """One path segment of an IRI from any text: unsafe characters percent-encoded as UTF-8."""
    name = unicodedata.normalize("NFC", name).strip()
    out = []
    for ch in name:
        if _safe_char(ch):
            out.append(ch)
        else:
            out.extend(f"%{b:02X}" for b in ch.encode("utf-8"))
    return "".join(out) or "_"


def mint_iri(cls: str, name: str, *, base: str = DEFAULT_BASE) -> str:
    """The IRI of an entity: the same class and canonical name give the same IRI in every document."""
    from kg.extract.resolve import name_key

    return f"{base}{cls}/{iri_segment(name_key(name))}"


def document_iri(*, issuer: str | None, year: int | None, title: str | None, source: str,
                 base: str = DEFAULT_BASE) -> str:
    """A document's IRI from what identifies it to a reader: issuer, year and title, else the file name."""
    from pathlib import PurePath

    if title and (issuer or year):
        parts = [issuer or "_", str(year) if year else "_", title]
    else:
        parts = [PurePath(source).stem or "document"]
    return base + "doc/" + "/".join(iri_segment(p) for p in parts)
