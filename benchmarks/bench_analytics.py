"""Benchmark of the explore commands (path, neighbours, rank, communities) on the sample and on a generated corpus.

    .venv/bin/python benchmarks/bench_analytics.py                 # sample + 1,000-report corpus
    .venv/bin/python benchmarks/bench_analytics.py --reports 200   # a smaller corpus
    .venv/bin/python benchmarks/bench_analytics.py --store /tmp/corpus-store   # also an on-disk store (and its cache)
    .venv/bin/python benchmarks/bench_analytics.py --louvain       # also time Louvain on the corpus (slow)

The corpus is synthesised as quads (no extraction): each report names ~375 entities — most drawn from a shared
pool with a long-tailed popularity, the rest its own — in 300 sentences of 2–3 co-mentioned entities, plus 30
typed relations with their kg:Statement. Goal: each command under 1 s on the sample, under 10 s on the corpus,
building the network view included. Each command's total is the view's time plus its own work; every figure is
the median of --repeat runs, in CPU seconds (steady on a busy machine) and wall seconds.

With --store DIR the corpus is also written to an on-disk store (once; reused when DIR exists) and the view is
timed as `kg --store DIR` builds it: from the store (no cache) and from the cache kept beside it.
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import combinations
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, Store

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from kg.explore import analytics  # noqa: E402
from kg.explore.network import EntityNetwork  # noqa: E402
from kg.explore.network_cache import load_network  # noqa: E402
from kg.explore.paths import NameIndex, find_paths, neighbourhood  # noqa: E402
from kg.model import ENTITY_CLASSES, RELATION_TYPES  # noqa: E402
from kg.rdf.namespace import KG, RDF_OBJECT, RDF_PREDICATE, RDF_SUBJECT, RDF_TYPE, RDFS_LABEL  # noqa: E402

BASE = "https://w3id.org/govkg/id/"
XSD_INT = NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def corpus_store(reports: int, *, seed: int = 7, pool: int = 20_000, entities: int = 375, own: int = 110,
                 sentences: int = 300, typed: int = 30) -> Store:
    """An in-memory store holding a generated corpus of `reports` documents."""
    rng = random.Random(seed)
    weights = [1.0 / (k + 1) ** 0.9 for k in range(pool)]
    shared = [(ENTITY_CLASSES[k % len(ENTITY_CLASSES)], f"共享实体{k}") for k in range(pool)]
    store = Store()
    for r in range(reports):
        g = NamedNode(f"{BASE}doc/市{r}/2025/报告")
        names = {shared[k] for k in rng.choices(range(pool), weights=weights, k=entities - own)}
        names |= {(ENTITY_CLASSES[k % len(ENTITY_CLASSES)], f"市{r}实体{k}") for k in range(own)}
        ents = sorted(names)
        nodes = [NamedNode(f"{BASE}{cls}/{label}") for cls, label in ents]
        quads = [Quad(g, RDF_TYPE, KG.Document, g)]
        mentioned: dict[int, list[int]] = {}
        related: set[tuple[str, str]] = set()
        for s in range(sentences):
            sent = NamedNode(f"{g.value}/sentence/{s}")
            picked = rng.sample(range(len(ents)), rng.choice((2, 2, 3)))
            text = "、".join(ents[i][1] for i in picked) + "协同发展。"
            quads += [Quad(sent, RDF_TYPE, KG.Sentence, g), Quad(sent, KG.text, Literal(text, language="zh"), g)]
            for i in picked:
                mentioned.setdefault(i, []).append(s)
            for a, b in combinations(sorted(nodes[i].value for i in picked), 2):
                related.add((a, b))
        for i, (cls, label) in enumerate(ents):
            e = nodes[i]
            hits = mentioned.get(i, [0])
            quads += [Quad(e, RDF_TYPE, KG[cls], g), Quad(e, RDFS_LABEL, Literal(label, language="zh"), g),
                      Quad(e, KG.mentionCount, Literal(str(len(hits)), datatype=XSD_INT), g)]
            quads += [Quad(e, KG.mentionedIn, NamedNode(f"{g.value}/sentence/{s}"), g) for s in hits]
        quads += [Quad(NamedNode(a), KG.relatedTo, NamedNode(b), g) for a, b in related]
        for t in range(typed):
            s_i, o_i = rng.sample(range(len(ents)), 2)
            kind = RELATION_TYPES[t % len(RELATION_TYPES)]
            stmt = NamedNode(f"{g.value}/statement/{t}")
            quads += [Quad(nodes[s_i], KG[kind], nodes[o_i], g), Quad(stmt, RDF_TYPE, KG.Statement, g),
                      Quad(stmt, RDF_SUBJECT, nodes[s_i], g), Quad(stmt, RDF_PREDICATE, KG[kind], g),
                      Quad(stmt, RDF_OBJECT, nodes[o_i], g),
                      Quad(stmt, KG.evidence, NamedNode(f"{g.value}/sentence/{t}"), g)]
        store.extend(quads)
    return store


def timed(fn: Callable[[], object], repeat: int = 1) -> tuple[float, float, object]:
    """The median CPU and wall seconds of `repeat` calls, and the last result."""
    cpu, wall, value = [], [], None
    for _ in range(repeat):
        c, w = time.process_time(), time.perf_counter()
        value = fn()
        cpu.append(time.process_time() - c)
        wall.append(time.perf_counter() - w)
    return statistics.median(cpu), statistics.median(wall), value


Row = tuple[str, float, float]


def bench(name: str, load: Callable[[], EntityNetwork], a: str, b: str, *, louvain: bool,
          repeat: int) -> list[Row]:
    """Time the view and each command's work on one graph; a command's total includes building the view."""
    view_cpu, view_wall, net = timed(load, repeat)
    rows = [(f"{name}: build the network view ({len(net):,} entities, {net.number_of_edges():,} edges)",
             view_cpu, view_wall)]

    def path():
        index = NameIndex(net)
        paths = find_paths(net, index.resolve(a).node, index.resolve(b).node, max_hops=6)
        return [net.evidence(r) for p in paths for h in p.hops for r in h.relations]

    def neighbours():
        found = neighbourhood(net, NameIndex(net).resolve(a).node, depth=1)
        return [net.evidence(nb.relations[0]) for nb in found[:500]]  # the command lists 500 by default

    jobs = [("path", path), ("neighbors", neighbours),
            ("rank --by degree", lambda: analytics.centrality(net, "degree")),
            ("rank --by pagerank", lambda: analytics.centrality(net, "pagerank")),
            ("rank --by betweenness", lambda: analytics.centrality(net, "betweenness")),
            ("communities (auto)", lambda: analytics.communities(net))]
    if louvain:
        jobs.append(("communities --method louvain", lambda: analytics.communities(net, method="louvain")))
    for label, job in jobs:
        cpu, wall, _ = timed(job, repeat)
        rows.append((f"{name}: {label}", view_cpu + cpu, view_wall + wall))
    return rows


def on_disk(store: Store, directory: Path) -> Path:
    """An on-disk copy of a store (written once: an existing directory is reused as it is)."""
    if not directory.exists():
        from pyoxigraph import RdfFormat

        disk = Store(str(directory))
        disk.bulk_load(store.dump(format=RdfFormat.N_QUADS), format=RdfFormat.N_QUADS)
        disk.flush()
        del disk
    return directory


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one line per measurement."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reports", type=int, default=1000, help="reports in the generated corpus (default 1000)")
    parser.add_argument("--graph", help="a built sample graph (default: build the bundled sample first)")
    parser.add_argument("--skip-sample", action="store_true")
    parser.add_argument("--louvain", action="store_true", help="also time Louvain on the corpus")
    parser.add_argument("--store", metavar="DIR", help="also time an on-disk store of the corpus (created if missing)")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement; the median is shown (default 3)")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    if not args.skip_sample:
        graph = args.graph
        if not graph:
            from kg.build import build

            out = Path(tempfile.mkdtemp(prefix="bench-analytics-"))
            build([], out, page=False)
            graph = str(out / "graph.trig")
        rows += bench("sample", lambda: load_network(graph), "中国资源循环集团", "滨海新区", louvain=False,
                      repeat=args.repeat)
    if args.reports > 0:
        made, _, store = timed(lambda: corpus_store(args.reports))
        print(f"generated {args.reports} reports ({len(store):,} quads) in {made:.1f} s", flush=True)
        name = f"corpus of {args.reports}"
        rows += bench(f"{name}, in memory", lambda: EntityNetwork(store), "共享实体0", "市0实体5",
                      louvain=args.louvain, repeat=args.repeat)
        if args.store:
            directory = on_disk(store, Path(args.store))
            del store
            cpu, wall, _ = timed(lambda: load_network(store=directory, cache=False), args.repeat)
            rows.append((f"{name}, on disk: build the view from the store (no cache)", cpu, wall))
            load_network(store=directory)  # writes the cache when it is missing or stale
            rows += bench(f"{name}, on disk", lambda: load_network(store=directory), "共享实体0", "市0实体5",
                          louvain=False, repeat=args.repeat)
    width = max(len(r[0]) for r in rows)
    print(f"{'':<{width}}  {'cpu s':>7}  {'wall s':>7}")
    for label, cpu, wall in rows:
        print(f"{label:<{width}}  {cpu:7.2f}  {wall:7.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
