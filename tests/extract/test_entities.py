"""Entity extractors on small texts in the report genre (fictional names, no sample sentences)."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document

HEADER = "2026年江北市政府工作报告\n一、2025年工作回顾\n"


@pytest.fixture(scope="module")
def run():
    pipe = Pipeline(model="none")  # the rules alone: the learned layer is tested in tests/eval/test_mention_model.py

    def extract(body: str):
        doc = parse_document(HEADER + body, source="江北市.txt")
        result = pipe(doc)
        for m in result.mentions:
            assert doc.text[m.span.start:m.span.end] == m.text
        return result

    return extract


def names(result, cls: str) -> set[str]:
    return {e.label for e in result.entities if e.cls == cls}


def all_names(result, cls: str) -> set[str]:
    return {n for e in result.entities if e.cls == cls for n in (e.label, *e.aliases)}


def test_enterprise_suffix_and_leading_verb(run):
    result = run("推动星海电子集团扩大产能，引进蓝鲸控股有限公司。")
    assert {"星海电子集团", "蓝鲸控股有限公司"} <= names(result, "Enterprise")


def test_soe_short_form_resolves_to_its_full_name(run):
    result = run("国网、华能等央企深化布局，中海油深水项目投产。")
    ents = {e.label: e for e in result.entities if e.cls == "Enterprise"}
    assert "国家电网" in ents and "国网" in ents["国家电网"].aliases
    assert "中国海洋石油集团" in ents


def test_bare_enterprises_from_a_list_with_an_enterprise_verb(run):
    result = run("青禾科仪、蓝溪、KXL等增资扩产，江北经济持续向好。")
    assert {"青禾科仪", "蓝溪", "KXL"} <= names(result, "Enterprise")


def test_project_list_items_take_the_class_of_the_head_noun(run):
    result = run("启明光电超薄玻璃、远航重工海上平台等项目加快推进。")
    assert {"启明光电超薄玻璃", "远航重工海上平台"} <= names(result, "Project")


def test_new_campuses_in_a_list_are_projects_not_institutions(run):
    result = run("加快建设江北理工大学南湖校区等市属高校新校区。")
    assert "江北理工大学南湖校区" in names(result, "Project")
    assert "江北理工大学南湖校区" not in names(result, "Organization")


def test_brand_plus_industry_word_behind_a_project(run):
    result = run("启明光电超薄玻璃等项目加快推进。")
    assert "启明光电" in names(result, "Enterprise")


def test_an_everyday_noun_or_a_world_region_is_no_brand(run):
    result = run("支持经济技术开发区升级，建设东盟信息港，启明光电超薄玻璃等项目加快推进。")
    found = names(result, "Enterprise")
    assert "启明光电" in found and not found & {"经济技术", "东盟信息"}


def test_project_phases_and_counts(run):
    result = run("地铁7号线二期、滨江大道北段建成通车，12个项目开工，新梅湖公园三期开放。")
    projects = names(result, "Project")
    assert {"地铁7号线二期", "新梅湖公园三期"} <= projects
    assert not any(p.startswith("12个") or p == "项目" for p in projects)


def test_quoted_slogans_are_policies_but_figures_of_speech_are_not(run):
    result = run("实施“三链融合”行动，筑牢安全“护城河”，打好政策“组合拳”，粮食生产“十连丰”，入选“全国文明城市”。")
    policies = all_names(result, "Policy")
    assert "“三链融合”行动" in policies or "“三链融合”" in policies
    assert not {"“护城河”", "“组合拳”", "“十连丰”", "“全国文明城市”"} & policies


def test_generic_policy_words_name_no_policy(run):
    result = run("落实重大政策，深化重点改革，推进江北市营商环境条例立法。")
    policies = names(result, "Policy")
    assert "江北市营商环境条例" in policies
    assert not {"重大政策", "重点改革"} & policies


def test_campaigns_and_censuses(run):
    result = run("建设法治江北、平安江北，完成第五次全国经济普查。")
    assert {"法治江北", "平安江北", "第五次全国经济普查"} <= names(result, "Policy")


def test_local_bodies_belong_to_the_issuer(run):
    result = run("在市委坚强领导下，市政府认真执行市人大决议。")
    orgs = {e.label: e for e in result.entities if e.cls == "Organization"}
    assert {"江北市委", "江北市人民政府", "江北市人大"} <= set(orgs)
    assert "市政府" in orgs["江北市人民政府"].aliases


def test_organizations_by_suffix_lexicon_and_team(run):
    result = run("组建江北量子信息研究院，与联合国合作，江北女排夺得冠军。")
    orgs = all_names(result, "Organization")
    assert "江北量子信息研究院" in orgs
    assert "联合国" in orgs


def test_events_suffix_and_party_congress(run):
    result = run("深入学习党的二十大和二十届四中全会精神，举办第五届长江数字经济博览会。")
    events = names(result, "Event")
    assert {"党的二十大", "二十届四中全会"} <= events
    assert any(e.endswith("长江数字经济博览会") for e in events)


def test_industries_lexicon_suffix_and_scope(run):
    result = run("培育集成电路、低空经济等产业，获评国家级先进制造业集群，大力发展银发经济。")
    industries = names(result, "Industry")
    assert {"集成电路", "低空经济", "银发经济"} <= industries
    assert not any(i.startswith(("国家级", "大力", "发展")) for i in industries)


def test_a_suffix_inside_a_longer_name_is_not_a_mention(run):
    result = run("举办中国海洋装备产业博览会。")
    assert "中国海洋装备产业" not in names(result, "Industry")
    assert "中国海洋装备产业博览会" in names(result, "Event")


def test_zone_types_and_generic_parks(run):
    result = run("推进自贸试验区提升行动，青山经济技术开发区扩区，建设5个产业园区。")
    zones = names(result, "Zone")
    assert {"自贸试验区", "青山经济技术开发区"} <= zones
    assert "产业园区" not in zones


def test_kinds_of_bank_are_not_enterprises(run):
    result = run("处置国有商业银行不良资产，发展村镇银行，支持南湖农村商业银行上市。")
    found = names(result, "Enterprise")
    assert "国有商业银行" not in found and "村镇银行" not in found
    assert "南湖农村商业银行" in found


def test_a_kind_of_bank_after_a_place_word_is_no_enterprise(run):
    result = run("完善中央银行政策工具，将城市信用社改组为城市商业银行，"
                 "推动农村商业银行改革，支持江城农村商业银行上市。")
    found = names(result, "Enterprise")
    assert not found & {"中央银行", "城市商业银行", "农村商业银行"}
    assert "江城农村商业银行" in found
