"""The issuing government as an Organization mention."""

from __future__ import annotations

from kg.extract.government import find_government, government_surfaces
from kg.ingest.document import parse_document


def test_report_names_its_government() -> None:
    doc = parse_document("2026年江北市政府工作报告\n现在，我代表市人民政府向大会报告工作。\n江北市人民政府将依法履职。",
                         source="t.txt")
    found = find_government(doc)
    assert [(m.text, m.canonical) for m in found] == [("市人民政府", "江北市人民政府"),
                                                      ("江北市人民政府", "江北市人民政府")]
    for m in found:
        assert doc.text[m.span.start:m.span.end] == m.text and m.cls == "Organization"
        assert m.text in doc.sentences[m.sentence].text


def test_report_title_and_government_work_are_not_the_body() -> None:
    doc = parse_document("2026年江北市政府工作报告\n全市政府系统要改进作风，市政府投资项目有序推进。", source="t.txt")
    assert find_government(doc) == []


def test_province_level_forms() -> None:
    doc = parse_document("2026年东海省政府工作报告\n省政府常务会议审议通过。", source="t.txt")
    assert [(m.text, m.canonical) for m in find_government(doc)] == [("省政府", "东海省人民政府")]
    assert "市政府" not in government_surfaces("东海省")


def test_national_report_government_is_the_state_council() -> None:
    doc = parse_document("政府工作报告\n我代表国务院，向大会报告政府工作。", source="t.txt")
    assert doc.issuer == "中华人民共和国"
    assert [(m.text, m.canonical) for m in find_government(doc)] == [("国务院", "国务院")]


def test_no_issuer_no_government() -> None:
    doc = parse_document("关于某事的通知\n市人民政府决定如下。", source="t.txt")
    assert doc.issuer is None and find_government(doc) == []
