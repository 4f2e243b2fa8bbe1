"""The CLI through its real entry point: build, query, export, validate and every bad input."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pyoxigraph
import pytest

from kg.cli import main

KG = [sys.executable, "-m", "kg"]


def run_kg(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8"})


def test_build_of_the_sample_writes_every_output_and_a_summary(tmp_path):
    proc = run_kg("build", "-o", str(tmp_path / "out"))
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""  # jieba's loading chatter is silenced
    for name in ("graph.ttl", "graph.trig", "graph.html", "entities.csv", "indicators.csv"):
        assert (tmp_path / "out" / name).stat().st_size > 0
    assert "entities:" in proc.stdout and "sentences: 302" in proc.stdout and "time:" in proc.stdout
    header = (tmp_path / "out" / "entities.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("iri,class,label,aliases,mentions")


def test_build_without_output_option_writes_into_output_folder(tmp_path):
    proc = run_kg("build", "--no-page", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "output" / "graph.ttl").exists()


@pytest.mark.parametrize(
    "make_input, reason",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: (d / "empty.txt").write_bytes(b"") and d / "empty.txt" or d / "empty.txt", "empty"),
        (lambda d: (d / "bin.txt").write_bytes(bytes(range(256)) * 4) and d / "bin.txt", "not text"),
        (lambda d: (d / "sub").mkdir() or d / "sub", "no report files"),
        (lambda d: (d / "bad.txt").write_bytes("天津".encode() + b"\xff\xff\x80" * 3) and d / "bad.txt", "decode"),
    ],
    ids=["missing", "empty", "binary", "empty-dir", "undecodable"],
)
def test_bad_input_gives_one_line_exit_2_and_touches_nothing(tmp_path, make_input, reason):
    out = tmp_path / "out"
    out.mkdir()
    (out / "graph.ttl").write_text("previous build", encoding="utf-8")
    bad = make_input(tmp_path)
    proc = run_kg("build", str(bad), "-o", str(out))
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(bad.name) in lines[0] and reason in lines[0]
    assert (out / "graph.ttl").read_text(encoding="utf-8") == "previous build"
    assert sorted(p.name for p in out.iterdir()) == ["graph.ttl"]


def test_query_json_prints_sparql_results(sample_build, capsys):
    out, _ = sample_build
    code = main(["query", "SELECT ?l WHERE { ?e a kg:AdministrativeArea ; rdfs:label ?l } ORDER BY ?l",
                 "--graph", str(out / "graph.ttl"), "--format", "json"])
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    labels = [b["l"]["value"] for b in data["results"]["bindings"]]
    assert "滨海新区" in labels


def test_query_table_aligns_chinese(sample_build, capsys):
    out, _ = sample_build
    main(["query", "SELECT ?l ?n WHERE { ?e a kg:Event ; rdfs:label ?l ; kg:mentionCount ?n } ORDER BY ?l LIMIT 3",
          "--graph", str(out / "graph.ttl")])
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("l") and set(lines[1]) <= {"-", " "}
    assert lines[-1] == "(3 rows)"


def test_query_syntax_error_exits_2(sample_build, capsys):
    out, _ = sample_build
    assert main(["query", "SELECT WHERE {", "--graph", str(out / "graph.ttl")]) == 2
    assert "invalid SPARQL" in capsys.readouterr().err


@pytest.mark.parametrize("fmt, ext", [("nt", "nt"), ("nq", "nq"), ("trig", "trig"), ("ttl", "ttl"),
                                       ("jsonld", "jsonld"), ("rdfxml", "rdf")])
def test_every_rdf_export_parses_with_pyoxigraph(sample_build, tmp_path, fmt, ext):
    out, _ = sample_build
    target = tmp_path / f"g.{ext}"
    assert main(["export", str(out / "graph.trig"), "--to", fmt, "-o", str(target)]) == 0
    parsed = list(pyoxigraph.parse(path=str(target)))
    assert len(parsed) > 5000


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graph_exports_open_in_networkx(sample_build, tmp_path, fmt):
    import networkx as nx

    out, _ = sample_build
    target = tmp_path / f"g.{fmt}"
    assert main(["export", str(out / "graph.ttl"), "--to", fmt, "-o", str(target)]) == 0
    graph = nx.read_graphml(target) if fmt == "graphml" else nx.read_gexf(target)
    assert graph.number_of_nodes() > 100
    labels = {d.get("label") for _, d in graph.nodes(data=True)}
    assert "滨海新区" in labels


def test_validate_reports_conformance(sample_build, capsys):
    out, _ = sample_build
    assert main(["validate", str(out / "graph.ttl")]) == 0
    assert "0 violations" in capsys.readouterr().out


def test_every_command_has_help_with_an_example():
    for command in ("build", "query", "export", "validate"):
        proc = run_kg(command, "--help")
        assert proc.returncode == 0
        assert "examples:" in proc.stdout and "kg " + command in proc.stdout


def test_console_script_is_installed():
    assert shutil.which("kg") or os.path.exists(os.path.join(os.path.dirname(sys.executable), "kg"))


def test_build_prints_document_warnings_on_stderr(tmp_path):
    report = tmp_path / "江北市.txt"
    body = "，".join(["全市新增就业岗位三万个"] * 80) + "。\n"
    report.write_text("2026年江北市政府工作报告\n一、2025年工作回顾\n" + body, encoding="utf-8")
    proc = subprocess.run([*KG, "build", str(report), "-o", str(tmp_path / "out"), "--no-page", "-q", "--jobs", "1"],
                          capture_output=True, text=True,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", "KG_MAX_SENTENCE_CHARS": "200"})
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.startswith("warning: 江北市.txt: 1 sentence(s) longer than 200 characters were split")
