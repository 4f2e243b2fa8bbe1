"""Indicators researchers can compare: the metric scheme, clean metrics, ranges, years and periods, kind per clause.

Every text here is written for the tests in the genre of 政府工作报告 (no sentence is taken from a report).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from pyoxigraph import RdfFormat, parse

from kg.extract.indicators import find_indicators, parse_indicators
from kg.ingest.document import normalise, parse_document
from kg.rdf.measures import concepts, measure_of, metric_key, resolve_measure
from kg.rdf.ontology import ontology_text

REQUIRED = ("gdp-growth", "gdp", "cpi", "surveyed-unemployment", "registered-unemployment", "new-urban-jobs",
            "budget-revenue-growth", "retail-sales-growth", "fixed-asset-investment-growth", "trade-growth",
            "industrial-value-added-growth", "income-growth", "rd-intensity", "grain-output", "urbanization-rate",
            "energy-intensity-reduction", "carbon-intensity-reduction", "pm25")


def _doc(body: str, year: int = 2026):
    return parse_document(f"{year}年江北市政府工作报告\n{body}", source=f"江北{year}.txt")


def _indicators(body: str, year: int = 2026):
    return find_indicators(_doc(body, year), [])


# --- the scheme -----------------------------------------------------------------------------------------------

def test_scheme_has_every_required_concept_with_chinese_and_english_labels():
    table = concepts()
    assert set(REQUIRED) <= set(table)
    for slug in table:
        assert table[slug].label_zh and table[slug].label_en != slug, slug
    triples = list(parse(ontology_text("metrics.ttl").encode("utf-8"), format=RdfFormat.TURTLE))
    schemes = {t.object.value for t in triples if t.predicate.value.endswith("#inScheme")}
    assert schemes == {"https://w3id.org/govkg/metric/"}


def test_no_wording_belongs_to_two_concepts():
    seen: dict[str, str] = {}
    for concept in concepts().values():
        for label in (concept.label_zh, *concept.alt_labels):
            key = metric_key(label)
            assert seen.setdefault(key, concept.slug) == concept.slug, (label, seen[key], concept.slug)


@pytest.mark.parametrize(("metric", "unit", "direction", "slug"), [
    ("全省地区生产总值增长", "%", "increase", "gdp-growth"),
    ("国内生产总值比上年增长", "%", "increase", "gdp-growth"),
    ("经济增长速度", "%", None, "gdp-growth"),
    ("GDP增速", "%", None, "gdp-growth"),
    ("全市生产总值", "万亿元", None, "gdp"),
    ("地区生产总值", "%", "increase", "gdp-growth"),  # 地区生产总值5万亿元、增长5%: a level worded with its growth
    ("居民消费价格涨幅", "%", None, "cpi"),
    ("城镇新增就业", "万人", None, "new-urban-jobs"),
    ("细颗粒物（PM2.5）平均浓度", "微克/立方米", None, "pm25"),
    ("单位地区生产总值能耗比上年下降", "%", "decrease", "energy-intensity-reduction"),
    ("常住人口城镇化率", "%", None, "urbanization-rate"),
])
def test_wordings_of_one_quantity_meet_in_one_concept(metric, unit, direction, slug):
    assert measure_of(metric, unit, direction) == slug


@pytest.mark.parametrize(("metric", "unit"), [
    ("经济增长", "亿元"),  # a growth in money is not a rate of growth
    ("地区生产总值", "%"),  # a share of GDP, no direction: not GDP
    ("海洋生产总值增长", "%"),  # a part of the economy
    ("户籍人口城镇化率", "%"),  # another urbanisation rate
    ("重点项目", "个"),
    ("", "%"),
])
def test_no_concept_rather_than_a_wrong_one(metric, unit):
    assert measure_of(metric, unit) is None


def test_a_measure_is_found_by_slug_iri_or_label():
    assert resolve_measure("https://w3id.org/govkg/metric/cpi").slug == "cpi"
    assert resolve_measure("城镇调查失业率").slug == "surveyed-unemployment"
    assert resolve_measure("Grain output").slug == "grain-output"
    assert resolve_measure("幸福感") is None


# --- clean metrics --------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "metric"), [
    ("今年经济增长预期目标为7％左右", "经济增长"),
    ("中央提出今年经济增长预期目标为8％左右", "经济增长"),
    ("今年的经济增长目标定为6.5％左右", "经济增长"),
    ("提出今年国内生产总值增长8％左右的目标", "国内生产总值增长"),
    ("今年宏观调控的主要目标是：经济增长速度8 ％", "经济增长速度"),
])
def test_metric_is_the_quantity_without_verbs_targets_or_years(text, metric):
    found = parse_indicators(normalise(text))
    assert [i.metric for i in found][:1] == [metric]
    assert measure_of(found[0].metric, found[0].unit) == "gdp-growth"


def test_from_to_gives_both_ends_the_subject_and_no_bare_verb():
    found = parse_indicators("每万人口发明专利拥有量从21.5件增加到40件，"
                             "技术合同成交额由2019年的80亿元增加到去年的150亿元")
    assert [(i.metric, str(i.value)) for i in found] == [
        ("每万人口发明专利拥有量", "21.5"), ("每万人口发明专利拥有量", "40"),
        ("技术合同成交额", "80"), ("技术合同成交额", "150")]


def test_subject_set_off_by_a_comma_names_the_values_after_it():
    found = parse_indicators("全社会研发经费，从2020年300亿元增加到2025年的520亿元")
    assert [i.metric for i in found] == ["全社会研发经费", "全社会研发经费"]


def test_old_digit_grouping_is_one_number():
    (income, growth) = parse_indicators("国营工业企业收入为6，688，587，000元，比上年增长31.27％")
    assert (income.metric, income.value) == ("国营工业企业收入", Decimal("6688587000"))
    assert growth.metric.startswith("国营工业企业收入") and growth.value == Decimal("31.27")


def test_letter_spaced_digits_are_joined():
    spaced = normalise("1 9 9 7 年经济增长8 ．8 ％，粮食产量达到4 9 2 5 0 万吨")
    assert spaced == "1997年经济增长8.8％，粮食产量达到49250万吨"


def test_a_lone_digit_before_a_number_is_not_letter_spacing():
    # a joined line can put a page number before a year; joining them would change the text on a second pass
    assert normalise("第0 2025年报告") == "第0 2025年报告"
    assert normalise(normalise("报告\n\n0\n2025年报告")) == normalise("报告\n\n0\n2025年报告")


# --- ranges, years, periods, kinds ----------------------------------------------------------------------------

def test_range_is_one_indicator_with_lower_and_upper_bound():
    (ind,) = _indicators("二、2026年工作安排\n主要预期目标是：地区生产总值增长5％－5.5％。")
    assert (ind.value, ind.value_max, ind.kind, ind.year) == (Decimal(5), Decimal("5.5"), "Target", 2026)
    assert measure_of(ind.metric, ind.unit, ind.direction) == "gdp-growth"  # what the graph's kg:measure will be


def test_five_year_average_has_a_period_and_the_plan_s_last_year():
    review, plan = _indicators("一、2025年工作回顾\n“十四五”时期，地区生产总值年均增长5.5％。\n"
                               "二、“十五五”时期主要目标\n“十五五”时期，地区生产总值年均增长5％左右。")
    assert (review.kind, review.year, review.period) == ("Actual", 2025, "2021-2025")
    assert (plan.kind, plan.year, plan.period) == ("Target", 2030, "2026-2030")


def test_plan_outline_average_in_a_first_year_report_is_for_the_plan_s_end():
    (ind,) = _indicators("二、2026年工作安排\n《纲要（草案）》提出，地区生产总值年均增长5％左右。")
    assert (ind.kind, ind.year, ind.period) == ("Target", 2030, "2026-2030")


def test_a_review_quoted_in_the_plan_stays_an_actual_of_its_year():
    ind = _indicators("三、2026年的工作\n2026年是开局之年。过去一年，我们的各项工作取得了很大成绩。"
                      "全市生产总值增长5.3％，城镇新增就业30万人。\n")
    assert [(i.metric, i.kind, i.year) for i in ind][:1] == [("生产总值增长", "Actual", 2025)]


def test_a_target_met_is_reviewed_not_planned():
    (ind,) = _indicators("一、过去五年工作回顾\n2025年，我们全面实现年初确定的主要目标，地区生产总值增长5.2％。")
    assert (ind.kind, ind.year) == ("Actual", 2025)


def test_average_annual_growth_is_not_read_as_last_year():
    (ind,) = _indicators("二、“十五五”时期的主要目标\n"
                         "今后五年，经济增长预期目标是在提高质量和效益的基础上年均增长5％。")
    assert (ind.kind, ind.year, ind.period) == ("Target", 2030, "2026-2030")


def test_town_and_country_respectively_are_two_metrics_that_meet_their_concepts():
    urban, rural = parse_indicators("城乡居民人均可支配收入分别增长4.4％、5.6％")
    assert (urban.metric, rural.metric) == ("城镇居民人均可支配收入增长", "农村居民人均可支配收入增长")
    assert (measure_of(urban.metric, "%"), measure_of(rural.metric, "%")) == ("urban-income-growth",
                                                                             "rural-income-growth")


def test_the_last_item_s_quantity_word_is_shared_by_the_list():
    found = parse_indicators("装备制造业、高技术制造业增加值分别增长6.8％、12.3％")
    assert [i.metric for i in found] == ["装备制造业增加值增长", "高技术制造业增加值增长"]


def test_a_counted_noun_keeps_the_short_predicate_that_closes_its_clause():
    assert [i.metric for i in parse_indicators("56个口袋公园向市民开放，30家融资平台转型或退出")] == [
        "口袋公园向市民开放", "融资平台转型或退出"]
    assert [i.metric for i in parse_indicators("770家优质企业融入6条区域共建产业链")] == [
        "融入区域共建产业链的优质企业", "区域共建产业链"]


def test_a_count_whose_predicate_has_an_object_names_the_noun_by_its_predicate():
    # the noun is the object of a preposition: 在/为/向 N个 noun + verb phrase
    assert parse_indicators("在1200个小区设置垃圾分类驿站")[0].metric == "设置垃圾分类驿站的小区"
    assert parse_indicators("为650个老旧小区引入专业化物业服务")[0].metric == "引入专业化物业服务的老旧小区"
    assert parse_indicators("为3.2万个村卫生室配备了远程诊疗设备")[0].metric == "配备远程诊疗设备的村卫生室"
    # the noun is the subject and its predicate carries an object; a bracket inside the noun stays with it
    assert parse_indicators("9个县（市、区）通过国家生态文明示范区验收")[0].metric == "通过国家生态文明示范区验收的县"
    # adverbs before the verb are not part of what is counted; a second subject (价格) stops the noun
    assert parse_indicators("36项惠民工程全部完工")[0].metric == "惠民工程完工"
    assert [i.metric for i in parse_indicators("420种药品价格平均降低50％")][0] == "药品"
    # a value right after the noun takes the predicate for itself
    assert [i.metric for i in parse_indicators("60个国家和地区2000名选手参赛")][0] == "国家和地区"


def test_a_term_lengthened_is_a_quantity_in_years_named_by_its_verb():
    (ind,) = parse_indicators("开展第二轮土地承包到期后再延长30年试点")
    assert (ind.metric, ind.value, ind.unit) == ("开展第二轮土地承包到期后再延长", Decimal(30), "年")


def test_in_a_text_of_unknown_date_a_year_does_not_make_a_review_a_plan():
    doc = parse_document("一、过去五年工作回顾\n2007年，国内生产总值达到24.66万亿元，比2002年增长65.5％。",
                         source="片段.txt")
    assert doc.year is None
    assert [(i.kind, i.year) for i in find_indicators(doc, [])] == [("Actual", 2007), ("Actual", 2007)]


def test_a_verb_before_a_count_says_what_is_counted_and_a_change_verb_does_not():
    assert [i.metric for i in parse_indicators("制定、修订52件地方性法规")] == ["制定、修订地方性法规"]
    assert [i.metric for i in parse_indicators("乡村振兴示范试点扩大到15个城市")] == ["乡村振兴示范试点城市"]
    assert [i.metric for i in parse_indicators("重点领域疫苗由6种扩大到9种")] == ["重点领域疫苗", "重点领域疫苗"]


def test_time_words_inside_a_metric_are_dropped():
    (ind,) = _indicators("一、2025年工作回顾\n财政用于教育支出五年比前五年增长1.2倍。")
    assert ind.metric == "财政用于教育支出比前五年增长"
    assert _indicators("一、2025年工作回顾\n省财政五年累计补助专项资金320亿元。")[0].metric == "省财政补助专项资金"


def test_a_growth_several_quantities_share_is_one_indicator_each():
    assert [i.metric for i in parse_indicators("社会消费品零售总额、固定资产投资增长4％左右")] == [
        "社会消费品零售总额增长", "固定资产投资增长"]
    assert [i.metric for i in parse_indicators("城镇、农村居民人均可支配收入增长5％")] == [
        "城镇居民人均可支配收入增长", "农村居民人均可支配收入增长"]
    # a quoted group name closes the list: one quantity
    assert len(parse_indicators("汽车、家电、手机“以旧换新”销售额增长12％")) == 1


def test_names_keep_short_brackets_and_streaks_say_连续():
    assert parse_indicators("新（改）建农村公路1200公里")[0].metric == "新（改）建农村公路"
    assert parse_indicators("信访总量连续4年下降")[0].metric == "信访总量连续下降"
    assert parse_indicators("工业规模升至全国第9位")[0].metric == "工业规模全国排名"


def test_counts_that_are_part_of_a_name_are_no_indicators():
    assert parse_indicators("出台稳增长“21条”“18条”等政策，办好“群众最期盼的10件事”") == []
    assert parse_indicators("举办创新创业青年50人论坛") == []
    assert [i.value for i in parse_indicators("粮食生产实现“二十连丰”")] == [Decimal(20)]


def test_a_rank_after_a_value_ranks_what_the_value_measures():
    found = parse_indicators("高速公路通车里程新增300公里、突破1.2万公里、居全国第4位")
    assert [i.metric for i in found] == ["高速公路通车里程新增", "高速公路通车里程", "高速公路通车里程全国排名"]
    zones = parse_indicators("国家级开发区增至18个、居中西部第2位")
    assert zones[-1].metric == "国家级开发区数量中西部排名"
    assert [i.metric for i in parse_indicators("总量和增速均居全国第6位")] == ["总量全国排名", "增速全国排名"]


def test_a_streak_puts_连续_before_what_was_kept_up():
    assert parse_indicators("连续六年安全生产考核获评优秀等次")[0].metric == "安全生产考核连续获评优秀等次"
    assert parse_indicators("法治政府建设连续三年考核优秀")[0].metric == "法治政府建设考核连续优秀"
    assert parse_indicators("粮食产量连续五年增长")[0].metric == "粮食产量连续增长"


def test_respectively_with_one_value_gives_it_to_each_item():
    found = parse_indicators("新认定专精特新企业、单项冠军企业分别达到150家以上")
    assert [(i.metric, i.value) for i in found] == [("新认定专精特新企业", Decimal(150)),
                                                    ("单项冠军企业", Decimal(150))]


def test_the_examples_of_a_counted_object_leave_its_metric():
    assert parse_indicators("举办“乐购江城”等消费季活动1500场")[0].metric == "举办消费季活动"
    # a growth keeps what it is of
    assert parse_indicators("新能源、新材料等产业增加值增长12％")[0].metric != "产业增加值增长"


def test_a_bare_aggregate_or_share_belongs_to_the_value_before_it():
    found = parse_indicators("实施省级重点项目1200个，总投资8000亿元以上")
    assert [i.metric for i in found] == ["实施省级重点项目", "省级重点项目总投资"]
    found = parse_indicators("组建30个县域医共体、乡镇覆盖率达95%")
    assert found[-1].metric == "县域医共体乡镇覆盖率"
    found = parse_indicators("沿江经济带经济总量达到2.1万亿元、占全省比重升至43.5%")
    assert found[-1].metric == "沿江经济带经济总量占全省比重"
    # a share after a growth rate is left alone: the rate is not what the share is of
    assert parse_indicators("出口增长8％，占全国12％")[-1].metric == "占全国"


def test_a_counting_verb_phrase_is_lent_to_the_counted_items_after_it():
    found = parse_indicators("省里安排资金新建和改造320所乡镇中心小学、45所县级高中")
    assert [i.metric for i in found] == ["省里安排资金新建和改造乡镇中心小学", "省里安排资金新建和改造县级高中"]
    # the state of what the verb acts on is lent with it, and nothing the first item names for itself
    found = parse_indicators("淘汰落后焦炭产能120万吨、铸造产能45万吨")
    assert [i.metric for i in found] == ["淘汰落后焦炭产能", "淘汰落后铸造产能"]
    found = parse_indicators("新增规上工业企业500家、上云企业3000家")
    assert [i.metric for i in found] == ["新增规上工业企业", "新增上云企业"]
    # 惠及 is a verb, not a list's 及
    assert parse_indicators("发放助学金惠及3.6万名学生")[0].metric == "发放助学金惠及学生"


def test_respectively_after_a_bare_base_takes_its_list_from_the_clause_before():
    found = parse_indicators("氮氧化物、挥发性有机物排放总量首次双下降，比上年分别下降2.6％和3.1％")
    assert [i.metric for i in found] == ["氮氧化物排放总量比上年下降", "挥发性有机物排放总量比上年下降"]


def test_a_distance_or_time_bound_inside_a_name_is_no_value():
    (ind,) = parse_indicators("地铁站300米内公交接驳比例提升至88%")
    assert (ind.metric, ind.value) == ("地铁站300米内公交接驳比例", Decimal(88))
    assert parse_indicators("城镇调查失业率控制在5.5%以内")[0].value == Decimal("5.5")


def test_bare_quantities_after_a_sentence_s_first_one_are_its_topic_s():
    found = parse_indicators("全省规上文化企业营业收入增长9.2%，实现利润增长15.4%，税收增长6.1%")
    assert [i.metric for i in found] == ["规上文化企业营业收入增长", "规上文化企业实现利润增长",
                                         "规上文化企业税收增长"]
    # a quantity that names its own subject keeps it
    assert parse_indicators("全市地区生产总值增长5%，规上工业增加值增长6%")[1].metric == "规上工业增加值增长"


def test_short_names_before_a_full_one_share_its_tail():
    found = parse_indicators("南充、宜宾、德阳经济总量突破3000亿元")
    assert [i.metric for i in found] == ["南充经济总量", "宜宾经济总量", "德阳经济总量"]
    # a tail that counts the names is one name; a quoted group is one quantity
    assert len(parse_indicators("京、津、冀三地协同创新项目120个")) == 1


def test_a_list_s_examples_share_the_noun_after_等_and_the_scale_after_the_value():
    found = parse_indicators("食品饮料、新材料、清洁能源等产业集群均达到千亿元规模")
    assert [(i.metric, i.value, i.unit) for i in found] == [
        ("食品饮料产业集群规模", Decimal(1000), "亿元"), ("新材料产业集群规模", Decimal(1000), "亿元"),
        ("清洁能源产业集群规模", Decimal(1000), "亿元")]


def test_a_year_s_average_concentration_and_a_streak_span_no_five_years():
    found = _indicators("一、2025年工作回顾\nPM2.5年均浓度下降到30微克/立方米，连续五年安全生产考核获评优秀，"
                        "全市地区生产总值过去五年年均增长6％。")
    assert [(i.period, i.year) for i in found] == [(None, 2025), (None, 2025), ("2021-2025", 2025)]


@pytest.mark.parametrize(("metric", "unit", "slug"), [
    ("生产安全事故起数下降", "%", "safety-accident-reduction"),
    ("刑事案件下降", "%", "criminal-case-reduction"),
    ("全社会研发经费投入年均增长", "%", "rd-spending-growth"),
    ("建设高标准农田", "万亩", "high-standard-farmland"),
    ("改造城镇老旧小区", "个", "old-compounds-renovated"),
    ("电力总装机", "亿千瓦", "power-capacity"),
    ("新能源装机", "万千瓦", "renewable-capacity"),
    ("国家级专精特新“小巨人”企业", "家", "little-giant-enterprises"),
    ("5G基站", "万个", "5g-base-stations"),
    # none is better than a wrong one: a bare count of deaths, an increment, a share, a count in another unit
    ("死亡人数下降", "%", None),
    ("新建5G基站", "万个", None),
    ("新能源装机占比", "%", None),
    ("改造城镇老旧小区", "万户", None),
])
def test_recurring_provincial_quantities_have_concepts(metric, unit, slug):
    assert measure_of(metric, unit) == slug


def test_a_value_before_的_is_the_bar_what_is_counted_passes():
    assert [(i.metric, i.value) for i in parse_indicators("营业收入超百亿元的企业达到35家")] == [
        ("营业收入超百亿元的企业", Decimal(35))]
    # 的基础上 is no counted noun: both values stay
    assert len(parse_indicators("增长5%的基础上新增就业10万人")) == 2


def test_a_lead_over_the_country_is_the_lead_of_the_growth_before_it():
    found = parse_indicators("规上工业增加值增长8.2%、高于全国2.1个百分点")
    assert found[-1].metric == "规上工业增加值增速高于全国"
    # a level before it leads nothing by itself: left as written
    assert parse_indicators("研发投入强度2.5%，高于全国0.2个百分点")[-1].metric == "高于全国"


def test_small_wording_families():
    assert [i.metric for i in parse_indicators("新开工改造城镇老旧小区520个、城中村1.2万户")] == [
        "新开工改造城镇老旧小区", "新开工改造城中村"]
    assert parse_indicators("210项“跨省通办”事项让群众少跑腿")[0].metric == "“跨省通办”事项"
    (ind,) = parse_indicators("项目签约1200亿元")
    assert (ind.metric, ind.qualifier) == ("项目签约", None)
