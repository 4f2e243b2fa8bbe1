"""Zones, organizations and list classes on short genre texts: town and corridor suffixes, kinds of platforms."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline) -> Pipeline:
    """Every component, as a build runs them."""
    return pipeline


def classes(pipe: Pipeline, text: str) -> dict[str, str]:
    """Mention text → class for a text."""
    doc = parse_document(text, source="t.txt")
    return {m.text: m.cls for m in pipe(doc).mentions}


def test_science_towns_corridors_and_pilot_areas_are_zones(pipe: Pipeline) -> None:
    text = "建设青山科学城和江北大学城，打造沿江产业创新带、江北人才科创走廊和数字贸易先行区，提升滨湖旅游度假区。"
    found = classes(pipe, text)
    for name in ("青山科学城", "江北大学城", "沿江产业创新带", "江北人才科创走廊", "数字贸易先行区", "滨湖旅游度假区"):
        assert found.get(name) == "Zone", name


def test_kinds_of_organizations_are_not_names(pipe: Pipeline) -> None:
    found = classes(pipe, "建设高水平研究型大学，引进外资研发中心，新建省重点实验室，江北大学附属医院投入使用。")
    assert "高水平研究型大学" not in found and "外资研发中心" not in found and "省重点实验室" not in found
    assert found.get("江北大学附属医院") == "Organization"


def test_events_called_platforms_stay_events(pipe: Pipeline) -> None:
    found = classes(pipe, "用好江北数字经济博览会、青山论坛等开放平台，提升概念验证、中试孵化等平台服务能力。")
    assert found.get("江北数字经济博览会") == "Event" and found.get("青山论坛") == "Event"
    assert "概念验证" not in found and "中试孵化" not in found


def test_kinds_of_projects_and_clause_items_are_not_projects(pipe: Pipeline) -> None:
    text = "推进“十五五”重大项目和央属标志性项目，建设爱国主义教育基地。青山铁路和江北炼油厂等项目建成投产。"
    found = classes(pipe, text)
    assert not any(name.endswith(("重大项目", "标志性项目", "教育基地")) for name in found)
    assert "青山铁路和江北炼油厂" not in found


def test_large_listed_companies_without_a_suffix(pipe: Pipeline) -> None:
    found = classes(pipe, "支持赛力斯、宁德时代扩大产能，引进DeepSeek等人工智能企业。")
    assert found.get("赛力斯") == "Enterprise" and found.get("DeepSeek") == "Enterprise"


def test_a_system_in_a_figure_of_speech_is_no_policy(pipe: Pipeline) -> None:
    found = classes(pipe, "把权力关进制度的笼子，建立城乡居民大病保险制度。")
    assert "权力关进制度" not in found and found.get("城乡居民大病保险制度") == "Policy"


def test_listed_kinds_of_activity_are_not_events(pipe: Pipeline) -> None:
    found = classes(pipe, "打击商业欺诈、盗版侵权等违法活动。办好“江北购物节”、青山国际花卉节等活动。")
    assert "商业欺诈" not in found and "盗版侵权" not in found
    assert found.get("青山国际花卉节") == "Event"


def test_quoted_districts_people_s_organisations_and_line_extensions(pipe: Pipeline) -> None:
    text = "提升“智谷空间”功能，支持工会、残联等群团组织，加快地铁9号线东延伸和江北陆海新通道建设，开行中欧班列。"
    found = classes(pipe, text)
    assert found.get("“智谷空间”") == "Zone"
    assert found.get("工会") == "Organization" and found.get("残联") == "Organization"
    assert found.get("地铁9号线东延伸") == "Project" and found.get("中欧班列") == "Project"


def test_short_generic_items_listed_with_organisations_are_not_organisations(pipe: Pipeline) -> None:
    found = classes(pipe, "支持工会、残联、文艺、慈善等工作。")
    assert found.get("工会") == "Organization" and "文艺" not in found and "慈善" not in found


def test_campuses_bonded_zones_and_quoted_awards(pipe: Pipeline) -> None:
    found = classes(pipe, "建设江北大学青山校区和市属高校新校区，提升综保区能级，获“绿色家园”范例奖。")
    assert found.get("江北大学青山校区") == "Project" and "市属高校新校区" not in found
    assert found.get("综保区") == "Zone" and "“绿色家园”" not in found


def test_abbreviated_expos_games_and_party_congresses_are_events(pipe: Pipeline) -> None:
    found = classes(pipe, "成功举办江北世博会和残奥会，召开省第十三次党代会，深入贯彻党的二十大和二十届历次全会精神。")
    for name in ("江北世博会", "残奥会", "省第十三次党代会", "二十届历次全会"):
        assert found.get(name) == "Event", name


def test_a_line_keeps_its_second_track_and_its_section_between_two_places() -> None:
    text = "兰州铁路复线贯通，江北铁路青山至滨湖段通车，地铁9号线江北至青山段建成，发展线上经济。"
    found = classes(Pipeline(["projects"]), text)
    assert found.get("兰州铁路复线") == "Project"
    assert found.get("江北铁路青山至滨湖段") == "Project" and found.get("地铁9号线江北至青山段") == "Project"


def test_hub_and_training_centres_are_projects_and_research_centres_bodies() -> None:
    text = "加快建设合肥中欧班列集结中心，建设江北多式联运中心和江北冬季运动训练中心，支持江北大学科技创新中心。"
    found = classes(Pipeline(["projects", "organizations"]), text)
    assert found.get("合肥中欧班列集结中心") == "Project" and found.get("江北多式联运中心") == "Project"
    assert found.get("江北冬季运动训练中心") == "Project" and found.get("江北大学科技创新中心") == "Organization"


def test_science_parks_by_name_but_not_the_kind_university_science_park() -> None:
    text = "提升江北新区中关村科技园，创建国家大学科技园，优化重塑大学科技园，支持青山-滨湖科技园。"
    found = classes(Pipeline(["zones"]), text)
    assert found.get("江北新区中关村科技园") == "Zone" and found.get("青山-滨湖科技园") == "Zone"
    assert not any(name.endswith("大学科技园") for name in found)


def test_science_towns_without_a_proper_noun_and_pilot_zones(pipe: Pipeline) -> None:
    found = classes(pipe, "加速前沿科学城建设，推进国家海洋科技创新港和国家数字文化创新实验区建设，打造高水平大学城。")
    for name in ("前沿科学城", "国家海洋科技创新港", "国家数字文化创新实验区"):
        assert found.get(name) == "Zone", name
    assert "高水平大学城" not in found


def test_parks_and_blocks_named_only_by_kind_are_not_zones(pipe: Pipeline) -> None:
    found = classes(pipe, "提升文化产业园区品质，打造城市活力片区，建设数据产业集聚区和临港物流园区。")
    for name in ("文化产业园区", "城市活力片区", "数据产业集聚区"):
        assert found.get(name) != "Zone", name
    assert found.get("临港物流园区") == "Zone"


def test_hospitals_by_proper_noun_and_the_titles_they_hold(pipe: Pipeline) -> None:
    found = classes(pipe, "支持协和医院发展，建成华山医院国家区域医疗中心，深化公立医院改革，建设智慧医院。")
    assert found.get("协和医院") == "Organization"
    assert found.get("华山医院") == "Organization"
    for name in ("华山医院国家区域医疗中心", "公立医院", "智慧医院", "华山"):
        assert found.get(name) != "Organization", name
    assert found.get("华山") != "AdministrativeArea"


def test_a_secondary_city_centre_is_an_area_not_a_body(pipe: Pipeline) -> None:
    found = classes(pipe, "高质量建设天津城市副中心，培育省域经济副中心。")
    assert found.get("天津城市副中心") == "AdministrativeArea"
    assert found.get("省域经济副中心") != "Organization"


def test_a_listed_name_does_not_take_in_what_the_clause_says_of_it(pipe: Pipeline) -> None:
    found = classes(pipe, "推动南山大学城、北湖高教园高质量发展。")
    assert found.get("北湖高教园") == "Zone"
    assert "北湖高教园高质量发展" not in found


def test_a_long_research_centre_keeps_its_university(pipe: Pipeline) -> None:
    found = classes(pipe, "建设南湖大学长江流域生态环境智能监测研究中心。")
    assert found.get("南湖大学长江流域生态环境智能监测研究中心") == "Organization"


def test_a_listed_line_ends_before_its_completion_verbs(pipe: Pipeline) -> None:
    found = classes(pipe, "推动宁滁城际、南京都市圈环线交工投用。")
    assert found.get("南京都市圈环线") == "Project"


def test_listed_shopping_districts_are_zones(pipe: Pipeline) -> None:
    found = classes(pipe, "推进解放碑、观音桥、三峡广场等重点商圈改造提升。")
    for name in ("解放碑", "观音桥", "三峡广场"):
        assert found.get(name) == "Zone", name


def test_the_party_the_cppcc_and_the_social_security_fund_are_bodies(pipe: Pipeline) -> None:
    found = classes(pipe, "在中国共产党领导下，接受人民政协的民主监督，全国社会保障基金规模扩大。")
    for name in ("中国共产党", "人民政协", "全国社会保障基金"):
        assert found.get(name) == "Organization", name


def test_exchanges_named_by_what_they_trade_and_where_companies_list(pipe: Pipeline) -> None:
    text = "支持江北农村产权交易所和国际能源交易所发展，推动企业在境内外证券交易所上市，建设数据交易所。"
    found = classes(pipe, text)
    assert found.get("国际能源交易所") == "Organization"
    assert "境内外证券交易所" not in found and "数据交易所" not in found
    assert found.get("交易所") != "Enterprise"


def test_levels_of_centres_and_insurance_funds_are_kinds_not_bodies(pipe: Pipeline) -> None:
    found = classes(pipe, "建设省级工业设计中心和县级综合医院，加强医保基金监管，支持南湖工业设计中心发展。")
    for name in ("省级工业设计中心", "县级综合医院", "医保基金"):
        assert found.get(name) != "Organization", name
    assert found.get("南湖工业设计中心") == "Organization"
