"""kg compare: entities only in one report or in both, indicators of the same metric, targets against actuals."""

from __future__ import annotations

import csv
import io

import pytest

from kg.build import build
from kg.cli import main
from kg.errors import InputError
from kg.explore.compare import compare, saved_query, to_csv, to_markdown
from kg.store.graphstore import GraphStore

REPORT_2025 = """2025年江北市政府工作报告
——2025年1月20日在江北市第九届人民代表大会第四次会议上
一、2024年工作回顾
全市地区生产总值增长5.1％，一般公共预算收入增长4.8％。
华星光电集团总部落户青山区，青山经济技术开发区新引进企业120家。
二、2025年工作安排
2025年经济社会发展的主要预期目标是：地区生产总值增长5％左右，城镇新增就业30万人。
加快建设江北地铁3号线二期，培育集成电路、生物医药等产业。
"""
REPORT_2026 = """2026年江北市政府工作报告
——2026年1月22日在江北市第九届人民代表大会第五次会议上
一、2025年工作回顾
全市地区生产总值增长5.3％，一般公共预算收入增长3.9％，城镇新增就业28万人。
华星光电集团扩产，举办第三届长江数字经济博览会。
二、2026年工作安排
2026年经济社会发展的主要预期目标是：地区生产总值增长5％左右。
加快建设江北地铁4号线，培育人工智能产业。
"""
DOC_2025 = "https://w3id.org/govkg/id/doc/江北市/2025/2025年江北市政府工作报告"
DOC_2026 = "https://w3id.org/govkg/id/doc/江北市/2026/2026年江北市政府工作报告"


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    """The two reports as files and built into one store."""
    folder = tmp_path_factory.mktemp("compare")
    (folder / "in").mkdir()
    a, b = folder / "in" / "江北2025.txt", folder / "in" / "江北2026.txt"
    a.write_text(REPORT_2025, encoding="utf-8")
    b.write_text(REPORT_2026, encoding="utf-8")
    build([a, b], folder / "out", page=False)
    return a, b, folder / "out" / "store"


@pytest.fixture(scope="module")
def comparison(reports):
    """The 2025 report compared with the 2026 one, by year, from the store."""
    store = GraphStore.open_read_only(reports[2])
    cmp = compare("2025", "2026", store=store)
    del store
    return cmp


def test_entities_are_split_into_only_a_only_b_and_both(comparison):
    both = {e["label"] for e in comparison.in_both()}
    only_a = {e["label"] for e in comparison.only_in("A")}
    only_b = {e["label"] for e in comparison.only_in("B")}
    assert "江北市" in both or "华星光电集团" in both
    assert not (both & only_a) and not (both & only_b) and not (only_a & only_b)
    assert any("博览会" in label for label in only_b)
    assert all(int(e["mentionsA"]) > 0 and int(e["mentionsB"]) > 0 for e in comparison.in_both())


def test_indicators_of_one_metric_show_both_values_and_the_change(comparison):
    gdp = [r for r in comparison.indicators if r["metric"] == "地区生产总值增长" and r["kind"] == "Actual"]
    assert len(gdp) == 1
    assert (gdp[0]["valueA"], gdp[0]["yearA"], gdp[0]["valueB"], gdp[0]["yearB"]) == ("5.1", "2024", "5.3", "2025")
    assert float(gdp[0]["change"]) == pytest.approx(0.2)


def test_targets_for_a_year_meet_the_actuals_of_the_next_report(comparison):
    by_metric = {r["metric"]: r for r in comparison.targets}
    gdp, jobs = by_metric["地区生产总值增长"], by_metric["城镇新增就业"]
    assert (gdp["year"], gdp["targetDoc"], gdp["actualDoc"]) == ("2025", DOC_2025, DOC_2026)
    assert (float(gdp["target"]), float(gdp["actual"])) == (5, 5.3)
    assert (float(jobs["target"]), float(jobs["actual"]), float(jobs["difference"])) == (30, 28, -2)
    report = to_markdown(comparison)
    assert "| 2025 | 地区生产总值增长 | 5 % 左右 | A | 5.3 % | B | +0.3 | yes |" in report
    assert "| 2025 | 城镇新增就业 | 30 万人 | A | 28 万人 | B | -2 | no |" in report
    rows = list(csv.DictReader(io.StringIO(to_csv(comparison)["compare-targets.csv"])))
    assert {r["metric"]: r["met"] for r in rows}["城镇新增就业"] == "no"


def test_documents_are_named_by_file_iri_or_iri_ending(reports, comparison):
    a, b, store_dir = reports
    store = GraphStore.open_read_only(store_dir)
    try:
        by_file = compare(str(a), str(b), store=store)
        by_iri = compare(DOC_2025, "江北市/2026", store=store)
        with pytest.raises(InputError, match="no such document"):
            compare("1999", "2026", store=store)
    finally:
        del store
    assert (by_file.doc_a, by_file.doc_b) == (by_iri.doc_a, by_iri.doc_b) == (DOC_2025, DOC_2026)
    assert by_file.targets == comparison.targets


def test_files_not_in_a_store_are_extracted_on_the_fly(reports):
    a, b, _ = reports
    cmp = compare(str(a), str(b))
    assert {r["metric"] for r in cmp.targets} >= {"地区生产总值增长", "城镇新增就业"}


def test_the_saved_queries_run_unbound_compare_the_newest_report_with_the_previous_one(reports):
    store = GraphStore.open_read_only(reports[2])
    try:
        rows = list(store.query(saved_query("targets")))
        pairs = {(r["targetDoc"].value, r["actualDoc"].value) for r in rows}
        entity_pairs = {(r["docA"].value, r["docB"].value) for r in store.query(saved_query("entities"))}
    finally:
        del store
    assert pairs == {(DOC_2025, DOC_2026)}
    assert entity_pairs == {(DOC_2025, DOC_2026)}  # A the previous report, B the newest


def test_cli_writes_markdown_and_csv(reports, tmp_path, capsys):
    a, b, store_dir = reports
    assert main(["compare", "2025", "2026", "--store", str(store_dir), "-o", str(tmp_path / "cmp")]) == 0
    names = sorted(p.name for p in (tmp_path / "cmp").iterdir())
    assert names == ["compare-entities.csv", "compare-indicators.csv", "compare-targets.csv", "compare.md"]
    assert "## Targets against actuals" in (tmp_path / "cmp" / "compare.md").read_text(encoding="utf-8")
    assert main(["compare", "2025", "2031", "--store", str(store_dir)]) == 2
    assert "2031: no such document" in capsys.readouterr().err
