"""Two documents side by side: entities only in one, in both (with mention counts); indicators of the same
metric in both with the change; and the targets one report set for a year against the actuals another
reports for it. The comparisons are the saved queries kg/queries/compare-*.rq with ?docA and ?docB bound.

A document is named by its IRI, by a report file (extracted on the fly when the store lacks it), by a
year (2025) or by the end of its IRI (天津市/2026).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat

from kg.errors import InputError, UsageError
from kg.queries.library import QUERY_DIR
from kg.store.graphstore import GraphStore

UNBOUND = "(UNDEF UNDEF)"
AT_MOST = ("以内", "以下", "不超过", "低于", "控制在")


def saved_query(name: str, doc_a: str | None = None, doc_b: str | None = None) -> str:
    """The text of kg/queries/compare-NAME.rq, with ?docA and ?docB bound when given."""
    text = (QUERY_DIR / f"compare-{name}.rq").read_text(encoding="utf-8")
    if doc_a and doc_b:
        text = text.replace(UNBOUND, f"(<{doc_a}> <{doc_b}>)")  # every copy: each branch holds one
    return text


def _rows(store: GraphStore, sparql: str) -> list[dict[str, str]]:
    """SELECT rows as variable → value ('' when unbound)."""
    results = store.query(sparql)
    names = [v.value for v in results.variables]
    return [{n: (row[n].value if row[n] is not None else "") for n in names} for row in results]


def _num(text: str) -> Decimal | None:
    """A decimal from a lexical form, None when empty."""
    try:
        return Decimal(text).normalize() if text else None
    except InvalidOperation:
        return None


def _fmt(value: Decimal | None) -> str:
    """A number in plain notation ('' for None), with a sign for changes handled by the caller."""
    return "" if value is None else format(value, "f")


@dataclass
class Comparison:
    """The rows of a comparison of document A with document B."""

    doc_a: str
    doc_b: str
    title_a: str = ""
    title_b: str = ""
    entities: list[dict[str, str]] = field(default_factory=list)
    indicators: list[dict[str, str]] = field(default_factory=list)
    targets: list[dict[str, str]] = field(default_factory=list)

    def only_in(self, side: str) -> list[dict[str, str]]:
        """Entities mentioned only in A (side 'A') or only in B ('B')."""
        other = "B" if side == "A" else "A"
        return [e for e in self.entities if int(e[f"mentions{side}"]) > 0 and int(e[f"mentions{other}"]) == 0]

    def in_both(self) -> list[dict[str, str]]:
        """Entities mentioned in both documents."""
        return [e for e in self.entities if int(e["mentionsA"]) > 0 and int(e["mentionsB"]) > 0]


def compare_docs(store: GraphStore, doc_a: str, doc_b: str) -> Comparison:
    """Run the three saved comparison queries for two document IRIs."""
    cmp = Comparison(doc_a, doc_b, title_a=_title(store, doc_a), title_b=_title(store, doc_b))
    # The saved query leaves the rows unordered (sorting by label inside the engine costs more than the query).
    cmp.entities = sorted(_rows(store, saved_query("entities", doc_a, doc_b)), key=lambda e: (e["class"], e["label"]))
    seen: set[tuple[str, str, str]] = set()
    for row in _rows(store, saved_query("indicators", doc_a, doc_b)):
        key = (row["metric"], row["unit"], row["kind"])
        if key not in seen:  # first indicator of a metric in each document (rows are ordered by offset)
            seen.add(key)
            cmp.indicators.append(row)
    seen_targets: set[tuple[str, ...]] = set()
    for row in _rows(store, saved_query("targets", doc_a, doc_b)):
        key = (row["targetDoc"], row["year"], row["metric"], row["unit"])
        if key not in seen_targets:
            seen_targets.add(key)
            cmp.targets.append(row)
    return cmp


def _title(store: GraphStore, doc: str) -> str:
    """A document's title, else its IRI."""
    rows = _rows(store, f"SELECT ?t WHERE {{ GRAPH <{doc}> {{ <{doc}> dcterms:title ?t }} }}")
    return rows[0]["t"] if rows else doc


def target_met(row: dict[str, str]) -> str:
    """'yes' / 'no' for a target against its actual: at most for 以内/以下 targets and decreases, else at least."""
    target, actual = _num(row["target"]), _num(row["actual"])
    if target is None or actual is None:
        return ""
    at_most = any(q in (row.get("qualifier") or "") for q in AT_MOST)
    return "yes" if (actual <= target if at_most else actual >= target) else "no"


def _md_table(header: list[str], rows: list[list[str]]) -> str:
    """A Markdown table; | in cells escaped."""
    def cell(text: str) -> str:
        return str(text).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in rows]
    return "\n".join(lines)


def _signed(value: Decimal | None) -> str:
    """A change with its sign: +0.3, -1.2, 0."""
    if value is None:
        return ""
    return ("+" if value > 0 else "") + format(value, "f")


def to_markdown(cmp: Comparison, *, limit: int = 200) -> str:
    """A readable Markdown report of a comparison (long entity lists cut at ``limit`` rows each)."""
    out = [f"# {cmp.title_a} ↔ {cmp.title_b}", "",
           f"- A: {cmp.title_a} <{cmp.doc_a}>", f"- B: {cmp.title_b} <{cmp.doc_b}>", ""]
    only_a, only_b, both = cmp.only_in("A"), cmp.only_in("B"), cmp.in_both()
    out += [f"## Entities: {len(both)} in both, {len(only_a)} only in A, {len(only_b)} only in B", ""]
    for heading, rows, cols in (("In both", both, ["mentionsA", "mentionsB"]), ("Only in A", only_a, ["mentionsA"]),
                                ("Only in B", only_b, ["mentionsB"])):
        ordered = sorted(rows, key=lambda e: (-sum(int(e[c]) for c in cols), e["class"], e["label"]))
        out += [f"### {heading} ({len(rows)})", ""]
        out.append(_md_table(["entity", "class", *("mentions in " + c[-1] for c in cols)],
                             [[e["label"], e["class"].rsplit("#", 1)[-1], *(e[c] for c in cols)]
                              for e in ordered[:limit]]))
        if len(rows) > limit:
            out.append(f"\n… and {len(rows) - limit} more (see the CSV)")
        out.append("")
    out += [f"## Indicators with the same metric in both ({len(cmp.indicators)})", ""]
    out.append(_md_table(["metric", "kind", "A", "year A", "B", "year B", "change"],
                         [[r["metric"], r["kind"], f"{_fmt(_num(r['valueA']))} {r['unit']}", r["yearA"],
                           f"{_fmt(_num(r['valueB']))} {r['unit']}", r["yearB"],
                           _signed(_num(r["change"]))] for r in cmp.indicators]))
    out += ["", f"## Targets against actuals ({len(cmp.targets)})", ""]
    if cmp.targets:
        out.append(_md_table(["year", "metric", "target", "set in", "actual", "reported in", "difference", "met"],
                             [[r["year"], r["metric"],
                               f"{_fmt(_num(r['target']))} {r['unit']} {r['qualifier']}".strip(),
                               "A" if r["targetDoc"] == cmp.doc_a else "B", f"{_fmt(_num(r['actual']))} {r['unit']}",
                               "A" if r["actualDoc"] == cmp.doc_a else "B", _signed(_num(r["difference"])),
                               target_met(r)] for r in cmp.targets]))
    else:
        out.append("No target in one document meets an actual of the same year and metric in the other.")
    return "\n".join(out) + "\n"


def _csv(header: list[str], rows: list[list[str]]) -> str:
    """CSV text with a header row."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buf.getvalue()


def to_csv(cmp: Comparison) -> dict[str, str]:
    """The comparison as three CSV files: compare-entities.csv, compare-indicators.csv, compare-targets.csv."""
    def side(e: dict[str, str]) -> str:
        a, b = int(e["mentionsA"]) > 0, int(e["mentionsB"]) > 0
        return "both" if a and b else ("A" if a else "B")

    return {
        "compare-entities.csv": _csv(
            ["entity", "class", "label", "in", "mentions_a", "mentions_b"],
            [[e["entity"], e["class"].rsplit("#", 1)[-1], e["label"], side(e), e["mentionsA"], e["mentionsB"]]
             for e in cmp.entities]),
        "compare-indicators.csv": _csv(
            ["metric", "unit", "kind", "value_a", "year_a", "value_b", "year_b", "change"],
            [[r["metric"], r["unit"], r["kind"], _fmt(_num(r["valueA"])), r["yearA"], _fmt(_num(r["valueB"])),
              r["yearB"], _fmt(_num(r["change"]))] for r in cmp.indicators]),
        "compare-targets.csv": _csv(
            ["year", "metric", "unit", "target", "qualifier", "target_document", "actual", "actual_document",
             "difference", "met"],
            [[r["year"], r["metric"], r["unit"], _fmt(_num(r["target"])), r["qualifier"], r["targetDoc"],
              _fmt(_num(r["actual"])), r["actualDoc"], _fmt(_num(r["difference"])), target_met(r)]
             for r in cmp.targets]),
    }


class Workspace:
    """An in-memory store holding the documents being compared, copied from a store or extracted from files."""

    def __init__(self, source: GraphStore | None) -> None:
        self.source = source
        self.store = GraphStore()
        self._docs = _documents(source) if source is not None else []

    def _copy(self, iri: str) -> str:
        """Copy one document's graph from the source store."""
        graph = NamedNode(iri)
        if not self.store.store.contains_named_graph(graph):
            data = self.source.store.dump(format=RdfFormat.N_TRIPLES, from_graph=graph)
            self.store.store.load(data, format=RdfFormat.N_TRIPLES, to_graph=graph)
        return iri

    def document(self, arg: str) -> str:
        """The IRI of the document an argument names, its graph loaded into the workspace."""
        path = Path(arg)
        if "://" not in arg and path.is_file():
            return self._from_file(path)
        if "://" in arg:
            matches = [d for d in self._docs if d["g"] == arg]
        elif re.fullmatch(r"\d{4}", arg):
            matches = [d for d in self._docs if d.get("year") == arg]
        else:
            matches = [d for d in self._docs if d.get("title") == arg or _names(d["g"], _segment(arg))]
        if len(matches) == 1:
            return self._copy(matches[0]["g"])
        if not matches:
            known = ", ".join(d.get("title") or d["g"] for d in self._docs[:8]) or "none"
            raise InputError(f"{arg}: no such document in the store (documents: {known}); pass a document IRI, "
                             "a report file, a year or the end of an IRI such as 天津市/2026")
        raise UsageError(f"{arg}: names {len(matches)} documents ("
                         + ", ".join(d["g"] for d in matches[:5]) + "); pass the document IRI instead")

    def _from_file(self, path: Path) -> str:
        """A report file: its graph from the store when stored unchanged, else extracted now."""
        from kg.ingest.readers import read_file
        from kg.ingest.sidecar import read_sidecar
        from kg.store.corpus import DocFailure, Task, extract_task, planned_iri, text_hash

        text = read_file(path)
        meta = read_sidecar(path)
        iri = planned_iri(text, path.name, meta)
        stored = [d for d in self._docs if d["g"] == iri and d.get("h") == text_hash(text)]
        if stored:
            return self._copy(iri)
        outcome = extract_task(Task(path.name, text, meta))
        if isinstance(outcome, DocFailure):
            raise InputError(outcome.reason)
        self.store.store.load(outcome.ntriples, format=RdfFormat.N_TRIPLES, to_graph=NamedNode(outcome.iri))
        return outcome.iri


def _names(iri: str, part: str) -> bool:
    """True when the path of a document IRI after doc/ starts or ends with ``part`` (天津市/2026)."""
    path = iri.split("/doc/", 1)[-1]
    return path == part or path.startswith(part + "/") or path.endswith("/" + part)


def _segment(arg: str) -> str:
    """An argument as it appears in an IRI (percent-encoded where needed)."""
    from kg.rdf.iri import iri_segment

    return "/".join(iri_segment(part) for part in arg.split("/"))


def _documents(store: GraphStore) -> list[dict[str, str]]:
    """Every document of a store: IRI, title, year and text hash."""
    sparql = """SELECT ?g ?title ?year ?h WHERE { GRAPH ?g { ?g a kg:Document .
        OPTIONAL { ?g dcterms:title ?title } OPTIONAL { ?g kg:year ?year } OPTIONAL { ?g kg:sha256 ?h } } }
        ORDER BY ?g"""
    return [{k: v for k, v in row.items() if v} for row in _rows(store, sparql)]


def compare(doc_a: str, doc_b: str, *, store: GraphStore | None = None) -> Comparison:
    """Compare two documents named by IRI, file, year or IRI ending; files missing from the store are extracted."""
    space = Workspace(store)
    iri_a, iri_b = space.document(doc_a), space.document(doc_b)
    if iri_a == iri_b:
        raise UsageError(f"{doc_a} and {doc_b} name the same document ({iri_a}); pass two different ones")
    return compare_docs(space.store, iri_a, iri_b)
