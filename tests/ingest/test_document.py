"""The document model: normalisation, metadata, sections and sentences with exact offsets."""

from __future__ import annotations

from kg.build import load_document, sample_path
from kg.ingest.document import heading_level, normalise, parse_document
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


def test_traditional_text_is_matched_simplified_but_kept_as_written():
    doc = parse_document("1954年政府工作報告\n各位代表：\n我們第一屆全國人民代表大會舉行會議。", source="t.txt")
    sent = doc.sentences[-1]
    assert sent.text == "我們第一屆全國人民代表大會舉行會議。"
    assert doc.match_text[sent.span.start:sent.span.end] == "我们第一届全国人民代表大会举行会议。"
    assert len(doc.match_text) == len(doc.text)


def test_rare_characters_of_a_simplified_report_are_not_converted():
    text = "2026年陕西省政府工作报告\n各位代表：\n" + "建成西安至周至至乾县公路。" + "经济稳定增长。" * 50
    doc = parse_document(text, source="s.txt")
    assert doc.match_text == doc.text  # 乾县 stays 乾县 (OpenCC alone would make it 干县)


def test_bilingual_edition_keeps_english_out_of_sentences():
    text = ("2025年江北市政府工作报告\n各位代表：\n全市经济增长6％。\nThe city's economy grew by 6 percent.\n"
            "华星光电集团落户青山区。\nHuaxing Optoelectronics Group moved to Qingshan District.\n")
    doc = parse_document(text, source="b.txt")
    assert [s.text for s in doc.sentences][2:] == ["全市经济增长6％。", "华星光电集团落户青山区。"]
    assert [doc.text[s.start:s.end] for s in doc.translations] == [
        "The city's economy grew by 6 percent.", "Huaxing Optoelectronics Group moved to Qingshan District."]
    assert "Huaxing" in doc.text and "Huaxing" not in doc.match_text


def test_letter_spaced_chinese_is_joined_words_are_not():
    assert normalise("政 府 工 作 报 告\n上海市市长 龚 正\n省长 王予波") == "政府工作报告\n上海市市长 龚正\n省长 王予波"


def test_hard_line_breaks_inside_sentences_are_joined():
    # Paragraphs set apart by blank lines (as in the national reports): a single line break is a hard break.
    text = ("2017年政府工作报告\n\n各位代表：\n\n党的十八届六中全会\n正式明确\n习近平\n总书记的核心地位。\n\n"
            "——\n改革开放\n深入推进。\n\n制定了《\n国家中长期科学和技术发展规划纲要\n》。\n\n74.4\n\u200b\n万亿元。\n")
    doc = parse_document(text, source="n.txt")
    assert [s.text for s in doc.sentences][2:] == [
        "党的十八届六中全会正式明确习近平总书记的核心地位。", "——改革开放深入推进。",
        "制定了《国家中长期科学和技术发展规划纲要》。", "74.4万亿元。"]
    # Without blank lines between paragraphs, short lines stand alone unless the line is left open.
    assert normalise("标题\n各位代表：\n“十四五”时期工作回顾\n这五年成绩显著。\n推进产业链、\n创新链融合。") == (
        "标题\n各位代表：\n“十四五”时期工作回顾\n这五年成绩显著。\n推进产业链、创新链融合。")


def test_headings_and_items_are_not_joined_to_their_neighbours():
    text = ("2026年某省政府工作报告\n各位代表：\n一、2025年工作回顾\n“十四五”时期工作回顾\n这五年，我们砥砺前行。\n"
            "（一）产业发展\n一是扩大内需\n二是稳定就业\n——经济稳定\n省长 王某\n")
    assert normalise(text) == text.rstrip("\n")


def test_metadata_from_the_byline_when_the_title_is_bare():
    doc = parse_document("政府工作报告\n――2026年1月27日在青海省第十四届人民代表大会第四次会议上\n各位代表：\n正文。",
                         source="q.txt")
    assert (doc.title, doc.issuer, doc.date, doc.year) == ("政府工作报告", "青海省", "2026-01-27", 2026)


def test_fullwidth_forms_and_invisible_characters():
    assert normalise("增长５．１％，ＧＤＰ\u200b达到１２\u00a0亿元\u2028第二行") == "增长5.1％，GDP达到12 亿元\n第二行"
    assert normalise("a\ud800b\x00c\x1bd") == "a\ufffdbcd"
