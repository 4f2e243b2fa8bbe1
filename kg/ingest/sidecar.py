"""Document metadata: what the text says, then a sidecar file, then CLI options — the later one wins.

A report's title, issuer area and year come from its first lines. Reports copied from web pages start
with chrome (下载 打印 全屏 …) before the title, so the title is looked for further down too. A sidecar
``<report>.meta.json`` beside the report (e.g. ``天津市.meta.json`` for ``天津市.txt``) overrides them:

    {"issuer": "天津市", "year": 2026, "title": "2026年天津市政府工作报告", "date": "2026-01-26"}

>>> meta = metadata_from_text("下载\\n打印\\n2026年天津市政府工作报告\\n——2026年1月26日在天津市人民代表大会上")
>>> meta.issuer, meta.year, meta.date
('天津市', 2026, '2026-01-26')
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, fields, replace
from pathlib import Path

from kg.errors import InputError
from kg.ingest.document import ISSUER, TITLE_YEAR, Document, first_date
from kg.ingest.issuer import infer_issuer

SIDECAR_SUFFIX = ".meta.json"
HEAD_LINES = 30
_TITLE_MARK = "政府工作报告"
EXAMPLE = '{"issuer": "天津市", "year": 2026}'


@dataclass(frozen=True)
class Metadata:
    """Title, issuer area, ISO date and year of a report; None where unknown."""

    title: str | None = None
    issuer: str | None = None
    year: int | None = None
    date: str | None = None

    def merged(self, other: Metadata) -> Metadata:
        """These values with every known value of ``other`` on top."""
        return replace(self, **{f.name: getattr(other, f.name) for f in fields(other)
                                if getattr(other, f.name) is not None})


def metadata_from_text(text: str) -> Metadata:
    """The title line holding 政府工作报告 among the first lines, its issuer and year, and the date after it."""
    head = [line.strip() for line in text.split("\n", HEAD_LINES)[:HEAD_LINES] if line.strip()]
    for i, line in enumerate(head):
        if _TITLE_MARK not in line or len(line) > 60:
            continue
        found = ISSUER.search(line.replace(" ", ""))
        if found:
            issuer = re.sub(r"^\d{4}年度?", "", found.group(1))
        else:
            issuer = "中华人民共和国"  # as kg.ingest.document does for a title without a local issuer
        date, year = first_date(head[i: i + 4])
        if year is None:
            in_title = TITLE_YEAR.search(line)
            year = int(in_title.group(1)) if in_title else None
        return Metadata(title=line, issuer=issuer, year=year, date=date)
    return Metadata()


def sidecar_path(path: str | Path) -> Path:
    """Where the sidecar of a report lives: 天津市.txt → 天津市.meta.json."""
    path = Path(path)
    return path.with_name(path.stem + SIDECAR_SUFFIX)


def read_sidecar(path: str | Path) -> Metadata:
    """The overrides in a report's sidecar file, or nothing when there is none; InputError when it is bad."""
    side = sidecar_path(path)
    if not side.is_file():
        return Metadata()
    try:
        data = json.loads(side.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError) as err:
        raise InputError(f"{side}: not valid JSON ({err}); write e.g. {EXAMPLE}") from None
    if not isinstance(data, dict):
        raise InputError(f"{side}: expected a JSON object such as {EXAMPLE}")
    return metadata_from_mapping(data, where=str(side))


def metadata_from_mapping(data: dict, *, where: str) -> Metadata:
    """Metadata from a dict of title/issuer/year/date; InputError naming ``where`` for unknown keys or bad years."""
    known = {f.name for f in fields(Metadata)}
    unknown = sorted(set(data) - known)
    if unknown:
        raise InputError(f"{where}: unknown metadata key(s) {unknown}; use {sorted(known)}")
    year = data.get("year")
    if year is not None:
        try:
            year = int(year)
        except (TypeError, ValueError):
            raise InputError(f"{where}: year must be a number such as 2026, not {year!r}") from None
    date = data.get("date")
    if date is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(date)):
        raise InputError(f"{where}: date must look like 2026-01-26, not {date!r}")
    return Metadata(title=data.get("title"), issuer=data.get("issuer"), year=year, date=date)


def apply_metadata(doc: Document, overrides: Metadata = Metadata()) -> Document:
    """Fill a parsed document's metadata: the title line found past web-page chrome, then the overrides;
    an issuer still unknown comes from the file name or the text's own voice (kg.ingest.issuer)."""
    current = Metadata(title=doc.title, issuer=doc.issuer, year=doc.year, date=doc.date)
    if not (doc.title and _TITLE_MARK in doc.title):
        found = metadata_from_text(doc.text)
        if found.title:
            current = found
    final = current.merged(overrides)
    if final.issuer is None:  # a span or a file saved without its title: the file name, then the text
        final = replace(final, issuer=infer_issuer(doc.source, doc.text))
    doc.title, doc.issuer, doc.year, doc.date = final.title, final.issuer, final.year, final.date
    return doc
