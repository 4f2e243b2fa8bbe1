"""`kg query ARG`: a query text, a file, - and a saved query's name told apart; long Chinese queries run."""

from __future__ import annotations

import os
import pathlib
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.cli import main
from kg.commands.query import QUERY_FILE_SUFFIXES, classify
from kg.queries.library import NAME_RE, saved_queries

KEYWORDS = ["SELECT", "select", "ASK", "CONSTRUCT", "DESCRIBE", "PREFIX", "BASE", "Select"]
NAMES = [q.name for q in saved_queries()]


def _no_file_system(*args, **kwargs):
    raise AssertionError("the file system was consulted for a query text")


# any characters, Chinese among them, of any length (well past the 255-byte file-name limit)
body = st.text(st.characters(blacklist_categories=("Cs",)), max_size=400)
queries = st.one_of(
    st.builds(lambda kw, sep, rest: kw + sep + rest, st.sampled_from(KEYWORDS),
              st.sampled_from([" ", "\n", "\t", "{", " *", " ?"]), body),
    st.builds(lambda pre, rest: pre + "{" + rest, body, body),  # a brace anywhere
    st.builds(lambda pre, rest: pre + "\n" + rest, body, body),  # several lines
    st.builds(lambda comment, kw, rest: f"# {comment}\n{kw} {rest}", body.filter(lambda t: "\n" not in t),
              st.sampled_from(KEYWORDS), body),
)


@settings(max_examples=300, deadline=None)
@given(text=queries)
def test_query_texts_are_text_without_touching_the_file_system(text):
    if text == "-":
        return
    if text.lower().endswith(QUERY_FILE_SUFFIXES) and not any(c in text for c in "{\n\r"):
        return  # one line ending in .rq or .sparql ("select .sparql") names a file by design
    with mock.patch.object(os, "stat", _no_file_system), mock.patch.object(pathlib.Path, "is_file", _no_file_system):
        assert classify(text) == "text"


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(NAMES))
def test_saved_query_names_are_names(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert classify(name) == "name"


file_names = st.text(st.characters(whitelist_categories=("Lu", "Ll", "Lo", "Nd"), max_codepoint=0x9FFF),
                     min_size=1, max_size=30)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(stem=file_names, suffix=st.sampled_from([".rq", ".sparql", ".txt", ""]))
def test_existing_files_are_files(stem, suffix, tmp_path):
    path = tmp_path / (stem + suffix)
    path.write_text("ASK {}", encoding="utf-8")
    assert classify(str(path)) == "file"


def test_dash_is_standard_input_and_a_missing_rq_file_is_a_file():
    assert classify("-") == "stdin"
    assert classify("missing/问题.rq") == "file"
    assert classify("drop table.rq") == "file"  # a keyword at the start, but a file name


@pytest.fixture(scope="module")
def store_dir(sample_store):
    return sample_store


def test_a_long_chinese_query_runs(capsys, store_dir):
    # > 1,000 bytes of UTF-8 on one line: it used to be tried as a file name (OSError: File name too long)
    names = " ".join(f'"{n}"@zh' for n in ["滨海新区", "天津港", "南港工业区", "中新天津生态城"] * 20)
    query = f"SELECT ?label WHERE {{ VALUES ?label {{ {names} }} ?e rdfs:label ?label }} ORDER BY ?label"
    assert len(query.encode("utf-8")) > 1000
    status = main(["query", query, "--store", str(store_dir), "--format", "csv"])
    out, err = capsys.readouterr()
    assert status == 0 and err == ""
    assert out.splitlines()[0] == "label" and "滨海新区" in out.splitlines()


@pytest.mark.parametrize("arg", ["这不是查询" * 100, "queries/missing", "no such thing"])
def test_what_is_neither_query_file_nor_name_is_one_line_not_a_traceback(capsys, store_dir, arg):
    status = main(["query", arg, "--store", str(store_dir)])
    _, err = capsys.readouterr()
    assert status == 2 and err.count("\n") == 1 and "neither a SPARQL query, a file, nor a saved query" in err


def test_long_invalid_sparql_is_one_line_with_its_position(capsys, store_dir):
    status = main(["query", "SELECT ?名称 WHERE { ?e rdfs:label ?名称 " + "。" * 300, "--store", str(store_dir)])
    _, err = capsys.readouterr()
    assert status == 2 and err.count("\n") == 1 and "invalid SPARQL: error at 1:" in err


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.from_regex(NAME_RE, fullmatch=True).filter(lambda n: len(n) < 80))
def test_unknown_names_are_names_and_say_so(name, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert classify(name) == "name"
    if name not in NAMES:
        assert main(["query", name, "--store", str(tmp_path / "none")]) == 2
        assert f"no saved query named {name!r}" in capsys.readouterr().err
