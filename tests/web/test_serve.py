"""`kg serve`: the Oxigraph server behind the guarding proxy, queried over HTTP on a free loopback port."""

from __future__ import annotations

import csv
import io
import json
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from kg.cli import main
from kg.store.graphstore import GraphStore
from kg.web.serve import Endpoint, ServeOptions, remote_targets

COUNT_DOCS = "SELECT (COUNT(*) AS ?n) WHERE { ?d a kg:Document }"


@pytest.fixture(scope="module")
def store_dir(sample_build, tmp_path_factory) -> Path:
    """An on-disk store of the sample, with graph.html beside it."""
    out, _ = sample_build
    folder = tmp_path_factory.mktemp("serve")
    store = GraphStore(folder / "store")
    store.store.bulk_load(path=str(out / "graph.trig"), format=RdfFormat.TRIG)
    store.flush()
    del store
    (folder / "graph.html").write_text("<html><body>图谱</body></html>", encoding="utf-8")
    return folder / "store"


@pytest.fixture(scope="module")
def endpoint(store_dir):
    """The endpoint with its defaults, on a free port."""
    with Endpoint(store_dir, ServeOptions(port=0, html=store_dir.parent / "graph.html")) as ep:
        yield ep


def http(url: str, *, data: bytes | None = None, headers: dict[str, str] | None = None) -> tuple[int, str, bytes]:
    """Status, content type and body of one request (errors included)."""
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as err:
        return err.code, err.headers.get_content_type(), err.read()


def sparql(ep: Endpoint, query: str, accept: str, path: str = "query") -> tuple[int, str, bytes]:
    """POST a query form to the endpoint."""
    return http(ep.url + path, data=urllib.parse.urlencode({"query": query}).encode(), headers={"Accept": accept})


def test_binds_to_loopback_by_default(endpoint):
    assert endpoint.url.startswith("http://127.0.0.1:")
    assert endpoint.upstream.process.poll() is None and "serve-read-only" in endpoint.upstream.command


def test_select_as_json_sees_the_union_of_documents_with_prefixes_predeclared(endpoint, store_dir):
    status, media, body = sparql(endpoint, COUNT_DOCS, "application/sparql-results+json")
    assert (status, media) == (200, "application/sparql-results+json")
    assert json.loads(body)["results"]["bindings"][0]["n"]["value"] == "1"


def test_select_as_csv_matches_kg_query(endpoint, capsys):
    status, media, body = sparql(endpoint, "SELECT ?n WHERE { ?e a kg:Zone ; rdfs:label ?n } ORDER BY ?n",
                                 "text/csv")
    names = [row["n"] for row in csv.DictReader(io.StringIO(body.decode("utf-8")))]
    assert (status, media) == (200, "text/csv") and len(names) >= 3
    assert main(["query", "entities-by-class", "--param", "class=Zone", "--endpoint", endpoint.url + "query",
                 "--format", "csv"]) == 0
    via_kg = {row["label"] for row in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert via_kg == set(names)


def test_ask_as_xml_by_get(endpoint):
    query = urllib.parse.urlencode({"query": 'ASK { ?e rdfs:label "滨海新区"@zh }'})
    status, media, body = http(f"{endpoint.url}query?{query}", headers={"Accept": "application/sparql-results+xml"})
    assert (status, media) == (200, "application/sparql-results+xml") and b"<boolean>true</boolean>" in body


def test_construct_as_turtle_by_direct_post(endpoint):
    query = b"CONSTRUCT WHERE { ?e a kg:Zone ; rdfs:label ?n }"
    status, media, body = http(endpoint.url + "query", data=query,
                               headers={"Content-Type": "application/sparql-query", "Accept": "text/turtle"})
    triples = list(parse(body, format=RdfFormat.TURTLE))
    assert (status, media) == (200, "text/turtle") and len(triples) >= 6


def test_updates_are_refused_and_change_nothing(endpoint):
    update = urllib.parse.urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode()
    status, _, body = http(endpoint.url + "update", data=update)
    assert status == 403 and b"read-only" in body
    status, _, _ = http(endpoint.url + "query", data=update)
    assert status == 403
    _, _, body = sparql(endpoint, "ASK { <urn:a> <urn:b> <urn:c> }", "application/sparql-results+json")
    assert json.loads(body)["boolean"] is False


def test_service_to_another_host_is_refused(endpoint):
    status, _, body = sparql(endpoint, "SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                             "application/sparql-results+json")
    assert status == 403 and b"--allow-remote" in body


def test_syntax_errors_are_400_with_the_users_line_and_column(endpoint):
    status, _, body = sparql(endpoint, "SELECT ?x WHERE {\n ?x ?y }", "application/sparql-results+json")
    assert status == 400 and body.decode().startswith("error at 2:9")
    status, _, body = sparql(endpoint, "SELECT ?x WHERE { ?x ?y }", "application/sparql-results+json")
    assert status == 400 and body.decode().startswith("error at 1:26")


def test_query_page_and_graph_page(endpoint):
    status, media, body = http(endpoint.url)
    assert (status, media) == (200, "text/html") and b"yasgui" in body.lower()
    status, media, body = http(endpoint.url + "graph.html")
    assert (status, media) == (200, "text/html") and "图谱" in body.decode("utf-8")


def test_remote_targets_find_service_and_load_outside_strings_and_comments():
    assert remote_targets("SELECT * { SERVICE <http://x.org/s> { ?s ?p ?o } }") == ["<http://x.org/s>"]
    assert remote_targets("PREFIX e: <http://x.org/>\nSELECT * { SERVICE SILENT e:s { } }") == ["e:s"]
    assert remote_targets("SELECT * { SERVICE ?endpoint { } }") == ["?endpoint"]
    assert remote_targets("LOAD <https://x.org/data.ttl>") == ["<https://x.org/data.ttl>"]
    assert remote_targets("LOAD <file:///etc/passwd>") == ["<file:///etc/passwd>"]
    assert remote_targets("SELECT * { SERVICE <http://127.0.0.1:7878/query> { } }") == []
    assert remote_targets('SELECT * { ?s ?p "SERVICE <http://x.org/>" } # SERVICE <http://y.org/>') == []


def test_limits_and_updates_when_enabled(store_dir, tmp_path):
    copy = tmp_path / "store"
    store = GraphStore(copy)
    store.store.extend(list(GraphStore.open_read_only(store_dir).store))
    store.flush()
    del store
    options = ServeOptions(port=0, max_result_bytes=4096, timeout_s=1, allow_update=True)
    with Endpoint(copy, options) as ep:
        status, _, body = sparql(ep, "SELECT * WHERE { ?s ?p ?o }", "text/csv")
        assert status == 413 and b"--max-result-mb" in body
        update = urllib.parse.urlencode({"update": "INSERT DATA { GRAPH <urn:g> { <urn:a> <urn:b> <urn:c> } }"})
        assert http(ep.url + "update", data=update.encode())[0] == 204
        _, _, body = sparql(ep, "ASK { <urn:a> <urn:b> <urn:c> }", "application/sparql-results+json")
        assert json.loads(body)["boolean"] is True
        load = urllib.parse.urlencode({"update": "LOAD <http://example.org/data.ttl>"}).encode()
        assert http(ep.url + "update", data=load)[0] == 403
        started = time.monotonic()
        status, _, _ = sparql(ep, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "text/csv")
        assert status == 504 and time.monotonic() - started < 10


def test_kg_serve_command_starts_and_stops_on_sigterm(store_dir):
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store_dir), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = [proc.stdout.readline() for _ in range(3)]
        url = lines[2].split()[-1]
        assert lines[0].startswith("GovKG SPARQL endpoint (read-only)") and url.startswith("http://127.0.0.1:")
        status, _, body = http(url, data=urllib.parse.urlencode({"query": COUNT_DOCS}).encode(),
                               headers={"Accept": "text/csv"})
        assert (status, body.split()) == (200, [b"n", b"1"])
    finally:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=15) == 0


def test_kg_serve_without_a_store_exits_2(tmp_path, capsys):
    assert main(["serve", "--store", str(tmp_path / "none"), "--port", "0"]) == 2
    assert "no such store" in capsys.readouterr().err
