"""Exports by format name: RDF serialisations through pyoxigraph, GraphML and GEXF through networkx."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from kg.atomic import write_atomic, write_atomic_with
from kg.errors import UsageError
from kg.rdf.namespace import PREFIXES

RDF_FORMATS: dict[str, RdfFormat] = {
    "ttl": RdfFormat.TURTLE,
    "nt": RdfFormat.N_TRIPLES,
    "nq": RdfFormat.N_QUADS,
    "trig": RdfFormat.TRIG,
    "jsonld": RdfFormat.JSON_LD,
    "rdfxml": RdfFormat.RDF_XML,
}
GRAPH_FORMATS = ("graphml", "gexf")
FORMATS = (*RDF_FORMATS, *GRAPH_FORMATS)
_QUAD_FORMATS = {RdfFormat.N_QUADS, RdfFormat.TRIG}


def union_triples(quads: Iterable[Quad]) -> list[Triple]:
    """The union of all named graphs as sorted, de-duplicated triples."""
    seen = {(q.subject, q.predicate, q.object) for q in quads}
    return [Triple(s, p, o) for s, p, o in sorted(seen, key=lambda t: (str(t[0]), str(t[1]), str(t[2])))]


def serialize_rdf(quads: list[Quad], fmt: str) -> bytes:
    """Serialise quads in one RDF format; triple formats get the union of all graphs."""
    rdf_format = RDF_FORMATS[fmt]
    data = quads if rdf_format in _QUAD_FORMATS else union_triples(quads)
    prefixes = PREFIXES if rdf_format in (RdfFormat.TURTLE, RdfFormat.TRIG) else None
    if rdf_format is RdfFormat.RDF_XML:
        prefixes = {k: v for k, v in PREFIXES.items() if k in ("kg", "rdf", "rdfs", "skos", "dcterms", "prov")}
    return serialize(data, format=rdf_format, prefixes=prefixes)


def export(quads: list[Quad], fmt: str, path: str | Path) -> None:
    """Write quads to path in the named format, atomically."""
    if fmt in RDF_FORMATS:
        write_atomic(path, serialize_rdf(quads, fmt))
        return
    if fmt in GRAPH_FORMATS:
        import networkx as nx

        from kg.explore.network import to_networkx

        graph = to_networkx(quads, for_export=True)
        writer = nx.write_graphml if fmt == "graphml" else nx.write_gexf
        write_atomic_with(path, lambda tmp: writer(graph, tmp))
        return
    raise UsageError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
