"""kg trend and the measure queries: one measure across reports and years, from small reports built for real."""

from __future__ import annotations

import csv
import io
import json

import pytest

from kg.build import build
from kg.cli import main
from kg.errors import UsageError
from kg.explore.compare import compare
from kg.explore.trend import find_concept, to_csv, to_json, trend_rows
from kg.queries.library import get_query, with_prefixes
from kg.store.graphstore import GraphStore
from kg.web.trend_page import trend_page

# Three reports of one city: 2025 and 2026 word GDP growth differently (地区生产总值 / 经济增长), the 2026 one quotes
# the 2025 actual in its plan part, and states a range; a second city and the nation give a cross-section.
JIANGBEI_2025 = """2025年江北市政府工作报告
——2025年1月20日在江北市第九届人民代表大会第四次会议上
一、2024年工作回顾
全市地区生产总值增长5.1％，城镇调查失业率5.2％。
二、2025年工作安排
2025年经济社会发展的主要预期目标是：地区生产总值增长5％左右，城镇调查失业率5.5％以内。
"""
JIANGBEI_2026 = """2026年江北市政府工作报告
——2026年1月22日在江北市第九届人民代表大会第五次会议上
一、2025年工作回顾
全市经济增长5.3％，城镇调查失业率5.1％。
二、2026年工作安排
过去一年，我们的各项工作取得了很大成绩。全市生产总值增长5.3％，居民收入稳步增加。
2026年经济社会发展的主要预期目标是：全市生产总值增长4.5％—5％，城镇调查失业率5.5％左右。
“十五五”时期，地区生产总值年均增长5％左右。
"""
NANSHAN_2026 = """2026年南山市政府工作报告
——2026年1月25日在南山市第八届人民代表大会第三次会议上
一、2025年工作回顾
地区生产总值增长6.1％。
二、2026年工作安排
主要预期目标是：地区生产总值增长6％以上<b onmouseover="alert(1)">，城镇调查失业率5.5％左右。
"""


@pytest.fixture(scope="module")
def store_dir(tmp_path_factory):
    """The three reports built into one store."""
    folder = tmp_path_factory.mktemp("trend")
    (folder / "in").mkdir()
    paths = []
    for name, text in (("江北2025.txt", JIANGBEI_2025), ("江北2026.txt", JIANGBEI_2026),
                       ("南山2026.txt", NANSHAN_2026)):
        path = folder / "in" / name
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    build(paths, folder / "out", page=False)
    return folder / "out"


@pytest.fixture(scope="module")
def store(store_dir):
    """The store, opened for reading."""
    return GraphStore.open_read_only(store_dir / "store")


def test_a_measure_is_named_by_slug_label_or_wording():
    assert find_concept("gdp-growth").slug == "gdp-growth"
    assert find_concept("地区生产总值增长").slug == "gdp-growth"
    assert find_concept("GDP growth").slug == "gdp-growth"
    assert find_concept("国内生产总值增速").slug == "gdp-growth"
    with pytest.raises(UsageError, match="gdp-growth"):
        find_concept("幸福指数")


def test_series_joins_wordings_and_keeps_each_year_s_own_statement(store):
    rows = trend_rows(store, find_concept("gdp-growth"), issuers=("江北市",))
    got = [(r.year, r.kind, r.value_text, r.qualifier) for r in rows]
    # 2024 actual (2025 report), 2025 target (2025 report) and actual (2026 review, worded 经济增长),
    # 2026 target as a range; the 2025 actual quoted again in the 2026 plan part stays an actual of 2025
    assert got == [(2024, "Actual", "5.1", ""), (2025, "Actual", "5.3", ""), (2025, "Target", "5", "左右"),
                   (2026, "Target", "4.5–5", "")]
    assert all(r.issuer == "江北市" for r in rows)
    assert "2026" in [r for r in rows if r.year == 2026][0].report


def test_five_year_averages_stay_out_of_a_series_of_years(store):
    rows = trend_rows(store, find_concept("gdp-growth"), kind="target", issuers=("江北",))
    assert 2030 not in {r.year for r in rows}
    sparql = with_prefixes(get_query("measure-over-years").bind({"measure": "metric:gdp-growth"}))
    periods = {r["period"].value for r in store.query(sparql) if r["period"] is not None}
    assert periods == {"2026-2030"}


def test_cross_section_is_one_row_per_issuer(store):
    rows = trend_rows(store, find_concept("gdp-growth"), kind="target", year=2026)
    assert [(r.issuer, r.value_text, r.qualifier) for r in rows] == [("南山市", "6", "以上"), ("江北市", "4.5–5", "")]


def test_kind_and_year_filters(store):
    concept = find_concept("surveyed-unemployment")
    actuals = trend_rows(store, concept, kind="actual", year_from=2025, year_to=2025)
    assert [(r.issuer, r.value_text) for r in actuals] == [("江北市", "5.1")]
    with pytest.raises(UsageError, match="issuer"):
        trend_rows(store, concept, issuers=("北山市",))


def test_csv_and_json_give_ranges_as_ranges(store):
    concept = find_concept("gdp-growth")
    rows = trend_rows(store, concept, kind="target", year=2026)
    table = list(csv.DictReader(io.StringIO(to_csv(rows))))
    jiangbei = [r for r in table if r["issuer"] == "江北市"][0]
    assert (jiangbei["value"], jiangbei["value_min"], jiangbei["value_max"]) == ("4.5–5", "4.5", "5")
    data = json.loads(to_json(rows, concept))
    assert data["measure"] == "https://w3id.org/govkg/metric/gdp-growth"
    assert {(r["issuer"], r["value"], r["value_max"]) for r in data["rows"]} == {("南山市", 6.0, None),
                                                                               ("江北市", 4.5, 5.0)}


def test_saved_queries_for_measures(store):
    across = list(store.query(with_prefixes(get_query("measure-across-issuers").bind({"year": "2026"}))))
    assert {r["issuer"].value for r in across} == {"江北市", "南山市"}
    pairs = list(store.query(with_prefixes(get_query("measure-targets-vs-actuals").bind({}))))
    met = {(r["issuerName"].value, r["year"].value, float(r["target"].value), float(r["actual"].value)) for r in pairs}
    assert ("江北市", "2025", 5.0, 5.3) in met


def test_compare_lines_up_one_measure_worded_two_ways(store):
    cmp = compare("江北市/2025", "江北市/2026", store=store)
    gdp = [r for r in cmp.targets if r["measure"].endswith("/gdp-growth")]
    assert [(r["year"], float(r["target"]), float(r["actual"])) for r in gdp] == [("2025", 5.0, 5.3)]


def test_chart_page_escapes_document_text_and_loads_nothing(store):
    concept = find_concept("gdp-growth")
    html = trend_page(trend_rows(store, concept, kind="target", year=2026), concept, cross_section=True)
    assert "<b onmouseover" not in html
    assert "&lt;b onmouseover" in html or "\\u003cb onmouseover" in html
    assert "Content-Security-Policy" in html and "default-src &#x27;none&#x27;" in html
    assert "<script src" not in html


def test_cli_prints_a_table_and_writes_the_page(store_dir, tmp_path, capsys):
    out = tmp_path / "gdp.html"
    code = main(["trend", "地区生产总值增长", "--kind", "target", "--year", "2026", "--store",
                 str(store_dir / "store"), "-o", str(out)])
    printed = capsys.readouterr().out
    assert code == 0 and "南山市" in printed and "4.5–5" in printed
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert main(["trend", "gdp-growth", "--issuer", "中国", "--graph", str(store_dir / "graph.trig")]) == 2
    assert main(["trend", "幸福指数", "--store", str(store_dir / "store")]) == 2
    err = capsys.readouterr().err
    assert "no measure named" in err and "Traceback" not in err
