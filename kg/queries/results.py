"""Printing SPARQL results: aligned tables that respect Chinese double-width characters, CSV, TSV, JSON, Turtle."""

from __future__ import annotations

import csv
import io
import unicodedata
from typing import TextIO

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    serialize,
)

from kg.errors import UsageError
from kg.rdf.namespace import PREFIXES


def display_width(text: str) -> int:
    """Columns a string takes in a terminal: wide and full-width characters count two.

    >>> display_width("天津ab")
    6
    """
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def term_text(term) -> str:
    """A term as a reader wants it: prefixed IRIs, plain literal values."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        for prefix, ns in PREFIXES.items():
            if term.value.startswith(ns):
                return f"{prefix}:{term.value[len(ns):]}"
        return term.value
    if isinstance(term, Literal):
        return term.value
    return str(term)


def table(header: list[str], rows: list[list[str]]) -> str:
    """An aligned text table."""
    widths = [max([display_width(h)] + [display_width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - display_width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    out = [line(header), line(["-" * w for w in widths])]
    out += [line(r) for r in rows]
    return "\n".join(out)


FORMATS = ("table", "csv", "tsv", "json", "xml", "turtle")
# CSV is written here (solutions_csv): Oxigraph leaves an IRI with a comma unquoted, which splits the row
_SOLUTION_FORMATS = {"json": QueryResultsFormat.JSON, "xml": QueryResultsFormat.XML, "tsv": QueryResultsFormat.TSV}
_GRAPH_FORMATS = {"turtle": RdfFormat.TURTLE, "table": RdfFormat.TURTLE, "csv": RdfFormat.N_TRIPLES,
                  "tsv": RdfFormat.N_TRIPLES, "json": RdfFormat.JSON_LD, "xml": RdfFormat.RDF_XML}


def print_results(results, fmt: str, out: TextIO) -> None:
    """Print SELECT, ASK, CONSTRUCT or DESCRIBE results in the chosen format.

    ``results`` is what GraphStore.query or RemoteEndpoint.query returns: solutions, a boolean, or triples
    (a QueryTriples iterator or a list of Triple).
    """
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
    if isinstance(results, QueryBoolean):
        if fmt in ("json", "xml"):
            out.write(results.serialize(format=_SOLUTION_FORMATS[fmt]).decode("utf-8") + "\n")
        else:
            out.write(("true" if bool(results) else "false") + "\n")
        return
    if isinstance(results, QueryTriples | list):
        rdf_format = _GRAPH_FORMATS[fmt]
        prefixes = PREFIXES if rdf_format in (RdfFormat.TURTLE, RdfFormat.RDF_XML) else None
        out.write(serialize(list(results), format=rdf_format, prefixes=prefixes).decode("utf-8"))
        return
    assert isinstance(results, QuerySolutions)
    if fmt == "turtle":
        raise UsageError("--format turtle is for CONSTRUCT and DESCRIBE; use table, csv, tsv, json or xml for "
                         "SELECT")
    if fmt == "csv":
        out.write(solutions_csv(results))
        return
    if fmt in _SOLUTION_FORMATS:
        out.write(results.serialize(format=_SOLUTION_FORMATS[fmt]).decode("utf-8"))
        if fmt in ("json", "xml"):
            out.write("\n")
        return
    header = [v.value for v in results.variables]
    rows = [[cell_text(sol[v]) for v in results.variables] for sol in results]
    out.write(table(header, rows) + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")


def csv_cell(term) -> str:
    """A term as SPARQL 1.1 CSV writes it: an IRI or a literal's lexical form as is, a blank node as _:label."""
    if term is None:
        return ""
    if isinstance(term, NamedNode | Literal):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return str(term)


def solutions_csv(results: QuerySolutions) -> str:
    """SELECT results as SPARQL 1.1 CSV (RFC 4180: CRLF line ends; a field with a comma, quote or line break
    quoted), e.g. an IRI such as …/Policy/稳住一头,放开一片 stays one field."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow([v.value for v in results.variables])
    writer.writerows([csv_cell(sol[v]) for v in results.variables] for sol in results)
    return buf.getvalue()


def cell_text(term) -> str:
    """A term as one table cell: like term_text, with line breaks and tabs shown as spaces."""
    return " ".join(term_text(term).split()) if term is not None else ""
