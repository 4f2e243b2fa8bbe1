"""The document model: normalisation, metadata, sections and sentences with exact offsets."""

from __future__ import annotations

from kg.build import load_document, sample_path
from kg.document import heading_level, normalise, parse_document
from tests.conftest import GENRE_TEXT


def test_metadata_of_the_sample():
    doc = load_document(sample_path())
    assert doc.title == "2025年天津市政府工作报告"
    assert doc.issuer == "天津市"
    assert doc.date == "2025-01-14"
    assert doc.year == 2025


def test_sections_follow_the_reports_headings():
    doc = load_document(sample_path())
    top = [s.heading for s in doc.sections if s.level == 1]
    assert top == ["一、2024年工作回顾", "二、2025年工作安排", "三、努力建设人民满意政府"]
    sub = [s for s in doc.sections if s.level == 2]
    assert sub[0].heading == "（一）高质量发展迈出坚实步伐"
    assert doc.sections[sub[0].parent].heading == "一、2024年工作回顾"
    # 二、 has its own （一）: parents follow the nesting, not the label.
    second_first = [s for s in sub if s.heading.startswith("（一）")][1]
    assert doc.sections[second_first.parent].heading == "二、2025年工作安排"


def test_sentence_offsets_slice_the_text_exactly():
    doc = load_document(sample_path())
    assert len(doc.sentences) > 250
    for sent in doc.sentences:
        assert doc.text[sent.span.start:sent.span.end] == sent.text
        assert doc.sections[sent.section].span.start <= sent.span.start


def test_sentences_split_on_chinese_stops_and_keep_closing_quotes():
    doc = parse_document("标题\n他说“好。”然后走了；再见！问？", source="t.txt")
    assert [s.text for s in doc.sentences] == ["标题", "他说“好。”", "然后走了；", "再见！", "问？"]


def test_genre_text_metadata_and_sections():
    doc = parse_document(GENRE_TEXT, source="江北市.txt")
    assert (doc.issuer, doc.year, doc.date) == ("江北市", 2026, "2026-01-20")
    assert [s.heading for s in doc.sections if s.level == 1] == ["一、2025年工作回顾", "二、2026年工作安排"]


def test_normalise_fullwidth_digits_and_line_ends():
    assert normalise("１９９７年\r\n增长５％ \r\n") == "1997年\n增长5％"


def test_heading_levels():
    assert heading_level("一、2024年工作回顾") == 1
    assert heading_level("（二）改革开放不断深化拓展") == 2
    assert heading_level("一年来，我们") is None
