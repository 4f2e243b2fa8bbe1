"""Building into a SPARQL 1.1 Graph Store endpoint: the oxigraph server (from PyPI) on a free loopback port."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from kg.build import build
from kg.errors import UsageError
from kg.eval.synth import write_corpus
from kg.rdf.namespace import SUMMARY_GRAPH
from kg.store.graphstore import GraphStore
from kg.store.remote import RemoteStore, query_url_for

ONTOLOGY = "https://w3id.org/govkg/ontology"


def oxigraph_command() -> str | None:
    """The oxigraph server command installed beside this Python, or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


def free_port() -> int:
    """A free TCP port on the loopback interface."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def server(tmp_path):
    """An oxigraph server on a free loopback port; stopped after the test."""
    command = oxigraph_command()
    if command is None:
        pytest.skip("the oxigraph server is installed by pip install -e '.[test]' (package oxigraph)")
    port = free_port()
    proc = subprocess.Popen([command, "serve", "--location", str(tmp_path / "oxigraph"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=2).read()
            break
        except OSError:
            if time.monotonic() > deadline or proc.poll() is not None:
                proc.kill()
                pytest.fail("the oxigraph server did not start")
            time.sleep(0.1)
    yield base
    proc.terminate()
    proc.wait(timeout=10)


def remote_graphs(remote: RemoteStore, graphs: list[str]) -> dict[str, set]:
    """Named graphs fetched from the server as sets of triples."""
    return {g: {q.triple for q in parse(remote.get_graph(g), format=RdfFormat.N_TRIPLES)} for g in graphs}


def local_graphs(store_dir) -> dict[str, set]:
    """Document graphs of an on-disk store as sets of triples."""
    store = GraphStore.open_read_only(store_dir)
    out = {g.value: {q.triple for q in store.store.quads_for_pattern(None, None, None, g)}
           for g in store.store.named_graphs() if g.value not in (ONTOLOGY, SUMMARY_GRAPH)}
    del store
    return out


def test_build_into_a_graph_store_endpoint_then_query_and_update_it(server, tmp_path, pipeline):
    paths = write_corpus(tmp_path / "in", 2, seed=8, sentences=16)
    local = build([tmp_path / "in"], tmp_path / "local", pipeline=pipeline, page=False)
    result = build([tmp_path / "in"], tmp_path / "unused", pipeline=pipeline, store_url=server + "/store")
    assert len(result.report.built) == 2 and result.counts["documents"] == 2 and result.files == []
    assert not (tmp_path / "unused").exists()  # the server is the store: no local files
    remote = RemoteStore(server + "/store")
    expected = local_graphs(tmp_path / "local" / "store")
    assert remote_graphs(remote, sorted(expected)) == expected
    rows = remote.select("SELECT ?g ?t WHERE { GRAPH ?g { ?g a kg:Document ; dcterms:title ?t } } ORDER BY ?t")
    assert [r["t"] for r in rows] == sorted(text.splitlines()[0] for text in
                                            (p.read_text(encoding="utf-8") for p in paths))
    assert local.counts["sentences"] == result.counts["sentences"]

    again = build([tmp_path / "in"], tmp_path / "unused", pipeline=pipeline, store_url=server + "/store")
    assert not again.report.built and len(again.report.skipped) == 2  # hashes read back from the server
    paths[0].write_text(paths[0].read_text(encoding="utf-8") + "全市新增口袋公园30个。\n", encoding="utf-8")
    third = build([tmp_path / "in"], tmp_path / "unused", pipeline=pipeline, store_url=server + "/store")
    (changed,) = third.report.built
    graphs = {r["g"] for r in remote.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?g a kg:Document } }")}
    assert graphs == set(expected)  # replaced, not added
    (digest,) = {r["h"] for r in remote.select(f"SELECT ?h WHERE {{ GRAPH <{changed.iri}> {{ ?d kg:sha256 ?h }} }}")}
    assert digest == changed.sha256


def test_an_unreachable_store_is_a_usage_error(tmp_path, genre_file):
    url = f"http://127.0.0.1:{free_port()}/store"
    with pytest.raises(UsageError, match="cannot reach the store"):
        build([genre_file], tmp_path / "out", store_url=url)


def test_query_endpoints_are_derived_from_graph_store_urls():
    assert query_url_for("http://h:7878/store") == "http://h:7878/query"
    assert query_url_for("http://h:3030/govkg/data") == "http://h:3030/govkg/sparql"
    assert query_url_for("http://h:7200/repositories/kg/rdf-graphs/service") == "http://h:7200/repositories/kg"
    with pytest.raises(UsageError, match="--sparql-url"):
        query_url_for("http://h/whatever")
