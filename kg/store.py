"""A narrow facade over a pyoxigraph Store: load, replace a document's graph, query, dump."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Store

from kg.errors import InputError
from kg.namespace import ONTOLOGY_GRAPH, PREFIXES
from kg.ontology import ontology_text

FORMATS_BY_SUFFIX = {
    ".ttl": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".nq": RdfFormat.N_QUADS,
    ".trig": RdfFormat.TRIG,
    ".jsonld": RdfFormat.JSON_LD,
    ".rdf": RdfFormat.RDF_XML,
    ".xml": RdfFormat.RDF_XML,
}


class GraphStore:
    """Documents in named graphs, the ontology in its own graph; queries see the union by default."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else None
        self.store = Store(str(self.path)) if self.path else Store()

    @classmethod
    def from_file(cls, path: str | Path) -> GraphStore:
        """An in-memory store holding one RDF file (Turtle, TriG, N-Quads, N-Triples, JSON-LD, RDF/XML)."""
        path = Path(path)
        if not path.is_file():
            raise InputError(f"{path}: no such graph file; run `kg build` first or pass --graph FILE")
        fmt = FORMATS_BY_SUFFIX.get(path.suffix.lower())
        if fmt is None:
            raise InputError(f"{path}: unknown RDF format; use .ttl, .trig, .nq, .nt, .jsonld or .rdf")
        store = cls()
        try:
            if fmt in (RdfFormat.TRIG, RdfFormat.N_QUADS):
                store.store.bulk_load(path=str(path), format=fmt)
            else:
                store.store.bulk_load(path=str(path), format=fmt, to_graph=DefaultGraph())
        except (SyntaxError, ValueError) as err:
            raise InputError(f"{path}: not valid RDF ({str(err).splitlines()[0]})") from None
        return store

    def add_ontology(self) -> None:
        """Put the ontology triples into their own named graph."""
        graph = NamedNode(ONTOLOGY_GRAPH)
        self.store.remove_graph(graph) if self.store.contains_named_graph(graph) else None
        self.store.load(ontology_text("govkg.ttl").encode("utf-8"), format=RdfFormat.TURTLE, to_graph=graph)

    def replace_graph(self, graph_iri: str, quads: Iterable[Quad]) -> None:
        """Replace one document's named graph with new quads; other graphs are untouched."""
        graph = NamedNode(graph_iri)
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        self.store.extend(list(quads))

    def query(self, sparql: str, **kwargs):
        """Run SPARQL over the union of all graphs with the standard prefixes predeclared."""
        return self.store.query(sparql, prefixes=PREFIXES, use_default_graph_as_union=True, **kwargs)

    def quads(self) -> list[Quad]:
        """Every quad, sorted for byte-stable output."""
        return sorted(self.store, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))

    def flush(self) -> None:
        """Persist an on-disk store."""
        if self.path:
            self.store.flush()
