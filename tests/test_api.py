"""The notebook API (`kg.open`): the same answers as the commands, from a store, a graph file and an endpoint."""

from __future__ import annotations

import html
import json
import re
from datetime import date
from decimal import Decimal

import pytest
from pyoxigraph import Literal, NamedNode

import kg
from kg.api import KnowledgeGraph, python_value
from kg.cli import main
from kg.errors import InputError, UsageError
from kg.store.graphstore import GraphStore

COUNT_ZONES = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Zone }"


@pytest.fixture(scope="module")
def sources(sample_build, sample_store):
    """The sample's graph.trig and an on-disk store of it (union materialised, as kg build leaves it)."""
    out, _ = sample_build
    return out / "graph.trig", sample_store


@pytest.fixture(scope="module")
def graph(sources) -> KnowledgeGraph:
    return kg.open(sources[0])


def cli_json(capsys, *argv: str) -> dict:
    assert main(list(argv)) in (0, 1)
    out, _ = capsys.readouterr()
    return json.loads(out)


def test_star_import_leaves_the_builtin_open_alone():
    names: dict = {}
    exec("from kg import *", names)
    assert "open" not in names and names["open_graph"] is kg.open


def test_open_tells_a_store_a_file_and_an_endpoint_apart(sources, tmp_path):
    trig, store_dir = sources
    assert kg.open(store_dir).store_dir == store_dir
    assert kg.open(trig).graph_file == trig
    assert kg.open("http://127.0.0.1:1/query").endpoint == "http://127.0.0.1:1/query"
    out = trig.parent  # a build's output folder: its store, else its graph.trig
    assert kg.open(out).store_dir == out / "store"
    copy = tmp_path / "copy"
    copy.mkdir()
    (copy / "graph.trig").write_bytes(trig.read_bytes())
    assert kg.open(copy).graph_file == copy / "graph.trig"
    assert kg.open(copy).query(COUNT_ZONES) == kg.open(store_dir).query(COUNT_ZONES)
    with pytest.raises(InputError, match="no such store folder"):
        kg.open(tmp_path / "nothing")


def test_store_and_file_answer_alike_and_like_kg_query(capsys, sources, graph):
    trig, store_dir = sources
    from_file = graph.query(COUNT_ZONES)
    assert from_file == kg.open(store_dir).query(COUNT_ZONES)
    n = from_file[0]["n"]
    assert isinstance(n, int) and n >= 1
    main(["query", COUNT_ZONES, "--graph", str(trig), "--format", "csv"])
    assert capsys.readouterr().out.splitlines()[1] == str(n)


def test_saved_query_with_parameters_as_keywords(capsys, sources, graph):
    trig, _ = sources
    rows = graph.query("entity-profile", name="滨海新区")
    main(["query", "entity-profile", "--param", "name=滨海新区", "--graph", str(trig), "--format", "json"])
    cli = json.loads(capsys.readouterr().out)["results"]["bindings"]
    assert rows and len(rows) == len(cli)
    assert sorted(json.dumps(r, default=str, ensure_ascii=False) for r in rows) == sorted(
        json.dumps({k: python_value(_term(b.get(k))) for k in rows[0]}, default=str, ensure_ascii=False)
        for b in cli)
    zones = graph.query("entities-by-class", class_="Zone")  # class_ stands for the parameter class
    assert zones and {r["class"] for r in zones} == {"https://w3id.org/govkg/ontology#Zone"}
    with pytest.raises(UsageError, match="no parameter"):
        graph.query("entity-profile", nom="滨海新区")
    with pytest.raises(UsageError, match="saved queries only"):
        graph.query(COUNT_ZONES, name="x")
    with pytest.raises(InputError, match="invalid SPARQL"):
        graph.query("SELECT ?x WHERE { ?x ")


def _term(binding: dict | None):
    """A SPARQL JSON results binding as a pyoxigraph term."""
    if binding is None:
        return None
    if binding["type"] == "uri":
        return NamedNode(binding["value"])
    if "datatype" in binding:
        return Literal(binding["value"], datatype=NamedNode(binding["datatype"]))
    return Literal(binding["value"], language=binding.get("xml:lang"))


def test_ask_and_construct_rows(graph):
    assert graph.query("ASK { ?e a kg:Zone }") == [{"ask": True}]
    rows = graph.query("CONSTRUCT { ?e rdfs:label ?l } WHERE { ?e a kg:Zone ; rdfs:label ?l }")
    assert rows and set(rows[0]) == {"subject", "predicate", "object"}


def test_frame_keeps_the_query_column_order(graph):
    frame = graph.frame("SELECT ?label ?e WHERE { ?e a kg:Zone ; rdfs:label ?label } ORDER BY ?label")
    assert list(frame.columns) == ["label", "e"] and len(frame) >= 1
    empty = graph.frame("SELECT ?a ?b WHERE { ?a kg:noSuchPredicate ?b }")
    assert list(empty.columns) == ["a", "b"] and len(empty) == 0


def test_python_values():
    xsd = "http://www.w3.org/2001/XMLSchema#"
    assert python_value(Literal("7", datatype=NamedNode(xsd + "integer"))) == 7
    assert python_value(Literal("5.5", datatype=NamedNode(xsd + "decimal"))) == Decimal("5.5")
    assert python_value(Literal("2025-03-05", datatype=NamedNode(xsd + "date"))) == date(2025, 3, 5)
    assert python_value(Literal("滨海", language="zh")) == "滨海"
    assert python_value(Literal("x", datatype=NamedNode(xsd + "integer"))) == "x"  # ill-typed keeps its text
    assert python_value(None) is None


def test_neighbors_and_path_equal_the_commands(capsys, sources, graph):
    trig, _ = sources
    assert graph.neighbors("滨海新区") == cli_json(capsys, "neighbors", "滨海新区", "--graph", str(trig),
                                                 "--format", "json")
    assert graph.neighbors("滨海新区", 2, classes=["企业"]) == cli_json(
        capsys, "neighbors", "滨海新区", "--depth", "2", "--classes", "企业", "--graph", str(trig), "--format", "json")
    path = graph.path("中国资源循环集团", "滨海新区")
    assert path == cli_json(capsys, "path", "中国资源循环集团", "滨海新区", "--graph", str(trig), "--format", "json")
    assert path["paths"] and path["source"]["label"] == "中国资源循环集团"


def test_trend_equals_the_command(capsys, sources, graph):
    trig, _ = sources
    series = graph.trend("地区生产总值增长", kind="target")
    assert series == cli_json(capsys, "trend", "gdp-growth", "--kind", "target", "--graph", str(trig),
                              "--format", "json")
    assert series["measure"].endswith("/gdp-growth")
    assert series["rows"] and all(r["kind"] == "Target" and r["issuer"] == "天津市" for r in series["rows"])
    with pytest.raises(UsageError, match="gdp-growth"):
        graph.trend("没有这个指标")


def test_entities_and_networkx(graph):
    everything = graph.entities()
    zones = graph.entities("园区")
    assert zones and all(e["class"] == "Zone" for e in zones)
    assert {e["iri"] for e in zones} <= {e["iri"] for e in everything}
    nx_graph = graph.to_networkx()
    assert nx_graph.number_of_nodes() == len(everything)
    top = everything[0]
    assert nx_graph.degree(top["iri"]) == top["degree"] == max(e["degree"] for e in everything)


def test_rdflib_dataset_holds_every_quad(sources, graph):
    trig, _ = sources
    dataset = graph.to_rdflib()
    assert len(list(dataset.quads((None, None, None, None)))) == len(GraphStore.from_file(trig).quads())
    assert len(list(dataset.graphs())) > 1  # documents stay in their named graphs


def test_neighbourhood_page_is_self_contained_and_sandboxed(graph):
    page = graph.show("滨海新区")
    assert page.title == "滨海新区 — 1 hop"
    assert "Content-Security-Policy" in page.html and html.escape("default-src 'none'") in page.html
    assert not re.search(r"(src|href)=[\"']https?:", page.html)
    frame = page._repr_html_()
    assert frame.startswith('<iframe title="滨海新区 — 1 hop" sandbox="allow-scripts" srcdoc="')
    srcdoc = frame.split('srcdoc="', 1)[1].split('" style=', 1)[0]
    assert "<" not in srcdoc and '"' not in srcdoc and html.unescape(srcdoc) == page.html


def test_whole_graph_page_inline(graph, tmp_path):
    inline = graph._repr_html_()
    assert inline.startswith("<iframe") and "allow-same-origin" not in inline
    saved = graph.show().save(tmp_path / "图.html")
    assert saved.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_an_endpoint_answers_like_the_file(sources, graph):
    from kg.web.serve import Endpoint, ServeOptions

    _, store_dir = sources
    with Endpoint(store_dir, ServeOptions(port=0)) as ep:
        remote = kg.open(ep.url + "query")
        assert remote.query(COUNT_ZONES) == graph.query(COUNT_ZONES)
        assert remote.query("entity-profile", name="滨海新区") == graph.query("entity-profile", name="滨海新区")
        assert sorted(remote.to_networkx().nodes) == sorted(graph.to_networkx().nodes)
        assert remote.neighbors("滨海新区")["count"] == graph.neighbors("滨海新区")["count"]
        assert "滨海新区 — 1 hop" in remote.show("滨海新区").html
        assert len(remote.to_rdflib()) == len(graph.query("SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o }"))
