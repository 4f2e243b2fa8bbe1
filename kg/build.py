"""The main job: read reports, extract them (in parallel, skipping unchanged ones) into a store with one
named graph per document, then write the graph, page and tables of the whole store into a folder.

Outputs are dumped from the store, never from everything held in memory: graph.trig and graph.ttl
stream out graph by graph, the tables come from SPARQL, and graph.html shows the whole graph when it
is small and the ``top`` most connected entities when it is not.
"""

from __future__ import annotations

import csv
import io
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from contextlib import nullcontext
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import islice
from pathlib import Path

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat

from kg.atomic import write_atomic, write_atomic_with
from kg.errors import InputError
from kg.eval.review import review_csv
from kg.extract.curation import read_curation
from kg.extract.pipeline import Pipeline, PipelineSpec
from kg.ingest.document import Document, parse_document
from kg.ingest.readers import TEXT_SUFFIXES, read_file
from kg.ingest.sample import sample_path
from kg.ingest.sidecar import Metadata
from kg.model import RELATION_TYPES
from kg.rdf.graph import XSD_INTEGER
from kg.rdf.namespace import (
    KG,
    KG_NS,
    ONTOLOGY_GRAPH,
    PREFIXES,
    RDF_OBJECT,
    RDF_SUBJECT,
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_ALT,
)
from kg.store.corpus import (
    CorpusReport,
    LocalSink,
    RemoteSink,
    build_corpus,
    plan,
    read_plan_cache,
    write_plan_cache,
)
from kg.store.executors import make_executor
from kg.store.graph_stats import Shares, graph_sizes, store_shares
from kg.store.graph_stats import mentions as graph_mentions
from kg.store.graphstore import GraphStore
from kg.store.lock import store_lock
from kg.store.parts import Parts
from kg.store.summary import SUMMARY_GRAPH, refresh_summary

LOAD_BATCH_BYTES = 24 * 2**20  # new reports' N-Triples loaded into the store together (kg.store.corpus.LocalSink)
PAGE_TOP = 300  # entities on the page of a large graph
PAGE_WHOLE_LIMIT = 300_000  # a store up to this many quads is drawn whole
PAGE_SENTENCES = 20  # sentences kept per entity on the page of a large graph
WHOLE_EXPORT_LIMIT = 2_000_000  # triples: a larger store is exported one TriG file per document
INDICATORS_PART = ".indicators.csv"
DOCUMENT_PARTS = (".trig", INDICATORS_PART)
PAGE_EDGE_DOCUMENTS = 5  # documents kept per co-mention edge on the page of a large graph


def expand_inputs(inputs: list[str | Path]) -> list[Path]:
    """Files as given, and the text files inside any directory; raise InputError for what is not there."""
    paths: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                           and not p.stem.lower().startswith("readme"))  # a folder's README is no report
            if not found:
                raise InputError(f"{path}: directory has no report files ({', '.join(TEXT_SUFFIXES)}); "
                                 "pass report files or a folder of them")
            paths.extend(found)
        elif not path.exists():
            raise InputError(f"{path}: no such file; check the path")
        else:
            paths.append(path)
    return paths


def load_document(path: Path) -> Document:
    """Read and parse one report file."""
    return parse_document(read_file(path), source=path.name)


@dataclass
class BuildResult:
    """What a build did (documents built, skipped, failed) and what the store now holds."""

    report: CorpusReport = field(default_factory=CorpusReport)
    counts: dict[str, int] = field(default_factory=dict)
    entities: dict[str, int] = field(default_factory=dict)
    files: list[Path] = field(default_factory=list)
    target: str = ""
    seconds: float = 0.0

    @property
    def failed(self) -> bool:
        """True when at least one document could not be built."""
        return bool(self.report.failed)

    def summary(self) -> str:
        """A short human summary: documents, entities per class, relations, indicators, sentences, time."""
        r = self.report
        lines = [f"documents: {self.counts.get('documents', 0)} in the store ({len(r.built)} built, "
                 f"{len(r.skipped)} unchanged, {len(r.failed)} failed)",
                 "entities: " + ", ".join(f"{c} {n}" for c, n in sorted(self.entities.items())) +
                 f" (total {sum(self.entities.values())})",
                 f"relations: {self.counts.get('relations', 0)} typed",
                 f"indicators: {self.counts.get('indicators', 0)}",
                 f"sentences: {self.counts.get('sentences', 0)}",
                 f"triples: {self.counts.get('triples', 0)}"]
        if r.merged:
            lines.append(f"joined across documents: {r.merged} short forms merged, {r.rewritten} graphs updated")
        lines.append(f"time: {self.seconds:.2f} s")
        return "\n".join(lines)


COUNT_QUERIES = {
    "documents": "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?g a kg:Document } }",
    "relations": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a kg:Statement } }",
    "indicators": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a kg:Indicator } }",
    "sentences": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s a kg:Sentence } }",
    "triples": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
}
ENTITY_COUNT_QUERY = ("SELECT ?c (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e kg:mentionCount ?m ; a ?c } } "
                      "GROUP BY ?c")




def store_counts(sink) -> tuple[dict[str, int], dict[str, int]]:
    """Counts over the whole store (documents, relations, indicators, sentences, triples) and entities per class."""
    counts = {name: int(sink.select(q)[0].get("n", 0)) for name, q in COUNT_QUERIES.items()}
    entities = {row["c"][len(KG_NS):]: int(row["n"]) for row in sink.select(ENTITY_COUNT_QUERY)
                if row["c"].startswith(KG_NS)}
    return counts, entities


def local_counts(store: GraphStore, rows: list[dict[str, str]], shares: Shares) -> tuple[dict[str, int],
                                                                                       dict[str, int]]:
    """store_counts for a local store, from its graphs' shares (kg.store.graph_stats) instead of whole-store queries;
    entities per class come from the entity records already read."""
    sizes = graph_sizes(shares).values()
    summary = _select(store, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?s ?p ?o }} }}")
    counts = {"documents": sum(s["document"] for s in sizes), "relations": sum(s["Statement"] for s in sizes),
              "indicators": sum(s["Indicator"] for s in sizes), "sentences": sum(s["Sentence"] for s in sizes),
              "triples": sum(s["triples"] for s in sizes) + int(summary[0].get("n", 0))}
    return counts, dict(Counter(row["class"] for row in rows))


def _documents(store: GraphStore) -> list[NamedNode]:
    """The document graphs of a store (not the ontology or the summary), by IRI."""
    return [g for g in _graphs(store) if g.value not in (ONTOLOGY_GRAPH, SUMMARY_GRAPH)]


def _graphs(store: GraphStore) -> list[NamedNode]:
    """Named graphs of the store: the ontology first, then documents by IRI."""
    names = sorted((g for g in store.store.named_graphs() if isinstance(g, NamedNode)), key=lambda g: g.value)
    return sorted(names, key=lambda g: g.value != ONTOLOGY_GRAPH)


def _split_prefixes(chunk: bytes) -> tuple[bytes, bytes]:
    """A Turtle chunk as its leading @prefix lines and the rest."""
    lines = chunk.split(b"\n")
    k = 0
    while k < len(lines) and lines[k].startswith(b"@prefix"):
        k += 1
    return b"\n".join(lines[:k]), b"\n".join(lines[k:])


def _without_prefixes(chunk: bytes) -> bytes:
    """A Turtle chunk without its leading @prefix lines (they were written once at the top)."""
    return _split_prefixes(chunk)[1]


def write_turtle_and_trig(store: GraphStore, turtle: Path, trig: Path, *, threads: int = 1) -> None:
    """graph.ttl (the union of all graphs as Turtle: a triple in two graphs appears twice) and graph.trig (every
    named graph), streamed one graph at a time; each graph is serialised once for both, on ``threads`` threads
    (the store serialises without Python's lock)."""
    graphs = _graphs(store)

    def writer(ttl_tmp: str) -> None:
        def both(trig_tmp: str) -> None:
            with open(ttl_tmp, "wb") as ttl, open(trig_tmp, "wb") as out, ThreadPoolExecutor(threads) as pool:
                for start in range(0, len(graphs), 4 * threads):  # a few graphs held at a time
                    window = graphs[start:start + 4 * threads]
                    chunks = pool.map(_turtle, [store] * len(window), window)
                    for k, (graph, chunk) in enumerate(zip(window, chunks, strict=True), start):
                        ttl.write(chunk if k == 0 else _without_prefixes(chunk))
                        block = _trig_block(graph, chunk)
                        out.write(block if k == 0 else _without_prefixes(block))

        write_atomic_with(trig, both)

    write_atomic_with(turtle, writer)


def _turtle(store: GraphStore, graph: NamedNode) -> bytes:
    """One named graph as Turtle with the project's prefixes (serialised by the store, in Rust)."""
    return store.store.dump(format=RdfFormat.TURTLE, from_graph=graph, prefixes=PREFIXES)


def _trig_chunk(store: GraphStore, graph: NamedNode) -> bytes:
    """One named graph as a TriG block (see _trig_block)."""
    return _trig_block(graph, _turtle(store, graph))


def _trig_block(graph: NamedNode, turtle: bytes) -> bytes:
    """A graph's Turtle (with its @prefix lines) as a TriG block: the Turtle inside ``<graph> { … }`` (Turtle
    statements are TriG statements), so the serialising stays in Rust."""
    prefixes, body = _split_prefixes(turtle)
    # the body is not indented: a line break inside a literal must stay as it is
    return prefixes + f"\n<{graph.value}> {{\n".encode() + body.rstrip(b"\n") + b"\n}\n"


def _select(store: GraphStore, sparql: str) -> list[dict[str, str]]:
    """Rows of a SELECT over a local store, as variable → value."""
    return LocalSink(store).select(sparql)


ENTITY_COLUMNS = ["iri", "class", "label", "aliases", "mentions", "confidence", "extractors", "division_code",
                  "relations", "documents"]


def entity_rows(store: GraphStore, shares: Shares | None = None) -> list[dict[str, str]]:
    """One record per entity of the store: IRI, class, label, aliases, mentions (all documents), confidence,
    extractors, division code, typed relations and the number of documents that mention it.

    Mentions and documents are summed over the graphs' shares (kg.store.graph_stats); everything else is read from
    the union (the default graph when the build merged it), so the cost grows with the entities, not with the
    documents. Predicates that only entities and sections carry are read with one scan each; the others
    (types, confidence, extractors, which every mention and statement also carries) entity by entity. A point
    lookup in a store whose pages are not in the OS cache, right after a large build, can take milliseconds.
    """
    union = DefaultGraph() if store.has_default_graph() else None
    counted = graph_mentions(store_shares(store) if shares is None else shares)
    mentions = {iri: total for iri, (total, _) in counted.items()}
    documents = {iri: graphs for iri, (_, graphs) in counted.items()}
    # An issuer the text never names has no mention, yet it is the actor of the report's implements and hosts:
    # it gets a row, and every document it issued counts among its documents.
    for q in store.store.quads_for_pattern(None, KG.issuer, None, None):
        mentions.setdefault(q.object.value, 0)
        documents.setdefault(q.object.value, set()).add(q.subject.value)

    def values(iri: str, predicate: NamedNode) -> set[str]:
        return {q.object.value for q in store.store.quads_for_pattern(NamedNode(iri), predicate, None, union)}

    def scanned(predicate: NamedNode) -> dict[str, set[str]]:
        found: dict[str, set[str]] = {}
        for q in store.store.quads_for_pattern(None, predicate, None, union):
            if q.subject.value in mentions:
                found.setdefault(q.subject.value, set()).add(q.object.value)
        return found

    labels, aliases, codes_of = scanned(RDFS_LABEL), scanned(SKOS_ALT), scanned(KG.divisionCode)
    targets = {kind: scanned(KG[kind]) for kind in RELATION_TYPES}
    out = []
    for iri in sorted(mentions):
        confidence = values(iri, KG.confidence) or ({"1"} if not mentions[iri] else set())  # the unnamed issuer
        if not labels.get(iri) or not confidence:
            continue
        label, codes = min(labels[iri]), sorted(codes_of.get(iri, ()))
        relations = {f"{kind} {other}" for kind in RELATION_TYPES for target in targets[kind].get(iri, ())
                     for other in labels.get(target, ())}
        for cls in sorted(c for c in values(iri, RDF_TYPE) if c.startswith(KG_NS)):
            out.append(dict(zip(ENTITY_COLUMNS, [
                iri, cls[len(KG_NS):], label, "|".join(sorted(aliases.get(iri, set()) - {label})), str(mentions[iri]),
                _plain(str(max(Decimal(c) for c in confidence))), "|".join(sorted(values(iri, KG.extractor))),
                codes[0] if len(codes) == 1 else "", "|".join(sorted(relations)), str(len(documents[iri]))],
                strict=True)))
    return out


def entities_csv(rows: list[dict[str, str]]) -> str:
    """entities.csv: a header row, then one row per entity record."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(ENTITY_COLUMNS)
    writer.writerows([r[c] for c in ENTITY_COLUMNS] for r in rows)
    return buf.getvalue()


INDICATOR_ROWS = """SELECT ?ind ?metric ?measure ?value ?value_max ?unit ?qualifier ?year ?period ?kind
       ?direction ?about ?evidence ?start
WHERE { GRAPH <%s> { ?ind a kg:Indicator ; kg:metric ?metric ; kg:value ?value ; kg:unit ?unit ; kg:valueKind ?k ;
          kg:evidence ?s ; kg:start ?start . ?s kg:text ?evidence .
  OPTIONAL { ?ind kg:qualifier ?qualifier } OPTIONAL { ?ind kg:year ?year } OPTIONAL { ?ind kg:direction ?direction }
  OPTIONAL { ?ind kg:valueMax ?value_max } OPTIONAL { ?ind kg:period ?period }
  OPTIONAL { ?ind kg:measure ?m } OPTIONAL { ?ind kg:about ?a . ?a rdfs:label ?about } }
  BIND(STRAFTER(STR(?k), "#") AS ?kind) BIND(STRAFTER(STR(?m), "/metric/") AS ?measure) }
ORDER BY ?start ?ind"""


def _plain(lexical: str) -> str:
    """A decimal's lexical form without a needless exponent or trailing zeros: 120.0 → 120, 5.10 → 5.1."""
    try:
        return format(Decimal(lexical).normalize(), "f")
    except ArithmeticError:
        return lexical


# measure: the metric scheme's concept slug (gdp-growth) or empty; value_max: a range's upper bound; period: the
# five years a total or an average spans (2021-2025).
INDICATOR_COLUMNS = ["metric", "measure", "value", "value_max", "unit", "qualifier", "year", "period", "kind",
                     "direction", "about", "evidence"]


def indicator_rows_csv(store: GraphStore, graph: str) -> str:
    """One document's indicator rows as CSV lines (no header)."""
    buf = io.StringIO()
    out = csv.writer(buf, lineterminator="\n")
    for row in _select(store, INDICATOR_ROWS % graph):
        row["value"] = _plain(row["value"])
        if row.get("value_max"):
            row["value_max"] = _plain(row["value_max"])
        out.writerow([graph, *(row.get(c, "") for c in INDICATOR_COLUMNS)])
    return buf.getvalue()


def write_indicators_csv(store: GraphStore, path: Path, parts: Parts | None = None) -> None:
    """One row per indicator, document by document: the columns of INDICATOR_COLUMNS after the document.
    With ``parts``, each document's rows are read from its part (see write_document_parts)."""
    def writer(tmp: str) -> None:
        with open(tmp, "w", encoding="utf-8", newline="") as fh:
            fh.write(",".join(["document", *INDICATOR_COLUMNS]) + "\n")
            for graph in _documents(store):
                if parts is None:
                    fh.write(indicator_rows_csv(store, graph.value))
                else:
                    fh.write(parts.path(graph.value, INDICATORS_PART).read_text(encoding="utf-8"))

    write_atomic_with(path, writer)


def write_document_parts(store: GraphStore, parts: Parts, *, threads: int = 1) -> None:
    """graphs/<document>.trig and <document>.indicators.csv for every document whose graph changed since they
    were written, on ``threads`` threads (the store serialises and queries without Python's lock)."""
    def write(graph: NamedNode) -> None:
        write_atomic(parts.path(graph.value, ".trig"), _trig_chunk(store, graph))
        write_atomic(parts.path(graph.value, INDICATORS_PART), indicator_rows_csv(store, graph.value))

    stale = [g for g in _documents(store) if not parts.fresh(g.value, DOCUMENT_PARTS)]
    with ThreadPoolExecutor(max(1, threads)) as pool:
        for _ in pool.map(write, stale):  # in order, so that an error surfaces here
            pass


RELATION_PREDICATES = " ".join(f"kg:{p}" for p in (*RELATION_TYPES, "relatedTo"))
TOP_QUERY = f"""SELECT ?e (COUNT(DISTINCT ?o) AS ?degree) WHERE {{
  VALUES ?p {{ {RELATION_PREDICATES} }} {{ ?e ?p ?o }} UNION {{ ?o ?p ?e }} }}
GROUP BY ?e ORDER BY DESC(?degree) ?e LIMIT %d"""


def page_quads(store: GraphStore, *, top: int = PAGE_TOP, mentions: dict[str, int] | None = None) -> list[Quad]:
    """The quads the page draws: all of a small store; for a large one the ``top`` most connected entities,
    the relations among them, up to PAGE_SENTENCES evidence sentences, indicators and statements each, and the
    documents. Every lookup is by entity and predicate, so the cost grows with ``top``, not with the store.
    ``mentions`` (entity IRI → mentions in all documents, as entity_rows counts them) saves counting again."""
    if sum(1 for _ in islice(store.store, PAGE_WHOLE_LIMIT + 1)) <= PAGE_WHOLE_LIMIT:  # len() scans them all
        return store.quads()
    chosen = {NamedNode(r["e"]) for r in _select(store, TOP_QUERY % top)}
    relation_iris = {KG[p] for p in (*RELATION_TYPES, "relatedTo")}
    own = (RDF_TYPE, RDFS_LABEL, SKOS_ALT, KG.divisionCode, KG.confidence)

    def named(s=None, p=None, o=None, g=None, limit: int | None = None) -> list[Quad]:
        found = (q for q in store.store.quads_for_pattern(s, p, o, g) if not isinstance(q.graph_name, DefaultGraph))
        return list(islice(found, limit))

    union = DefaultGraph() if store.has_default_graph() else None
    out: set[Quad] = set()
    sentences: set = set()
    for ent in chosen:
        # its own properties once (from the union), its mentions summed over the documents
        for predicate in own:
            out.update(Quad(q.subject, q.predicate, q.object, DefaultGraph())
                       for q in store.store.quads_for_pattern(ent, predicate, None, union))
        # an issuer area the text never names has no mention count: 0, not a missing key
        total = (mentions.get(ent.value, 0) if mentions
                 else sum(int(q.object.value) for q in named(ent, KG.mentionCount)))
        out.add(Quad(ent, KG.mentionCount, Literal(str(total), datatype=XSD_INTEGER), DefaultGraph()))
        for predicate in relation_iris:
            for other in {q.object for q in store.store.quads_for_pattern(ent, predicate, None, union)} & chosen:
                # one quad per document (the page weighs co-mentions by documents), up to a few documents
                out.update(named(ent, predicate, other, limit=PAGE_EDGE_DOCUMENTS))
        mentioned = named(ent, KG.mentionedIn, limit=PAGE_SENTENCES)
        out.update(mentioned)
        sentences.update(q.object for q in mentioned)
        # the indicators about the entity and the statements of its relations, with their evidence
        links = named(None, KG.about, ent, limit=PAGE_SENTENCES)
        links += islice((q for q in named(None, RDF_SUBJECT, ent)
                         if any(o.object in chosen for o in named(q.subject, RDF_OBJECT, None, q.graph_name))),
                        PAGE_SENTENCES)
        for link in links:
            for q in named(link.subject, None, None, link.graph_name):
                out.add(q)
                if q.predicate == KG.evidence:
                    sentences.add(q.object)
    for sent in sentences:
        out.update(named(sent))
    for graph in _documents(store):
        out.update(named(graph, None, None, graph))
    return sorted(out, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate), str(q.object)))


def page_title(store: GraphStore, documents: int) -> str:
    """The page title: the report's title for one document, else the number of documents."""
    if documents == 1:
        rows = _select(store, "SELECT ?t WHERE { GRAPH ?g { ?g a kg:Document ; dcterms:title ?t } }")
        if rows:
            return rows[0]["t"]
    return f"GovKG: {documents} documents"


def write_outputs(store: GraphStore, out: Path, *, page: bool, documents: int, top: int = PAGE_TOP,
                  rows: list[dict[str, str]] | None = None, triples: int = 0, threads: int = 1) -> list[Path]:
    """graph.ttl, graph.trig, entities.csv, indicators.csv and (unless page is False) graph.html from a store.

    A store of more than WHOLE_EXPORT_LIMIT ``triples`` is exported as graphs/<document>.trig instead of one
    graph.ttl and graph.trig (see kg.store.parts): only the documents that changed are written again, on ``threads``
    threads.
    """
    files = [out / "entities.csv", out / "indicators.csv", out / "review.csv"]
    parts = None
    if triples > WHOLE_EXPORT_LIMIT:
        parts = Parts(out / "graphs", store.graph_versions())
        parts.folder.mkdir(parents=True, exist_ok=True)
        write_document_parts(store, parts, threads=threads)
        for stale in (out / "graph.ttl", out / "graph.trig"):  # from an earlier, smaller build of this folder
            stale.unlink(missing_ok=True)
        files.insert(0, parts.folder)
    else:
        files[:0] = [out / "graph.ttl", out / "graph.trig"]
        write_turtle_and_trig(store, files[0], files[1], threads=threads)
    rows = entity_rows(store) if rows is None else rows
    write_atomic(out / "entities.csv", entities_csv(rows))
    write_indicators_csv(store, out / "indicators.csv", parts)
    write_atomic(out / "review.csv", review_csv(rows))
    if parts is not None:
        documents_now = [g.value for g in _documents(store)]
        for iri in documents_now:
            parts.record(iri)
        parts.save(documents_now, DOCUMENT_PARTS)
    if page:
        from kg.web.viz import render_page

        files.append(out / "graph.html")
        mentions = {row["iri"]: int(row["mentions"]) for row in rows}
        write_atomic(files[-1], render_page(page_quads(store, top=top, mentions=mentions),
                                            title=page_title(store, documents)))
    return files


ANALYTICS_PREDICATES = ("degree", "pagerank", "community")


def refresh_analytics(store: GraphStore, *, enabled: bool) -> None:
    """Drop the centrality and community values of an earlier build and, when enabled, compute them anew
    over the whole store (they describe the graph as it is now, not as it was)."""
    touched = {q.graph_name.value for name in ANALYTICS_PREDICATES
               for q in store.store.quads_for_pattern(None, KG[name], None, None)
               if isinstance(q.graph_name, NamedNode)}
    for name in ANALYTICS_PREDICATES:
        store.store.update(f"DELETE WHERE {{ GRAPH ?g {{ ?e <{KG_NS}{name}> ?v }} }}")
        store.store.update(f"DELETE WHERE {{ ?e <{KG_NS}{name}> ?v }}")  # and from the union
    if enabled:
        from kg.explore.analytics import network_quads
        from kg.explore.network import EntityNetwork

        quads = network_quads(EntityNetwork(store.store))
        store.store.extend(quads)
        if store.has_default_graph():  # the union, when one is kept, says the same
            store.store.extend({Quad(q.subject, q.predicate, q.object, DefaultGraph()) for q in quads})
        touched.update(q.graph_name.value for q in quads if isinstance(q.graph_name, NamedNode))
    store.mark_changed(touched)  # their per-document exports are written again


def build(inputs: list[str | Path], out_dir: str | Path, *, pipeline: Pipeline | None = None,
          page: bool = True, store_dir: str | Path | None = None, store_url: str | None = None,
          sparql_url: str | None = None, jobs: int | None = 1, executor: str = "local",
          scheduler: str | None = None, client=None, rebuild: bool = False, quiet: bool = True,
          overrides: Metadata | None = None, wait: float = 0.0, top: int = PAGE_TOP,
          curation: str | Path | None = None, analytics: bool = False, model: str | None = None) -> BuildResult:
    """Build the given reports (the bundled sample when none) into a store and write every output.

    The store is ``store_dir`` (default: ``<out_dir>/store``) or, with ``store_url``, a SPARQL Graph Store
    endpoint (then no local files are written). Documents whose text is already stored are skipped
    unless ``rebuild``; a document that fails is reported and the others go on. Every input is read and
    checked first: when none can be read, InputError is raised and nothing is touched. ``curation`` is a
    curation CSV (kg/extract/curation.py) applied after resolution; ``analytics`` writes kg:degree, kg:pagerank and
    kg:community onto every entity. ``model`` chooses the mention model (kg/extract/mention_model.py): None or
    "default" for the shipped one, "none" for the rules alone, or a file `kg train` wrote.
    """
    started = time.perf_counter()
    paths = expand_inputs(inputs) if inputs else [sample_path()]
    out = Path(out_dir)
    location = None if store_url else Path(store_dir) if store_dir else out / "store"
    cache = read_plan_cache(location) if location is not None else None
    planned, unreadable = plan(paths, overrides=overrides or Metadata(), cache=cache)
    if not planned:
        raise InputError(unreadable[0][1])
    from kg.store.corpus import DocFailure

    edits = tuple(read_curation(curation)) if curation else ()
    from kg.extract.mention_model import NO_MODEL, load_model, model_path

    chosen = model_path(model)
    load_model(str(chosen) if chosen else NO_MODEL)  # a bad model file fails here, before anything is touched
    if pipeline is not None and (edits or model):
        pipeline = Pipeline(pipeline.names, curation=edits, model=str(chosen) if chosen else NO_MODEL)
    if pipeline is None:
        components = PipelineSpec(curation=edits, model=str(chosen) if chosen else NO_MODEL)
    else:  # any object with names and __call__ will do (tests wrap a pipeline)
        components = getattr(pipeline, "spec", None) or PipelineSpec(tuple(pipeline.names))
    threads = max(1, jobs or 1)  # --jobs N: N extraction processes, then N threads for per-graph work
    jobs = min(jobs or 0, len(planned)) or None
    if client is not None:
        from kg.store.executors import DaskExecutor

        runner = DaskExecutor(client=client, components=components)
    else:
        runner = make_executor(executor, jobs=jobs, scheduler=scheduler, pipeline=pipeline, components=components)
    result = BuildResult()
    if store_url:
        from kg.store.remote import RemoteStore

        sink = RemoteSink(RemoteStore(store_url, query_url=sparql_url))
        result.target = store_url
        with store_lock(store_url, timeout=wait):
            result.report = build_corpus(planned, sink, run=runner.map, components=components, rebuild=rebuild,
                                         quiet=quiet)
            result.counts, result.entities = store_counts(sink)
    else:
        location.parent.mkdir(parents=True, exist_ok=True)
        result.target = str(location)
        with store_lock(location, timeout=wait):
            store = GraphStore(location)
            # the union in the default graph is kept up to date graph by graph when the last build left it
            # complete; otherwise (a new store, a build that stopped half-way) it is made again at the end
            keep_union = store.union_is_current()
            store.set_union_current(False)
            if not keep_union:
                store.store.clear_graph(DefaultGraph())
            store.add_ontology(keep_union=keep_union)
            sink = LocalSink(store, keep_union=keep_union, batch_bytes=LOAD_BATCH_BYTES)
            result.report = build_corpus(planned, sink, run=runner.map, components=components,
                                         rebuild=rebuild, quiet=quiet)
            refresh_analytics(store, enabled=analytics)
            if not keep_union:
                store.materialize_union()
            # each graph's counts: as the workers read them, cached, or read again where the graph changed
            shares = store_shares(store, threads=threads, given=sink.shares.shares())
            refresh_summary(store, shares)  # the whole-store counts the saved queries read (kg.store.summary)
            store.mark_changed([SUMMARY_GRAPH])
            store.flush()
            from kg.explore.network import network_data_from_shares
            from kg.explore.network_cache import write_network_cache

            # the view kg path/neighbors/rank/communities read, cached beside the store (best effort), made from
            # the shares and the union; with more than one thread it is made while the other outputs are written
            # (the store is final now)
            with ThreadPoolExecutor(1) if threads > 1 else nullcontext() as side:
                network = side.submit(network_data_from_shares, store.store, shares) if side else None
                rows = entity_rows(store, shares)
                result.counts, result.entities = local_counts(store, rows, shares)
                result.files = [*write_outputs(store, out, page=page, documents=result.counts["documents"],
                                               top=top, rows=rows, triples=result.counts["triples"],
                                               threads=threads), location]
                try:
                    view = network.result() if network else network_data_from_shares(store.store, shares)
                except Exception:  # noqa: BLE001 - a cache, never a reason to fail a build: the commands read the store
                    view = None
            store.set_union_current(True)  # last: a build stopped before here writes every output again
            write_plan_cache(location, cache)
            del sink, store  # close the on-disk store before the lock is released
            try:
                write_network_cache(location, view)
            except Exception:  # noqa: BLE001 - a cache, never a reason to fail a build: the commands read the store
                pass
    result.report.failed = sorted([*result.report.failed, *(DocFailure(p.name, reason) for p, reason in unreadable)],
                                  key=lambda f: f.source)
    result.seconds = time.perf_counter() - started
    return result


