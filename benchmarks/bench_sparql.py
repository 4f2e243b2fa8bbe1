"""Load time and query latency of the saved queries: pyoxigraph (on-disk store) against rdflib's SPARQL engine.

Runs on the sample and on a synthetic corpus of at least --triples triples (default 1,000,000) made by
replicating the sample's quads under other document IRIs: each copy gets its own document, sections,
sentences, mentions, statements and indicators; administrative areas stay shared, about half of the other
entities are made document-specific (as other cities' projects and firms would be), issuers and years vary
(ten yearly reports per synthetic city). When the sample has no typed relations or indicators yet, each copy
also gets a few synthetic ones (kg:locatedIn, kg:implements with kg:Statement, kg:Indicator) so that the
queries over them have work to do.

    .venv/bin/python benchmarks/bench_sparql.py                      # sample + 1M triples
    .venv/bin/python benchmarks/bench_sparql.py --triples 200000 --graph output/graph.trig --out bench.md
    .venv/bin/python benchmarks/bench_sparql.py --store W/out2/store   # a store bench_corpus.py built

The store gets the summary graph a build writes (kg/store/summary.py: neighbour and sentence counts, the top co-mention
pairs), timed apart; rdflib is given the same summary quads, so both engines answer the same queries over the
same data. --no-summary leaves it out, to time the queries that then count for themselves.

Latency is the median of --runs runs (rdflib: --rdflib-runs, and one run when a run takes over 5 s), each
run consuming every result. Each engine runs in a child process, so that a query over --timeout (pyoxigraph)
or --rdflib-timeout seconds is stopped and reported as "> N". pyoxigraph's child opens the on-disk store
read-only; rdflib's is forked from the loaded dataset. --queries DIR times the .rq files of another folder
(e.g. an older copy of kg/queries) instead of the library.
"""

from __future__ import annotations

import argparse
import hashlib
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, QueryBoolean, RdfFormat, Store, serialize

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.queries.library import SavedQuery, has_header, parse_header, saved_queries, with_prefixes  # noqa: E402
from kg.rdf.graph import XSD_DECIMAL, XSD_GYEAR  # noqa: E402
from kg.rdf.namespace import (  # noqa: E402
    DEFAULT_BASE,
    KG,
    KG_NS,
    PREFIXES,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_SUBJECT,
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_ALT,
)
from kg.store.graphstore import GraphStore  # noqa: E402
from kg.store.summary import SUMMARY_GRAPH, refresh_summary  # noqa: E402

TYPE, LABEL, ALT, KG_YEAR, GYEAR, ISSUER = RDF_TYPE, RDFS_LABEL, SKOS_ALT, KG.year, XSD_GYEAR, KG.issuer
kg = KG.__getitem__  # kg("Statement") → kg:Statement (a closed namespace: a typo is an error)


def sample_quads(graph: str | None) -> list[Quad]:
    """The sample's quads: from a built graph.trig, else built now into a temporary folder."""
    if graph is None:
        from kg.build import build

        out = Path(tempfile.mkdtemp(prefix="bench-sample-"))
        build([], out)
        graph = str(out / "graph.trig")
    store = Store()
    store.bulk_load(path=graph, format=RdfFormat.TRIG)
    return list(store)


def synthetic_facts(doc: NamedNode, quads: list[Quad], rng: random.Random) -> list[Quad]:
    """Typed relations with statements, and indicators, for one document (used when the sample has none)."""
    by_class: dict[str, list[NamedNode]] = {}
    for q in quads:
        if q.predicate == TYPE and q.object.value.startswith(KG_NS):
            by_class.setdefault(q.object.value[len(KG_NS):], []).append(q.subject)
    sentences = sorted(by_class.get("Sentence", []), key=lambda n: n.value)
    places = sorted(by_class.get("Zone", []) + by_class.get("AdministrativeArea", []), key=lambda n: n.value)
    out: list[Quad] = []

    def relation(s: NamedNode, p: str, o: NamedNode, k: int) -> None:
        out.append(Quad(s, kg(p), o, doc))
        st = NamedNode(f"{doc.value}/statement/synthetic-{p}-{k}")
        for pred, obj in ((TYPE, kg("Statement")), (RDF_SUBJECT, s),
                          (RDF_PREDICATE, kg(p)), (RDF_OBJECT, o),
                          (kg("evidence"), rng.choice(sentences)), (kg("extractor"), Literal("synthetic"))):
            out.append(Quad(st, pred, obj, doc))

    for k, ent in enumerate(sorted(by_class.get("Enterprise", []), key=lambda n: n.value)):
        relation(ent, "locatedIn", rng.choice(places), k)
    policies = sorted(by_class.get("Policy", []), key=lambda n: n.value)
    for k, project in enumerate(sorted(by_class.get("Project", []), key=lambda n: n.value)):
        relation(project, "implements", rng.choice(policies[:15]), k)
    metrics = ["地区生产总值增长", "一般公共预算收入增长", "城镇新增就业", "居民人均可支配收入增长",
               "固定资产投资增长", "社会消费品零售总额增长", "规模以上工业增加值增长", "研发投入强度",
               "港口集装箱吞吐量", "单位GDP能耗降低"]
    issuer = next((q.object for q in quads if q.subject == doc and q.predicate == ISSUER), None)
    for k, metric in enumerate(metrics):
        for kind, year in (("Actual", 2024), ("Target", 2025)):
            ind = NamedNode(f"{doc.value}/indicator/synthetic-{k}-{kind}")
            triples = [(TYPE, kg("Indicator")), (kg("metric"), Literal(metric, language="zh")),
                       (kg("value"), Literal(f"{rng.uniform(1, 9):.1f}", datatype=XSD_DECIMAL)),
                       (kg("unit"), Literal("%", language="zh")), (KG_YEAR, Literal(str(year), datatype=GYEAR)),
                       (kg("valueKind"), kg(kind)), (kg("evidence"), rng.choice(sentences))]
            if issuer is not None:
                triples.append((kg("about"), issuer))
            out += [Quad(ind, p, o, doc) for p, o in triples]
    return out


def with_facts(quads: list[Quad]) -> tuple[list[Quad], bool]:
    """The sample's quads plus synthetic relations and indicators when it has none of its own."""
    has_relations = any(q.predicate in (kg("locatedIn"), kg("implements")) for q in quads)
    has_indicators = any(q.predicate == TYPE and q.object == kg("Indicator") for q in quads)
    if has_relations and has_indicators:
        return quads, False
    docs = sorted({q.subject for q in quads if q.predicate == TYPE and q.object == kg("Document")},
                  key=lambda n: n.value)
    extra: list[Quad] = []
    for doc in docs:
        extra += synthetic_facts(doc, [q for q in quads if q.graph_name == doc], random.Random(doc.value))
    return quads + extra, True


def replicate(quads: list[Quad], target: int) -> list[Quad]:
    """Copies of the sample's document graphs under new document IRIs until there are >= target quads."""
    docs = {q.graph_name.value for q in quads if q.predicate == TYPE and q.object == kg("Document")}
    doc_quads = [q for q in quads if q.graph_name.value in docs]
    other = [q for q in quads if q.graph_name.value not in docs]
    entity_types = {q.subject.value: q.object.value for q in doc_quads
                    if q.predicate == TYPE and q.object.value.startswith(KG_NS)
                    and q.subject.value.startswith(DEFAULT_BASE) and not q.subject.value.startswith(tuple(docs))}
    local = {iri for iri, cls in entity_types.items()
             if cls != KG_NS + "AdministrativeArea" and int(hashlib.sha1(iri.encode()).hexdigest(), 16) % 2}
    out = list(other)
    copy = 0
    while len(out) < target:
        year = 2025 - copy % 10
        city = NamedNode(f"{DEFAULT_BASE}AdministrativeArea/合成市{copy // 10}")
        suffix = f"·{copy}"

        def term(t, suffix=suffix, copy=copy):
            if isinstance(t, NamedNode):
                for doc in docs:
                    if t.value.startswith(doc):
                        return NamedNode(f"{DEFAULT_BASE}doc/synthetic/{copy}" + t.value[len(doc):])
                if t.value in local:
                    return NamedNode(t.value + suffix)
            return t

        for q in doc_quads:
            s, p, o = term(q.subject), q.predicate, term(q.object)
            if p in (LABEL, ALT) and q.subject.value in local:
                o = Literal(q.object.value + suffix, language="zh")
            elif p == KG_YEAR and isinstance(o, Literal):
                o = Literal(str(int(o.value) - (2025 - year)), datatype=GYEAR)
            elif p == ISSUER:
                o = city
            out.append(Quad(s, p, o, term(q.graph_name)))
        out += [Quad(city, TYPE, kg("AdministrativeArea"), term(doc_quads[0].graph_name)),
                Quad(city, LABEL, Literal(f"合成市{copy // 10}", language="zh"), term(doc_quads[0].graph_name))]
        copy += 1
    return out


def consume(results) -> int:
    """Read every result; the number of rows or triples (1 for ASK)."""
    if isinstance(results, QueryBoolean):
        return 1
    return sum(1 for _ in results)


def time_runs(fn, runs: int, slow_s: float = 5.0) -> tuple[float, int]:
    """Median seconds over runs (a single run when the first is slow) and the result size."""
    times, size = [], 0
    for i in range(runs):
        started = time.perf_counter()
        size = fn()
        times.append(time.perf_counter() - started)
        if i == 0 and times[0] > slow_s:
            break
    return statistics.median(times), size


def _oxigraph_child(conn, path: str, runs: int) -> None:
    """Open the store read-only and time each query text received, answering (median seconds, size)."""
    store = Store.read_only(path)
    while (text := conn.recv()) is not None:
        conn.send(time_runs(lambda text=text: consume(store.query(text)), runs))


class OxigraphTimer:
    """pyoxigraph's query times, measured in a child process that is stopped (and started anew) on a timeout."""

    def __init__(self, path: str, runs: int, timeout: float) -> None:
        self.path, self.runs, self.timeout = path, runs, timeout
        self._start()

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")  # a fresh interpreter: no store handle inherited by fork
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_oxigraph_child, args=(child, self.path, self.runs), daemon=True)
        self.proc.start()
        child.close()

    def time(self, text: str) -> tuple[float | None, int]:
        """Median seconds and result size of one query; (None, 0) when it ran over the timeout."""
        self.conn.send(text)
        if self.conn.poll(self.timeout):
            return self.conn.recv()
        self.proc.kill()
        self.proc.join()
        self._start()
        return None, 0

    def close(self) -> None:
        """Stop the child."""
        self.conn.send(None)
        self.proc.join(timeout=10)
        if self.proc.is_alive():
            self.proc.kill()


def _rdflib_child(conn, dataset, text: str, runs: int) -> None:
    def once() -> int:
        result = dataset.query(text)
        if result.type == "ASK":
            return 1
        return sum(1 for _ in result)

    conn.send(time_runs(once, runs))
    conn.close()


def rdflib_time(dataset, text: str, runs: int, timeout: float) -> tuple[float | None, int]:
    """Median seconds of rdflib on one query in a forked child; None when over the timeout."""
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(child, dataset, text, runs))
    proc.start()
    child.close()
    if parent.poll(timeout):
        result = parent.recv()
        proc.join()
        return result
    proc.kill()
    proc.join()
    return None, 0


def load_rdflib(nquads: bytes):
    """An rdflib Dataset whose default graph is the union of its graphs, loaded from N-Quads."""
    from rdflib import Dataset

    dataset = Dataset(default_union=True)
    dataset.parse(data=nquads, format="nquads")
    return dataset


def query_set(folder: str | None) -> list[SavedQuery]:
    """The library's saved queries, or those of the .rq files of another folder."""
    if folder is None:
        return saved_queries()
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(Path(folder).glob("*.rq"))}
    return [parse_header(name, text) for name, text in texts.items() if has_header(text)]


def _ms(seconds: float | None, timeout: float) -> str:
    return f"> {timeout * 1000:,.0f}" if seconds is None else f"{seconds * 1000:,.1f}"


def bench(label: str, quads: list[Quad], args: argparse.Namespace) -> list[str]:
    """Load both engines and time every saved query; markdown lines with the results."""
    nquads = serialize(quads, format=RdfFormat.N_QUADS)
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        started = time.perf_counter()
        graph_store = GraphStore(tmp)
        store = graph_store.store
        store.bulk_load(nquads, format=RdfFormat.N_QUADS)
        ox_bulk = time.perf_counter() - started
        graph_store.materialize_union()
        store.flush()
        ox_load = time.perf_counter() - started
        summary_s = 0.0 if args.no_summary else refresh_summary(graph_store)
        store.flush()
        summary = list(store.quads_for_pattern(None, None, None, NamedNode(SUMMARY_GRAPH)))
        started = time.perf_counter()
        dataset = load_rdflib(nquads + serialize(summary, format=RdfFormat.N_QUADS))
        rdf_load = time.perf_counter() - started
        summary_note = ("no summary graph (--no-summary)." if args.no_summary else
                        f"summary graph: {summary_s:.2f} s for {len(summary):,} quads (kg/store/summary.py, after the "
                        "union; given to rdflib too).")
        lines = [f"### {label}: {len(quads):,} quads", "",
                 f"Load: pyoxigraph (on-disk store) {ox_load:.2f} s ({ox_bulk:.2f} s bulk load + "
                 f"{ox_load - ox_bulk:.2f} s materialising the union default graph); rdflib (Dataset, N-Quads) "
                 f"{rdf_load:.2f} s ({rdf_load / ox_load:.0f}× slower); {summary_note}", "",
                 "| query | rows | pyoxigraph ms | rdflib ms | rdflib / pyoxigraph |", "|---|---:|---:|---:|---:|"]
        ratios, ox_times = [], []
        timer = OxigraphTimer(tmp, args.runs, args.timeout)
        try:
            for q in query_set(args.queries):
                text = with_prefixes(q.text)
                ox_s, ox_rows = timer.time(text)
                ox_times.append(args.timeout if ox_s is None else ox_s)
                rd_s, rd_rows = rdflib_time(dataset, text, args.rdflib_runs, args.rdflib_timeout)
                if ox_s is None:
                    ratio = "?"
                elif rd_s is None:
                    ratio = f"> {args.rdflib_timeout / ox_s:,.0f}×"
                    ratios.append(args.rdflib_timeout / ox_s)
                else:
                    ratios.append(rd_s / ox_s)
                    ratio = f"{rd_s / ox_s:,.0f}×"
                mark = "" if rd_s is None or ox_s is None or rd_rows == ox_rows else f" (rdflib: {rd_rows})"
                rows = ox_rows if ox_s is not None else rd_rows
                lines.append(f"| {q.name} | {rows}{mark} | {_ms(ox_s, args.timeout)} | "
                             f"{_ms(rd_s, args.rdflib_timeout)} | {ratio} |")
                print(lines[-1], flush=True)
        finally:
            timer.close()
        over = sum(1 for t in ox_times if t >= 0.1)
        lines += ["", f"pyoxigraph: median {statistics.median(ox_times) * 1000:.1f} ms, slowest "
                      f"{max(ox_times) * 1000:.1f} ms, {over} of {len(ox_times)} queries at 100 ms or more; "
                      f"speed-up over rdflib: median {statistics.median(ratios):,.0f}×, smallest "
                      f"{min(ratios):,.0f}× (a \"> N×\" ratio counts as N×).", ""]
        del dataset, store, graph_store
    return lines


def bench_store(path: str, args: argparse.Namespace) -> list[str]:
    """Time every saved query with pyoxigraph on a store kg build made (rdflib cannot hold such a corpus)."""
    store = Store.read_only(path)
    graphs = sum(1 for _ in store.named_graphs())
    del store
    lines = [f"### store {path}: {graphs:,} named graphs", "",
             "The first time is the query's first runs (one run when it takes over 5 s): it reads the store's pages "
             "from disk when they are not in the OS cache. The second is the median once they are.", "",
             "| query | rows | first ms | warm ms |", "|---|---:|---:|---:|"]
    times = []
    timer = OxigraphTimer(path, args.runs, args.timeout)
    try:
        for q in query_set(args.queries):
            first, rows = timer.time(with_prefixes(q.text))
            warm, _ = timer.time(with_prefixes(q.text)) if first is not None else (None, 0)
            times.append(args.timeout if warm is None else warm)
            lines.append(f"| {q.name} | {rows} | {_ms(first, args.timeout)} | {_ms(warm, args.timeout)} |")
            print(lines[-1], flush=True)
    finally:
        timer.close()
    over = sum(1 for t in times if t >= 0.1)
    return [*lines, "", f"pyoxigraph, warm: median {statistics.median(times) * 1000:.1f} ms, slowest "
                        f"{max(times) * 1000:.1f} ms, {over} of {len(times)} queries at 100 ms or more.", ""]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print (and optionally write) a markdown report."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--graph", help="a built graph.trig of the sample (default: build the sample now)")
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic corpus")
    parser.add_argument("--runs", type=int, default=9, help="runs per query for pyoxigraph (median)")
    parser.add_argument("--rdflib-runs", type=int, default=3, help="runs per query for rdflib (median)")
    parser.add_argument("--timeout", type=float, default=60.0, help="seconds before a pyoxigraph query is stopped")
    parser.add_argument("--rdflib-timeout", type=float, default=120.0, help="seconds before an rdflib query is "
                        "stopped")
    parser.add_argument("--skip-sample", action="store_true", help="only the synthetic corpus")
    parser.add_argument("--no-summary", action="store_true", help="leave out the summary graph (kg/store/summary.py)")
    parser.add_argument("--queries", metavar="DIR", help="time the .rq files of DIR instead of kg/queries")
    parser.add_argument("--out", help="also write the report to this markdown file")
    parser.add_argument("--store", metavar="DIR", help="only time the saved queries on this store made by kg build "
                        "(e.g. the 1,000-report store of `bench_corpus.py --work W`: W/out2/store)")
    args = parser.parse_args(argv)
    if args.store:
        text = "\n".join(["# SPARQL benchmark: saved queries on a built store", "",
                          f"Machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}; median of {args.runs} "
                          "runs, each consuming every result.", "", *bench_store(args.store, args)])
        print(text)
        if args.out:
            Path(args.out).write_text(text + "\n", encoding="utf-8")
        return 0

    quads, synthetic = with_facts(sample_quads(args.graph))
    report = ["# SPARQL benchmark: pyoxigraph vs rdflib", "",
              f"Machine: {os.cpu_count()} CPUs, Python {sys.version.split()[0]}. Saved queries with their default "
              f"parameters; {len(query_set(args.queries))} queries"
              f"{' from ' + args.queries if args.queries else ''}. Prefixes: {', '.join(PREFIXES)}.",
              "Synthetic typed relations and indicators were added to the sample." if synthetic else "", ""]
    if not args.skip_sample:
        report += bench("sample", quads, args)
    corpus = replicate(quads, args.triples)
    report += bench("synthetic corpus", corpus, args)
    text = "\n".join(report)
    print(text)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
