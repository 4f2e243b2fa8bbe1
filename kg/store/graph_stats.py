"""Per-graph statistics, read from each graph alone and cached by graph version, so that whole-store counts cost
what changed.

The summary graph (kg.store.summary), the counts kg build prints and the mention totals of entities.csv are all sums
or unions over the document graphs. Reading them from a 1,000-report store takes tens of seconds however little
changed, so each graph's share is read once and kept in ``govkg-stats.npz`` in the store folder, keyed by the
graph's version token (kg.store.graphstore.GraphStore.graph_versions). A build reads again only the graphs whose version
changed, and merges every graph's share with numpy.

A graph's share (`Shares`, one row per graph and item, the first column the graph's index):

- ``sizes``: its triples and its nodes of each class in COUNTED_CLASSES, and whether it describes itself as a
  kg:Document;
- ``entities``: each entity that has kg:mentionedIn or kg:mentionCount there, with its distinct sentences and its
  summed kg:mentionCount;
- ``types``: each (entity, class) of the eight entity classes stated there;
- ``edges``: each distinct (subject, relation, object) of a typed relation or kg:relatedTo, the relation an
  index into RELATION_KINDS (the network view, kg.explore.network, is made from these);
- ``pairs``: each pair of entities (a < b) named together in its sentences, with the number of such sentences.

Sentences belong to one document (their IRIs are under the document's), so distinct sentences and shared
sentences add up over graphs. A store without named graphs (a Turtle file) has one share: its default graph.
The cache holds only arrays and JSON text, loaded with ``allow_pickle=False``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import numpy as np
from pyoxigraph import NamedNode, Triple

from kg.atomic import write_arrays_atomic
from kg.model import ENTITY_CLASSES, RELATION_TYPES
from kg.rdf.namespace import KG, KG_NS, RDF_TYPE, SUMMARY_GRAPH
from kg.store.graphstore import GraphStore

FORMAT = "govkg-stats-2"
STATS_FILE = "govkg-stats.npz"
COUNTED_CLASSES = ("Section", "Sentence", "Statement", "Indicator")
SIZE_COLUMNS = ("triples", *COUNTED_CLASSES, "document")
DEFAULT = "urn:govkg:default-graph"  # the name a store's default graph goes by when it has no named graphs
TABLES = {"sizes": 1 + len(SIZE_COLUMNS), "entities": 4, "types": 3, "edges": 4, "pairs": 4}
IRI_COLUMNS = {"sizes": (), "entities": (1,), "types": (1,), "edges": (1, 2), "pairs": (1, 2)}  # numbered IRIs

_CLASSES = " ".join(f"kg:{c}" for c in ENTITY_CLASSES)
_COUNTED = " ".join(f"kg:{c}" for c in COUNTED_CLASSES)
RELATION_KINDS = (*RELATION_TYPES, "relatedTo")
_RELATIONS = " ".join(f"kg:{p}" for p in RELATION_KINDS)
# One graph at a time: {g} is the graph's IRI, or the default graph's (then GRAPH <…> is left out).
QUERIES = {
    "triples": "SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {g} {{ ?s ?p ?o }} }}",
    "classes": f"SELECT ?c (COUNT(*) AS ?n) WHERE {{{{ VALUES ?c {{{{ {_COUNTED} }}}} "
               "GRAPH {g} {{ ?x a ?c }} }} GROUP BY ?c",
    "document": "SELECT ?n WHERE {{ GRAPH {g} {{ {g} a kg:Document }} BIND(1 AS ?n) }}",
    "sentences": "SELECT ?e (COUNT(DISTINCT ?s) AS ?n) WHERE {{ GRAPH {g} {{ ?e kg:mentionedIn ?s }} }} GROUP BY ?e",
    "mentions": "SELECT ?e (SUM(?m) AS ?n) WHERE {{ GRAPH {g} {{ ?e kg:mentionCount ?m }} }} GROUP BY ?e",
    "types": f"SELECT DISTINCT ?e ?c WHERE {{{{ VALUES ?c {{{{ {_CLASSES} }}}} GRAPH {{g}} {{{{ ?e a ?c }}}} }}}}",
    "edges": f"SELECT DISTINCT ?a ?b ?r WHERE {{{{ VALUES ?r {{{{ {_RELATIONS} }}}} GRAPH {{g}} {{{{ ?a ?r ?b }}}} "
             "FILTER(isIRI(?b)) }}",
    "pairs": "SELECT (GROUP_CONCAT(DISTINCT STR(?e); separator=\" \") AS ?es) "
             "WHERE {{ GRAPH {g} {{ ?e kg:mentionedIn ?s }} }} GROUP BY ?s HAVING (COUNT(DISTINCT ?e) > 1)",
}


@dataclass
class Shares:
    """Graphs' shares as integer tables over two name lists: ``graphs`` (with versions) and ``iris``."""

    graphs: list[str] = field(default_factory=list)
    versions: list[str] = field(default_factory=list)
    iris: list[str] = field(default_factory=list)
    tables: dict[str, np.ndarray] = field(default_factory=lambda: {k: np.zeros((0, w), dtype=np.int64)
                                                                    for k, w in TABLES.items()})

    def current(self, versions: dict[str, str], among: Iterable[str]) -> Shares:
        """The shares of the graphs ``among`` recorded at their current version (the others dropped)."""
        wanted = set(among)
        return self._only([k for k, (g, v) in enumerate(zip(self.graphs, self.versions, strict=True))
                           if g in wanted and versions.get(g) == v])

    def _only(self, kept: list[int]) -> Shares:
        """The shares of the graphs at these positions."""
        remap = np.full(len(self.graphs) + 1, -1, dtype=np.int64)
        remap[kept] = np.arange(len(kept))
        tables = {}
        for name, table in self.tables.items():
            column = remap[table[:, 0]]
            tables[name] = np.column_stack([column, table[:, 1:]])[column >= 0]
        return Shares([self.graphs[k] for k in kept], [self.versions[k] for k in kept], self.iris, tables)

    def plus(self, other: Shares) -> Shares:
        """These shares and another's (of other graphs), over one IRI list."""
        index = {iri: k for k, iri in enumerate(self.iris)}
        iris = list(self.iris)
        for iri in other.iris:
            if iri not in index:
                index[iri] = len(iris)
                iris.append(iri)
        ids = np.array([index[i] for i in other.iris], dtype=np.int64)
        tables = {}
        for name, table in other.tables.items():
            moved = table.copy()
            moved[:, 0] += len(self.graphs)
            for column in IRI_COLUMNS[name]:
                moved[:, column] = ids[moved[:, column]] if len(moved) else moved[:, column]
            tables[name] = np.concatenate([self.tables[name], moved])
        return Shares(self.graphs + other.graphs, self.versions + other.versions, iris, tables)

    def sorted_iris(self) -> Shares:
        """The same shares with only the IRIs in use, numbered in code point order (so a < b as numbers and as
        strings alike)."""
        used = np.unique(np.concatenate([self.tables[name][:, c] for name, cols in IRI_COLUMNS.items()
                                         for c in cols] or [np.zeros(0, dtype=np.int64)]))
        order = sorted(used.tolist(), key=self.iris.__getitem__)
        remap = np.zeros(len(self.iris) + 1, dtype=np.int64)
        remap[order] = np.arange(len(order))
        tables = {}
        for name, table in self.tables.items():
            moved = table.copy()
            for column in IRI_COLUMNS[name]:
                moved[:, column] = remap[moved[:, column]]
            tables[name] = moved
        return Shares(self.graphs, self.versions, [self.iris[k] for k in order], tables)


def _sources(store: GraphStore) -> list[str]:
    """The graphs whose shares make up the store: its named graphs, else (a triple file) its default graph.

    The summary graph is made from these shares, never part of them."""
    named = sorted(g.value for g in store.store.named_graphs() if isinstance(g, NamedNode) and g.value != SUMMARY_GRAPH)
    return named or ([DEFAULT] if store.has_default_graph() else [])


def _graph_rows(store: GraphStore, graph: str) -> dict[str, list[tuple[str, ...]]]:
    """One graph's rows of every query in QUERIES, as plain strings."""
    out = {}
    for name, sparql in QUERIES.items():
        if graph == DEFAULT:  # a triple file: its default graph, read without GRAPH
            sparql = re.sub(r"GRAPH \{g\} \{\{ (.*?) \}\}", r"\1", sparql).replace("{g}", f"<{DEFAULT}>")
        results = store.query(sparql.format(g=f"<{graph}>"))
        names = [v.value for v in results.variables]
        out[name] = [tuple(row[v].value for v in names) for row in results]
    return out


def triples_rows(triples: Iterable[Triple], graph: str) -> dict[str, list[tuple[str, ...]]]:
    """_graph_rows of a graph not yet stored, from its triples (a worker sends them with the graph)."""
    triples = set(triples)
    rdf_type, mentioned_in, mention_count = RDF_TYPE, KG.mentionedIn, KG.mentionCount
    counted = {KG_NS + c for c in COUNTED_CLASSES}
    entity_classes = {KG_NS + c for c in ENTITY_CLASSES}
    relations = {KG_NS + p for p in RELATION_KINDS}
    classes: dict[str, int] = {}
    sentences: dict[str, set[str]] = {}
    by_sentence: dict[str, set[str]] = {}
    mentions: dict[str, int] = {}
    types, edges, document = set(), set(), False
    for t in triples:
        p = t.predicate.value
        if t.predicate == rdf_type:
            c = t.object.value
            if c in counted:
                classes[c] = classes.get(c, 0) + 1
            elif c in entity_classes:
                types.add((t.subject.value, c))
            elif c == KG_NS + "Document" and t.subject.value == graph:
                document = True
        elif t.predicate == mentioned_in:
            sentences.setdefault(t.subject.value, set()).add(t.object.value)
            by_sentence.setdefault(t.object.value, set()).add(t.subject.value)
        elif t.predicate == mention_count:
            mentions[t.subject.value] = mentions.get(t.subject.value, 0) + int(t.object.value)
        elif p in relations and isinstance(t.object, NamedNode):
            edges.add((t.subject.value, t.object.value, p))
    return {"triples": [(str(len(triples)),)], "classes": [(c, str(n)) for c, n in classes.items()],
            "document": [("1",)] if document else [],
            "sentences": [(e, str(len(s))) for e, s in sentences.items()],
            "mentions": [(e, str(n)) for e, n in mentions.items()], "types": sorted(types), "edges": sorted(edges),
            "pairs": [(" ".join(sorted(es)),) for es in by_sentence.values() if len(es) > 1]}


class SharesBuilder:
    """Shares put together graph by graph from their rows (_graph_rows or triples_rows), each turned into small
    integer tables at once over one IRI numbering, so a build can hold every graph's share cheaply."""

    def __init__(self) -> None:
        self.iris: dict[str, int] = {}
        self.graphs: list[str] = []
        self.versions: list[str] = []
        self.parts: dict[str, list[np.ndarray]] = {name: [] for name in TABLES}

    def _iri(self, value: str) -> int:
        return self.iris.setdefault(value, len(self.iris))

    def add(self, graph: str, rows: dict[str, list[tuple[str, ...]]], version: str = "") -> None:
        """Add one graph's share from its rows (a graph added again replaces nothing: add each graph once)."""
        k, iri = len(self.graphs), self._iri
        self.graphs.append(graph)
        self.versions.append(version)
        sizes = [0] * len(SIZE_COLUMNS)
        sizes[0] = int(rows["triples"][0][0])
        for c, n in rows["classes"]:
            sizes[1 + COUNTED_CLASSES.index(c.removeprefix(KG_NS))] = int(n)
        sizes[-1] = 1 if rows["document"] else 0
        counted = {e: [int(n), 0] for e, n in rows["sentences"]}
        for e, n in rows["mentions"]:
            counted.setdefault(e, [0, 0])[1] = int(n)
        shared: dict[tuple[int, int], int] = {}
        for (names,) in rows["pairs"]:
            for a, b in combinations(sorted(names.split(" ")), 2):
                key = (iri(a), iri(b))
                shared[key] = shared.get(key, 0) + 1
        for name, table, width in (
                ("sizes", [(k, *sizes)], TABLES["sizes"]),
                ("entities", [(k, iri(e), n, m) for e, (n, m) in counted.items()], 4),
                ("types", [(k, iri(e), ENTITY_CLASSES.index(c.removeprefix(KG_NS))) for e, c in rows["types"]], 3),
                ("edges", [(k, iri(a), iri(b), RELATION_KINDS.index(r.removeprefix(KG_NS)))
                           for a, b, r in rows["edges"]], 4),
                ("pairs", [(k, a, b, n) for (a, b), n in shared.items()], 4)):
            self.parts[name].append(np.array(table, dtype=np.int32).reshape(-1, width))

    def shares(self) -> Shares:
        """Everything added, as Shares."""
        tables = {name: np.concatenate(parts).astype(np.int64) if parts else np.zeros((0, TABLES[name]), np.int64)
                  for name, parts in self.parts.items()}
        return Shares(list(self.graphs), list(self.versions), list(self.iris), tables)


def read_shares(store: GraphStore, graphs: list[str], *, threads: int = 1) -> Shares:
    """The shares of the given graphs, read from the store graph by graph (on ``threads`` threads: the engine
    works without Python's lock, so two threads read nearly twice as fast)."""
    builder = SharesBuilder()
    with ThreadPoolExecutor(max(1, threads)) as pool:
        for graph, rows in zip(graphs, pool.map(lambda g: _graph_rows(store, g), graphs), strict=True):
            builder.add(graph, rows)
    return builder.shares()


def store_shares(store: GraphStore, *, threads: int = 1, given: Shares | None = None) -> Shares:
    """Every graph's share of a store: from the cache in its folder where the graph's version is unchanged,
    from ``given`` (shares the workers computed, with the versions their graphs were put at) where that is the
    current version, read anew for the rest; the cache is written again when anything was new (best effort)."""
    sources = _sources(store)
    versions = store.graph_versions() if store.path is not None else {}
    on_file = load(store.path / STATS_FILE) if store.path is not None else None
    cached = on_file.current(versions, sources) if on_file is not None else Shares()
    if given is not None:
        cached = cached.plus(given.current(versions, set(sources) - set(cached.graphs)))
    missing = [g for g in sources if g not in set(cached.graphs)]
    read = read_shares(store, missing, threads=threads)
    read.versions = [versions.get(g, "") for g in missing]
    shares = cached.plus(read).sorted_iris()
    if store.path is not None and (on_file is None or shares.graphs != on_file.graphs
                                   or shares.versions != on_file.versions):
        save(store.path / STATS_FILE, shares)
    return shares


def save(path: Path, shares: Shares) -> bool:
    """Write shares atomically; False (and nothing written) when the folder cannot be written."""
    meta = {"format": FORMAT, "graphs": shares.graphs, "versions": shares.versions, "iris": shares.iris}
    return write_arrays_atomic(path, meta, {name: table.astype(np.int32) for name, table in shares.tables.items()})


def load(path: Path) -> Shares | None:
    """The shares cached in a file, or None when it is missing, unreadable or of another format."""
    try:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(z["meta"].tobytes().decode("utf-8"))
            tables = {name: z[name] for name in TABLES}
    except (OSError, ValueError, KeyError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        return None
    if any(t.ndim != 2 or t.shape[1] != w for t, w in ((tables[n], w) for n, w in TABLES.items())):
        return None
    return Shares(meta["graphs"], meta["versions"], meta["iris"], {n: t.astype(np.int64) for n, t in tables.items()})


def neighbour_counts(shares: Shares) -> dict[str, int]:
    """Typed entity → distinct entities linked to it by a typed relation or kg:relatedTo, either way, anywhere."""
    edges = shares.tables["edges"]
    base = max(len(shares.iris), 1)
    links = np.unique(np.concatenate([edges[:, 1] * base + edges[:, 2], edges[:, 2] * base + edges[:, 1]]))
    entity, counts = np.unique(links // base, return_counts=True)
    typed = set(shares.tables["types"][:, 1].tolist())
    return {shares.iris[e]: n for e, n in zip(entity.tolist(), counts.tolist(), strict=True) if e in typed}


def sentence_counts(shares: Shares) -> dict[str, int]:
    """Entity → distinct sentences that mention it (sentences belong to one graph, so the shares add up)."""
    table = shares.tables["entities"]
    table = table[table[:, 2] > 0]
    totals = np.bincount(table[:, 1], weights=table[:, 2], minlength=len(shares.iris)).astype(np.int64)
    return {shares.iris[e]: int(totals[e]) for e in np.unique(table[:, 1]).tolist()}


def mentions(shares: Shares) -> dict[str, tuple[int, set[str]]]:
    """Entity → (kg:mentionCount summed over graphs, the graphs that state one)."""
    out: dict[str, tuple[int, set[str]]] = {}
    for k, e, _, m in shares.tables["entities"].tolist():
        if m > 0:  # a graph with a kg:mentionCount for it (never zero as written by kg build)
            total, graphs = out.get(shares.iris[e], (0, set()))
            graphs.add(shares.graphs[k])
            out[shares.iris[e]] = (total + m, graphs)
    return out


def top_pairs(shares: Shares, k: int) -> list[tuple[str, str, int]]:
    """The k pairs (a, b), a < b, named together in the most sentences, with that number; ties by IRI."""
    pairs = shares.tables["pairs"]
    if not len(pairs):
        return []
    base = len(shares.iris)
    keys, inverse = np.unique(pairs[:, 1] * base + pairs[:, 2], return_inverse=True)
    totals = np.bincount(inverse.ravel(), weights=pairs[:, 3]).astype(np.int64)
    best = np.lexsort((keys, -totals))[:k]  # IRIs are numbered in code point order (Shares.sorted_iris)
    return [(shares.iris[keys[i] // base], shares.iris[keys[i] % base], int(totals[i])) for i in best.tolist()]


def graph_sizes(shares: Shares) -> dict[str, dict[str, int]]:
    """Graph → its triples, its nodes of each counted class, ``document`` (1 or 0) and ``entities`` (distinct
    entities mentioned in its sentences)."""
    out = {shares.graphs[row[0]]: dict(zip(SIZE_COLUMNS, row[1:], strict=True))
           for row in shares.tables["sizes"].tolist()}
    table = shares.tables["entities"]
    mentioned = np.bincount(table[table[:, 2] > 0][:, 0], minlength=len(shares.graphs))
    for g, n in zip(shares.graphs, mentioned.tolist(), strict=True):
        out[g]["entities"] = n
    return out
