"""A narrow facade over a pyoxigraph Store: load, replace a document's graph, query, dump."""

from __future__ import annotations

import json
import os
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Iterable
from pathlib import Path

from pyoxigraph import (
    DefaultGraph,
    NamedNode,
    Quad,
    QueryResultsFormat,
    RdfFormat,
    Store,
    Triple,
    parse,
    parse_query_results,
    serialize,
)

from kg.atomic import write_atomic
from kg.errors import InputError
from kg.rdf.namespace import ONTOLOGY_GRAPH, PREFIXES
from kg.rdf.ontology import ontology_text

FORMATS_BY_SUFFIX = {
    ".ttl": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".nq": RdfFormat.N_QUADS,
    ".trig": RdfFormat.TRIG,
    ".jsonld": RdfFormat.JSON_LD,
    ".rdf": RdfFormat.RDF_XML,
    ".xml": RdfFormat.RDF_XML,
}


UNION_BATCH_BYTES = 64 * 1024 * 1024  # N-Triples held at once while merging the union default graph
STATE_FILE = "govkg-state.json"  # beside the store's own files: whether its default graph is the current union


COMPACTION_NICE = 19  # RocksDB's compaction threads run when the build leaves a core idle (lowest priority)


def lower_compaction_priority() -> None:
    """Give this process's RocksDB compaction threads the lowest CPU priority (Linux; elsewhere nothing changes).

    A corpus build loads reports while its workers extract others, and each load leaves table files that
    RocksDB merges in the background. At normal priority the merging takes a share of the cores from
    extraction and, starting as soon as two files wait, rewrites the same data many times over; at the lowest
    priority it waits for an idle core and then merges more files at once, so it costs less CPU in all.
    """
    try:
        threads = os.listdir("/proc/self/task")
    except OSError:  # no /proc (not Linux): the system's own scheduling
        return
    for tid in threads:
        try:
            with open(f"/proc/self/task/{tid}/comm", encoding="utf-8") as fh:
                name = fh.read().strip()
            if name == "rocksdb:low":  # compaction; "rocksdb:high" flushes memtables, which writes wait for
                os.setpriority(os.PRIO_PROCESS, int(tid), COMPACTION_NICE)
        except OSError:  # the thread ended meanwhile
            continue


def in_graph(ntriples: bytes, graph_iri: str) -> bytes:
    """N-Triples (as oxigraph writes them: one triple per line ending in " .") as N-Quads in one named graph."""
    return ntriples.replace(b" .\n", f" <{graph_iri}> .\n".encode())


class GraphStore:
    """Documents in named graphs, the ontology in its own graph; queries see the union by default."""

    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path else None
        self.versions: dict[str, str] = {}
        try:
            self.store = Store(str(self.path)) if self.path else Store()
        except (OSError, RuntimeError) as err:  # a damaged on-disk store (e.g. a build killed mid-write)
            raise InputError(f"{self.path}: cannot open the store ({str(err).splitlines()[0][:120]}); "
                             "delete the folder and run kg build again") from None
        if self.path:
            lower_compaction_priority()  # RocksDB starts its threads when a store opens

    @classmethod
    def open_read_only(cls, path: str | Path) -> GraphStore:
        """An on-disk store opened for reading only (several readers, e.g. kg serve, may share it)."""
        path = Path(path)
        if not path.is_dir():
            raise InputError(f"{path}: no such store; build one with `kg build --store {path}`")
        store = cls.__new__(cls)
        store.path = path
        store.versions = {}
        try:
            store.store = Store.read_only(str(path))
        except (OSError, RuntimeError) as err:
            raise InputError(f"{path}: not a readable store ({str(err).splitlines()[0]}); "
                             f"rebuild it with `kg build --store {path}`") from None
        return store

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
        if fmt in (RdfFormat.TRIG, RdfFormat.N_QUADS):
            store.materialize_union()
        return store

    def add_ontology(self, *, keep_union: bool = False) -> None:
        """Put the ontology triples into their own named graph."""
        triples = parse(ontology_text("govkg.ttl").encode("utf-8"), format=RdfFormat.TURTLE)
        ntriples = serialize(triples, format=RdfFormat.N_TRIPLES)
        graph = NamedNode(ONTOLOGY_GRAPH)
        if keep_union and self.store.contains_named_graph(graph) and set(ntriples.splitlines()) == set(
                self.store.dump(format=RdfFormat.N_TRIPLES, from_graph=graph).splitlines()):
            return  # unchanged: its version, and what is cached under it, stay
        self.put_graph(ONTOLOGY_GRAPH, ntriples, keep_union=keep_union)

    def put_graph(self, graph_iri: str, ntriples: bytes, *, keep_union: bool = False) -> None:
        """Replace one named graph with N-Triples; with ``keep_union``, update the materialised union to match
        (cost in the size of this graph, not of the store)."""
        graph = NamedNode(graph_iri)
        self._changed(graph_iri)
        ntriples = ntriples if not ntriples or ntriples.endswith(b"\n") else ntriples + b"\n"
        # bulk_load skips per-triple transactions (several times faster); the store lock keeps writers apart
        if not self.store.contains_named_graph(graph):  # one load writes it (and adds its triples to the union)
            self.load_new_graphs([(graph_iri, ntriples)], keep_union=keep_union)
            return
        old = self.store.dump(format=RdfFormat.N_TRIPLES, from_graph=graph) if keep_union else b""
        self.store.remove_graph(graph)
        self.store.bulk_load(ntriples, format=RdfFormat.N_TRIPLES, to_graph=graph)
        if keep_union:
            self._update_union(old, ntriples)

    def load_new_graphs(self, graphs: list[tuple[str, bytes]], *, keep_union: bool = False) -> None:
        """Load several graphs the store does not hold yet (IRI, N-Triples) with one bulk load, and their triples
        into the union with ``keep_union``. One load per graph leaves several small table files per graph, each
        held open with its index in memory; a load of many graphs leaves a few larger ones and costs less. Give
        each graph its version first (new_version)."""
        lines = [(iri, nt if nt.endswith(b"\n") else nt + b"\n") for iri, nt in graphs if nt.strip()]
        if lines:
            quads = b"".join(in_graph(nt, iri) for iri, nt in lines)
            union = b"".join(nt for _, nt in lines) if keep_union else b""
            self.store.bulk_load(union + quads, format=RdfFormat.N_QUADS)

    def new_version(self, graph_iri: str) -> str:
        """Give a graph a new version token (it is about to change) and return it."""
        self._changed(graph_iri)
        return self.versions[graph_iri]

    def change_graph(self, graph_iri: str, *, removed: Iterable[Triple], added: Iterable[Triple],
                     keep_union: bool = False) -> None:
        """Remove some triples from one named graph and add others; with ``keep_union``, the union follows."""
        graph = NamedNode(graph_iri)
        self._changed(graph_iri)
        removed, added = list(removed), list(added)
        for t in removed:
            self.store.remove(Quad(t.subject, t.predicate, t.object, graph))
        self.store.extend([Quad(t.subject, t.predicate, t.object, graph) for t in added])
        if keep_union:
            self.store.extend([Quad(t.subject, t.predicate, t.object, DefaultGraph()) for t in added])
            self._drop_from_union(removed)

    def _drop_from_union(self, triples: Iterable[Triple]) -> None:
        """Remove from the union the triples that no named graph states any more."""
        for triple in triples:
            stated = self.store.quads_for_pattern(triple.subject, triple.predicate, triple.object, None)
            if not any(not isinstance(q.graph_name, DefaultGraph) for q in stated):
                self.store.remove(Quad(triple.subject, triple.predicate, triple.object, DefaultGraph()))

    def _update_union(self, old: bytes, new: bytes) -> None:
        """After one graph changed from ``old`` to ``new`` (N-Triples): add its new triples to the union and drop
        the ones it no longer states that no other graph states either."""
        old_lines, new_lines = set(old.splitlines()), set(new.splitlines())
        added = new_lines - old_lines
        if added:
            self.store.bulk_load(b"\n".join(sorted(added)) + b"\n", format=RdfFormat.N_TRIPLES,
                                 to_graph=DefaultGraph())
        gone = old_lines - new_lines
        if gone:
            self._drop_from_union(parse(b"\n".join(gone) + b"\n", format=RdfFormat.N_TRIPLES))

    def union_is_current(self) -> bool:
        """Whether the default graph holds the union of the named graphs as the last build left it complete
        (an empty store's does). Also loads the graphs' version tokens when it does (see graph_versions)."""
        self.versions = {}
        if self.path is None:
            return False
        if next(iter(self.store), None) is None:
            return True
        try:
            state = json.loads((self.path / STATE_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        if not isinstance(state, dict) or state.get("union") != "current":
            return False
        self.versions = dict(state.get("versions") or {})
        return True

    def set_union_current(self, current: bool) -> None:
        """Record whether the union is current; a build marks it stale first, so one that stops half-way leaves
        the next build to make the union again from scratch (and to write every per-document output again).
        Marking it current records the graphs' version tokens."""
        if self.path is None:
            return
        state: dict = {"union": "current" if current else "stale"}
        if current:
            state["versions"] = self.graph_versions()
        write_atomic(self.path / STATE_FILE, json.dumps(state, ensure_ascii=False, sort_keys=True) + "\n")

    def graph_versions(self) -> dict[str, str]:
        """Graph IRI → a token that changes whenever a build changes that graph (keys per-document output
        caches, kg.store.parts); a graph the state does not know yet gets a new token."""
        for graph in self.store.named_graphs():
            if graph.value not in self.versions:
                self._changed(graph.value)
        return dict(self.versions)

    def _changed(self, graph_iri: str) -> None:
        """A graph changed: give it a new version token."""
        self.versions[graph_iri] = uuid.uuid4().hex[:16]

    def mark_changed(self, graph_iris: Iterable[str]) -> None:
        """Graphs changed other than through put_graph or change_graph (e.g. by a SPARQL update): new tokens."""
        for iri in graph_iris:
            self._changed(iri)

    def replace_graph(self, graph_iri: str, quads: Iterable[Quad]) -> None:
        """Replace one document's named graph with new quads; other graphs are untouched."""
        graph = NamedNode(graph_iri)
        if self.store.contains_named_graph(graph):
            self.store.remove_graph(graph)
        self.store.extend(list(quads))

    def query(self, sparql: str, **kwargs):
        """Run SPARQL with the standard prefixes predeclared; the default graph is the union of all graphs.

        When the store holds a materialised union (see materialize_union) or triples loaded into the default
        graph (a Turtle file), queries read that graph: a triple found in several documents counts once.
        Otherwise Oxigraph's union of the named graphs is used, which repeats such a triple once per graph.
        """
        if "use_default_graph_as_union" not in kwargs and "default_graph" not in kwargs:
            kwargs["use_default_graph_as_union"] = not self.has_default_graph()
        return self.store.query(sparql, prefixes=PREFIXES, **kwargs)

    def has_default_graph(self) -> bool:
        """Whether the default graph holds triples (a materialised union, or a triple-format file)."""
        return next(iter(self.store.quads_for_pattern(None, None, None, DefaultGraph())), None) is not None

    def materialize_union(self) -> None:
        """Make the default graph the RDF merge (a set) of every named graph, replacing what it held.

        Oxigraph 0.5's union default graph is a bag: a triple stated by N documents matches N times, so counts
        over entities shared by documents inflate and joins multiply. Call this after the named graphs
        change (kg build does); queries then read the default graph and see each triple once.
        """
        self.store.clear_graph(DefaultGraph())
        batch: list[bytes] = []
        size = 0
        for graph in list(self.store.named_graphs()):
            data = self.store.dump(format=RdfFormat.N_TRIPLES, from_graph=graph)
            batch.append(data)
            size += len(data)
            if size >= UNION_BATCH_BYTES:  # one bulk load per batch: each call has a fixed cost
                self.store.bulk_load(b"".join(batch), format=RdfFormat.N_TRIPLES, to_graph=DefaultGraph())
                batch, size = [], 0
        if size:
            self.store.bulk_load(b"".join(batch), format=RdfFormat.N_TRIPLES, to_graph=DefaultGraph())

    def quads(self) -> list[Quad]:
        """Every quad, sorted for byte-stable output (a materialised union in the default graph is left out)."""
        quads = self.store
        if self.has_default_graph() and next(iter(self.store.named_graphs()), None) is not None:
            quads = (q for g in self.store.named_graphs() for q in self.store.quads_for_pattern(None, None, None, g))
        return sorted(quads, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))

    def flush(self) -> None:
        """Persist an on-disk store."""
        if self.path:
            self.store.flush()


ACCEPT = ("application/sparql-results+json, application/sparql-results+xml;q=0.9, "
          "application/n-triples;q=0.8, text/turtle;q=0.7")

RESULT_MEDIA_TYPES = {
    "application/sparql-results+json": QueryResultsFormat.JSON,
    "application/json": QueryResultsFormat.JSON,
    "application/sparql-results+xml": QueryResultsFormat.XML,
    "text/tab-separated-values": QueryResultsFormat.TSV,
}


class RemoteEndpoint:
    """Any SPARQL 1.1 Protocol endpoint, queried like a GraphStore (the standard prefixes predeclared)."""

    def __init__(self, url: str, *, timeout: float = 60.0) -> None:
        if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
            raise InputError(f"{url}: not an http(s) URL; pass the endpoint's query URL, e.g. "
                             "http://127.0.0.1:7878/query")
        self.url = url
        self.timeout = timeout

    def query(self, sparql: str):
        """POST the query; return parsed solutions, a boolean or a list of triples like GraphStore.query."""
        from kg.queries.library import restore_error_position, with_prefixes

        full = with_prefixes(sparql)
        body = urllib.parse.urlencode({"query": full}).encode("utf-8")
        request = urllib.request.Request(self.url, data=body, method="POST", headers={
            "Content-Type": "application/x-www-form-urlencoded", "Accept": ACCEPT})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                media = response.headers.get_content_type()
                data = response.read()
        except urllib.error.HTTPError as err:
            detail = err.read().decode("utf-8", "replace").strip().splitlines()
            message = detail[0] if detail else err.reason
            if err.code == 400:
                raise SyntaxError(restore_error_position(message, len(full) - len(sparql))) from None
            raise InputError(f"{self.url}: the endpoint answered HTTP {err.code}: {message}") from None
        except (urllib.error.URLError, TimeoutError, ConnectionError) as err:
            reason = getattr(err, "reason", err)
            raise InputError(f"{self.url}: cannot reach the endpoint ({reason})") from None
        results_format = RESULT_MEDIA_TYPES.get(media)
        if results_format is not None:
            return parse_query_results(data, format=results_format)
        rdf_format = RdfFormat.from_media_type(media)
        if rdf_format is not None:
            return [q.triple for q in parse(data, format=rdf_format)]
        raise InputError(f"{self.url}: the endpoint answered with {media}, which is not a SPARQL result format")
