"""One measure across reports and years: the rows of `kg trend` (issuer, year, kind, value, report, evidence).

The rows come from the saved query kg/queries/measure-over-years.rq with the measure bound, so the command and
an analyst's SPARQL read the same graph the same way. A value for several years (kg:period: 年均增长, “十四五”时期
累计) is left out of a series of single years. When several statements give the same issuer's value of one kind
for one year, the one from the report of that year (targets) or of the next year (actuals) is kept — the
report that sets or reviews it — and within a report the first in text order.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass
from decimal import Decimal

from kg.errors import UsageError
from kg.extract.lexicons.divisions import short_forms
from kg.queries.library import get_query, with_prefixes
from kg.rdf.measures import Concept, concepts, resolve_measure

KINDS = ("target", "actual", "both")
# The nation's reports are issued by 中华人民共和国; readers name it 中国 (graphs built before the alias was kept
# lack the skos:altLabel).
NATIONAL_ALIASES = {"中华人民共和国": ("中国", "全国", "国务院")}
KIND_ZH = {"Target": "目标", "Actual": "实际"}


@dataclass(frozen=True)
class TrendRow:
    """One value of a measure: who states it, for which year, target or actual, and the sentence saying so."""

    issuer: str
    year: int
    kind: str  # "Target" or "Actual"
    value: Decimal
    value_max: Decimal | None
    unit: str
    qualifier: str
    metric: str
    report: str  # the document IRI
    report_year: int | None
    evidence: str
    start: int

    @property
    def value_text(self) -> str:
        """The value as written for a reader: 5, or 5–5.5 for a range."""
        low = format(self.value.normalize(), "f")
        return low if self.value_max is None else f"{low}–{format(self.value_max.normalize(), 'f')}"

    def to_json(self) -> dict:
        """The row as JSON-ready values (numbers as numbers)."""
        out = asdict(self)
        out["value"] = float(self.value)
        out["value_max"] = None if self.value_max is None else float(self.value_max)
        return out


def find_concept(name: str) -> Concept:
    """The concept a user names, or a UsageError listing the known slugs."""
    concept = resolve_measure(name)
    if concept is None:
        known = ", ".join(concepts())
        raise UsageError(f"no measure named {name!r}; use a slug or a label of one of: {known}")
    return concept


def _issuer_names(store) -> dict[str, set[str]]:
    """Every issuer label with its aliases (中华人民共和国: 中国 …)."""
    sparql = with_prefixes("SELECT DISTINCT ?label ?alias WHERE { ?d a kg:Document ; kg:issuer ?a . "
                           "OPTIONAL { ?a rdfs:label ?l } OPTIONAL { ?a skos:altLabel ?alias } "
                           'BIND(COALESCE(STR(?l), STRAFTER(STR(?a), "AdministrativeArea/")) AS ?label) }')
    names: dict[str, set[str]] = {}
    for row in store.query(sparql):
        label = row["label"].value
        entry = names.setdefault(label, {label, *short_forms(label), *NATIONAL_ALIASES.get(label, ())})
        if row["alias"] is not None:
            entry.add(row["alias"].value)
    return names


def _report_year(iri: str) -> int | None:
    """The year in a document IRI (…/doc/天津市/2026/…), None when it has none."""
    for part in iri.split("/"):
        if len(part) == 4 and part.isdigit():
            return int(part)
    return None


def trend_rows(store, concept: Concept, *, kind: str = "both", issuers: tuple[str, ...] = (),
               year: int | None = None, year_from: int | None = None, year_to: int | None = None) -> list[TrendRow]:
    """The values of one measure, one per issuer, year and kind, filtered as asked and ordered by issuer and year."""
    if kind not in KINDS:
        raise UsageError(f"--kind must be one of {', '.join(KINDS)}")
    wanted: set[str] | None = None
    if issuers:
        names = _issuer_names(store)
        wanted = {label for label, aliases in names.items() if aliases & set(issuers)}
        missing = [n for n in issuers if not any(n in aliases for aliases in names.values())]
        if missing:
            raise UsageError(f"no report of issuer {', '.join(missing)} in this graph; issuers: "
                             + ", ".join(sorted(names)))
    sparql = with_prefixes(get_query("measure-over-years").bind({"measure": f"<{concept.iri}>"}))
    best: dict[tuple[str, int, str], TrendRow] = {}
    for r in store.query(sparql):
        if r["year"] is None or r["period"] is not None:
            continue
        row = TrendRow(
            issuer=r["issuer"].value, year=int(r["year"].value[:4]), kind=r["kind"].value,
            value=Decimal(r["value"].value), value_max=Decimal(r["valueMax"].value) if r["valueMax"] else None,
            unit=r["unit"].value, qualifier=r["qualifier"].value if r["qualifier"] else "",
            metric=r["metric"].value, report=r["document"].value, report_year=_report_year(r["document"].value),
            evidence=r["evidence"].value if r["evidence"] else "", start=int(r["start"].value))
        if kind != "both" and row.kind.lower() != kind:
            continue
        if wanted is not None and row.issuer not in wanted:
            continue
        if year is not None and row.year != year:
            continue
        if (year_from is not None and row.year < year_from) or (year_to is not None and row.year > year_to):
            continue
        key = (row.issuer, row.year, row.kind)
        if key not in best or _rank(row) < _rank(best[key]):
            best[key] = row
    return sorted(best.values(), key=lambda r: (r.issuer, r.year, r.kind))


def _rank(row: TrendRow) -> tuple[int, int, str, int]:
    """Which statement of a value to keep: the report that sets (targets) or reviews (actuals) that year first."""
    home = row.year if row.kind == "Target" else row.year + 1
    distance = abs((row.report_year or home) - home)
    return (distance, 0 if row.unit == "%" else 1, row.report, row.start)


HEADER = ["issuer", "year", "kind", "value", "unit", "qualifier", "report", "evidence"]


def _cells(row: TrendRow) -> list[str]:
    return [row.issuer, str(row.year), row.kind, row.value_text, row.unit, row.qualifier, row.report, row.evidence]


def to_table(rows: list[TrendRow]) -> str:
    """An aligned text table of the rows (the evidence sentence last)."""
    from kg.queries.results import table

    return table(HEADER, [_cells(r) for r in rows]) + "\n"


def to_csv(rows: list[TrendRow]) -> str:
    """The rows as CSV with a header line; a range is written 5–5.5, and value_min/value_max give its bounds."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow([*HEADER, "value_min", "value_max"])
    for r in rows:
        writer.writerow([*_cells(r), format(r.value.normalize(), "f"),
                         "" if r.value_max is None else format(r.value_max.normalize(), "f")])
    return buf.getvalue()


def to_json(rows: list[TrendRow], concept: Concept) -> str:
    """The rows as one JSON object with the measure's IRI and labels."""
    return json.dumps({"measure": concept.iri, "label_zh": concept.label_zh, "label_en": concept.label_en,
                       "rows": [r.to_json() for r in rows]}, ensure_ascii=False, indent=1) + "\n"
