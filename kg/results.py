"""Printing SPARQL results: aligned tables that respect Chinese double-width characters, CSV, TSV, JSON, Turtle."""

from __future__ import annotations

import unicodedata
from typing import TextIO

from pyoxigraph import (
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    serialize,
)

from kg.namespace import PREFIXES


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


def print_results(results, fmt: str, out: TextIO) -> None:
    """Print SELECT, ASK, CONSTRUCT or DESCRIBE results in the chosen format."""
    if isinstance(results, QueryBoolean):
        if fmt == "json":
            out.write(results.serialize(format=QueryResultsFormat.JSON).decode("utf-8") + "\n")
        else:
            out.write(("true" if bool(results) else "false") + "\n")
        return
    if isinstance(results, QueryTriples):
        triples = list(results)
        rdf_format = RdfFormat.N_TRIPLES if fmt in ("csv", "tsv") else RdfFormat.TURTLE
        if fmt == "json":
            rdf_format = RdfFormat.JSON_LD
        out.write(serialize(triples, format=rdf_format, prefixes=PREFIXES if rdf_format is RdfFormat.TURTLE
                            else None).decode("utf-8"))
        return
    assert isinstance(results, QuerySolutions)
    if fmt in ("json", "csv", "tsv"):
        kind = {"json": QueryResultsFormat.JSON, "csv": QueryResultsFormat.CSV, "tsv": QueryResultsFormat.TSV}[fmt]
        out.write(results.serialize(format=kind).decode("utf-8"))
        if fmt == "json":
            out.write("\n")
        return
    header = [v.value for v in results.variables]
    rows = [[term_text(sol[v]) for v in results.variables] for sol in results]
    out.write(table(header, rows) + "\n")
    out.write(f"({len(rows)} row{'s' if len(rows) != 1 else ''})\n")
