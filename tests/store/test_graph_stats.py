"""Per-graph shares (kg/store/graph_stats.py): merged, they equal counts over the whole store; a build reads again only
the graphs that changed; a damaged cache is read anew."""

from __future__ import annotations

import numpy as np
import pytest

import kg.store.graph_stats as graph_stats
from kg.build import build
from kg.eval.synth import write_corpus
from kg.model import ENTITY_CLASSES, RELATION_TYPES
from kg.rdf.namespace import SUMMARY_GRAPH
from kg.store.graph_stats import (
    STATS_FILE,
    graph_sizes,
    mentions,
    neighbour_counts,
    read_shares,
    sentence_counts,
    store_shares,
    top_pairs,
)
from kg.store.graphstore import GraphStore

CLASSES = ", ".join(f"kg:{c}" for c in ENTITY_CLASSES)
RELATIONS = " ".join(f"kg:{p}" for p in (*RELATION_TYPES, "relatedTo"))


@pytest.fixture(scope="module")
def corpus_store(tmp_path_factory, pipeline):
    """Three generated reports built into an on-disk store; the store's folder."""
    folder = tmp_path_factory.mktemp("stats")
    write_corpus(folder / "in", 3, seed=21, sentences=30)
    build([folder / "in"], folder / "out", pipeline=pipeline, page=False)
    return folder / "out" / "store"


def select(store: GraphStore, sparql: str) -> dict[str, int]:
    """Rows of ?k ?n as key → integer."""
    return {row["k"].value: int(row["n"].value) for row in store.query(sparql)}


def test_merged_shares_equal_counts_over_the_union(corpus_store):
    store = GraphStore(corpus_store)
    shares = store_shares(store)
    assert neighbour_counts(shares) == select(store, f"""SELECT ?k (COUNT(DISTINCT ?o) AS ?n) WHERE {{
        VALUES ?r {{ {RELATIONS} }} {{ ?k ?r ?o }} UNION {{ ?o ?r ?k }}
        FILTER EXISTS {{ ?k a ?c FILTER(?c IN ({CLASSES})) }} }} GROUP BY ?k""")
    assert sentence_counts(shares) == select(store, """SELECT ?k (COUNT(DISTINCT ?s) AS ?n)
        WHERE { ?k kg:mentionedIn ?s } GROUP BY ?k""")
    assert {e: total for e, (total, _) in mentions(shares).items()} == select(store, """SELECT ?k (SUM(?m) AS ?n)
        WHERE { GRAPH ?g { ?k kg:mentionCount ?m } } GROUP BY ?k""")
    sizes = graph_sizes(shares)
    assert {g for g, s in sizes.items() if s["document"]} == set(select(store, """SELECT ?k (1 AS ?n)
        WHERE { GRAPH ?k { ?k a kg:Document } }"""))
    assert {g: s["triples"] for g, s in sizes.items()} == select(store, f"""SELECT ?k (COUNT(*) AS ?n)
        WHERE {{ GRAPH ?k {{ ?s ?p ?o }} FILTER(?k != <{SUMMARY_GRAPH}>) }} GROUP BY ?k""")
    pairs = top_pairs(shares, 5)
    assert len(pairs) == 5 and all(a < b for a, b, _ in pairs)
    assert [n for _, _, n in pairs] == sorted((n for _, _, n in pairs), reverse=True)
    a, b, n = pairs[0]
    assert n == select(store, f"""SELECT ("x" AS ?k) (COUNT(DISTINCT ?s) AS ?n)
        WHERE {{ <{a}> kg:mentionedIn ?s . <{b}> kg:mentionedIn ?s }}""")["x"]
    del store


def test_two_threads_read_the_same_shares_as_one(corpus_store):
    store = GraphStore(corpus_store)
    graphs = graph_stats._sources(store)
    one, two = (read_shares(store, graphs, threads=t).sorted_iris() for t in (1, 2))
    assert one.iris == two.iris and one.graphs == two.graphs
    for name, table in one.tables.items():
        assert np.array_equal(np.unique(table, axis=0), np.unique(two.tables[name], axis=0)), name
    del store


def test_a_build_reads_again_only_the_graphs_that_changed(tmp_path, pipeline, monkeypatch):
    write_corpus(tmp_path / "in", 3, seed=22, sentences=24)
    build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    read: list[str] = []
    original = graph_stats._graph_rows
    monkeypatch.setattr(graph_stats, "_graph_rows", lambda store, g: read.append(g) or original(store, g))
    changed = sorted((tmp_path / "in").iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "全市新建口袋公园12个。\n", encoding="utf-8")
    again = build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    (iri,) = [r.iri for r in again.report.built]
    # the worker sent the changed graph's share; it is read from the store only if the alias pass then edited it
    assert set(read) <= {iri}
    monkeypatch.setattr(graph_stats, "_graph_rows", original)
    fresh = build([tmp_path / "in"], tmp_path / "fresh", pipeline=pipeline, page=False)
    assert again.counts == fresh.counts and again.entities == fresh.entities
    assert (tmp_path / "out" / "entities.csv").read_bytes() == (tmp_path / "fresh" / "entities.csv").read_bytes()


def test_a_damaged_cache_is_read_anew(tmp_path, pipeline):
    write_corpus(tmp_path / "in", 2, seed=23, sentences=16)
    first = build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    cache = tmp_path / "out" / "store" / STATS_FILE
    assert cache.is_file()
    cache.write_bytes(b"not a cache")
    again = build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    assert again.counts == first.counts and again.entities == first.entities
    assert graph_stats.load(cache) is not None  # written again


def test_a_worker_s_share_equals_the_one_read_from_the_store(tmp_path):
    from kg.store.corpus import LocalSink, Task, extract_task

    write_corpus(tmp_path / "in", 1, seed=24, sentences=30)
    path = next((tmp_path / "in").iterdir())
    result = extract_task(Task(path.name, path.read_text(encoding="utf-8")))
    sink = LocalSink(GraphStore(tmp_path / "store"))
    sink.put(result.iri, result.ntriples, share=result.share)
    from_worker = sink.shares.shares().sorted_iris()
    from_store = read_shares(sink.store, [result.iri]).sorted_iris()
    assert from_worker.iris == from_store.iris and len(from_store.tables["pairs"]) > 0
    for name, table in from_store.tables.items():
        assert np.array_equal(np.unique(table, axis=0), np.unique(from_worker.tables[name], axis=0)), name
