"""indicators.csv as a researcher opens it: the measure concept, a range's upper bound and a five-year period."""

from __future__ import annotations

import csv

from kg.build import INDICATOR_COLUMNS, build

REPORT = """2026年江北市政府工作报告
一、2025年工作回顾
过去一年，全市地区生产总值增长5.2％，规上工业企业新增120家。
“十四五”时期，全市地区生产总值年均增长5.6％。
二、2026年工作安排
今年经济社会发展的主要预期目标是：地区生产总值增长5％—5.5％。
"""


def test_indicators_csv_carries_measure_value_max_and_period(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "江北2026.txt").write_text(REPORT, encoding="utf-8")
    build([tmp_path / "in" / "江北2026.txt"], tmp_path / "out", page=False)
    with open(tmp_path / "out" / "indicators.csv", encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        assert reader.fieldnames == ["document", *INDICATOR_COLUMNS]
        rows = list(reader)
    by_value = {(r["value"], r["kind"]): r for r in rows}
    actual = by_value[("5.2", "Actual")]
    assert (actual["measure"], actual["value_max"], actual["year"], actual["period"]) == ("gdp-growth", "", "2025", "")
    average = by_value[("5.6", "Actual")]
    assert (average["year"], average["period"]) == ("2025", "2021-2025")
    target = by_value[("5", "Target")]
    assert (target["measure"], target["value_max"], target["year"]) == ("gdp-growth", "5.5", "2026")
    # a count has no concept in the scheme: its measure is empty, not a guess
    assert by_value[("120", "Actual")]["measure"] == ""
