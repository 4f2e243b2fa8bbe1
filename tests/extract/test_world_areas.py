"""Countries, world regions, region groups and excerpts without a byline: areas on short genre texts."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline) -> Pipeline:
    """Areas, world places and the events extractor whose names may hold a place.

    Made after the full pipeline, so jieba learns the user words in the order every build uses.
    """
    return Pipeline(["areas", "events", "world"])


def area_names(pipe: Pipeline, text: str) -> list[str]:
    """The area mentions of a text, in order."""
    doc = parse_document(text, source="t.txt")
    return [m.text for m in pipe(doc).mentions if m.cls == "AdministrativeArea"]


def test_countries_and_world_regions(pipe: Pipeline) -> None:
    found = area_names(pipe, "深化与新加坡、东盟和中东国家合作，拓展非洲和拉美市场，开通至莫斯科的货运航线。")
    assert found == ["新加坡", "东盟", "中东", "非洲", "拉美", "莫斯科"]


def test_china_only_where_it_stands_alone(pipe: Pipeline) -> None:
    found = area_names(pipe, "坚持中国特色社会主义道路，推进中国－东盟合作，打造“投资中国”品牌，培育中国500强企业。")
    assert found.count("中国") == 2 and "东盟" in found


def test_place_opening_an_event_name_is_left_to_the_event(pipe: Pipeline) -> None:
    assert "巴黎" not in area_names(pipe, "我市运动员在巴黎奥运会再创佳绩。")


def test_excerpt_without_byline_takes_its_home_from_the_text(pipe: Pipeline) -> None:
    text = "北京要带好头。北京推进延庆和房山发展，北京加快怀柔建设。"
    found = area_names(pipe, text)
    assert {"延庆", "房山", "怀柔"} <= set(found)
    # the same county short forms in a text about another province are not taken as distant counties
    assert "延庆" not in area_names(pipe, "四川推进延庆发展，四川加快建设，四川要带好头。")


def test_region_groups_and_county_after_its_city(pipe: Pipeline) -> None:
    found = area_names(pipe, "推进建设成都都市圈和成渝现代化城市群，支持上海浦东新区打造引领区。")
    assert "成都都市圈" in found and "成渝现代化城市群" in found and "上海浦东新区" in found


def test_a_street_named_after_a_city_is_no_area(pipe: Pipeline) -> None:
    found = area_names(pipe, "上海推进南京东路和淮海中路商圈升级，上海加快建设，上海要带好头。")
    assert "南京" not in found


def test_an_excerpt_naming_its_cities_takes_their_province_as_home(pipe: Pipeline) -> None:
    found = area_names(pipe, "成都加快建设，绵阳稳步发展，成都都市圈扩容，打通若尔盖的旅游通道。")
    assert "若尔盖" in found
