"""kg:implements: who carries out a strategy named after a region or set up as a zone for it, and what is not
carried out (a campaign's results, laws in general)."""

from __future__ import annotations

from kg.extract.relations.implements import find_implements
from tests.extract.test_relations import build, by_triple, triples

NATIONAL = "2024年政府工作报告\n国务院总理\n各位代表：现在，我代表国务院，向大会报告政府工作。\n"


def test_a_national_strategy_named_after_a_region_is_carried_out_there_and_by_the_nation() -> None:
    body = "深入实施西江大开发、北岭全面振兴等战略。促进中原地区崛起。对口支援南疆地区。\n"
    doc, ents = build(body, [("AdministrativeArea", "西江"), ("Policy", "西江大开发"),
                             ("AdministrativeArea", "北岭"), ("Policy", "北岭全面振兴"),
                             ("AdministrativeArea", "中原地区"), ("Policy", "促进中原地区崛起"),
                             ("AdministrativeArea", "南疆地区"), ("Policy", "对口支援南疆地区")],
                      title=NATIONAL, government=False)
    found = triples(find_implements(doc, ents))
    assert {("西江", "implements", "西江大开发"), ("北岭", "implements", "北岭全面振兴"),
            ("中原地区", "implements", "促进中原地区崛起")} <= found
    assert ("中华人民共和国", "implements", "西江大开发") in found  # the nation keeps its own claim
    assert ("南疆地区", "implements", "对口支援南疆地区") not in found  # aimed at the area from outside
    rel = by_triple(find_implements(doc, ents), "西江", "implements", "西江大开发")
    assert rel.extractor == "relations.implements.region" and rel.confidence == 0.65


def test_a_railway_named_by_the_city_it_runs_to_is_no_strategy_of_that_city() -> None:
    body = "青山——白河线原计划在明年全线通车，白河港口建设规划如期完成。\n"
    doc, ents = build(body, [("AdministrativeArea", "白河"), ("Policy", "白河线原计划"),
                             ("Policy", "白河港口建设规划")],
                      title=NATIONAL, government=False)
    found = triples(find_implements(doc, ents))
    assert ("白河", "implements", "白河港口建设规划") in found
    assert not any(o == "白河线原计划" and s == "白河" for s, _, o in found)


def test_a_plan_named_after_a_zone_bearing_a_citys_name_is_the_zones_not_the_citys() -> None:
    body = "编制好新一轮白河航空港区高质量发展规划。出台白河新区条例。\n"
    doc, ents = build(body, [("AdministrativeArea", "白河"), ("Zone", "白河航空港区"),
                             ("Policy", "白河航空港区高质量发展规划"), ("Policy", "白河新区条例")],
                      title=NATIONAL, government=False)
    found = triples(find_implements(doc, ents))
    assert ("白河航空港区", "implements", "白河航空港区高质量发展规划") in found
    assert ("白河", "implements", "白河航空港区高质量发展规划") not in found
    assert ("白河", "implements", "白河新区条例") in found


def test_a_clause_taken_for_a_strategy_name_is_no_strategy_of_the_place_it_opens_with() -> None:
    body = "白河市和青山高新区列入国家低碳试点。\n"
    doc, ents = build(body, [("AdministrativeArea", "白河市"), ("Policy", "白河市和青山高新区列入国家低碳试点")],
                      title=NATIONAL, government=False)
    assert not any(s == "白河市" for s, _, _ in triples(find_implements(doc, ents)))


def test_a_local_report_gives_region_named_strategies_only_to_its_own_divisions() -> None:
    body = "出台新一批浦江新区法规。推进江淮地区双城经济圈建设。推广“浦江经验”。弘扬“浦江110”事迹。\n"
    doc, ents = build(body, [("AdministrativeArea", "浦江新区"), ("Policy", "浦江新区法规"),
                             ("Policy", "“浦江经验”"), ("Policy", "“浦江110”"),
                             ("AdministrativeArea", "江淮地区"), ("Policy", "江淮地区双城经济圈建设")],
                      government=False)
    issuer = next(e for e in ents if e.label == "江北市")
    issuer.division_code = "330100"
    district = next(e for e in ents if e.label == "浦江新区")
    district.division_code = "330115"
    found = triples(find_implements(doc, ents))
    assert ("浦江新区", "implements", "浦江新区法规") in found
    assert not {("浦江新区", "implements", "“浦江经验”"), ("浦江新区", "implements", "“浦江110”")} & found
    assert ("江北市", "implements", "江淮地区双城经济圈建设") in found
    assert not any(s == "江淮地区" for s, _, _ in found)  # a wider region: the report speaks for its own part


def test_a_zone_set_up_for_a_policy_carries_it_out() -> None:
    body = "深入实施“数智+”行动，建好用好国家“数智+”农业领域中试基地。建设美丽江北先行区。\n"
    doc, ents = build(body, [("Policy", "“数智+”行动"), ("Organization", "国家“数智+”农业领域中试基地"),
                             ("Policy", "美丽江北"), ("Zone", "美丽江北先行区")], government=False)
    rels = find_implements(doc, ents)
    found = triples(rels)
    assert {("国家“数智+”农业领域中试基地", "implements", "“数智+”行动"),
            ("美丽江北先行区", "implements", "美丽江北")} <= found
    assert by_triple(rels, "美丽江北先行区", "implements", "美丽江北").extractor == "relations.implements.carrier"


def test_a_national_reports_zone_strategy_stays_the_nations_too_but_a_local_ones_is_the_zones() -> None:
    body = "深入实施自贸试验区提升战略。\n"
    names = [("Zone", "自贸试验区"), ("Policy", "自贸试验区提升战略")]
    doc, ents = build(body, names, title=NATIONAL, government=False)
    assert ("中华人民共和国", "implements", "自贸试验区提升战略") in triples(find_implements(doc, ents))
    doc, ents = build(body, names, government=False)
    assert ("江北市", "implements", "自贸试验区提升战略") not in triples(find_implements(doc, ents))


def test_a_body_the_report_assists_acts_itself() -> None:
    doc, ents = build("配合市人大及其常委会出台新一批南湾条例。\n",
                      [("Organization", "市人大"), ("Policy", "南湾条例")], government=False)
    assert triples(find_implements(doc, ents)) == {("市人大", "implements", "南湾条例")}


def test_results_kept_up_laws_in_general_and_a_policy_naming_a_pilot_county_are_not_carried_out() -> None:
    body = "巩固拓展脱贫攻坚成果。实施好养老服务相关法律法规。推进健康江北高质量发展试验县建设。\n"
    doc, ents = build(body, [("Policy", "脱贫攻坚"), ("Policy", "法律法规"), ("Policy", "健康江北")],
                      government=False)
    assert find_implements(doc, ents) == []


def test_a_region_named_strategy_is_a_strategy_not_a_brand_nor_a_lakes_basin() -> None:
    body = "青湖市经济向好。实施新一轮青湖流域水环境综合治理行动。推广“青湖三件套”。\n"
    doc, ents = build(body, [("AdministrativeArea", "青湖市"), ("Policy", "青湖流域水环境综合治理行动"),
                             ("Policy", "“青湖三件套”")], title=NATIONAL, government=False)
    assert not any(s == "青湖市" for s, _, _ in triples(find_implements(doc, ents)))


def test_a_zone_named_in_full_owns_a_plan_not_a_zone_read_as_its_contraction() -> None:
    doc, ents = build("编制好新一轮南湾航空港区高质量发展规划。建设航空港国家级零碳园区。\n",
                      [("Zone", "南湾航空港区"), ("Zone", "航空港国家级零碳园区"),
                       ("Policy", "南湾航空港区高质量发展规划")], government=False)
    found = triples(find_implements(doc, ents))
    assert ("南湾航空港区", "implements", "南湾航空港区高质量发展规划") in found
    assert not any(s == "航空港国家级零碳园区" for s, _, _ in found)


def test_quoted_problems_ideas_and_principles_held_to_are_not_carried_out() -> None:
    body = ("坚持把解决好“三农”问题作为重中之重。聚焦缓解群众“看病难、看病贵”现象。推动“健康第一”教育理念落地。"
            "坚持“科技与法治”两手并用。实施“江北优品”行动。\n")
    doc, ents = build(body, [("Policy", "“三农”"), ("Policy", "“看病难、看病贵”"), ("Policy", "“健康第一”"),
                             ("Policy", "“科技与法治”"), ("Policy", "“江北优品”行动")], government=False)
    assert triples(find_implements(doc, ents)) == {("江北市", "implements", "“江北优品”行动")}


def test_a_plan_said_to_close_was_carried_out_and_a_quoted_product_was_not() -> None:
    body = "2025年是“十四五”规划收官之年。国企改革深化提升行动圆满收官。扩大“多日游”产品供给。\n"
    doc, ents = build(body, [("Policy", "“十四五”规划"), ("Policy", "国企改革深化提升行动"), ("Policy", "“多日游”")],
                      government=False)
    rels = find_implements(doc, ents)
    assert triples(rels) == {("江北市", "implements", "“十四五”规划"), ("江北市", "implements", "国企改革深化提升行动")}
    assert {r.extractor for r in rels} == {"relations.implements.passive"}


def test_a_quoted_kind_of_competition_countries_a_walking_time_or_bodies_elected_is_no_measure() -> None:
    body = "深度参与整治“内卷式”竞争。聚焦“一带一路”国家开拓市场。推进“15分钟”就业服务圈建设。完成村“两委”换届。\n"
    doc, ents = build(body, [("Policy", "“内卷式”"), ("Policy", "“一带一路”"), ("Policy", "“15分钟”"),
                             ("Policy", "“两委”")],
                      government=False)
    assert find_implements(doc, ents) == []


def test_a_body_owns_only_its_reforms_and_plans_not_a_system_named_after_it() -> None:
    body = "深化江北航运交易所体制改革。推进“1+2”国家实验室体系建设。\n"
    doc, ents = build(body, [("Organization", "江北航运交易所"), ("Policy", "江北航运交易所体制改革"),
                             ("Organization", "“1+2”国家实验室"), ("Policy", "“1+2”国家实验室体系")],
                      government=False)
    found = triples(find_implements(doc, ents))
    assert ("江北航运交易所", "implements", "江北航运交易所体制改革") in found
    assert not any(s == "“1+2”国家实验室" for s, _, _ in found)


def test_a_plan_used_as_a_verb_and_a_name_qualifying_a_quoted_one_are_not_carried_out() -> None:
    body = "推动轨道交通M9线规划建设。用好地方政府专项债“自审自发”机制。\n"
    doc, ents = build(body, [("Policy", "轨道交通M9线规划"), ("Policy", "专项债"), ("Policy", "“自审自发”机制")],
                      government=False)
    assert triples(find_implements(doc, ents)) == {("江北市", "implements", "“自审自发”机制")}


def test_a_joint_programme_named_by_two_provinces_is_carried_out_by_the_other_one_too() -> None:
    body = "浙江省实施帮扶项目781个，浙川东西部协作取得新成效。京津冀协同发展走深走实，北京经济向好。\n"
    doc, ents = build(body, [("AdministrativeArea", "浙江省"), ("Policy", "浙川东西部协作"),
                             ("AdministrativeArea", "北京"), ("Policy", "京津冀协同发展")],
                      title="2026年四川省政府工作报告\n", government=False)
    found = triples(find_implements(doc, ents))
    assert ("浙江省", "implements", "浙川东西部协作") in found
    assert ("北京", "implements", "京津冀协同发展") not in found  # a region of three is an area of its own


def test_party_loyalty_slogans_are_not_carried_out() -> None:
    body = "坚决做到“两个维护”，坚持和落实“两个毫不动摇”，实施“数智江北”行动。\n"
    doc, ents = build(body, [("Policy", "“两个维护”"), ("Policy", "“两个毫不动摇”"), ("Policy", "“数智江北”行动")],
                      government=False)
    assert triples(find_implements(doc, ents)) == {("江北市", "implements", "“数智江北”行动")}


def test_support_given_to_a_named_city_is_not_that_citys_strategy() -> None:
    body = "加大对北湖、南湾副中心城市发展政策支持。\n"
    doc, ents = build(body, [("AdministrativeArea", "南湾"), ("Policy", "南湾副中心城市发展政策")],
                      title=NATIONAL, government=False)
    assert not any(s == "南湾" for s, _, _ in triples(find_implements(doc, ents)))
