"""The networkx view of a graph: entities as nodes (class, label), typed relations and co-mentions as edges.

One `EntityNetwork` is built from a pyoxigraph store (or a list of quads) by reading only the predicates it
needs, so it is cheap on a large corpus store. Its undirected `graph` carries, on every edge, each relation
between the two entities (kind, direction, documents) and a weight; the evidence sentences behind an edge are
looked up on demand (`evidence`) and cached. `to_networkx` turns it into the directed multigraph used by the
GraphML/GEXF exports and the page.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
from pyoxigraph import DefaultGraph, NamedNode, Quad, Store

from kg.errors import InputError
from kg.model import ENTITY_CLASSES, RELATION_TYPES
from kg.namespace import (
    DCT_TITLE,
    KG,
    KG_NS,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_SUBJECT,
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_ALT,
)

_CLASS_IRIS = {KG_NS + c: c for c in ENTITY_CLASSES}
EDGE_KINDS: tuple[str, ...] = (*RELATION_TYPES, "relatedTo")
TYPED_WEIGHT = 2  # a typed relation counts as much as two documents' co-mentions
_DEFAULT = "default"  # the document name of quads in the default graph (a Turtle union)


@dataclass(frozen=True)
class Relation:
    """One relation on an edge: its kind, its direction (source → target) and the documents asserting it."""

    kind: str
    source: str
    target: str
    documents: tuple[str, ...]

    @property
    def typed(self) -> bool:
        """True for the typed relations, False for a co-mention (kg:relatedTo)."""
        return self.kind != "relatedTo"


@dataclass(frozen=True)
class Evidence:
    """A sentence that states a relation: its IRI, text and the document (IRI and title) it is in."""

    sentence: str
    text: str
    document: str
    title: str


def _graph_name(term) -> str:
    return _DEFAULT if isinstance(term, DefaultGraph) else term.value


class EntityNetwork:
    """Entities and the relations between them, with evidence on demand; built once, reused by every command."""

    def __init__(self, store: Store, *, documents: Iterable[str] | None = None) -> None:
        self.store = store
        self._graphs = [NamedNode(d) for d in documents] if documents else [None]
        self._skip_default = next(iter(store.named_graphs()), None) is not None
        self.graph = nx.Graph()
        self.titles: dict[str, str] = {}
        self._mentioned: dict[str, frozenset[str]] = {}
        self._sentences: dict[str, tuple[str, str]] = {}
        self._typed_view: nx.Graph | None = None
        self._load()

    @classmethod
    def from_quads(cls, quads: Iterable[Quad], *, documents: Iterable[str] | None = None) -> EntityNetwork:
        """The network of a list of quads (loaded into an in-memory store first)."""
        store = Store()
        store.extend(quads)
        return cls(store, documents=documents)

    # ----------------------------------------------------------------- loading

    def _pattern(self, s=None, p=None, o=None) -> Iterator[Quad]:
        for g in self._graphs:
            for q in self.store.quads_for_pattern(s, p, o, g):
                # a store with named graphs may also hold their merged union in the default graph: count once
                if not (self._skip_default and isinstance(q.graph_name, DefaultGraph)):
                    yield q

    def _load(self) -> None:
        nodes: dict[str, dict] = {}
        for cls_iri, cls in _CLASS_IRIS.items():
            for q in self._pattern(None, RDF_TYPE, NamedNode(cls_iri)):
                data = nodes.setdefault(q.subject.value, {"cls": cls, "documents": set()})
                data["documents"].add(_graph_name(q.graph_name))
        for q in self._pattern(None, RDFS_LABEL, None):
            data = nodes.get(q.subject.value)
            if data is not None and "label" not in data:
                data["label"] = q.object.value
        for q in self._pattern(None, SKOS_ALT, None):
            data = nodes.get(q.subject.value)
            if data is not None:
                data.setdefault("aliases", set()).add(q.object.value)
        for q in self._pattern(None, KG.mentionCount, None):
            data = nodes.get(q.subject.value)
            if data is not None:
                data["mentions"] = data.get("mentions", 0) + int(q.object.value)
        for q in self._pattern(None, KG.divisionCode, None):
            if q.subject.value in nodes:
                nodes[q.subject.value]["divisionCode"] = q.object.value
        for name, cast in (("degree", int), ("pagerank", float), ("community", int)):
            for q in self._pattern(None, KG[name], None):
                if q.subject.value in nodes:
                    nodes[q.subject.value][name] = cast(q.object.value)
        for iri in sorted(nodes):
            data = nodes[iri]
            data["label"] = data.get("label", iri.rsplit("/", 1)[-1])
            data["aliases"] = sorted(data.get("aliases", ()))
            data["mentions"] = data.get("mentions", 1)
            data["documents"] = sorted(data["documents"])
            self.graph.add_node(iri, **data)

        found: dict[tuple[str, str, str], set[str]] = {}
        for kind in EDGE_KINDS:
            for q in self._pattern(None, KG[kind], None):
                s, o = q.subject.value, q.object
                if isinstance(o, NamedNode) and s in nodes and o.value in nodes and s != o.value:
                    found.setdefault((s, kind, o.value), set()).add(_graph_name(q.graph_name))
        edges: dict[tuple[str, str], dict] = {}
        for key in sorted(found):
            s, kind, o = key
            docs = found[key]
            rel = Relation(kind, s, o, tuple(sorted(docs)) if len(docs) > 1 else tuple(docs))
            data = edges.get((s, o)) or edges.get((o, s))
            if data is None:
                data = edges[(s, o)] = {"relations": [], "weight": 0, "typed": False}
            data["relations"].append(rel)
            data["weight"] += TYPED_WEIGHT if rel.typed else len(docs)
            data["typed"] = data["typed"] or rel.typed
        self.graph.add_edges_from((s, o, data) for (s, o), data in edges.items())
        for q in self._pattern(None, DCT_TITLE, None):
            if isinstance(q.subject, NamedNode):
                self.titles.setdefault(q.subject.value, q.object.value)

    # ----------------------------------------------------------------- views

    def typed_view(self) -> nx.Graph:
        """The same graph with only the edges that carry a typed relation."""
        if self._typed_view is None:
            self._typed_view = nx.subgraph_view(self.graph, filter_edge=lambda a, b: self.graph[a][b]["typed"])
        return self._typed_view

    def label(self, node: str) -> str:
        """The canonical label of an entity."""
        return self.graph.nodes[node]["label"]

    def cls(self, node: str) -> str:
        """The class of an entity (Enterprise, Zone …)."""
        return self.graph.nodes[node]["cls"]

    def relations(self, a: str, b: str) -> list[Relation]:
        """The relations between two adjacent entities, typed ones first."""
        return sorted(self.graph[a][b]["relations"], key=lambda r: (not r.typed, r.kind, r.source))

    # ----------------------------------------------------------------- evidence

    def mentioned_in(self, node: str) -> frozenset[str]:
        """The sentences an entity is mentioned in."""
        if node not in self._mentioned:
            self._mentioned[node] = frozenset(
                q.object.value for q in self._pattern(NamedNode(node), KG.mentionedIn, None)
                if isinstance(q.object, NamedNode))
        return self._mentioned[node]

    def sentence(self, iri: str) -> tuple[str, str]:
        """The text of a sentence and the document it belongs to."""
        if iri not in self._sentences:
            text, doc = "", _DEFAULT
            for q in self._pattern(NamedNode(iri), KG.text, None):
                text, doc = q.object.value, _graph_name(q.graph_name)
                break
            self._sentences[iri] = (text, doc)
        return self._sentences[iri]

    def _statement_sentences(self, rel: Relation) -> set[str]:
        out: set[str] = set()
        for q in self._pattern(None, RDF_SUBJECT, NamedNode(rel.source)):
            stmt = q.subject
            if (any(True for _ in self.store.quads_for_pattern(stmt, RDF_PREDICATE, KG[rel.kind], q.graph_name))
                    and any(True for _ in self.store.quads_for_pattern(stmt, RDF_OBJECT, NamedNode(rel.target),
                                                                       q.graph_name))):
                out.update(e.object.value for e in self.store.quads_for_pattern(stmt, KG.evidence, None, q.graph_name)
                           if isinstance(e.object, NamedNode))
        return out

    def evidence(self, rel: Relation) -> list[Evidence]:
        """The sentences behind a relation: a typed relation's kg:Statement evidence, or the co-mention sentences."""
        if rel.typed:
            iris = self._statement_sentences(rel)
        else:
            iris = self.mentioned_in(rel.source) & self.mentioned_in(rel.target)
        out = []
        for iri in iris:
            text, doc = self.sentence(iri)
            out.append(Evidence(iri, text, doc, self.titles.get(doc, "")))
        return sorted(out, key=lambda e: (e.document, _sentence_order(e.sentence)))

    # ----------------------------------------------------------------- subsets and exports

    def subgraph_quads(self, nodes: Iterable[str]) -> list[Quad]:
        """The quads describing some entities and the relations among them, with their evidence sentences."""
        keep = set(nodes)
        quads: set[Quad] = set()
        entity_predicates = {RDF_TYPE, RDFS_LABEL, SKOS_ALT, KG.mentionCount, KG.divisionCode, KG.degree,
                             KG.pagerank, KG.community, KG.confidence}
        for node in keep:
            for q in self._pattern(NamedNode(node), None, None):
                if q.predicate in entity_predicates:
                    quads.add(q)
        sentences: set[str] = set()
        for a, b in self.graph.subgraph(keep).edges():
            for rel in self.graph[a][b]["relations"]:
                for q in self._pattern(NamedNode(rel.source), KG[rel.kind], NamedNode(rel.target)):
                    quads.add(q)
                for ev in self.evidence(rel):
                    sentences.add(ev.sentence)
                    if rel.typed:
                        quads.update(self._statement_quads(rel))
        for node in keep:
            for q in self._pattern(NamedNode(node), KG.mentionedIn, None):
                quads.add(q)
                sentences.add(q.object.value)
        for iri in sentences:
            quads.update(q for q in self._pattern(NamedNode(iri), None, None) if q.predicate in (RDF_TYPE, KG.text))
        return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))

    def _statement_quads(self, rel: Relation) -> list[Quad]:
        out = []
        for q in self._pattern(None, RDF_SUBJECT, NamedNode(rel.source)):
            stmt_quads = list(self.store.quads_for_pattern(q.subject, None, None, q.graph_name))
            if any(s.predicate == RDF_PREDICATE and s.object == KG[rel.kind] for s in stmt_quads) and any(
                    s.predicate == RDF_OBJECT and s.object == NamedNode(rel.target) for s in stmt_quads):
                out.extend(stmt_quads)
        return out

    def to_multidigraph(self, *, for_export: bool = False, evidence: bool = True) -> nx.MultiDiGraph:
        """Entities as nodes, each relation as a directed edge keyed by its kind, with evidence sentence texts.

        For export every attribute is a plain string or number (GraphML/GEXF cannot hold lists).
        """
        out = nx.MultiDiGraph()
        for node, data in self.graph.nodes(data=True):
            attrs = dict(data)
            if for_export:
                attrs["aliases"] = "|".join(data["aliases"])
                attrs["documents"] = "|".join(data["documents"])
            out.add_node(node, **attrs)
        for a, b in sorted(self.graph.edges()):
            for rel in self.relations(a, b):
                attrs: dict = {"kind": rel.kind}
                texts = [e.text for e in self.evidence(rel)] if evidence else []
                if for_export:
                    attrs["documents"] = "|".join(rel.documents)
                    attrs["evidence"] = " ‖ ".join(texts)
                else:
                    attrs["documents"] = list(rel.documents)
                    attrs["evidence"] = texts
                out.add_edge(rel.source, rel.target, key=rel.kind, **attrs)
        return out


def _sentence_order(iri: str) -> int:
    tail = iri.rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def to_networkx(quads: Iterable[Quad], *, for_export: bool = False) -> nx.MultiDiGraph:
    """Entities become nodes with class, label, aliases and mention count; relations become edges with kind and
    the evidence sentences that state them."""
    return EntityNetwork.from_quads(quads).to_multidigraph(for_export=for_export)


def load_network(graph: str | Path | None = None, store: str | Path | None = None, *,
                 documents: Iterable[str] | None = None) -> EntityNetwork:
    """The network of a graph file or an on-disk store (a store wins when both are given)."""
    from kg.store import GraphStore

    if store:
        oxi = GraphStore.open_read_only(store).store
    else:
        path = Path(graph or "output/graph.trig")
        if not path.exists() and graph in (None, "output/graph.trig") and Path("output/graph.ttl").exists():
            path = Path("output/graph.ttl")
        oxi = GraphStore.from_file(path).store
    return EntityNetwork(oxi, documents=find_documents(oxi, documents) if documents else None)


def find_documents(store: Store, wanted: Iterable[str]) -> list[str]:
    """The IRIs of the documents named by IRI or by words of their title; InputError when one matches none."""
    titles: dict[str, str] = {}
    for q in store.quads_for_pattern(None, RDF_TYPE, KG.Document, None):
        titles.setdefault(q.subject.value, "")
    for q in store.quads_for_pattern(None, DCT_TITLE, None, None):
        if q.subject.value in titles:
            titles[q.subject.value] = q.object.value
    out: list[str] = []
    for want in wanted:
        hits = [iri for iri, title in sorted(titles.items()) if want == iri or (want and want in title + " " + iri)]
        if not hits:
            known = "、".join(t or i for i, t in sorted(titles.items())[:5]) or "none"
            raise InputError(f"no document matches {want!r}; documents include: {known}")
        out.extend(h for h in hits if h not in out)
    return out
