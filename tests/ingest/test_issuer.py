"""The issuer of a report with no title line: from its file name, else from the text's own voice."""

from __future__ import annotations

import pytest

from kg.ingest.document import parse_document
from kg.ingest.issuer import infer_issuer, issuer_from_name, issuer_from_text
from kg.ingest.sidecar import Metadata, apply_metadata

SPAN = "三、2026年重点工作\n全面实施“数智强区”行动，推进城市更新。\n"


@pytest.mark.parametrize(("name", "issuer"), [
    ("beijing-2026-plan.txt", "北京市"), ("heilongjiang-2026-plan.txt", "黑龙江省"),
    ("shaanxi_2025.txt", "陕西省"), ("shanxi_2025.txt", "山西省"), ("Guangxi-report.txt", "广西壮族自治区"),
    ("national-2024-tasks.txt", "中华人民共和国"), ("四川省.txt", "四川省"),
    ("2026年宁夏政府工作报告.txt", "宁夏回族自治区"),
    ("report.txt", None), ("2024.txt", None),
])
def test_issuer_from_a_file_name(name: str, issuer: str | None) -> None:
    assert issuer_from_name(name) == issuer


def test_issuer_from_the_texts_voice() -> None:
    assert issuer_from_text("全省上下共同努力，浙江经济回升向好。浙江要走在前列。") == "浙江省"
    assert issuer_from_text("全市经济回升向好。浙江、江苏来客增多。") is None  # a 市 voice names no 市 unit twice
    assert issuer_from_text("我国经济总量突破130万亿元，国务院各部门……我国发展仍面临挑战。") == "中华人民共和国"
    assert issuer_from_text("经济回升向好。") is None
    # No 全省/全市 voice: one unit named far more than any other, or the nation's own words.
    assert issuer_from_text("北京加快建设科创中心，北京服务更有温度，首都北京面貌一新。天津来客增多。") == "北京市"
    assert issuer_from_text("全国上下共同努力，中国经济回升向好，打造更多“中国制造”品牌。") == "中华人民共和国"
    # An established short form or nickname counts as the unit's name.
    assert issuer_from_text("落实省委部署，全省上下奋力谱写龙江振兴新篇章。龙江发展势头向好。") == "黑龙江省"


def test_a_title_beats_the_file_name_and_an_override_beats_both() -> None:
    titled = parse_document("2026年江北市政府工作报告\n" + SPAN, source="beijing.txt")
    assert apply_metadata(titled).issuer == "江北市"
    span = parse_document(SPAN, source="beijing-2026-plan.txt")
    assert apply_metadata(span).issuer == "北京市"
    span = parse_document(SPAN, source="beijing-2026-plan.txt")
    assert apply_metadata(span, Metadata(issuer="天津市")).issuer == "天津市"
    assert infer_issuer("x.txt", SPAN) is None
