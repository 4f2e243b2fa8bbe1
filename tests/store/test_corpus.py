"""Corpus builds: one graph per document, parallel = serial, incremental, failure isolation, metadata,
cross-document entity joining, and the synthetic corpus generator."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, serialize

from kg.build import build
from kg.eval.synth import make_corpus, write_corpus
from kg.rdf.namespace import KG_NS, SUMMARY_GRAPH
from kg.store.corpus import LocalSink
from kg.store.corpus_resolve import resolve_corpus
from kg.store.graphstore import GraphStore

ONTOLOGY = "https://w3id.org/govkg/ontology"


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    """Three small generated reports."""
    folder = tmp_path_factory.mktemp("corpus")
    write_corpus(folder, 3, seed=11, sentences=24)
    return folder


def doc_graphs(store_dir) -> dict[str, set]:
    """Every document graph of an on-disk store as a set of triples."""
    store = GraphStore(store_dir)
    graphs = {g.value: {q.triple for q in store.store.quads_for_pattern(None, None, None, g)}
              for g in store.store.named_graphs() if g.value not in (ONTOLOGY, SUMMARY_GRAPH)}
    del store
    return graphs


def test_each_document_gets_its_own_named_graph(corpus_dir, tmp_path, pipeline):
    result = build([corpus_dir], tmp_path / "out", pipeline=pipeline, page=False)
    graphs = doc_graphs(tmp_path / "out" / "store")
    assert len(graphs) == 3 and result.counts["documents"] == 3
    assert len(result.report.built) == 3 and not result.report.failed
    for iri, triples in graphs.items():
        assert (NamedNode(iri), NamedNode("https://w3id.org/govkg/ontology#sha256")) in {(t.subject, t.predicate)
                                                                                           for t in triples}
    trig = GraphStore.from_file(tmp_path / "out" / "graph.trig")
    assert {g.value for g in trig.store.named_graphs()} == {*graphs, ONTOLOGY, SUMMARY_GRAPH}


def test_graph_trig_holds_every_named_graph_and_graph_ttl_their_union(corpus_dir, tmp_path, pipeline):
    from kg.build import write_turtle_and_trig

    build([corpus_dir], tmp_path / "out", pipeline=pipeline, page=False, jobs=2)
    store = GraphStore(tmp_path / "out" / "store")
    named = {q for g in store.store.named_graphs() for q in store.store.quads_for_pattern(None, None, None, g)}
    assert len({q.graph_name for q in named}) == 5  # three reports, the ontology and the summary
    # one thread serialises the five graphs in two windows of four; the build's two threads in one
    write_turtle_and_trig(store, tmp_path / "one.ttl", tmp_path / "one.trig", threads=1)
    del store
    for ttl, trig in ((tmp_path / "out" / "graph.ttl", tmp_path / "out" / "graph.trig"),
                      (tmp_path / "one.ttl", tmp_path / "one.trig")):
        assert {q for q in GraphStore.from_file(trig).store if not isinstance(q.graph_name, DefaultGraph)} == named
        assert {q.triple for q in GraphStore.from_file(ttl).store} == {q.triple for q in named}
    assert (tmp_path / "one.ttl").read_bytes() == (tmp_path / "out" / "graph.ttl").read_bytes()
    assert (tmp_path / "one.trig").read_bytes() == (tmp_path / "out" / "graph.trig").read_bytes()


def test_two_workers_build_the_same_graph_as_one(corpus_dir, tmp_path, pipeline):
    build([corpus_dir], tmp_path / "one", pipeline=pipeline, page=False, jobs=1)
    build([corpus_dir], tmp_path / "two", page=False, jobs=2)
    assert doc_graphs(tmp_path / "one" / "store") == doc_graphs(tmp_path / "two" / "store")


def test_unchanged_documents_are_skipped_and_a_changed_one_replaces_its_graph(tmp_path, pipeline):
    write_corpus(tmp_path / "in", 3, seed=5, sentences=20)
    build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    before = doc_graphs(tmp_path / "out" / "store")
    again = build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    assert not again.report.built and len(again.report.skipped) == 3
    changed = sorted((tmp_path / "in").iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "全市新建口袋公园12个。\n", encoding="utf-8")
    third = build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    assert [r.source for r in third.report.built] == [changed.name] and len(third.report.skipped) == 2
    after = doc_graphs(tmp_path / "out" / "store")
    assert after.keys() == before.keys()
    (iri,) = [r.iri for r in third.report.built]
    assert after[iri] != before[iri]
    assert all(after[g] == before[g] for g in after if g != iri)
    assert union_is_merge_of_graphs(tmp_path / "out" / "store")  # kept up to date, not made again
    forced = build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False, rebuild=True)
    assert len(forced.report.built) == 3


def test_a_large_store_is_exported_per_document_and_only_changed_documents_are_written_again(
        tmp_path, pipeline, monkeypatch):
    from kg.store.parts import document_slug

    build_module = sys.modules["kg.build"]  # kg.build the name is the function
    write_corpus(tmp_path / "in", 3, seed=6, sentences=18)
    whole = build([tmp_path / "in"], tmp_path / "whole", pipeline=pipeline, page=False)
    monkeypatch.setattr(build_module, "WHOLE_EXPORT_LIMIT", 0)  # as if the store were a large corpus
    build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    out = tmp_path / "out"
    assert not (out / "graph.ttl").exists() and not (out / "graph.trig").exists()
    trigs = sorted((out / "graphs").glob("*.trig"))
    assert len(trigs) == 3
    per_document = {q for f in trigs for q in GraphStore.from_file(f).store.quads_for_pattern(None, None, None, None)
                    if not isinstance(q.graph_name, DefaultGraph)}
    assert per_document == {q for q in GraphStore.from_file(tmp_path / "whole" / "graph.trig").store
                            if not isinstance(q.graph_name, DefaultGraph)
                            and q.graph_name.value not in (ONTOLOGY, SUMMARY_GRAPH)}
    assert (out / "indicators.csv").read_text(encoding="utf-8") == (
        tmp_path / "whole" / "indicators.csv").read_text(encoding="utf-8")
    stamps = {f.name: f.stat().st_mtime_ns for f in (out / "graphs").iterdir()}
    changed = sorted((tmp_path / "in").iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "全市新建口袋公园12个，完成投资3.5亿元。\n",
                       encoding="utf-8")
    again = build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    (iri,) = [r.iri for r in again.report.built]
    rewritten = {f.name for f in (out / "graphs").iterdir() if stamps.get(f.name) != f.stat().st_mtime_ns}
    assert rewritten - {".manifest.json"} == {document_slug(iri) + ".trig",
                                              document_slug(iri) + ".indicators.csv"}
    assert "口袋公园" in (out / "graphs" / (document_slug(iri) + ".trig")).read_text(encoding="utf-8")
    fresh = build([tmp_path / "in"], tmp_path / "fresh", pipeline=pipeline, page=False)
    assert fresh.counts == again.counts
    assert (out / "indicators.csv").read_text(encoding="utf-8") == (
        tmp_path / "fresh" / "indicators.csv").read_text(encoding="utf-8")
    assert whole.counts["documents"] == 3


def union_is_merge_of_graphs(store_dir) -> bool:
    """Whether a store's default graph is exactly the set of triples of its named graphs."""
    store = GraphStore(store_dir)
    named = {q.triple for g in store.store.named_graphs() for q in store.store.quads_for_pattern(None, None, None, g)}
    union = {q.triple for q in store.store.quads_for_pattern(None, None, None, DefaultGraph())}
    del store
    return bool(named) and named == union


def test_replacing_a_graph_keeps_the_union_a_set_merge():
    store = GraphStore()
    a, b = "https://w3id.org/govkg/id/doc/A", "https://w3id.org/govkg/id/doc/B"
    line = '<https://w3id.org/govkg/id/{0}> <http://www.w3.org/2000/01/rdf-schema#label> "{0}"@zh .'.format
    store.put_graph(a, "\n".join([line("天津市"), line("滨海新区")]).encode() + b"\n", keep_union=True)
    store.put_graph(b, "\n".join([line("滨海新区"), line("河北省")]).encode() + b"\n", keep_union=True)
    store.put_graph(a, (line("天津市") + "\n").encode(), keep_union=True)  # A no longer names 滨海新区; B still does
    union = sorted(q.object.value for q in store.store.quads_for_pattern(None, None, None, DefaultGraph()))
    assert union == ["天津市", "河北省", "滨海新区"]
    store.put_graph(b, (line("河北省") + "\n").encode(), keep_union=True)  # now no graph names it
    union = sorted(q.object.value for q in store.store.quads_for_pattern(None, None, None, DefaultGraph()))
    assert union == ["天津市", "河北省"]


@pytest.mark.skipif(not os.path.isdir("/proc/self/task"), reason="thread priorities are read from Linux's /proc")
def test_an_on_disk_store_runs_its_compaction_at_the_lowest_priority(tmp_path):
    def threads(name: str) -> list[int]:
        tids = [int(t) for t in os.listdir("/proc/self/task")]
        return [t for t in tids if open(f"/proc/self/task/{t}/comm", encoding="utf-8").read().strip() == name]

    GraphStore(tmp_path / "store")
    assert threads("rocksdb:low")
    assert all(os.getpriority(os.PRIO_PROCESS, t) == 19 for t in threads("rocksdb:low"))
    assert all(os.getpriority(os.PRIO_PROCESS, t) < 19 for t in threads("rocksdb:high"))  # flushes keep theirs


def test_a_build_that_stopped_half_way_makes_the_union_again(tmp_path, pipeline):
    write_corpus(tmp_path / "in", 2, seed=8, sentences=16)
    build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    store = GraphStore(tmp_path / "out" / "store")
    assert store.union_is_current()
    store.set_union_current(False)  # as a build killed mid-way leaves it, with a stray triple in the union
    stray = NamedNode("https://w3id.org/govkg/id/stray")
    store.store.add(Quad(stray, stray, stray, DefaultGraph()))
    del store
    changed = sorted((tmp_path / "in").iterdir())[0]
    changed.write_text(changed.read_text(encoding="utf-8") + "全市新建口袋公园12个。\n", encoding="utf-8")
    build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    assert union_is_merge_of_graphs(tmp_path / "out" / "store")


class FailingPipeline:
    """The real pipeline, except that it fails on documents whose file name contains 'boom'."""

    def __init__(self, pipe) -> None:
        self.pipe = pipe
        self.names = pipe.names

    def __call__(self, doc):
        if "boom" in doc.source:
            raise RuntimeError("extractor crashed")
        return self.pipe(doc)


def test_unchanged_files_are_not_read_again_to_plan_the_next_build(tmp_path, pipeline, monkeypatch):
    import kg.store.corpus

    paths = write_corpus(tmp_path / "in", 2, seed=9, sentences=12)
    build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    reads = []
    original = kg.store.corpus.read_file
    monkeypatch.setattr(kg.store.corpus, "read_file", lambda path: reads.append(path.name) or original(path))
    again = build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    assert reads == [] and len(again.report.skipped) == 2
    paths[1].write_text(paths[1].read_text(encoding="utf-8") + "全市新建口袋公园12个。\n", encoding="utf-8")
    third = build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    assert [r.source for r in third.report.built] == [paths[1].name]
    assert reads.count(paths[1].name) == 2 and paths[0].name not in reads  # planned, then extracted


def test_a_failing_document_is_reported_and_the_others_are_built(tmp_path, pipeline):
    paths = write_corpus(tmp_path / "in", 2, seed=2, sentences=20)
    build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False)
    stored = doc_graphs(tmp_path / "out" / "store")
    boom = tmp_path / "in" / "boom.txt"
    boom.write_text(next(make_corpus(1, seed=99, sentences=20))[1], encoding="utf-8")
    (tmp_path / "in" / "binary.txt").write_bytes(bytes(range(256)) * 4)
    paths[0].write_text(paths[0].read_text(encoding="utf-8") + "新增就业岗位3万个。\n", encoding="utf-8")
    result = build([tmp_path / "in"], tmp_path / "out", pipeline=FailingPipeline(pipeline), page=False)
    reasons = {f.source: f.reason for f in result.report.failed}
    assert set(reasons) == {"boom.txt", "binary.txt"}
    assert "extractor crashed" in reasons["boom.txt"] and "not text" in reasons["binary.txt"]
    assert [r.source for r in result.report.built] == [paths[0].name]
    assert doc_graphs(tmp_path / "out" / "store").keys() == stored.keys()  # nothing stored is lost


def test_cli_exit_status_1_lists_failures_at_the_end(tmp_path):
    write_corpus(tmp_path / "in", 1, seed=4, sentences=16)
    (tmp_path / "in" / "empty.txt").write_bytes(b"   ")
    proc = subprocess.run([sys.executable, "-m", "kg", "build", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                           "--no-page", "--jobs", "1"], capture_output=True, text=True,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.returncode == 1, proc.stderr
    assert "1 built" in proc.stdout and "1 failed" in proc.stdout
    assert proc.stderr.strip().splitlines()[-1].startswith("failed: ") and "empty.txt" in proc.stderr
    assert (tmp_path / "out" / "graph.ttl").stat().st_size > 0


CHROME = ("下载\n打印\n全屏\n【字号：\n加大\n】\n2026年江北市政府工作报告\n"
          "——2026年1月26日在江北市第十八届人民代表大会第四次会议上\n")


def test_metadata_is_read_past_web_chrome_and_a_sidecar_overrides_it(tmp_path, pipeline):
    from tests.conftest import GENRE_TEXT

    report = tmp_path / "in" / "江北.txt"
    report.parent.mkdir()
    report.write_text(CHROME + GENRE_TEXT.split("\n", 1)[1], encoding="utf-8")
    result = build([report], tmp_path / "out", pipeline=pipeline, page=False)
    (doc,) = result.report.built
    assert (doc.issuer, doc.year, doc.title) == ("江北市", 2026, "2026年江北市政府工作报告")
    (tmp_path / "in" / "江北.meta.json").write_text('{"issuer": "南湖市", "year": 2027}', encoding="utf-8")
    result = build([report], tmp_path / "out2", pipeline=pipeline, page=False)
    (doc,) = result.report.built
    assert (doc.issuer, doc.year) == ("南湖市", 2027) and "/南湖市/2027/" in doc.iri


def test_two_inputs_with_one_document_iri_fail_the_second(tmp_path, pipeline, genre_file):
    copy = tmp_path / "copy.txt"
    copy.write_text(genre_file.read_text(encoding="utf-8") + "补充一句。\n", encoding="utf-8")
    result = build([genre_file, copy], tmp_path / "out", pipeline=pipeline, page=False)
    assert [f.source for f in result.report.failed] == ["copy.txt"]
    assert "same document IRI" in result.report.failed[0].reason


def _graph(doc: str, entities: list[tuple[str, str, str, list[str]]]) -> bytes:
    """A tiny document graph in N-Triples: (IRI, class, label, aliases) entities each mentioned in sentence 0."""
    kg, base = "https://w3id.org/govkg/ontology#", "https://w3id.org/govkg/id/"
    lines = [f"<{base}doc/{doc}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{kg}Document> ."]
    for name, cls, label, aliases in entities:
        iri = f"<{base}{cls}/{name}>"
        lines += [f"{iri} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{kg}{cls}> .",
                  f'{iri} <http://www.w3.org/2000/01/rdf-schema#label> "{label}"@zh .',
                  f'{iri} <{kg}mentionCount> "2"^^<http://www.w3.org/2001/XMLSchema#integer> .',
                  f"{iri} <{kg}mentionedIn> <{base}doc/{doc}/sentence/0> .",
                  f"<{base}doc/{doc}/mention/0-3-{cls}> <{kg}refersTo> {iri} ."]
        lines += [f'{iri} <http://www.w3.org/2004/02/skos/core#altLabel> "{a}"@zh .' for a in aliases]
    return ("\n".join(lines) + "\n").encode("utf-8")


def test_aliases_learned_in_one_document_resolve_another():
    sink = LocalSink(GraphStore())
    base = "https://w3id.org/govkg/id/"
    sink.put(base + "doc/A", _graph("A", [("天开高教科创园", "Zone", "天开高教科创园", ["天开园"]),
                                          ("宝坻区", "AdministrativeArea", "宝坻区", ["宝坻"])]))
    sink.put(base + "doc/B", _graph("B", [("天开园", "Zone", "天开园", []), ("宝坻", "AdministrativeArea", "宝坻", []),
                                          ("南港", "Zone", "南港", [])]))
    sink.put(base + "doc/C", _graph("C", [("南港工业区", "Zone", "南港工业区", []),
                                          ("南港开发区", "Zone", "南港开发区", [])]))
    merged, rewritten = resolve_corpus(sink)
    assert (merged, rewritten) == (2, 1)
    b = sink.store.store
    graph_b = NamedNode(base + "doc/B")
    subjects = {q.subject.value for q in b.quads_for_pattern(None, None, None, graph_b)}
    assert base + "Zone/天开高教科创园" in subjects and base + "Zone/天开园" not in subjects
    assert base + "AdministrativeArea/宝坻区" in subjects
    assert base + "Zone/南港" in subjects  # 南港 could be 南港工业区 or 南港开发区: left alone
    labels = [q.object.value for q in b.quads_for_pattern(NamedNode(base + "Zone/天开高教科创园"), None, None, graph_b)
              if q.predicate.value.endswith("#label")]
    assert labels == ["天开高教科创园"]
    refs = {q.object.value for q in b.quads_for_pattern(None, NamedNode("https://w3id.org/govkg/ontology#refersTo"),
                                                        None, graph_b)}
    assert base + "Zone/天开高教科创园" in refs  # the mention stays in document B, pointing at the joined entity
    data = b.dump(format=RdfFormat.N_TRIPLES, from_graph=graph_b).decode()
    assert f"<{base}doc/B/sentence/0>" in data and "doc/A/sentence" not in data
    assert resolve_corpus(sink) == (0, 0)  # a second pass has nothing left to do


def test_names_of_unchanged_graphs_are_read_from_the_cache(tmp_path, monkeypatch):
    import kg.store.corpus_resolve as corpus_resolve

    base = "https://w3id.org/govkg/id/"
    sink = LocalSink(GraphStore(tmp_path / "store"))
    sink.put(base + "doc/A", _graph("A", [("天开高教科创园", "Zone", "天开高教科创园", ["天开园"])]))
    sink.put(base + "doc/B", _graph("B", [("宝坻", "AdministrativeArea", "宝坻", [])]))
    first = corpus_resolve.read_names(sink)
    reads = []
    original = corpus_resolve.graph_name_rows
    monkeypatch.setattr(corpus_resolve, "graph_name_rows", lambda store, g: reads.append(g.value) or original(store, g))
    assert corpus_resolve.read_names(sink) == first and reads == []
    sink.put(base + "doc/B", _graph("B", [("宝坻区", "AdministrativeArea", "宝坻区", [])]))
    names = corpus_resolve.read_names(sink)
    assert reads == [base + "doc/B"]
    assert names.graphs[base + "doc/B"] == {base + "AdministrativeArea/宝坻区"}
    assert names.graphs[base + "doc/A"] == {base + "Zone/天开高教科创园"}


def test_names_a_worker_sends_with_its_graph_equal_the_store_s_and_are_not_read_again(corpus_dir, tmp_path,
                                                                                      monkeypatch):
    import kg.store.corpus_resolve as corpus_resolve
    from kg.store.corpus import Task, extract_task

    path = sorted(corpus_dir.iterdir())[0]
    result = extract_task(Task(path.name, path.read_text(encoding="utf-8")))
    assert result.names and all(cls.startswith(KG_NS) for _, cls, _ in result.names)
    sink = LocalSink(GraphStore(tmp_path / "store"))
    sink.put(result.iri, result.ntriples, names=result.names)
    assert result.names == corpus_resolve.graph_name_rows(sink.store.store, NamedNode(result.iri))
    reads = []
    original = corpus_resolve.graph_name_rows
    monkeypatch.setattr(corpus_resolve, "graph_name_rows", lambda store, g: reads.append(g.value) or original(store, g))
    names = corpus_resolve.read_names(sink)
    assert reads == [] and names.graphs[result.iri]
    sink.store.mark_changed([result.iri])  # changed after it was put: its names are read from the store
    corpus_resolve.read_names(sink)
    assert reads == [result.iri]


def test_the_names_cache_holds_the_graphs_as_the_alias_pass_left_them(tmp_path, monkeypatch):
    import json

    import kg.store.corpus_resolve as corpus_resolve

    base = "https://w3id.org/govkg/id/"
    sink = LocalSink(GraphStore(tmp_path / "store"))
    sink.put(base + "doc/A", _graph("A", [("天开高教科创园", "Zone", "天开高教科创园", ["天开园"]),
                                          ("宝坻区", "AdministrativeArea", "宝坻区", ["宝坻"])]))
    sink.put(base + "doc/B", _graph("B", [("天开园", "Zone", "天开园", []), ("宝坻", "AdministrativeArea", "宝坻", []),
                                          ("南港", "Zone", "南港", [])]))
    assert resolve_corpus(sink)[1] >= 1  # doc/B was edited: 天开园 and 宝坻 merged away
    cache = json.loads((tmp_path / "store" / corpus_resolve.NAMES_CACHE).read_text(encoding="utf-8"))
    versions = sink.store.graph_versions()
    for graph in sink.store.store.named_graphs():
        assert cache[graph.value]["version"] == versions[graph.value]
        assert cache[graph.value]["rows"] == corpus_resolve.graph_name_rows(sink.store.store, graph)
    assert [base + "Zone/天开高教科创园", KG_NS + "Zone", "天开高教科创园"] in cache[base + "doc/B"]["rows"]
    reads = []
    original = corpus_resolve.graph_name_rows
    monkeypatch.setattr(corpus_resolve, "graph_name_rows", lambda store, g: reads.append(g.value) or original(store, g))
    assert resolve_corpus(sink) == (0, 0) and reads == []  # the next pass reads nothing again


class WholeGraphSink(LocalSink):
    """A LocalSink that rewrites a graph as RemoteSink does: the whole graph out, rewritten, back in."""

    def rewrite(self, graph_iri, iri_map, label_of):
        from kg.store.corpus_resolve import rewrite_graph

        self.put(graph_iri, rewrite_graph(self.get(graph_iri), iri_map, label_of))


def test_editing_only_the_triples_concerned_gives_the_whole_graph_rewrite(corpus_dir, tmp_path, pipeline):
    build([corpus_dir], tmp_path / "out", pipeline=pipeline, page=False)
    graphs = doc_graphs(tmp_path / "out" / "store")
    sinks = [LocalSink(GraphStore(), keep_union=True), WholeGraphSink(GraphStore())]
    base = "https://w3id.org/govkg/id/"
    extra = _graph("X", [("天开高教科创园", "Zone", "天开高教科创园", ["天开园"]), ("天开园", "Zone", "天开园", []),
                         ("宝坻", "AdministrativeArea", "宝坻", [])])
    for sink in sinks:
        for iri, triples in graphs.items():
            sink.put(iri, serialize(sorted(triples, key=str), format=RdfFormat.N_TRIPLES))
        sink.put(base + "doc/X", extra)
        sink.put(base + "doc/Y", _graph("Y", [("天开园", "Zone", "天开园", []),
                                              ("宝坻区", "AdministrativeArea", "宝坻区", [])]))
    results = [resolve_corpus(sink) for sink in sinks]
    assert results[0] == results[1] and results[0][0] >= 2
    dumps = [{g.value: set(sink.store.store.quads_for_pattern(None, None, None, g))
              for g in sink.store.store.named_graphs()} for sink in sinks]
    assert dumps[0] == dumps[1]
    union = {q.triple for q in sinks[0].store.store.quads_for_pattern(None, None, None, DefaultGraph())}
    assert union == {q.triple for quads in dumps[0].values() for q in quads}


def test_the_generator_is_deterministic_and_gives_distinct_documents():
    one = list(make_corpus(5, seed=3, sentences=20))
    assert one == list(make_corpus(5, seed=3, sentences=20))
    assert one != list(make_corpus(5, seed=4, sentences=20))
    titles = {text.splitlines()[0] for _, text in one}
    assert len(titles) == 5 and all(t.endswith("政府工作报告") for t in titles)
    area = one[0][0].split("-")[1]
    assert area in one[0][1] and "天津" not in one[0][1].replace(area, "")


@pytest.mark.parametrize("batch_bytes", [1, 10**9])
def test_graphs_loaded_together_equal_graphs_loaded_one_by_one(batch_bytes, tmp_path):
    base = "https://w3id.org/govkg/id/"
    graphs = {base + "doc/A": _graph("A", [("天开高教科创园", "Zone", "天开高教科创园", ["天开园"])]),
              base + "doc/B": _graph("B", [("宝坻", "AdministrativeArea", "宝坻", [])]),
              base + "doc/C": _graph("C", [("宝坻", "AdministrativeArea", "宝坻", [])])}
    one = LocalSink(GraphStore(tmp_path / "one"), keep_union=True)
    together = LocalSink(GraphStore(tmp_path / "together"), keep_union=True, batch_bytes=batch_bytes)
    for sink in (one, together):
        for iri, data in graphs.items():
            sink.put(iri, data)
        sink.put(base + "doc/B", _graph("B", [("宝坻区", "AdministrativeArea", "宝坻区", [])]))  # again: replaced
        sink.flush()
    assert not together.pending
    assert set(one.store.store) == set(together.store.store)
    assert together.store.graph_versions().keys() == one.store.graph_versions().keys()
    del one, together, sink
    assert union_is_merge_of_graphs(tmp_path / "together")
