"""Typed relation rules on short texts written in the genre (fictional places and firms).

Entities are placed by hand (every occurrence of a name becomes a mention, then the real resolver
merges them), so each test exercises one rule and not the entity extractors.
"""

from __future__ import annotations

import time

import pytest

from kg.extract.government import find_government
from kg.extract.relations.base import Context, issuer_names
from kg.extract.relations.cooperates import find_cooperates_with
from kg.extract.relations.hosts import find_hosts
from kg.extract.relations.implements import find_implements
from kg.extract.relations.invests import find_invests
from kg.extract.relations.located import find_located_in
from kg.extract.relations.partof import find_part_of
from kg.extract.resolve import resolve
from kg.ingest.document import parse_document
from kg.model import Mention, Span

TITLE = "2026年江北市政府工作报告\n我代表市人民政府向大会报告工作。\n"


def build(body: str, names: list[tuple[str, str]], *, title: str = TITLE, government: bool = True):
    """A document of the genre and its entities: every occurrence of each (class, name) is a mention."""
    doc = parse_document(title + body, source="t.txt")
    mentions = find_government(doc) if government else []
    for cls, name in names:
        start = doc.text.find(name)
        assert start >= 0, name
        while start >= 0:
            sent = doc.sentence_at(start)
            mentions.append(Mention(name, cls, Span(start, start + len(name)), sent.index, "test", 0.8))
            start = doc.text.find(name, start + 1)
    return doc, resolve(mentions, doc=doc)


def triples(rels) -> set[tuple[str, str, str]]:
    """(subject label, predicate, object label) of relations."""
    return {(r.subject[1], r.predicate, r.object[1]) for r in rels}


def by_triple(rels, s: str, p: str, o: str):
    """The relation with these ends."""
    return next(r for r in rels if (r.subject[1], r.predicate, r.object[1]) == (s, p, o))


AREA, ZONE, ENT, ORG, PROJ, POL, EVENT = ("AdministrativeArea", "Zone", "Enterprise", "Organization", "Project",
                                          "Policy", "Event")
ISSUER = (AREA, "江北市")


# --- locatedIn ---------------------------------------------------------------------------------------------

def test_settling_in_a_named_place() -> None:
    doc, ents = build("华星光电集团总部落户青山区，江北市新设机构120家。",
                      [(ENT, "华星光电集团"), (AREA, "青山区"), ISSUER])
    rels = find_located_in(doc, ents)
    rel = by_triple(rels, "华星光电集团", "locatedIn", "青山区")
    assert rel.extractor == "relations.locatedIn.luohu" and rel.confidence == 0.85
    assert doc.sentences[rel.sentence].text.startswith("华星光电集团总部落户青山区")


def test_settling_in_the_issuer_named_without_entity_suffix() -> None:
    doc, ents = build("华星光电集团总部落户江北，江北市新设机构120家。", [(ENT, "华星光电集团"), ISSUER])
    assert ("华星光电集团", "locatedIn", "江北市") in triples(find_located_in(doc, ents))


def test_listed_things_settling_with_no_place_go_to_the_issuer_area() -> None:
    body = "江北市引进疏解资源，云帆研究院、蓝海电力公司等落地。"
    doc, ents = build(body, [(ORG, "云帆研究院"), (ENT, "蓝海电力公司"), ISSUER])
    rels = find_located_in(doc, ents)
    assert {("云帆研究院", "locatedIn", "江北市"), ("蓝海电力公司", "locatedIn", "江北市")} <= triples(rels)
    assert by_triple(rels, "云帆研究院", "locatedIn", "江北市").extractor == "relations.locatedIn.luodi"


def test_no_place_and_no_issuer_entity_asserts_nothing() -> None:
    doc, ents = build("云帆研究院、蓝海电力公司等落地。", [(ORG, "云帆研究院"), (ENT, "蓝海电力公司")])
    assert find_located_in(doc, ents) == []


def test_zone_receiving_firms_is_not_itself_settled() -> None:
    doc, ents = build("江北市航运集聚区新落户企业300余家。", [(AREA, "江北市"), (ZONE, "航运集聚区")])
    assert not [r for r in find_located_in(doc, ents) if r.extractor in ("relations.locatedIn.luodi",
                                                                         "relations.locatedIn.luohu")]


def test_building_at_a_place() -> None:
    doc, ents = build("在青山经济技术开发区建设江北储能电站。", [(ZONE, "青山经济技术开发区"), (PROJ, "江北储能电站")])
    rel = by_triple(find_located_in(doc, ents), "江北储能电站", "locatedIn", "青山经济技术开发区")
    assert rel.extractor == "relations.locatedIn.zai"


def test_area_name_inside_a_name() -> None:
    doc, ents = build("青山区经济向好，青山智能制造产业园加快建设，江北市委统筹推进。",
                      [(ZONE, "青山智能制造产业园"), (AREA, "青山区"), (ORG, "江北市委"), ISSUER])
    # A short form (青山) counts only for an area known as a division (a code from the lexicon).
    assert ("青山智能制造产业园", "locatedIn", "青山区") not in triples(find_located_in(doc, ents))
    next(e for e in ents if e.label == "青山区").division_code = "999999"
    found = triples(find_located_in(doc, ents))
    assert ("青山智能制造产业园", "locatedIn", "青山区") in found
    assert ("江北市委", "locatedIn", "江北市") not in found  # an area's own organ


def test_project_named_after_a_zone() -> None:
    doc, ents = build("临港工业区产值突破千亿元，临港百万吨乙烯项目投产。",
                      [(ZONE, "临港工业区"), (PROJ, "临港百万吨乙烯项目")])
    assert ("临港百万吨乙烯项目", "locatedIn", "临港工业区") in triples(find_located_in(doc, ents))


def test_zones_without_a_place_lie_in_the_issuer_but_generic_and_foreign_ones_do_not() -> None:
    body = "江北市综合保税区扩区，国家级经开区考核进位，强化同京冀空港衔接。"
    doc, ents = build(body, [ISSUER, (ZONE, "综合保税区"), (ZONE, "国家级经开区"), (ZONE, "京冀空港")])
    rels = find_located_in(doc, ents)
    assert by_triple(rels, "综合保税区", "locatedIn", "江北市").confidence == 0.5
    assert not {("国家级经开区", "locatedIn", "江北市"), ("京冀空港", "locatedIn", "江北市")} & triples(rels)


# --- partOf ------------------------------------------------------------------------------------------------

def test_larger_area_written_before_smaller() -> None:
    doc, ents = build("东海省江北市青山区获评示范区。", [(AREA, "东海省"), (AREA, "江北市"), (AREA, "青山区")])
    found = triples(find_part_of(doc, ents))
    assert {("江北市", "partOf", "东海省"), ("青山区", "partOf", "江北市")} <= found
    assert ("东海省", "partOf", "江北市") not in found


def test_project_phase_is_part_of_the_project() -> None:
    doc, ents = build("江北地铁3号线通车，江北地铁3号线二期开工。",
                      [(PROJ, "江北地铁3号线"), (PROJ, "江北地铁3号线二期")])
    rel = by_triple(find_part_of(doc, ents), "江北地铁3号线二期", "partOf", "江北地铁3号线")
    assert rel.extractor == "relations.partOf.phase"


def test_town_without_parent_lies_in_issuer_but_district_is_not_guessed() -> None:
    doc, ents = build("柳河镇水利工程完工，青山区入选示范。", [(AREA, "柳河镇"), (AREA, "青山区"), ISSUER])
    found = triples(find_part_of(doc, ents))
    assert ("柳河镇", "partOf", "江北市") in found and ("青山区", "partOf", "江北市") not in found


def test_known_parent_division_gets_a_statement() -> None:
    doc, ents = build("青山区入选示范，江北市稳步发展。", [(AREA, "青山区"), ISSUER])
    district = next(e for e in ents if e.label == "青山区")
    district.parent_label = "江北市"
    rel = by_triple(find_part_of(doc, ents), "青山区", "partOf", "江北市")
    assert rel.extractor == "relations.partOf.division"


# --- cooperatesWith ----------------------------------------------------------------------------------------

def test_we_cooperate_with_an_area_as_the_issuer_area() -> None:
    doc, ents = build("深化与东海市在绿色发展等领域交流合作，江北市对外开放扩大。", [(AREA, "东海市"), ISSUER])
    assert ("江北市", "cooperatesWith", "东海市") in triples(find_cooperates_with(doc, ents))


def test_we_cooperate_with_a_firm_as_the_government() -> None:
    doc, ents = build("加强与远洋海运集团等合作。", [(ENT, "远洋海运集团")])
    assert triples(find_cooperates_with(doc, ents)) == {("江北市人民政府", "cooperatesWith", "远洋海运集团")}


def test_named_party_before_with() -> None:
    doc, ents = build("强化光谷园与东湖实验室合作。", [(ZONE, "光谷园"), (ORG, "东湖实验室")])
    assert triples(find_cooperates_with(doc, ents)) == {("光谷园", "cooperatesWith", "东湖实验室")}


def test_unnamed_party_or_no_cue_asserts_nothing() -> None:
    doc, ents = build("完善职业院校与青山产业园联动，参与东湖实验室建设，与东湖实验室相关的项目增加。",
                      [(ZONE, "青山产业园"), (ORG, "东湖实验室")])
    assert find_cooperates_with(doc, ents) == []


def test_joining_a_network() -> None:
    doc, ents = build("青山港接入全球航运数据平台。", [(ZONE, "青山港"), (ORG, "全球航运数据平台")])
    rel = by_triple(find_cooperates_with(doc, ents), "青山港", "cooperatesWith", "全球航运数据平台")
    assert rel.extractor == "relations.cooperatesWith.jieru"


# --- implements --------------------------------------------------------------------------------------------

def test_we_implement_a_policy_as_the_government() -> None:
    doc, ents = build("实施“数智江北”行动，用足用好中央一揽子政策。",
                      [(POL, "“数智江北”行动"), (POL, "中央一揽子政策")])
    rels = find_implements(doc, ents)
    assert {("江北市人民政府", "implements", "“数智江北”行动"),
            ("江北市人民政府", "implements", "中央一揽子政策")} <= triples(rels)
    assert all(r.extractor == "relations.implements.we" for r in rels)


def test_without_a_government_entity_we_assert_nothing() -> None:
    doc, ents = build("实施“数智江北”行动。", [(POL, "“数智江北”行动")], title="2026年江北市政府工作报告\n",
                      government=False)
    assert find_implements(doc, ents) == []


def test_named_actor_implements() -> None:
    doc, ents = build("青山高新区实施人才引育计划。", [(ZONE, "青山高新区"), (POL, "人才引育计划")])
    assert triples(find_implements(doc, ents)) == {("青山高新区", "implements", "人才引育计划")}


def test_passive_policies_are_the_governments() -> None:
    doc, ents = build("市对区财政体制改革稳步实施，零基预算改革加力提速。",
                      [(POL, "市对区财政体制改革"), (POL, "零基预算改革")])
    rels = find_implements(doc, ents)
    assert triples(rels) == {("江北市人民政府", "implements", "市对区财政体制改革"),
                             ("江北市人民政府", "implements", "零基预算改革")}
    assert {r.extractor for r in rels} == {"relations.implements.passive"}


def test_project_of_a_policy_programme() -> None:
    doc, ents = build("东湖艺术街区等15个城市更新项目有序推进。",
                      [(PROJ, "东湖艺术街区"), (PROJ, "城市更新项目"), (POL, "城市更新")])
    assert ("东湖艺术街区", "implements", "城市更新") in triples(find_implements(doc, ents))


def test_policy_named_after_a_zone_by_contraction() -> None:
    doc, ents = build("光谷高教科创园布局拓展，出台促进光谷园发展条例。",
                      [(ZONE, "光谷高教科创园"), (POL, "促进光谷园发展条例")])
    rel = by_triple(find_implements(doc, ents), "光谷高教科创园", "implements", "促进光谷园发展条例")
    assert rel.extractor == "relations.implements.named"


def test_policy_swallowing_its_verb_is_not_implemented() -> None:
    doc, ents = build("我们在落实政策中抓机遇。", [(POL, "落实政策")])
    assert find_implements(doc, ents) == []


# --- invests -----------------------------------------------------------------------------------------------

def test_capital_increase_into_a_zone() -> None:
    doc, ents = build("云帆发展集团增资青山京江科技城。", [(ENT, "云帆发展集团"), (ZONE, "青山京江科技城")])
    rel = by_triple(find_invests(doc, ents), "云帆发展集团", "invests", "青山京江科技城")
    assert rel.extractor == "relations.invests.verb"


def test_project_named_after_its_enterprise() -> None:
    doc, ents = build("华星智慧产业园达产，华星稳步发展。", [(PROJ, "华星智慧产业园"), (ENT, "华星")])
    assert triples(find_invests(doc, ents)) == {("华星", "invests", "华星智慧产业园")}


def test_capital_increase_with_no_target_asserts_nothing() -> None:
    doc, ents = build("诺华、东湖制药等增资扩产。", [(ENT, "诺华"), (ENT, "东湖制药")])
    assert find_invests(doc, ents) == []


# --- hosts -------------------------------------------------------------------------------------------------

def test_held_with_no_host_is_the_issuer_areas() -> None:
    doc, ents = build("江北市经济稳定，成功举办第三届长江数字经济博览会。", [ISSUER, (EVENT, "长江数字经济博览会")])
    rel = by_triple(find_hosts(doc, ents), "江北市", "hosts", "长江数字经济博览会")
    assert rel.extractor == "relations.hosts.juban"


def test_held_without_issuer_entity_asserts_nothing() -> None:
    doc, ents = build("成功举办第三届长江数字经济博览会。", [(EVENT, "长江数字经济博览会")])
    assert find_hosts(doc, ents) == []


def test_held_at_a_named_place() -> None:
    doc, ents = build("全球航运论坛在青山区举办，江北市开放扩大。", [(EVENT, "全球航运论坛"), (AREA, "青山区"), ISSUER])
    rel = by_triple(find_hosts(doc, ents), "青山区", "hosts", "全球航运论坛")
    assert rel.extractor == "relations.hosts.zai"
    assert ("江北市", "hosts", "全球航运论坛") not in triples(find_hosts(doc, ents))


def test_event_named_after_the_issuer() -> None:
    doc, ents = build("在江北市第九届人民代表大会第四次会议上，江北市报告工作。",
                      [(EVENT, "江北市第九届人民代表大会第四次会议"), ISSUER])
    assert ("江北市", "hosts", "江北市第九届人民代表大会第四次会议") in triples(find_hosts(doc, ents))


def test_event_topic_of_a_clause_naming_the_issuer_but_not_one_held_elsewhere() -> None:
    doc, ents = build("首届东湖金融论坛彰显江北金融底蕴，我市运动员在世界运动会再创佳绩。",
                      [(EVENT, "东湖金融论坛"), (EVENT, "世界运动会"), ISSUER])
    found = triples(find_hosts(doc, ents))
    assert ("江北市", "hosts", "东湖金融论坛") in found and ("江北市", "hosts", "世界运动会") not in found


def test_province_abbreviation_in_collocation() -> None:
    doc, ents = build("东方投资洽谈会在冀举办。", [(EVENT, "东方投资洽谈会"), (AREA, "河北省")],
                      title="2026年河北省政府工作报告\n")
    assert triples(find_hosts(doc, ents)) == {("河北省", "hosts", "东方投资洽谈会")}
    assert issuer_names("河北省") == ({"河北省", "河北"}, {"冀"})


# --- all families ------------------------------------------------------------------------------------------

ALL = (find_located_in, find_part_of, find_cooperates_with, find_implements, find_invests, find_hosts)


@pytest.mark.parametrize("find", ALL)
def test_relations_only_between_listed_entities_with_valid_confidence(find) -> None:
    body = ("华星光电集团总部落户青山区，江北市青山区柳河镇加快发展。实施“数智江北”行动。举办长江数字经济博览会。"
            "加强与远洋海运集团合作。云帆发展集团增资青山京江科技城。")
    names = [(ENT, "华星光电集团"), (AREA, "青山区"), ISSUER, (AREA, "柳河镇"), (POL, "“数智江北”行动"),
             (EVENT, "长江数字经济博览会"), (ENT, "远洋海运集团"), (ENT, "云帆发展集团"), (ZONE, "青山京江科技城")]
    doc, ents = build(body, names)
    keys = {(e.cls, e.label) for e in ents}
    rels = find(doc, ents)
    assert rels, find.__name__
    for rel in rels:
        assert rel.subject in keys and rel.object in keys and rel.subject != rel.object
        assert 0 < rel.confidence <= 1 and rel.extractor.startswith("relations.")
    assert len({(r.subject, r.predicate, r.object, r.sentence) for r in rels}) == len(rels)


def test_rules_are_fast_on_a_long_text() -> None:
    body = ("华星光电集团总部落户青山区，实施“数智江北”行动，举办长江数字经济博览会，加强与远洋海运集团合作。\n" * 400)
    names = [(ENT, "华星光电集团"), (AREA, "青山区"), (POL, "“数智江北”行动"), (EVENT, "长江数字经济博览会"),
             (ENT, "远洋海运集团"), ISSUER]
    doc, ents = build(body + "江北市。", names)
    started = time.perf_counter()
    for find in ALL:
        find(doc, ents)
    assert time.perf_counter() - started < 1.0
    assert Context.of(doc, ents) is Context.of(doc, ents)


