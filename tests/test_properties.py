"""Property tests over the whole pipeline: random Unicode, mixes of report sentences, punctuation storms,
empty sections and heading-only texts never raise, always give valid RDF that conforms to the shapes, and every
offset slices exactly its own text."""

from __future__ import annotations

import codecs

import pytest
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.errors import InputError
from kg.ingest.document import normalise, parse_document
from kg.ingest.readers import read_bytes
from kg.rdf.export import serialize_rdf
from kg.rdf.graph import extraction_quads

REPORT_LINES = [
    "2025年江北市政府工作报告", "——2025年1月20日在江北市第九届人民代表大会第四次会议上", "各位代表：",
    "一、2024年工作回顾", "（一）产业发展取得新成效", "二、2025年工作安排",
    "全市地区生产总值增长6.2％，一般公共预算收入增长4.8％。",
    "华星光电集团总部落户青山区，青山经济技术开发区新引进企业120家。",
    "举办第三届长江数字经济博览会。", "加快建设江北地铁3号线二期，实施“数智江北”行动。",
    "培育集成电路、生物医药等产业。", "全年粮食产量达到１２０万吨左右。",
    "我們第一屆全國人民代表大會在北京舉行。", "政 府 工 作 报 告", "The economy grew by 6.2 percent last year.",
    "推进天开高教科创园建设，", "建成", "京滨城际南段。",
]
SPICE = ["\u200b", "\u202e", "\ufeff", "\r\n", "\r", "\u2028", "\x0c", "\x00", "\ud800", "\uffff", "\u3000", " ",
         "\t", "。", "！！", "？", "；", "“", "”", "《", "》", "（", "）", "……", "——", "、", "，", "<", ">", '"', "\\",
         "{", "}", "|", "^", "`", "%", "１", "Ａ", "．", "\n", "\n\n", "一、", "（一）", "十、", "　　"]

line = st.one_of(st.sampled_from(REPORT_LINES), st.text(max_size=40),
                 st.lists(st.sampled_from(SPICE), max_size=12).map("".join))
report_text = st.lists(line, max_size=25).map("\n".join)
STORM = list("。！？；，、“”‘’《》（）【】…—:;!?\"'<>{}|^`\\ \n")
punctuation_storm = st.lists(st.sampled_from(STORM), max_size=300).map("".join)
headings_only = st.lists(st.sampled_from(["一、", "二、", "（一）", "（二）", "三、总结"]), max_size=30).map("\n".join)
any_text = st.one_of(report_text, punctuation_storm, headings_only, st.text(max_size=300))

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _check_document(doc) -> None:
    text = doc.text
    assert len(doc.match_text) == len(text)
    assert not any("\ud800" <= ch <= "\udfff" for ch in text)
    text.encode("utf-8")  # always writable
    previous_end = 0
    for i, sent in enumerate(doc.sentences):
        assert sent.index == i
        assert text[sent.span.start:sent.span.end] == sent.text and sent.text.strip() == sent.text and sent.text
        assert sent.span.start >= previous_end
        previous_end = sent.span.end
        assert 0 <= sent.section < len(doc.sections)
        section = doc.sections[sent.section]
        assert section.span.start <= sent.span.start and sent.span.end <= max(section.span.end, sent.span.end)
        assert doc.sentence_at(sent.span.start) == sent
    for span in doc.translations:
        assert doc.match_text[span.start:span.end].strip() == ""


@FAST
@given(any_text)
def test_documents_never_raise_and_offsets_are_exact(text):
    _check_document(parse_document(text, source="x.txt"))


@FAST
@given(any_text)
def test_normalise_is_stable(text):
    once = normalise(text)
    assert normalise(once) == once


@pytest.fixture(scope="module")
def shapes():
    from rdflib import Graph

    from kg.rdf.ontology import ontology_text

    return Graph().parse(data=ontology_text("shapes.ttl"), format="turtle"), \
        Graph().parse(data=ontology_text("govkg.ttl"), format="turtle")


def _pipeline_checks(pipeline, text: str, shapes=None) -> None:
    doc = parse_document(text, source="p.txt")
    _check_document(doc)
    result = pipeline(doc)
    for m in result.mentions:
        assert doc.text[m.span.start:m.span.end] == m.text, m
        assert doc.sentences[m.sentence].span.start <= m.span.start <= m.span.end <= doc.sentences[m.sentence].span.end
    for ent in result.entities:
        for m in ent.mentions:
            assert doc.text[m.span.start:m.span.end] == m.text
    for ind in result.indicators:
        assert 0 <= ind.span.start <= ind.span.end <= len(doc.text)
    quads = extraction_quads(result)
    data = serialize_rdf(quads, "nq")
    parsed = rdflib.Dataset()
    parsed.parse(data=data, format="nquads")
    assert sum(1 for _ in parsed.quads((None, None, None, None))) == len(set(quads))
    if shapes is not None:
        from pyshacl import validate

        union = rdflib.Graph()
        for s, p, o, _ in parsed.quads((None, None, None, None)):
            union.add((s, p, o))
        conforms, _, report = validate(union, shacl_graph=shapes[0], ont_graph=shapes[1], inference="none",
                                       advanced=True, allow_warnings=True)
        assert conforms, report[:2000]


@SLOW
@given(report_text)
def test_whole_pipeline_gives_valid_rdf_with_exact_offsets(pipeline, text):
    _pipeline_checks(pipeline, text)


@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(REPORT_LINES), min_size=3, max_size=20).map("\n".join))
def test_report_mixes_conform_to_the_shapes(pipeline, shapes, text):
    _pipeline_checks(pipeline, text, shapes)


@pytest.mark.parametrize("text", ["", "\n\n\n", "一、\n二、\n（一）", "。。。！！！", "\u200b\u202e", "政府工作报告"])
def test_edge_texts_through_the_pipeline(pipeline, text):
    _pipeline_checks(pipeline, text)


@FAST
@given(st.binary(max_size=400), st.sampled_from(["", ".txt", ".html", ".docx", ".pdf", ".md"]))
def test_reader_raises_only_input_errors_on_random_bytes(data, suffix):
    try:
        text = read_bytes(data, name="fuzz", suffix=suffix)
    except InputError as err:
        assert "\n" not in str(err) and str(err).startswith("fuzz")
        return
    _check_document(parse_document(text, source="fuzz"))


ENCODABLE = st.lists(st.sampled_from(REPORT_LINES + ["，", "。", "１", "　", "“", "”", " ", "\n"]), max_size=30)


@FAST
@given(ENCODABLE.map("".join),
       st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_every_encoding_reads_back_the_same_document(text, encoding):
    data = text.encode(encoding)
    assert encoding != "utf-16" or data.startswith(codecs.BOM_UTF16_LE)
    try:
        expected = read_bytes(text.encode("utf-8"), name="enc", suffix=".txt")
    except InputError:
        return  # empty or binary-looking random text is refused, never mis-read
    read = read_bytes(data, name="enc", suffix=".txt")
    assert parse_document(read, source="a").text == parse_document(expected, source="a").text


REAL = ["national/1954.txt", "national/2006.txt", "provinces-2026/四川省.txt", "encodings/national-2016.gb18030.txt"]


@pytest.mark.parametrize("relpath", REAL)
def test_real_reports_through_the_pipeline(pipeline, relpath):
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "real" / relpath.replace("/", "-")
    from kg.ingest.readers import read_file

    _pipeline_checks(pipeline, read_file(path))
