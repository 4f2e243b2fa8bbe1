"""IRIs: deterministic, readable, and always valid for every export format."""

from __future__ import annotations

import pyoxigraph

from kg.rdf.iri import document_iri, iri_segment, mint_iri


def test_same_class_and_name_give_the_same_iri():
    assert mint_iri("Enterprise", "联想") == mint_iri("Enterprise", "联想")
    assert mint_iri("Enterprise", "联想") != mint_iri("Organization", "联想")
    assert mint_iri("Policy", "“两新”") == mint_iri("Policy", "两新")


def test_hostile_characters_are_percent_encoded_and_parse():
    name = 'a> "b" \\c {d} |e| ^f^ `g` h'
    iri = mint_iri("Enterprise", name)
    assert not set('<>"{}|^`\\ ') & set(iri)
    triple = f"<{iri}> <http://example.org/p> \"x\" .\n"
    assert len(list(pyoxigraph.parse(triple.encode(), format=pyoxigraph.RdfFormat.N_TRIPLES))) == 1


def test_document_iri_from_issuer_year_title_else_file_name():
    assert document_iri(issuer="天津市", year=2025, title="2025年天津市政府工作报告", source="x.txt").endswith(
        "doc/天津市/2025/2025年天津市政府工作报告")
    assert document_iri(issuer=None, year=None, title=None, source="dir/report 1.txt").endswith("doc/report%201")


def test_segment_keeps_chinese_readable():
    assert iri_segment("滨海新区") == "滨海新区"
