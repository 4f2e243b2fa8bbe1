"""Numeric indicators: number forms, what is no quantity, metrics, lists, direction, kind and year.

Every text here is written for the tests in the genre of 政府工作报告 (no sentence is taken from a report).
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.indicators import find_indicators, find_quantities, kind_and_year, parse_indicators, section_frames
from kg.extract.lexicons.units import cn_to_int
from kg.extract.pipeline import load_components
from kg.ingest.document import parse_document
from kg.model import Entity, Mention, Span


def _one(text: str):
    """The single indicator a clause states."""
    found = parse_indicators(text)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("全区地区生产总值增长6.3％左右", "6.3", "%", "左右"),
        ("港口集装箱吞吐量1865万标准箱", "1865", "万标准箱", None),
        ("国家高新技术企业突破3.4万家", "3.4", "万家", "突破"),
        ("实现旅游收入418.7亿元", "418.7", "亿元", None),
        ("全年实际使用外资26亿美元", "26", "亿美元", None),
        ("盘活闲置土地1.85万亩", "1.85", "万亩", None),
        ("改造老旧厂房超过600万平方米", "600", "万平方米", "超过"),
        ("新建城市道路312公里", "312", "公里", None),
        ("新增城镇就业12万人以上", "12", "万人", "以上"),
        ("新引进企业120家", "120", "家", None),
        ("出台惠企措施35项", "35", "项", None),
        ("开通国际航线58条", "58", "条", None),
        ("新增就业岗位1,250个", "1250", "个", None),
        ("培育链主企业300余家", "300", "家", "余"),
        ("细颗粒物年均浓度降至31微克/立方米以下", "31", "微克/立方米", "以下"),
        ("全员劳动生产率达46万元/人左右", "46", "万元/人", "左右"),
        ("赤字率提高0.5个百分点", "0.5", "个百分点", None),
        ("工业园区产值突破千亿元", "1000", "亿元", "突破"),
        ("特色农产品销售额连续三年突破百亿元", "100", "亿元", "突破"),
        ("粮食生产“十九连丰”", "19", "连丰", None),
        ("营商环境评价连续四年考核优秀", "4", "年", "连续"),
        ("创新指数稳居全国前五", "5", "", "前"),
        ("跨境电商交易额跃居全国首位", "1", "", "首位"),
        ("港口综合实力跻身全球前15名", "15", "名", "前"),
    ],
)
def test_number_forms(text, value, unit, qualifier):
    ind = _one(text)
    assert (ind.value, ind.unit, ind.qualifier) == (Decimal(value), unit, qualifier)


@pytest.mark.parametrize(
    "text",
    [
        "2025年1月20日在江北市第九届人民代表大会第四次会议上",
        "2024年是新中国成立75周年",
        "地铁3号线二期、7号线延伸线开通运营",
        "深入学习贯彻党的二十届三中全会精神，编制“十五五”规划",
        "推进“十项行动”和“三新”工作",
        "PM2.5和5G基站建设",
        "印发《江北市2025年数字经济发展行动方案》",
        "首届数字经济大会在我市举办",
    ],
)
def test_numbers_that_are_no_quantity(text):
    assert find_quantities(text) == []


def test_respectively_gives_one_indicator_per_item_with_its_own_metric():
    found = parse_indicators("民营规上工业增加值、限上批发零售额、外贸进出口总额占比分别为31.2％、58.4％、40.6％")
    assert [(i.metric, str(i.value)) for i in found] == [
        ("民营规上工业增加值占比", "31.2"),
        ("限上批发零售额占比", "58.4"),
        ("外贸进出口总额占比", "40.6"),
    ]


def test_respectively_with_a_growth_verb_keeps_the_verb_in_each_metric():
    found = parse_indicators("高技术制造业、装备制造业增加值分别增长9.6％和7.1％")
    assert [i.metric for i in found] == ["高技术制造业增加值增长", "装备制造业增加值增长"]
    assert {i.direction for i in found} == {"increase"}


def test_shared_value_counts_for_every_listed_subject():
    found = parse_indicators("科技型中小企业、创新型中小企业均突破8000家")
    assert [(i.metric, str(i.value), i.unit, i.qualifier) for i in found] == [
        ("科技型中小企业", "8000", "家", "突破"),
        ("创新型中小企业", "8000", "家", "突破"),
    ]


def test_decrease_keeps_the_value_positive_and_says_decrease():
    ind = _one("PM2.5年均浓度同比下降6.5％")
    assert (ind.value, ind.direction, ind.metric) == (Decimal("6.5"), "decrease", "PM2.5年均浓度同比下降")


def test_increase_and_no_direction():
    assert _one("一般公共预算收入增长4.1％").direction == "increase"
    assert _one("城镇调查失业率5.3％").direction is None


def test_range_is_one_indicator_from_its_lower_to_its_upper_bound():
    (ind,) = parse_indicators("地区生产总值年均增长5％-5.5％")
    assert (ind.metric, ind.value, ind.value_max, ind.unit) == ("地区生产总值年均增长", Decimal(5), Decimal("5.5"), "%")
    (ind,) = parse_indicators("全省地区生产总值增长4.5-5%左右")
    assert (ind.value, ind.value_max, ind.qualifier) == (Decimal("4.5"), Decimal(5), "左右")
    (ind,) = parse_indicators("经济增长目标为5％—5.5％")
    assert (ind.value, ind.value_max) == (Decimal(5), Decimal("5.5"))


def test_metric_drops_scope_estimate_and_value():
    assert _one("全市地区生产总值预计增长5.8％左右").metric == "地区生产总值增长"


def test_counted_noun_after_the_value_is_the_metric():
    found = parse_indicators("420家规上企业融入9条重点产业链")
    assert [(i.metric, str(i.value), i.unit) for i in found] == [("融入重点产业链的规上企业", "420", "家"),
                                                                 ("重点产业链", "9", "条")]


def test_examples_before_a_count_do_not_become_the_metric():
    assert _one("组建青山创投母基金等12只产业基金").metric == "产业基金"


def test_later_items_of_a_list_borrow_the_first_items_verb():
    found = parse_indicators("改造供水管网210公里、燃气管网180公里")
    assert [i.metric for i in found] == ["改造供水管网", "改造燃气管网"]


def test_bare_growth_borrows_the_subject_before_it():
    found = parse_indicators("社会消费品零售总额3260亿元、增长4.2％")
    assert [i.metric for i in found] == ["社会消费品零售总额", "社会消费品零售总额增长"]


def test_streak_of_years_is_no_value_when_the_clause_measures_something_else():
    found = parse_indicators("农产品网络零售额连续两年突破百亿元")
    assert [(str(i.value), i.unit) for i in found] == [("100", "亿元")]


@pytest.mark.parametrize(("text", "value"), [("二十一", 21), ("十", 10), ("两", 2), ("千", 1000), ("一百零五", 105),
                                             ("三万二千", 32000), ("十四五", None), ("", None)])
def test_chinese_numerals(text, value):
    assert cn_to_int(text) == value


REPORT = """2026年江北市政府工作报告
——2026年1月20日在江北市第九届人民代表大会第四次会议上
一、2025年工作回顾
全市地区生产总值增长6.2％，新引进企业120家。
过去五年，累计新增城镇就业58万人。
二、“十五五”时期主要目标任务
到2030年，地区生产总值年均增长5％左右，研发投入强度达到3.2％。
三、2026年工作安排
今年主要预期目标是：地区生产总值增长5.5％左右，城镇调查失业率5.5％左右。
去年全市粮食产量达到48.6亿斤，今年要稳定在48亿斤以上。
新建5G基站3000个。
"""


@pytest.fixture(scope="module")
def report():
    doc = parse_document(REPORT, source="江北.txt")
    return doc, find_indicators(doc, [])


def _by_value(found, value: str):
    return next(i for i in found if i.value == Decimal(value))


def test_review_values_are_actual_of_the_reviewed_year(report):
    _, found = report
    ind = _by_value(found, "6.2")
    assert (ind.kind, ind.year) == ("Actual", 2025)
    assert (_by_value(found, "120").kind, _by_value(found, "58").year) == ("Actual", 2025)


def test_five_year_plan_targets_refer_to_the_plans_last_year(report):
    _, found = report
    assert (_by_value(found, "3.2").kind, _by_value(found, "3.2").year) == ("Target", 2030)


def test_plan_values_are_targets_of_the_report_year_unless_they_report_the_past(report):
    _, found = report
    assert (_by_value(found, "5.5").kind, _by_value(found, "5.5").year) == ("Target", 2026)
    assert (_by_value(found, "48.6").kind, _by_value(found, "48.6").year) == ("Actual", 2025)
    assert (_by_value(found, "48").kind, _by_value(found, "48").year) == ("Target", 2026)
    assert _by_value(found, "3000").kind == "Target"


def test_spans_cover_the_value_as_written(report):
    doc, found = report
    for ind in found:
        written = doc.text[ind.span.start : ind.span.end]
        assert str(ind.value).split(".")[0] in written.replace(",", "") or ind.unit in ("连丰", ""), written
        assert doc.sentences[ind.sentence].span.start <= ind.span.start < doc.sentences[ind.sentence].span.end


def test_section_frames_follow_the_headings(report):
    doc, _ = report
    kinds = {doc.sections[i].heading[:2]: (f.kind, f.actual_year, f.target_year)
             for i, f in enumerate(section_frames(doc)) if doc.sections[i].level == 1}
    assert kinds == {"一、": ("Actual", 2025, 2026), "二、": ("Target", 2025, 2030), "三、": ("Target", 2025, 2026)}


def test_kind_cues_before_the_value():
    from kg.extract.indicators import Frame

    review, plan = Frame("Actual", 2024, 2025), Frame("Target", 2024, 2025)
    assert kind_and_year("去年全市地区生产总值增长", plan, 2025) == ("Actual", 2024)
    assert kind_and_year("力争到2027年，数字经济核心产业增加值占比达到", review, 2025) == ("Target", 2027)
    assert kind_and_year("争取中央预算内投资", review, 2025) == ("Actual", 2024)  # 争取 here means obtained
    assert kind_and_year("比2020年增长", plan, 2025) == ("Target", 2025)  # a base year is not the year measured


def test_about_is_the_entity_named_where_the_metric_comes_from():
    doc = parse_document("一、2025年工作回顾\n青山港集装箱吞吐量突破900万标准箱。", source="x.txt")
    sent = doc.sentences[1]
    start = doc.text.index("青山港")
    ent = Entity("Zone", "青山港", mentions=[Mention("青山港", "Zone", Span(start, start + 3), sent.index, "t")])
    (ind,) = find_indicators(doc, [ent])
    assert ind.about == ("Zone", "青山港")
    assert ind.metric == "青山港集装箱吞吐量"


def test_the_component_is_registered_for_the_indicator_stage():
    comp = load_components()["indicators"]
    assert comp.produces == "indicators" and comp.func is find_indicators


def test_docstring_examples_run():
    import doctest

    import kg.extract.indicators
    import kg.extract.lexicons.units

    for module in (kg.extract.indicators, kg.extract.lexicons.units):
        assert doctest.testmod(module).failed == 0
