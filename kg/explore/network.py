"""The network view of a graph: entities as nodes (class, label), typed relations and co-mentions as edges.

One `EntityNetwork` is built from a pyoxigraph store (or a list of quads) by reading only the predicates it
needs. Its core is a compact `NetworkData` (string tables and numpy arrays: one row per entity, per edge and per
relation), read with a few SPARQL queries whose results pyoxigraph serialises to CSV in Rust, so a corpus of a
million quads never becomes a million Python objects; `kg.explore.network_cache` saves the same data beside an on-disk
store. Adjacency, relations and attributes are answered from the arrays; the networkx graph (`graph`, the
undirected view whose edges carry each relation and a weight) is built only when asked for. The evidence
sentences behind an edge are looked up on demand (`evidence`) and cached. `to_networkx` turns it into the
directed multigraph used by the GraphML/GEXF exports and the page.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import repeat
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
from pyoxigraph import DefaultGraph, NamedNode, Quad, QueryResultsFormat, Store

from kg.errors import InputError
from kg.model import ENTITY_CLASSES, RELATION_TYPES

if TYPE_CHECKING:  # networkx is imported only when a networkx view is asked for (it costs a tenth of a second)
    import networkx as nx
from kg.rdf.namespace import (
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

EDGE_KINDS: tuple[str, ...] = (*RELATION_TYPES, "relatedTo")
# Relations are stored and listed in this order: typed kinds alphabetically, then the co-mention.
KIND_ORDER: tuple[str, ...] = (*sorted(RELATION_TYPES), "relatedTo")
COMENTION = KIND_ORDER.index("relatedTo")
TYPED_WEIGHT = 2  # a typed relation counts as much as two documents' co-mentions
_DEFAULT = "default"  # the document name of quads in the default graph (a Turtle union)
EXTRAS: dict[str, type] = {"divisionCode": str, "degree": int, "pagerank": float, "community": int}


class Relation(NamedTuple):
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


@dataclass
class NetworkData:
    """The whole view as string tables and numpy arrays: what is read from a store and what the cache holds.

    Nodes are entity IRIs in sorted order; an edge joins two nodes u < v; relations are grouped by edge
    (`rel_ptr`), each with its kind (an index into KIND_ORDER), direction and documents (indices into `docs`).
    """

    nodes: list[str]
    classes: np.ndarray  # uint8, index into ENTITY_CLASSES
    labels: list[str]
    mentions: np.ndarray  # int64
    docs: list[str]  # document names, sorted
    node_doc_ptr: np.ndarray  # int64, n + 1
    node_doc: np.ndarray  # int32, the documents an entity is typed in
    edge_u: np.ndarray  # int32
    edge_v: np.ndarray  # int32
    edge_weight: np.ndarray  # int64
    edge_typed: np.ndarray  # bool
    rel_ptr: np.ndarray  # int64, edges + 1
    rel_kind: np.ndarray  # uint8, index into KIND_ORDER
    rel_source: np.ndarray  # int32
    rel_target: np.ndarray  # int32
    rel_doc_ptr: np.ndarray  # int64, relations + 1
    rel_doc: np.ndarray  # int32
    indptr: np.ndarray  # int64, n + 1: the adjacency, each edge in both rows, neighbours in node order
    indices: np.ndarray  # int32, the neighbour of each adjacency entry
    entry_edge: np.ndarray  # int32, the edge of each adjacency entry
    aliases: dict[int, list[str]] = field(default_factory=dict)
    extras: dict[str, dict[int, Any]] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)

    ARRAYS = ("classes", "mentions", "node_doc_ptr", "node_doc", "edge_u", "edge_v", "edge_weight", "edge_typed",
              "rel_ptr", "rel_kind", "rel_source", "rel_target", "rel_doc_ptr", "rel_doc", "indptr", "indices",
              "entry_edge")


# --------------------------------------------------------------------------- reading a store


class _Reader:
    """SELECT queries over the document graphs (the named graphs, or the default graph when there are none).

    A store with named graphs may also hold their merged union in the default graph: it is never read, so each
    document counts once. Results come back serialised by pyoxigraph (TSV or CSV) and are split as text: no
    Python term object is made per row, which is most of the cost of reading a corpus.
    """

    def __init__(self, store: Store, documents: Iterable[str] | None, *, union: bool = False) -> None:
        self.store = store
        self.union = union  # strings read from the merged union in the default graph (kg build keeps one)
        wanted = [NamedNode(d) for d in documents] if documents else None
        self.named = wanted is not None or next(iter(store.named_graphs()), None) is not None
        self.restrict = wanted  # None: every named graph
        self.graphs = wanted if wanted is not None else (list(store.named_graphs()) if self.named else [])

    def _query(self, head: str, pattern: str, *, graph: bool, graphs: list | None = None) -> tuple[str, dict]:
        if not self.named:
            return f"{head} WHERE {{ {pattern} }}", {}
        if graph:
            return f"{head} ?g WHERE {{ GRAPH ?g {{ {pattern} }} }}", {"named_graphs": graphs or self.restrict}
        return f"{head} WHERE {{ GRAPH ?g {{ {pattern} }} }}", {"named_graphs": graphs or self.restrict}

    def strings(self, variables: str, pattern: str) -> list[list[str]]:
        """Distinct solutions over every document graph as plain strings (lexical forms): for literal values."""
        if self.union:  # the same distinct solutions, without reading each document's copy of them
            query, kwargs = f"SELECT DISTINCT {variables} WHERE {{ {pattern} }}", {}
        else:
            query, kwargs = self._query(f"SELECT DISTINCT {variables}", pattern, graph=False)
        # JSON, not CSV: oxigraph writes an IRI with a comma in it (…/Policy/稳住一头,放开一片) unquoted in CSV
        data = json.loads(self.store.query(query, **kwargs).serialize(format=QueryResultsFormat.JSON))
        names = [v.lstrip("?") for v in variables.split()]
        return [[row[v]["value"] for v in names] for row in data["results"]["bindings"] if all(v in row for v in names)]

    def tokens(self, variables: str, pattern: str, *, graph: bool = False,
               graphs: list | None = None) -> tuple[list[str], int]:
        """The solutions as a flat row-major list of TSV terms (<iri>, bare numbers, "literals"), and the width.

        With `graph`, each row ends with its document graph (its name, `<iri>`, or "default"). Without, the
        solutions of every document graph are listed together (a bag: one row per document stating it).
        """
        query, kwargs = self._query(f"SELECT {variables}", pattern, graph=graph, graphs=graphs)
        width = len(variables.split()) + (graph and self.named)
        text = self.store.query(query, **kwargs).serialize(format=QueryResultsFormat.TSV).decode("utf-8")
        flat = text.split()  # terms hold no raw whitespace, except literals with spaces: checked below
        if len(flat) != width * text.count("\n"):
            flat = [term for line in text.split("\n") if line for term in line.split("\t")]
        flat = flat[width:]  # the header
        if graph and not self.named:
            rows = [flat[k:k + width] for k in range(0, len(flat), width)]
            flat, width = [term for row in rows for term in (*row, _DEFAULT)], width + 1
        return flat, width


def _unique(values: np.ndarray) -> np.ndarray:
    """The sorted distinct values of an integer array (by sorting: faster here than numpy's hashing unique)."""
    values = np.sort(values)
    return values[np.concatenate(([True], values[1:] != values[:-1]))] if len(values) else values


def _lexical(term: str) -> str:
    """The lexical form of a TSV term: a bare number as is, a quoted literal without quotes, tag or datatype."""
    return term[1:term.rindex('"')] if term.startswith('"') else term


def _iri(term: str) -> str:
    return term[1:-1] if term.startswith("<") else term


def read_network_data(store: Store, documents: Iterable[str] | None = None) -> NetworkData:
    """The compact view of a store (only the given document graphs when `documents` is set)."""
    reader = _Reader(store, documents)
    subjects: list[str] = []
    graphs: list[str] = []
    class_of: list[int] = []
    for c, cls in enumerate(ENTITY_CLASSES):
        flat, width = reader.tokens("?s", f"?s a <{KG_NS}{cls}> FILTER(isIRI(?s))", graph=True)
        subjects += flat[0::width]
        graphs += flat[width - 1::width]
        class_of += [c] * (len(flat) // width)
    nodes = sorted({_iri(t) for t in set(subjects)})
    index = {iri: i for i, iri in enumerate(nodes)}
    term_index = {f"<{iri}>": i for i, iri in enumerate(nodes)}  # TSV terms are looked up as they come
    lookup = term_index.get

    # documents: every graph named anywhere, numbered as met, renumbered by name below (so that sorting
    # indices sorts names). Each result becomes index arrays at once: the terms of a 1,000-report store's
    # relations would take hundreds of MB as strings.
    met: dict[str, int] = {t: k for k, t in enumerate(dict.fromkeys(graphs))}

    def doc_ids(terms: Iterable[str], count: int) -> np.ndarray:
        return np.fromiter((met.setdefault(t, len(met)) for t in terms), dtype=np.int64, count=count)

    sources, kinds, targets, doc_of = [], [], [], []

    def add(flat: list[str], width: int, kind: int, doc: str | None) -> None:
        rows = len(flat) // width
        if doc is not None:
            met.setdefault(doc, len(met))  # a document graph counts even when it states no relation
        sources.append(np.fromiter(map(lookup, flat[0::width], repeat(-1)), dtype=np.int64, count=rows))
        targets.append(np.fromiter(map(lookup, flat[1::width], repeat(-1)), dtype=np.int64, count=rows))
        doc_of.append(doc_ids(flat[width - 1::width] if doc is None else repeat(doc, rows), rows))
        kinds.append(np.full(rows, kind, dtype=np.int64))

    for kind in RELATION_TYPES:  # few: one query per kind, the graph named in each row
        flat, width = reader.tokens("?s ?o", f"?s <{KG_NS}{kind}> ?o", graph=True)
        add(flat, width, KIND_ORDER.index(kind), None)
    for graph in reader.graphs or [None]:  # many: one query per document, so no graph name is decoded per row
        flat, _ = reader.tokens("?s ?o", f"?s <{KG_NS}relatedTo> ?o", graphs=[graph] if graph else None)
        add(flat, 2, COMENTION, f"<{graph.value}>" if graph else _DEFAULT)
    doc_terms = sorted(met, key=_iri)
    docs = [_iri(t) for t in doc_terms]
    renumber = np.zeros(len(met), dtype=np.int64)
    renumber[[met[t] for t in doc_terms]] = np.arange(len(doc_terms))
    doc_of = [renumber[d] for d in doc_of]
    doc_index = {t: k for k, t in enumerate(doc_terms)}

    # entities: class (the first listed when typed with two) and the documents they are typed in
    node_of = np.fromiter(map(lookup, subjects), dtype=np.int64, count=len(subjects))
    first = np.unique(node_of, return_index=True)[1]  # rows come class by class, in ENTITY_CLASSES order
    classes = np.array(class_of, dtype=np.uint8)[first]
    pairs = _unique(node_of * max(len(docs), 1) + np.fromiter(map(doc_index.get, graphs), dtype=np.int64,
                                                                     count=len(graphs)))

    flat, width = reader.tokens("?s ?n", f"?s <{KG_NS}mentionCount> ?n")  # a bag: summed over documents
    who = np.fromiter(map(lookup, flat[0::2], repeat(-1)), dtype=np.int64, count=len(flat) // 2)
    counts = np.array([int(_lexical(t)) for t in flat[1::2]], dtype=np.int64)
    return _network_data(nodes, classes, (who, counts), docs, pairs, _strings(reader, index),
                         [np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
                          for parts in (sources, kinds, targets, doc_of)])


def _strings(reader: _Reader, index: dict[str, int]) -> tuple[list[str | None], dict, dict, dict]:
    """The labels (None where an entity has none), aliases, extra values and document titles of the entities
    numbered in ``index``."""
    labels: list[str | None] = [None] * len(index)
    for s, label in reader.strings("?s ?l", f"?s <{RDFS_LABEL.value}> ?l"):
        i = index.get(s)
        if i is not None and (labels[i] is None or label < labels[i]):  # several labels: the first in order
            labels[i] = label
    aliases: dict[int, set[str]] = {}
    for s, alias in reader.strings("?s ?a", f"?s <{SKOS_ALT.value}> ?a"):
        i = index.get(s)
        if i is not None:
            aliases.setdefault(i, set()).add(alias)
    extras: dict[str, dict[int, Any]] = {}
    for name, cast in EXTRAS.items():
        for s, value in reader.strings("?s ?v", f"?s <{KG_NS}{name}> ?v"):
            i = index.get(s)
            if i is not None:
                extras.setdefault(name, {})[i] = cast(value)
    titles: dict[str, str] = {}
    for s, title in reader.strings("?s ?t", f"?s <{DCT_TITLE.value}> ?t FILTER(isIRI(?s))"):
        titles.setdefault(s, title)
    return labels, aliases, extras, titles


def _network_data(nodes: list[str], classes: np.ndarray, counts: tuple[np.ndarray, np.ndarray], docs: list[str],
                  pairs: np.ndarray, strings: tuple, statements: list[np.ndarray]) -> NetworkData:
    """NetworkData from entities (sorted IRIs and classes), their kg:mentionCount values (entity index or -1,
    value; summed), their (entity, document) ``pairs``, the strings of _strings and one row per (source, kind,
    target, document) statement."""
    labels, aliases, extras, titles = strings
    n = len(nodes)
    node_doc_ptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(pairs // max(len(docs), 1), minlength=n), out=node_doc_ptr[1:])
    who, values = counts
    mentions = np.zeros(n, dtype=np.int64)
    np.add.at(mentions, who[who >= 0], values[who >= 0])
    counted = np.zeros(n, dtype=bool)
    counted[who[who >= 0]] = True
    return NetworkData(
        nodes=nodes, classes=classes,
        labels=[label if label is not None else iri.rsplit("/", 1)[-1]
                for iri, label in zip(nodes, labels, strict=True)],
        mentions=np.where(counted, mentions, 1), docs=docs, node_doc_ptr=node_doc_ptr,
        node_doc=(pairs % max(len(docs), 1)).astype(np.int32),
        aliases={i: sorted(a) for i, a in aliases.items()}, extras=extras, titles=titles,
        **_edges(n, *statements))


def network_data_from_shares(store: Store, shares) -> NetworkData:
    """read_network_data of a whole store that kg build made, its entities and relations taken from the graphs'
    shares (kg.store.graph_stats: read graph by graph and cached by version, so a build that changed one report has
    read one) and only labels, aliases, extra values and titles read from the store, from its merged union when
    it holds one (kg build keeps it current, so it says what the graphs say). Every entity of a build
    has a kg:mentionCount of at least 1 where it is mentioned, which is what the shares sum."""
    from kg.store.graph_stats import RELATION_KINDS

    union = next(iter(store.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None
    reader = _Reader(store, None, union=union)  # a build keeps the union of its graphs current
    if not reader.named:
        return read_network_data(store)
    docs = sorted(g.value for g in reader.graphs)
    doc_index = {d: k for k, d in enumerate(docs)}
    doc_of_graph = np.array([doc_index[g] for g in shares.graphs] or [0], dtype=np.int64)
    types, entities, edges = (shares.tables[name] for name in ("types", "entities", "edges"))
    nodes = sorted({shares.iris[i] for i in np.unique(types[:, 1]).tolist()})
    n = len(nodes)
    index = {iri: i for i, iri in enumerate(nodes)}
    node_of_iri = np.array([index.get(iri, -1) for iri in shares.iris] or [-1], dtype=np.int64)

    node_of = node_of_iri[types[:, 1]]
    classes = np.full(n, len(ENTITY_CLASSES), dtype=np.int64)
    np.minimum.at(classes, node_of, types[:, 2])  # the first class in ENTITY_CLASSES order, as the store lists them
    pairs = _unique(node_of * max(len(docs), 1) + doc_of_graph[types[:, 0]])
    stated = entities[entities[:, 3] > 0]  # a graph's summed kg:mentionCount, 0 when it states none

    kind_of = np.array([KIND_ORDER.index(kind) for kind in RELATION_KINDS], dtype=np.int64)
    statements = [node_of_iri[edges[:, 1]], kind_of[edges[:, 3]], node_of_iri[edges[:, 2]], doc_of_graph[edges[:, 0]]]
    return _network_data(nodes, classes.astype(np.uint8), (node_of_iri[stated[:, 1]], stated[:, 3]), docs, pairs,
                         _strings(reader, index), statements)


def _edges(n: int, s: np.ndarray, k: np.ndarray, o: np.ndarray, d: np.ndarray) -> dict[str, np.ndarray]:
    """Edges and relations from one row per (source, kind, target, document) statement."""
    keep = (s >= 0) & (o >= 0) & (s != o)  # both ends entities, no self-loops
    s, k, o, d = s[keep], k[keep], o[keep], d[keep]
    a, b = np.minimum(s, o), np.maximum(s, o)
    # by edge, then kind, direction and document (two keys: the target follows from the edge and the source)
    order = np.lexsort(((k * 2 + (s == b)) * (int(d.max(initial=0)) + 1) + d, a * n + b))
    s, k, o, d, a, b = s[order], k[order], o[order], d[order], a[order], b[order]
    if len(s):
        step = (k[1:] != k[:-1]) | (s[1:] != s[:-1]) | (o[1:] != o[:-1])
        fresh = np.concatenate(([True], step | (d[1:] != d[:-1])))  # the same statement twice counts once
        s, k, o, d, a, b = s[fresh], k[fresh], o[fresh], d[fresh], a[fresh], b[fresh]
        new_rel = np.concatenate(([True], (k[1:] != k[:-1]) | (s[1:] != s[:-1]) | (o[1:] != o[:-1])))
    else:
        new_rel = np.zeros(0, dtype=bool)
    rel_start = np.flatnonzero(new_rel)
    rel_doc_ptr = np.append(rel_start, len(s)).astype(np.int64)
    rk, ra, rb = k[rel_start], a[rel_start], b[rel_start]
    typed = rk != COMENTION
    rel_weight = np.where(typed, TYPED_WEIGHT, np.diff(rel_doc_ptr))
    if len(rk):
        new_edge = np.concatenate(([True], (ra[1:] != ra[:-1]) | (rb[1:] != rb[:-1])))
    else:
        new_edge = np.zeros(0, dtype=bool)
    edge_start = np.flatnonzero(new_edge)
    rel_ptr = np.append(edge_start, len(rk)).astype(np.int64)
    edge_of_rel = np.cumsum(new_edge) - 1
    edges = len(edge_start)
    u, v = ra[edge_start], rb[edge_start]
    # the adjacency: row i lists the u of edges (u, i) then the v of edges (i, v); edges are sorted by (u, v),
    # so a stable sort of those entries by row leaves each row's neighbours in node order
    by_v = np.argsort(v, kind="stable")
    order = np.argsort(np.concatenate((v[by_v], u)), kind="stable")
    indptr = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(np.bincount(np.concatenate((v, u)), minlength=n), out=indptr[1:])
    return {
        "indptr": indptr, "indices": np.concatenate((u[by_v], v))[order].astype(np.int32),
        "entry_edge": np.concatenate((by_v, np.arange(edges)))[order].astype(np.int32),
        "edge_u": u.astype(np.int32), "edge_v": v.astype(np.int32),
        "edge_weight": np.bincount(edge_of_rel, weights=rel_weight, minlength=edges).astype(np.int64),
        "edge_typed": np.bincount(edge_of_rel, weights=typed, minlength=edges) > 0,
        "rel_ptr": rel_ptr, "rel_kind": rk.astype(np.uint8), "rel_source": s[rel_start].astype(np.int32),
        "rel_target": o[rel_start].astype(np.int32), "rel_doc_ptr": rel_doc_ptr, "rel_doc": d.astype(np.int32),
    }


# --------------------------------------------------------------------------- the network


class EntityNetwork:
    """Entities and the relations between them, with evidence on demand; built once, reused by every command."""

    def __init__(self, store: Store, *, documents: Iterable[str] | None = None,
                 data: NetworkData | None = None) -> None:
        self.store = store
        documents = list(documents) if documents else None
        self._graphs = [NamedNode(d) for d in documents] if documents else [None]
        self._skip_default = next(iter(store.named_graphs()), None) is not None
        self.data = data if data is not None else read_network_data(store, documents)
        self.nodes: list[str] = self.data.nodes
        self.index: dict[str, int] = {node: i for i, node in enumerate(self.nodes)}
        self.titles: dict[str, str] = self.data.titles
        self._mentioned: dict[str, frozenset[str]] = {}
        self._sentences: dict[str, tuple[str, str]] = {}
        self._graph: nx.Graph | None = None
        self._typed_view: nx.Graph | None = None
        self._typed_csr: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._reader: _Reader | None = None
        self.indptr, self.indices, self.entry_edge = self.data.indptr, self.data.indices, self.data.entry_edge

    @classmethod
    def from_quads(cls, quads: Iterable[Quad], *, documents: Iterable[str] | None = None) -> EntityNetwork:
        """The network of a list of quads (loaded into an in-memory store first)."""
        store = Store()
        store.extend(quads)
        return cls(store, documents=documents)

    # ----------------------------------------------------------------- size and attributes

    def __contains__(self, node: object) -> bool:
        return node in self.index

    def __len__(self) -> int:
        return len(self.nodes)

    def number_of_edges(self) -> int:
        """How many pairs of entities are connected."""
        return len(self.data.edge_u)

    def label(self, node: str) -> str:
        """The canonical label of an entity."""
        return self.data.labels[self.index[node]]

    def cls(self, node: str) -> str:
        """The class of an entity (Enterprise, Zone …)."""
        return ENTITY_CLASSES[self.data.classes[self.index[node]]]

    def aliases(self, node: str) -> list[str]:
        """The other names of an entity, sorted."""
        return self.data.aliases.get(self.index[node], [])

    def mentions(self, node: str) -> int:
        """How often an entity is mentioned, summed over documents."""
        return int(self.data.mentions[self.index[node]])

    def degree(self, node: str) -> int:
        """The number of distinct entities an entity is connected to."""
        i = self.index[node]
        return int(self.indptr[i + 1] - self.indptr[i])

    def degrees(self) -> np.ndarray:
        """Every entity's degree, in node order."""
        return np.diff(self.indptr)

    def documents(self, node: str) -> list[str]:
        """The documents an entity is typed in, sorted."""
        i = self.index[node]
        d = self.data
        return [d.docs[k] for k in d.node_doc[d.node_doc_ptr[i]:d.node_doc_ptr[i + 1]]]

    def attributes(self, node: str) -> dict[str, Any]:
        """An entity's node attributes: cls, label, aliases, mentions, documents and any stored analytics."""
        i = self.index[node]
        attrs: dict[str, Any] = {"cls": self.cls(node), "label": self.data.labels[i],
                                 "aliases": list(self.aliases(node)), "mentions": self.mentions(node),
                                 "documents": self.documents(node)}
        for name, values in self.data.extras.items():
            if i in values:
                attrs[name] = values[i]
        return attrs

    # ----------------------------------------------------------------- adjacency and relations

    def _edge(self, a: str, b: str) -> int:
        i, j = self.index[a], self.index[b]
        lo, hi = self.indptr[i], self.indptr[i + 1]
        pos = lo + int(np.searchsorted(self.indices[lo:hi], j))
        if pos >= hi or self.indices[pos] != j:
            raise KeyError((a, b))
        return int(self.entry_edge[pos])

    def has_edge(self, a: str, b: str) -> bool:
        """True when two entities are connected."""
        try:
            self._edge(a, b)
        except KeyError:
            return False
        return True

    def adjacent(self, node: str) -> list[tuple[str, int]]:
        """The entities connected to one, in node order, each with the weight of the edge."""
        i = self.index[node]
        lo, hi = self.indptr[i], self.indptr[i + 1]
        nodes = self.nodes
        return [(nodes[j], w) for j, w in zip(self.indices[lo:hi].tolist(),
                                              self.data.edge_weight[self.entry_edge[lo:hi]].tolist(), strict=True)]

    def weight(self, a: str, b: str) -> int:
        """The weight of an edge: 2 per typed relation plus one per document co-mentioning the two."""
        return int(self.data.edge_weight[self._edge(a, b)])

    def typed(self, a: str, b: str) -> bool:
        """True when the edge between two entities carries a typed relation."""
        return bool(self.data.edge_typed[self._edge(a, b)])

    def _relations(self, edge: int) -> list[Relation]:
        d = self.data
        out = []
        for r in range(int(d.rel_ptr[edge]), int(d.rel_ptr[edge + 1])):
            docs = tuple(d.docs[k] for k in d.rel_doc[d.rel_doc_ptr[r]:d.rel_doc_ptr[r + 1]].tolist())
            out.append(Relation(KIND_ORDER[d.rel_kind[r]], self.nodes[d.rel_source[r]], self.nodes[d.rel_target[r]],
                                docs))
        return out

    def relations(self, a: str, b: str) -> list[Relation]:
        """The relations between two adjacent entities, typed ones first (then by kind and source)."""
        return self._relations(self._edge(a, b))

    def csr(self, *, typed_only: bool = False) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """The adjacency as (indptr, indices, edge of each entry) arrays in node order; only the edges that carry
        a typed relation when asked."""
        if not typed_only:
            return self.indptr, self.indices, self.entry_edge
        if self._typed_csr is None:
            keep = self.data.edge_typed[self.entry_edge]
            row = np.repeat(np.arange(len(self.nodes)), np.diff(self.indptr))[keep]
            indptr = np.zeros(len(self.nodes) + 1, dtype=np.int64)
            np.cumsum(np.bincount(row, minlength=len(self.nodes)), out=indptr[1:])
            self._typed_csr = (indptr, self.indices[keep], self.entry_edge[keep])
        return self._typed_csr

    # ----------------------------------------------------------------- networkx views

    @property
    def graph(self) -> nx.Graph:
        """The undirected networkx view: node attributes as `attributes`, edges with relations, weight and typed.

        Built on first use (a few seconds on a corpus): the commands answer from the arrays instead.
        """
        import networkx as nx

        if self._graph is None:
            graph = nx.Graph()
            graph.add_nodes_from((node, self.attributes(node)) for node in self.nodes)
            d = self.data
            graph.add_edges_from(
                (self.nodes[u], self.nodes[v], {"relations": self._relations(e), "weight": int(w), "typed": bool(t)})
                for e, (u, v, w, t) in enumerate(zip(d.edge_u.tolist(), d.edge_v.tolist(), d.edge_weight.tolist(),
                                                     d.edge_typed.tolist(), strict=True)))
            self._graph = graph
        return self._graph

    def weighted_graph(self) -> nx.Graph:
        """A light networkx graph of the same nodes and edges with only their weights (for networkx algorithms)."""
        import networkx as nx

        graph = nx.Graph()
        graph.add_nodes_from(self.nodes)
        d = self.data
        nodes = self.nodes
        graph.add_weighted_edges_from((nodes[u], nodes[v], w) for u, v, w in zip(
            d.edge_u.tolist(), d.edge_v.tolist(), d.edge_weight.tolist(), strict=True))
        return graph

    def typed_view(self) -> nx.Graph:
        """The networkx graph with only the edges that carry a typed relation."""
        import networkx as nx

        if self._typed_view is None:
            self._typed_view = nx.subgraph_view(self.graph, filter_edge=lambda a, b: self.graph[a][b]["typed"])
        return self._typed_view

    # ----------------------------------------------------------------- evidence

    def _pattern(self, s=None, p=None, o=None) -> Iterator[Quad]:
        for g in self._graphs:
            for q in self.store.quads_for_pattern(s, p, o, g):
                # a store with named graphs may also hold their merged union in the default graph: count once
                if not (self._skip_default and isinstance(q.graph_name, DefaultGraph)):
                    yield q

    def mentioned_in(self, node: str) -> frozenset[str]:
        """The sentences an entity is mentioned in."""
        if node not in self._mentioned:
            if self._reader is None:
                self._reader = _Reader(self.store, [g.value for g in self._graphs if g is not None] or None)
            # a query decodes only the sentence IRIs (a hub is mentioned thousands of times)
            flat, _ = self._reader.tokens("?o", f"<{node}> <{KG_NS}mentionedIn> ?o FILTER(isIRI(?o))")
            self._mentioned[node] = frozenset(_iri(term) for term in flat)
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
        for a in keep:
            for b, _ in self.adjacent(a):
                if b not in keep or b < a:  # each edge among the kept entities once
                    continue
                for rel in self.relations(a, b):
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
        import networkx as nx

        out = nx.MultiDiGraph()
        for node in self.nodes:
            attrs = self.attributes(node)
            if for_export:
                attrs["aliases"] = "|".join(attrs["aliases"])
                attrs["documents"] = "|".join(attrs["documents"])
            out.add_node(node, **attrs)
        for e in range(self.number_of_edges()):  # edges in (u, v) order, u < v: sorted pairs
            for rel in self._relations(e):
                attrs: dict = {"kind": rel.kind}
                texts = [ev.text for ev in self.evidence(rel)] if evidence else []
                if for_export:
                    attrs["documents"] = "|".join(rel.documents)
                    attrs["evidence"] = " ‖ ".join(texts)
                else:
                    attrs["documents"] = list(rel.documents)
                    attrs["evidence"] = texts
                out.add_edge(rel.source, rel.target, key=rel.kind, **attrs)
        return out


def gather(indptr: np.ndarray, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The adjacency entries of some rows of a CSR array: (entry positions, the position in `rows` each is of)."""
    lengths = indptr[rows + 1] - indptr[rows]
    owner = np.repeat(np.arange(len(rows)), lengths)
    offsets = np.cumsum(lengths) - lengths
    entries = np.arange(int(lengths.sum())) - np.repeat(offsets, lengths) + np.repeat(indptr[rows], lengths)
    return entries, owner


def _sentence_order(iri: str) -> int:
    tail = iri.rsplit("/", 1)[-1]
    return int(tail) if tail.isdigit() else 0


def to_networkx(quads: Iterable[Quad], *, for_export: bool = False) -> nx.MultiDiGraph:
    """Entities become nodes with class, label, aliases and mention count; relations become edges with kind and
    the evidence sentences that state them."""
    return EntityNetwork.from_quads(quads).to_multidigraph(for_export=for_export)


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
