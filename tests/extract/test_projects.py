"""Projects on short genre texts: rail lines named after their network, landmarks and campuses."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline) -> Pipeline:
    """Every component, as a build runs them."""
    return pipeline


def projects(pipe: Pipeline, text: str) -> set[str]:
    """Names of the Project entities of a text."""
    return {e.label for e in pipe(parse_document(text, source="t.txt")).entities if e.cls == "Project"}


def test_rail_lines_named_after_their_network_without_a_number(pipe: Pipeline) -> None:
    found = projects(pipe, "推动轨道交通K7线建设，开通市域铁路滨湖线，规划城际铁路骨干线。")
    assert {"轨道交通K7线", "市域铁路滨湖线"} <= found
    assert not any("骨干线" in name for name in found)


def test_a_works_project_on_a_line_starts_with_the_network(pipe: Pipeline) -> None:
    found = projects(pipe, "完成市郊铁路东山线南湖新城至西岭段整体提升工程。")
    assert "市郊铁路东山线南湖新城至西岭段整体提升工程" in found
    assert "铁路东山线南湖新城至西岭段整体提升工程" not in found


def test_landmarks_gate_towers_old_roads_temples_and_ring_roads(pipe: Pipeline) -> None:
    found = projects(pipe, "推进德胜门城楼修缮，提升西山古道和灵隐寺保护水平，建成二环路绿化带，贯通沿江滨水步道。")
    assert {"德胜门城楼", "西山古道", "灵隐寺", "二环路"} <= found


def test_museum_clusters_and_new_sites_are_whole(pipe: Pipeline) -> None:
    found = projects(pipe, "推进东城考古博物馆群建设，市急救中心新址建成投用。")
    assert {"东城考古博物馆群", "市急救中心新址"} <= found
    assert "东城考古博物馆" not in found


def test_a_campus_takes_in_the_short_name_of_its_institution(pipe: Pipeline) -> None:
    found = projects(pipe, "今年，儿研所滨江院区基本完工。")
    assert "儿研所滨江院区" in found
    assert "滨江院区" not in found


def test_lines_named_by_the_short_forms_of_the_places_they_join(pipe: Pipeline) -> None:
    found = projects(pipe, "渝贵铁路、宁合高铁、杭甬高速等通道加快建设。")
    assert {"渝贵铁路", "宁合高铁", "杭甬高速"} <= found


def test_a_kind_of_works_between_a_programme_and_its_project(pipe: Pipeline) -> None:
    found = projects(pipe, "南向出海通道东线重点工程黔桂铁路开通运营。")
    assert "黔桂铁路" in found
    assert not any(name.endswith("重点工程黔桂铁路") for name in found)


def test_airports_and_large_research_facilities(pipe: Pipeline) -> None:
    found = projects(pipe, "双流国际机场扩建，稳态强磁场大科学装置获批建设，布局一批国家大科学装置。")
    assert {"双流国际机场", "稳态强磁场大科学装置"} <= found
    assert "国家大科学装置" not in found


def test_a_place_without_a_line_is_no_project(pipe: Pipeline) -> None:
    assert not any("不通" in name for name in projects(pipe, "结束了黔东南不通铁路的历史。"))


def test_oil_and_gas_fields_are_projects(pipe: Pipeline) -> None:
    assert {"大港油田", "靖边气田"} <= projects(pipe, "大港油田稳产，靖边气田投产。")


def test_partner_parks_agricultural_parks_and_city_hubs_are_zones(pipe: Pipeline) -> None:
    doc = parse_document("推动苏宿产业园建设，建设崇明现代农业产业园，打造宁波国际航运枢纽，建设联想智慧产业园。",
                         source="t.txt")
    found = {e.label: e.cls for e in pipe(doc).entities}
    for name in ("苏宿产业园", "崇明现代农业产业园", "宁波国际航运枢纽"):
        assert found.get(name) == "Zone", name
    assert found.get("联想智慧产业园") == "Project"


def test_named_theatres_galleries_and_halls_are_projects(pipe: Pipeline) -> None:
    found = projects(pipe, "建成江北大剧院，推进滨江美术馆和青山体育馆建设，提升县级图书馆服务。")
    assert {"江北大剧院", "滨江美术馆", "青山体育馆"} <= found
    assert not any("图书馆" in name for name in found)


def test_words_of_progress_do_not_open_a_project_or_zone(pipe: Pipeline) -> None:
    doc = parse_document("新开工棚户区改造安置工程3万套，力争临江至远山高铁建成通车，高水平共建江海联运铁路，"
                         "新创建江口临港物流园区。", source="t.txt")
    names = {e.label for e in pipe(doc).entities if e.cls in ("Project", "Zone")}
    assert {"临江至远山高铁", "江海联运铁路", "江口临港物流园区"} <= names
    assert not any(n.startswith(("新开工", "力争", "高水平共建", "新创建")) for n in names)


def test_a_kind_of_line_or_of_works_names_no_project(pipe: Pipeline) -> None:
    found = projects(pipe, "高速铁路运营里程突破2000公里，推动文化惠民项目和外商投资项目落地，建成临江至远山高铁。")
    assert "临江至远山高铁" in found
    assert not found & {"高速铁路", "文化惠民项目", "外商投资项目"}
