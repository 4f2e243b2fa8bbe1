"""The network cache beside an on-disk store: used when valid, ignored and rewritten whenever the store changes."""

from __future__ import annotations

import os

import numpy as np
import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from kg import atomic
from kg.cli import main
from kg.explore import network_cache
from kg.explore.network import EntityNetwork, read_network_data
from kg.explore.network_cache import cache_key, cache_path, listing, load, open_network, save, write_network_cache
from kg.rdf.namespace import KG, RDF_TYPE, RDFS_LABEL
from tests.explore.test_network import BASE, TWO_DOCS, XSD_INT, iri


def _fingerprints(sha: str = "aa") -> list[Quad]:
    out = []
    for doc in ("甲市", "乙市"):
        g = NamedNode(BASE + doc)
        out += [Quad(g, KG.sha256, Literal(sha + doc), g), Quad(g, KG.builtWith, Literal("v1"), g)]
    return out


@pytest.fixture
def store_dir(tmp_path):
    path = tmp_path / "out" / "store"
    path.parent.mkdir()
    store = Store(str(path))
    store.extend(TWO_DOCS + _fingerprints())
    store.flush()
    del store  # closed: the commands open it read-only
    return path


def _summary(net: EntityNetwork) -> tuple:
    return (net.nodes, [net.attributes(n) for n in net.nodes],
            [(a, b, net.relations(a, b)) for a in net.nodes for b, _ in net.adjacent(a) if a < b])


def _no_reading(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("the store was read although the cache is valid")

    monkeypatch.setattr(network_cache, "read_network_data", fail)


def test_first_open_writes_the_cache_beside_the_store_and_the_next_reads_it(store_dir, monkeypatch):
    first = open_network(store_dir)
    path = cache_path(store_dir)
    assert path == store_dir.parent / "store.network.npz" and path.is_file()
    _no_reading(monkeypatch)
    second = open_network(store_dir)
    assert _summary(second) == _summary(first)
    assert second.evidence(second.relations(iri("华星集团"), iri("青山区"))[0])[0].text == "华星集团总部落户青山区。"


def test_a_write_to_the_store_invalidates_the_cache(store_dir):
    assert len(open_network(store_dir)) == 4
    store = Store(str(store_dir))
    g = NamedNode(BASE + "乙市")
    store.extend([Quad(NamedNode(iri("新港")), RDF_TYPE, KG.Zone, g),
                  Quad(NamedNode(iri("新港")), RDFS_LABEL, Literal("新港", language="zh"), g)])
    store.flush()
    del store
    net = open_network(store_dir)
    assert iri("新港") in net and len(net) == 5
    assert len(open_network(store_dir)) == 5  # and the cache now holds the new state


def test_opening_the_store_for_writing_alone_invalidates_the_cache(store_dir, monkeypatch):
    open_network(store_dir)
    before = listing(store_dir)
    del_me = Store(str(store_dir))  # a writer that writes nothing still starts a new log and MANIFEST
    del del_me
    assert listing(store_dir) != before
    calls = []
    real = network_cache.read_network_data
    monkeypatch.setattr(network_cache, "read_network_data", lambda store: calls.append(1) or real(store))
    open_network(store_dir)
    assert calls == [1]


def test_a_read_only_open_changes_nothing_that_the_key_covers(store_dir):
    before = listing(store_dir)
    open_network(store_dir)
    open_network(store_dir)
    assert listing(store_dir) == before


def test_the_key_covers_code_files_and_document_fingerprints(store_dir, monkeypatch):
    files = listing(store_dir)
    one, other = Store(), Store()
    one.extend(_fingerprints("aa"))
    other.extend(_fingerprints("bb"))
    assert cache_key(files, one) == cache_key(files, one)
    assert cache_key(files, one) != cache_key(files, other)  # a document re-extracted
    assert cache_key(files, one) != cache_key([*files, ("000099.sst", 10, 1)], one)  # a new table file
    key = cache_key(files, one)
    monkeypatch.setattr(network_cache, "FORMAT", "govkg-network-other")
    assert cache_key(files, one) != key  # the code or format that builds the view


def test_a_store_written_while_it_is_read_is_not_cached(store_dir, monkeypatch):
    real = network_cache.listing
    calls = []

    def moving(path):
        calls.append(1)
        files = real(path)
        return files if len(calls) < 3 else [*files, ("000123.log", 1, len(calls))]  # a writer after the read

    monkeypatch.setattr(network_cache, "listing", moving)
    assert len(open_network(store_dir)) == 4
    assert not cache_path(store_dir).exists()


def test_an_unwritable_directory_still_answers(store_dir, monkeypatch):
    def refuse(*args, **kwargs):
        raise PermissionError("read-only")

    monkeypatch.setattr(atomic.tempfile, "mkstemp", refuse)
    assert len(open_network(store_dir)) == 4
    assert write_network_cache(store_dir) is None
    assert not cache_path(store_dir).exists()
    assert not list(store_dir.parent.glob("*.tmp"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes through read-only permissions")
def test_a_read_only_store_directory_still_answers(store_dir):
    os.chmod(store_dir.parent, 0o555)
    try:
        assert len(open_network(store_dir)) == 4
    finally:
        os.chmod(store_dir.parent, 0o755)


def test_a_damaged_or_foreign_cache_is_ignored_and_replaced(store_dir, monkeypatch):
    path = cache_path(store_dir)
    path.write_bytes(b"not a cache")
    assert len(open_network(store_dir)) == 4
    with np.load(path, allow_pickle=False) as z:
        assert "nodes" not in z  # a real cache now: arrays and JSON only
    np.savez(path, key=np.array([object()], dtype=object))  # would need pickle: refused, then rewritten
    assert len(open_network(store_dir)) == 4
    _no_reading(monkeypatch)
    assert len(open_network(store_dir)) == 4


def test_save_and_load_round_trip(tmp_path):
    store = Store()
    store.extend(TWO_DOCS)
    data = read_network_data(store)
    path = tmp_path / "x.network.npz"
    assert save(path, "k1", data)
    assert load(path, "k2") is None
    back = load(path, "k1")
    assert back is not None
    for name in ("nodes", "labels", "docs", "titles", "aliases", "extras"):
        assert getattr(back, name) == getattr(data, name)
    for name in data.ARRAYS:
        assert np.array_equal(getattr(back, name), getattr(data, name)) and \
            getattr(back, name).dtype == getattr(data, name).dtype


def test_build_hook_and_commands_share_the_cache(store_dir, capsys, monkeypatch):
    assert write_network_cache(store_dir) == cache_path(store_dir)
    _no_reading(monkeypatch)
    assert main(["rank", "--store", str(store_dir), "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[1].split(",")[1] == "数智行动"  # the shared entity: most connected
    assert main(["path", "华星", "江北港", "--store", str(store_dir)]) == 0
    assert "华星集团 — 青山区 — 数智行动 — 江北港" in capsys.readouterr().out
    monkeypatch.undo()
    assert main(["rank", "--store", str(store_dir), "--document", "乙市", "--format", "csv"]) == 0
    assert sorted(r.split(",")[1] for r in capsys.readouterr().out.splitlines()[1:]) == ["数智行动", "江北港"]


def test_a_build_on_two_threads_caches_the_view_it_read_while_writing_its_outputs(tmp_path, pipeline):
    from kg.build import build
    from kg.eval.synth import write_corpus

    write_corpus(tmp_path / "in", 2, seed=31, sentences=16)
    build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False, jobs=2)
    store_dir = tmp_path / "out" / "store"
    store = Store.read_only(str(store_dir))
    cached = load(cache_path(store_dir), cache_key(listing(store_dir), store))
    assert cached is not None  # written under the key of the store as the build left it
    assert len(cached.nodes) > 10
    assert_same_view(cached, read_network_data(store))


def assert_same_view(got, want) -> None:
    """Two network views hold the same entities, strings, documents and arrays."""
    for name in ("nodes", "labels", "docs", "aliases", "extras", "titles"):
        assert getattr(got, name) == getattr(want, name), name
    for name in want.ARRAYS:
        assert np.array_equal(getattr(got, name), getattr(want, name)), name
        assert getattr(got, name).dtype == getattr(want, name).dtype, name


def test_the_view_a_build_makes_from_graph_shares_is_the_view_read_from_its_store(tmp_path, pipeline):
    # kg build makes the view from the graphs' shares (kg.store.graph_stats) and the union, not by reading every graph;
    # after a first build, an incremental one that the alias pass edits, and one with analytics values
    from kg.build import build
    from kg.eval.synth import write_corpus

    corpus = write_corpus(tmp_path / "in", 4, seed=5, sentences=24)
    store_dir = tmp_path / "out" / "store"
    for step in ("first", "changed", "analytics"):
        if step == "changed":
            first = sorted(corpus)[0]
            added = "中国石油天然气集团有限公司与中石油合作建设炼化项目。\n"
            first.write_text(first.read_text(encoding="utf-8") + added, encoding="utf-8")
        build([tmp_path / "in"], tmp_path / "out", pipeline=pipeline, page=False, jobs=1,
              analytics=step == "analytics")
        store = Store.read_only(str(store_dir))
        cached = load(cache_path(store_dir), cache_key(listing(store_dir), store))
        assert cached is not None, step
        assert_same_view(cached, read_network_data(store))
        if step == "analytics":
            assert cached.extras["pagerank"] and cached.titles
        del store


def test_an_entity_iri_with_a_comma_is_read_whole():
    store = Store()
    store.extend(TWO_DOCS)
    doc = next(q.graph_name for q in TWO_DOCS)
    slogan = NamedNode(BASE + "Policy/稳住一头,放开一片")  # minted from a quoted slogan: an ASCII comma in the IRI
    store.extend([Quad(slogan, RDF_TYPE, KG.Policy, doc), Quad(slogan, RDFS_LABEL, Literal("稳住一头，放开一片"), doc),
                  Quad(slogan, KG.mentionCount, Literal("1", datatype=XSD_INT), doc)])
    data = read_network_data(store)
    assert data.labels[data.nodes.index(slogan.value)] == "稳住一头，放开一片"
