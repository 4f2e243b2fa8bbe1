"""Corpus builds: plan the inputs, extract documents in parallel, stream each graph into a store, isolate
failures, skip unchanged documents, then join entities across documents.

The parent process reads each file once to hash it (the text hash decides whether a document is
skipped) and hands the text to an executor (a local process pool or a Dask cluster, see kg.store.executors).
A worker returns one document's graph as N-Triples; the parent replaces that document's named graph in
the store as soon as it arrives, so memory stays flat in the number of documents.
"""

from __future__ import annotations

import json
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path
from typing import Protocol

from pyoxigraph import NamedNode, RdfFormat

from kg.atomic import write_atomic
from kg.errors import InputError
from kg.ingest.document import document_metadata, normalise, parse_document
from kg.ingest.readers import read_file
from kg.ingest.sidecar import Metadata, apply_metadata, read_sidecar
from kg.rdf.iri import document_iri
from kg.store.graph_stats import SharesBuilder

HEAD_LINES = 40
HEAD_CHARS = 6000  # metadata sits in the first lines; a long first paragraph need not be read


@dataclass(frozen=True)
class Planned:
    """An input that reads as text: where it is, its text hash, its document IRI and metadata overrides."""

    path: Path
    sha256: str
    iri: str
    overrides: Metadata


@dataclass(frozen=True)
class Task:
    """One document to extract: its file name (provenance), text, metadata overrides and pipeline components."""

    source: str
    text: str
    overrides: Metadata = Metadata()
    components: tuple[str, ...] | None = None
    error: str | None = None  # the file could not be read again when its turn came


@dataclass
class DocResult:
    """What a worker sends back for one document: its graph as N-Triples and a few counts."""

    source: str
    iri: str
    sha256: str
    title: str | None
    issuer: str | None
    year: int | None
    ntriples: bytes
    triples: int
    entities: dict[str, int]
    relations: int
    indicators: int
    sentences: int
    seconds: float
    warnings: tuple[str, ...] = ()  # e.g. long sentences split, for the user to see
    names: list[list[str]] | None = None  # (entity, class, label) rows (kg.store.corpus_resolve.triples_name_rows)
    share: dict | None = None  # the graph's counts (kg.store.graph_stats.triples_rows)


@dataclass(frozen=True)
class DocFailure:
    """A document that could not be built, and why."""

    source: str
    reason: str


@dataclass
class CorpusReport:
    """What a corpus build did: documents built, skipped as unchanged, failed, and merged across documents."""

    built: list[DocResult] = field(default_factory=list)
    skipped: list[Planned] = field(default_factory=list)
    failed: list[DocFailure] = field(default_factory=list)
    merged: int = 0
    rewritten: int = 0
    seconds: float = 0.0


class Sink(Protocol):
    """Where document graphs go: a local GraphStore (LocalSink) or a Graph Store endpoint (RemoteSink)."""

    def document_hashes(self) -> dict[str, str]:
        """Document IRI → kg:sha256 of every document in the store."""

    def put(self, graph_iri: str, ntriples: bytes) -> None:
        """Replace one document's graph."""

    def flush(self) -> None:
        """Store every graph put so far (a sink may hold some back to store them together)."""

    def get(self, graph_iri: str) -> bytes:
        """One document's graph as N-Triples."""

    def rewrite(self, graph_iri: str, iri_map: dict[str, str], label_of: dict[str, str]) -> None:
        """Merge entities (old IRI → new) and set their corpus-wide labels in one graph."""

    def select(self, sparql: str) -> list[dict[str, str]]:
        """A SELECT query; rows of variable → value."""


# A document is unchanged when its text hash and the code/configuration that built it are both the same.
HASHES_QUERY = """SELECT ?g (CONCAT(?sha, "|", COALESCE(?built, "")) AS ?h)
WHERE { GRAPH ?g { ?g a kg:Document ; kg:sha256 ?sha OPTIONAL { ?g kg:builtWith ?built } } }"""


class LocalSink:
    """A pyoxigraph store (kg.store.graphstore.GraphStore) as the target of a build."""

    def __init__(self, store, *, keep_union: bool = False, batch_bytes: int = 0) -> None:
        self.store = store
        self.keep_union = keep_union  # update the store's materialised union with every graph put
        self.batch_bytes = batch_bytes  # new graphs are loaded together once this many bytes wait (see flush)
        self.pending: dict[str, bytes] = {}  # graph → N-Triples, in the order put
        self.pending_bytes = 0
        self.names: dict[str, dict] = {}  # graph → its version when put and its entity names (see put)
        self.shares = SharesBuilder()  # the counts of each graph put, with its version then (see put)

    def document_hashes(self) -> dict[str, str]:
        """Document IRI → kg:sha256 of every document in the store."""
        self.flush()
        return {row["g"]: row["h"] for row in self.select(HASHES_QUERY)}

    def put(self, graph_iri: str, ntriples: bytes, names: list[list[str]] | None = None,
            share: dict | None = None) -> None:
        """Replace one document's graph (drop it, then load the new triples into it). A graph the store does not
        hold yet waits until ``batch_bytes`` of them do, then they are loaded together (call flush at the end).
        ``names`` (the graph's entity names, kg.store.corpus_resolve.triples_name_rows) and ``share`` (its counts,
        kg.store.graph_stats.triples_rows) as the worker read them spare reading them again from the store."""
        if self.batch_bytes and graph_iri not in self.pending and not self.store.store.contains_named_graph(
                NamedNode(graph_iri)):
            version = self.store.new_version(graph_iri)
            self.pending[graph_iri] = ntriples
            self.pending_bytes += len(ntriples)
            if self.pending_bytes >= self.batch_bytes:
                self.flush()
        else:
            self.flush()
            self.store.put_graph(graph_iri, ntriples, keep_union=self.keep_union)
            version = self.store.versions[graph_iri]
        if names is not None:  # interned: the same names recur in many documents
            self.names[graph_iri] = {"version": version, "rows": [[sys.intern(x) for x in row] for row in names]}
        if share is not None:
            self.shares.add(graph_iri, share, version)

    def flush(self) -> None:
        """Load the graphs waiting to be loaded (see put)."""
        if self.pending:
            self.store.load_new_graphs(list(self.pending.items()), keep_union=self.keep_union)
            self.pending, self.pending_bytes = {}, 0

    def get(self, graph_iri: str) -> bytes:
        """One document's graph as N-Triples."""
        return self.store.store.dump(format=RdfFormat.N_TRIPLES, from_graph=NamedNode(graph_iri))

    def rewrite(self, graph_iri: str, iri_map: dict[str, str], label_of: dict[str, str]) -> None:
        """Merge entities and relabel them in one graph (kg.store.corpus_resolve), touching only the triples that
        name a merged IRI or have a relabelled subject."""
        from kg.store.corpus_resolve import rewrite_triples

        graph, store = NamedNode(graph_iri), self.store.store
        affected = {q.triple for iri in {*iri_map, *label_of}
                    for q in store.quads_for_pattern(NamedNode(iri), None, None, graph)}
        affected.update(q.triple for iri in iri_map for q in store.quads_for_pattern(None, None, NamedNode(iri), graph))
        new = rewrite_triples(affected, iri_map, label_of)
        self.store.change_graph(graph_iri, removed=affected - new, added=new - affected, keep_union=self.keep_union)

    def select(self, sparql: str) -> list[dict[str, str]]:
        """A SELECT query over the store; rows of variable → value."""
        results = self.store.query(sparql)
        names = [v.value for v in results.variables]
        return [{n: row[n].value for n in names if row[n] is not None} for row in results]


class RemoteSink:
    """A SPARQL 1.1 Graph Store endpoint (kg.store.remote.RemoteStore) as the target of a build."""

    def __init__(self, remote) -> None:
        self.remote = remote

    def document_hashes(self) -> dict[str, str]:
        """Document IRI → kg:sha256 of every document on the server."""
        return {row["g"]: row["h"] for row in self.remote.select(HASHES_QUERY)}

    def put(self, graph_iri: str, ntriples: bytes) -> None:
        """Replace one document's graph with an HTTP PUT."""
        self.remote.put_graph(graph_iri, ntriples)

    def flush(self) -> None:
        """Nothing waits: every graph is sent when put."""

    def get(self, graph_iri: str) -> bytes:
        """One document's graph as N-Triples (HTTP GET)."""
        return self.remote.get_graph(graph_iri)

    def rewrite(self, graph_iri: str, iri_map: dict[str, str], label_of: dict[str, str]) -> None:
        """Merge entities and relabel them in one graph: GET it, rewrite it, PUT it back."""
        from kg.store.corpus_resolve import rewrite_graph

        self.put(graph_iri, rewrite_graph(self.get(graph_iri), iri_map, label_of))

    def select(self, sparql: str) -> list[dict[str, str]]:
        """A SELECT query on the server's query endpoint."""
        return self.remote.select(sparql)


def text_hash(text: str) -> str:
    """The kg:sha256 a document of this raw text gets (hash of the normalised text)."""
    return sha256(normalise(text).encode("utf-8")).hexdigest()


def planned_iri(text: str, source: str, overrides: Metadata) -> str:
    """The document IRI a text will get, from its first lines only (cheap: no sentences, no extraction)."""
    head = "\n".join(text[:HEAD_CHARS].split("\n", HEAD_LINES)[:HEAD_LINES])
    doc = apply_metadata(document_metadata(head, source=source), overrides)
    return document_iri(issuer=doc.issuer, year=doc.year, title=doc.title, source=doc.source)


PLAN_CACHE = "govkg-plan.json"  # in the store's folder: the text hash and IRI of each input file as last read


def plan(paths: Iterable[Path], *, overrides: Metadata | None = None,
         cache: dict[str, list[str]] | None = None) -> tuple[list[Planned], list[tuple[Path, str]]]:
    """Read every input once: hash it and compute its IRI; inputs that do not read are returned with a reason.

    Two inputs that would get the same document IRI cannot both be built: the later one fails. ``cache`` (file
    key → [hash, IRI], see plan_key) saves reading a file whose size, modification time and metadata overrides
    are unchanged; it is updated in place with what this plan read.
    """
    planned: list[Planned] = []
    failed: list[tuple[Path, str]] = []
    seen: dict[str, Path] = {}
    known = dict(cache) if cache is not None else {}
    if cache is not None:
        cache.clear()
    for path in paths:
        try:
            meta = read_sidecar(path).merged(overrides or Metadata())
            key = plan_key(path, meta)
            hit = known.get(key)
            if hit is None:
                text = read_file(path)
                hit = [text_hash(text), planned_iri(text, path.name, meta)]
        except InputError as err:
            failed.append((path, str(err)))
            continue
        digest, iri = hit
        if cache is not None:
            cache[key] = hit
        if iri in seen:
            failed.append((path, f"{path}: same document IRI as {seen[iri]} ({iri}); give one of them its own "
                                 f"title, issuer or year in a {path.stem}.meta.json sidecar"))
            continue
        seen[iri] = path
        planned.append(Planned(path, digest, iri, meta))
    return planned, failed


def plan_key(path: Path, meta: Metadata) -> str:
    """What decides a file's plan: its absolute path, size, modification time (ns) and metadata overrides."""
    try:
        stat = path.stat()
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror})") from None
    return f"{path.resolve()}|{stat.st_size}|{stat.st_mtime_ns}|{meta!r}"


def read_plan_cache(folder: Path) -> dict[str, list[str]]:
    """The plan cache of a store folder (empty when there is none or it does not read)."""
    try:
        data = json.loads((folder / PLAN_CACHE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_plan_cache(folder: Path, cache: dict[str, list[str]]) -> None:
    """Keep what this plan read for the next build of the same store."""
    write_atomic(folder / PLAN_CACHE, json.dumps(cache, ensure_ascii=False))


_PIPELINES: dict = {}


def spec_of(components):
    """A PipelineSpec from what callers pass: a spec, a tuple of component names, or None (all)."""
    from kg.extract.pipeline import PipelineSpec

    return components if isinstance(components, PipelineSpec) else PipelineSpec(components)


def worker_pipeline(components):
    """The pipeline of this process for a spec (component names and curation), created once per process
    (jieba loads once per worker)."""
    spec = spec_of(components)
    if spec not in _PIPELINES:
        _PIPELINES[spec] = spec.make()
    return _PIPELINES[spec]


def extract_task(task: Task, pipeline=None) -> DocResult | DocFailure:
    """Parse and extract one document and serialise its graph; never raises (a failure is returned)."""
    from kg.rdf.graph import extraction_ntriples
    from kg.store.corpus_resolve import triples_name_rows
    from kg.store.graph_stats import triples_rows

    started = time.perf_counter()
    if task.error:
        return DocFailure(task.source, task.error)
    try:
        doc = apply_metadata(parse_document(task.text, source=task.source), task.overrides)
        if not doc.sentences:
            return DocFailure(task.source, f"{task.source}: no sentences found; is this a report?")
        pipe = pipeline or worker_pipeline(task.components)
        x = pipe(doc)
        iri = document_iri(issuer=doc.issuer, year=doc.year, title=doc.title, source=doc.source)
        triples, data = extraction_ntriples(x)
        return DocResult(source=task.source, iri=iri, sha256=doc.sha256, title=doc.title, issuer=doc.issuer,
                         year=doc.year, ntriples=data, triples=len(triples),
                         entities=dict(Counter(e.cls for e in x.entities)), relations=len(x.relations),
                         indicators=len(x.indicators), sentences=len(doc.sentences),
                         names=triples_name_rows(triples), share=triples_rows(triples, iri),
                         seconds=time.perf_counter() - started,
                         warnings=tuple(f"{task.source}: {w}" for w in doc.warnings))
    except Exception as err:  # noqa: BLE001 - a failing document must not stop the others
        where = traceback.extract_tb(err.__traceback__)[-1] if err.__traceback__ else None
        at = f" at {Path(where.filename).name}:{where.lineno}" if where else ""
        return DocFailure(task.source, f"{task.source}: extraction failed: {type(err).__name__}: {err}{at}")


def tasks_for(planned: Iterable[Planned], components: tuple[str, ...] | None) -> Iterator[Task]:
    """Tasks made lazily, reading each file again when its turn comes (texts are not all held at once)."""
    for item in planned:
        try:
            yield Task(item.path.name, read_file(item.path), item.overrides, components)
        except InputError as err:
            yield Task(item.path.name, "", item.overrides, components, error=str(err))


def progress_bar(total: int, *, quiet: bool):
    """A tqdm bar on stderr (documents, rate, time left), silent with --quiet or when not on a terminal."""
    from tqdm import tqdm

    return tqdm(total=total, unit="doc", desc="extracting", file=sys.stderr, dynamic_ncols=True,
                disable=quiet or not sys.stderr.isatty())


def build_corpus(planned: list[Planned], sink: Sink, *, run: Callable[[Iterable[Task]], Iterator],
                 components: tuple[str, ...] | None = None, rebuild: bool = False,
                 quiet: bool = False) -> CorpusReport:
    """Extract the planned documents that changed, stream each graph into the sink, then join entities.

    ``run`` is an executor's ``map``: tasks in, DocResult/DocFailure out in any order as they finish.
    """
    from kg.store.corpus_resolve import resolve_corpus

    started = time.perf_counter()
    report = CorpusReport()
    stored = {} if rebuild else sink.document_hashes()
    todo = []
    stamp = spec_of(components).make_fingerprint()
    for item in planned:
        if stored.get(item.iri) == f"{item.sha256}|{stamp}":
            report.skipped.append(item)
        else:
            todo.append(item)
    with progress_bar(len(todo), quiet=quiet) as bar:
        for outcome in run(tasks_for(todo, components)):
            if isinstance(outcome, DocFailure):
                report.failed.append(outcome)
            else:
                if isinstance(sink, LocalSink):
                    sink.put(outcome.iri, outcome.ntriples, names=outcome.names, share=outcome.share)
                else:
                    sink.put(outcome.iri, outcome.ntriples)
                outcome.ntriples, outcome.names, outcome.share = b"", None, None
                report.built.append(outcome)
            bar.update(1)
    sink.flush()
    if report.built or rebuild:
        report.merged, report.rewritten = resolve_corpus(sink)
    report.failed.sort(key=lambda f: f.source)
    report.built.sort(key=lambda r: r.source)
    report.seconds = time.perf_counter() - started
    return report
