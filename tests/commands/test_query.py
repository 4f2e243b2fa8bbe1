"""`kg query` on the command line: sources, saved queries with parameters, formats, errors."""

from __future__ import annotations

import csv
import io
import json

import pytest
from pyoxigraph import RdfFormat, parse

from kg.cli import main
from kg.queries.library import saved_queries
from kg.queries.results import display_width
from kg.store.graphstore import GraphStore

COUNT_ZONES = "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a kg:Zone }"


@pytest.fixture(scope="module")
def built(sample_build, tmp_path_factory):
    """The sample's graph.trig, and an on-disk store holding it with a materialised union."""
    out, _ = sample_build
    trig = out / "graph.trig"
    store_dir = tmp_path_factory.mktemp("query-cli") / "store"
    store = GraphStore(store_dir)
    store.store.bulk_load(path=str(trig), format=RdfFormat.TRIG)
    store.materialize_union()
    store.flush()
    zones = len(list(store.query(COUNT_ZONES)))
    del store
    assert zones == 1
    return trig, store_dir


def kg(capsys, *argv: str) -> tuple[int, str, str]:
    """Run `kg` in-process; exit status, stdout, stderr."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def csv_rows(text: str) -> list[dict[str, str]]:
    """CSV output as dicts."""
    return list(csv.DictReader(io.StringIO(text)))


def test_list_shows_every_saved_query_with_both_questions(capsys):
    status, out, _ = kg(capsys, "query", "--list")
    assert status == 0
    for q in saved_queries():
        assert q.name in out and q.question_zh in out and q.question_en in out
    assert "entity-profile  [SELECT]  name=\"滨海新区\"@zh" in out


def test_store_and_graph_file_give_the_same_answer(capsys, built):
    trig, store_dir = built
    _, from_store, _ = kg(capsys, "query", COUNT_ZONES, "--store", str(store_dir), "--format", "csv")
    _, from_file, _ = kg(capsys, "query", COUNT_ZONES, "--graph", str(trig), "--format", "csv")
    assert from_store == from_file and int(csv_rows(from_store)[0]["n"]) >= 3


def test_default_source_is_output_store(capsys, built, tmp_path, monkeypatch):
    _, store_dir = built
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "store").symlink_to(store_dir)
    monkeypatch.chdir(tmp_path)
    status, out, _ = kg(capsys, "query", "is-mentioned")
    assert (status, out) == (0, "true\n")


def test_no_graph_anywhere_is_an_input_error(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    status, _, err = kg(capsys, "query", COUNT_ZONES)
    assert status == 2 and "run `kg build` first" in err
    status, _, err = kg(capsys, "query", COUNT_ZONES, "--store", str(tmp_path / "nope"))
    assert status == 2 and "no such store" in err


def test_saved_query_with_parameters(capsys, built):
    _, store_dir = built
    status, out, _ = kg(capsys, "query", "entities-by-class", "--param", "class=Zone", "--store", str(store_dir),
                        "--format", "csv")
    rows = csv_rows(out)
    assert status == 0 and rows and {r["class"] for r in rows} == {"https://w3id.org/govkg/ontology#Zone"}
    status, out, _ = kg(capsys, "query", "is-mentioned", "--param", "name=火星基地", "--store", str(store_dir))
    assert (status, out) == (0, "false\n")


@pytest.mark.parametrize(("argv", "message"), [
    (["no-such-query"], "no saved query named 'no-such-query'"),
    (["is-mentioned", "--param", "colour=red"], "has no parameter colour"),
    (["is-mentioned", "--param", "name"], "write KEY=VALUE"),
    (["targets", "--param", "year=25"], "is not a year"),
    ([COUNT_ZONES, "--param", "name=x"], "saved queries only"),
    (["class-counts", "--format", "turtle"], "--format turtle is for CONSTRUCT"),
    (["missing.rq"], "no such query file"),
])
def test_usage_errors_exit_2_with_one_line(capsys, built, argv, message):
    _, store_dir = built
    status, out, err = kg(capsys, "query", *argv, "--store", str(store_dir))
    assert status == 2 and message in err and err.count("\n") == 1


def test_syntax_errors_show_line_and_column_and_exit_2(capsys, built):
    _, store_dir = built
    status, _, err = kg(capsys, "query", "SELECT ?x WHERE {\n  ?x ?y }", "--store", str(store_dir))
    assert status == 2 and "invalid SPARQL: error at 2:" in err


def test_query_from_file_and_standard_input(capsys, built, tmp_path, monkeypatch):
    _, store_dir = built
    rq = tmp_path / "问题.rq"
    rq.write_text("# 有多少园区？\n" + COUNT_ZONES, encoding="utf-8")
    _, from_file, _ = kg(capsys, "query", str(rq), "--store", str(store_dir), "--format", "tsv")
    monkeypatch.setattr("sys.stdin", io.StringIO(COUNT_ZONES))
    _, from_stdin, _ = kg(capsys, "query", "-", "--store", str(store_dir), "--format", "tsv")
    assert from_file == from_stdin and from_file.startswith("?n\n")


def test_table_aligns_chinese_columns(capsys, built):
    _, store_dir = built
    status, out, _ = kg(capsys, "query", "search-entities", "--param", "text=港", "--store", str(store_dir))
    lines = out.splitlines()
    assert status == 0 and lines[-1].endswith("rows)")
    starts = [display_width(lines[0][:lines[0].index(name)]) for name in ("entity", "label", "class")]
    assert any(display_width(line) != len(line) for line in lines[2:-1])  # Chinese labels are double width
    for line in lines[2:-1]:
        cells, found, end = line.split(), [], 0
        for cell in cells:
            end = line.index(cell, end)
            found.append(display_width(line[:end]))
            end += len(cell)
        assert found == starts, line


def test_json_xml_and_turtle_outputs(capsys, built):
    _, store_dir = built
    _, out, _ = kg(capsys, "query", "class-counts", "--store", str(store_dir), "--format", "json")
    data = json.loads(out)
    assert data["head"]["vars"] == ["class", "entities"] and len(data["results"]["bindings"]) >= 5
    _, out, _ = kg(capsys, "query", "is-mentioned", "--store", str(store_dir), "--format", "json")
    assert json.loads(out)["boolean"] is True
    _, out, _ = kg(capsys, "query", "is-mentioned", "--store", str(store_dir), "--format", "xml")
    assert "<boolean>true</boolean>" in out
    _, out, _ = kg(capsys, "query", "entity-subgraph", "--store", str(store_dir), "--format", "turtle")
    triples = list(parse(out.encode("utf-8"), format=RdfFormat.TURTLE))
    assert out.startswith("@prefix") and any(t.object.value == "滨海新区" for t in triples)
    _, out, _ = kg(capsys, "query", "describe-entity", "--store", str(store_dir), "--format", "csv")
    assert len(list(parse(out.encode("utf-8"), format=RdfFormat.N_TRIPLES))) == out.count("\n") > 3


def test_csv_quotes_an_iri_with_a_comma_and_keeps_one_row_per_solution(capsys, tmp_path):
    # policy IRIs are built from names such as 稳住一头,放开一片; such an IRI must stay one CSV field
    graph = tmp_path / "g.ttl"
    graph.write_text('@prefix kg: <https://w3id.org/govkg/ontology#> .\n'
                     '<https://w3id.org/govkg/Policy/稳住一头,放开一片> a kg:Policy ; kg:text "说明：\\n“好”,坏" .\n'
                     '_:b a kg:Policy .\n', encoding="utf-8")
    status, out, _ = kg(capsys, "query", "SELECT ?e ?t WHERE { ?e a kg:Policy OPTIONAL { ?e kg:text ?t } } ORDER BY ?t",
                        "--graph", str(graph), "--format", "csv")
    assert status == 0 and out.startswith("e,t\r\n")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[1:] == [[rows[1][0], ""], ["https://w3id.org/govkg/Policy/稳住一头,放开一片", "说明：\n“好”,坏"]]
    assert rows[1][0].startswith("_:")
