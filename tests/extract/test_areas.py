"""The areas extractor on short texts in the report genre."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document
from kg.model import Mention


@pytest.fixture(scope="module")
def areas_pipe() -> Pipeline:
    """A pipeline running only the areas component."""
    return Pipeline(["areas"])


def areas(pipe: Pipeline, body: str, issuer: str = "天津市") -> list[Mention]:
    """Area mentions in a body of text under a report title naming the issuer (the title's own left out)."""
    doc = parse_document(f"2025年{issuer}政府工作报告\n{body}", source="t.txt")
    found = pipe(doc).mentions
    for m in found:
        assert doc.text[m.span.start:m.span.end] == m.text
    return [m for m in found if m.cls == "AdministrativeArea" and m.sentence > 0]


def test_full_name_gets_code_and_parent(areas_pipe: Pipeline) -> None:
    (m,) = areas(areas_pipe, "宁河区入选全国示范。")
    assert (m.text, m.division_code, m.parent_label) == ("宁河区", "120117", "天津市")


def test_short_form_inside_a_zone_name(areas_pipe: Pipeline) -> None:
    found = areas(areas_pipe, "增资宝坻京津中关村科技城。")
    assert [(m.text, m.canonical, m.division_code) for m in found] == [("宝坻", "宝坻区", "120115")]


def test_an_autonomous_prefecture_written_with_its_kind(areas_pipe: Pipeline) -> None:
    # Official texts shorten 凉山彝族自治州 to 凉山州 and 大理白族自治州 to 大理州: the whole short form is the area.
    found = areas(areas_pipe, "支持凉山州、大理州建设生态示范区。", issuer="四川省")
    assert [(m.text, m.canonical) for m in found] == [("凉山州", "凉山彝族自治州"), ("大理州", "大理白族自治州")]


def test_single_character_jin_is_never_an_area(areas_pipe: Pipeline) -> None:
    assert areas(areas_pipe, "引客入津，在津举办论坛，驻津部队。") == []


@pytest.mark.parametrize("text", ["推进城市更新。", "培育上市企业。", "城镇调查失业率5％。", "建设国际化大都市。",
                                  "中关村发展集团落户。", "大力振兴乡村。"])
def test_common_words_are_not_areas(areas_pipe: Pipeline, text: str) -> None:
    assert areas(areas_pipe, text) == []


def test_region_references(areas_pipe: Pipeline) -> None:
    found = areas(areas_pipe, "服务首都功能，推动京津冀协同发展，深化与港澳台交流。")
    assert [m.text for m in found] == ["首都", "京津冀", "港澳台"]


def test_ambiguous_short_form_settled_by_issuer(areas_pipe: Pipeline) -> None:
    (tj,) = areas(areas_pipe, "支持滨海发展。", issuer="天津市")
    (js,) = areas(areas_pipe, "支持滨海发展。", issuer="江苏省")
    assert (tj.canonical, tj.division_code) == ("滨海新区", "120116")
    assert (js.canonical, js.division_code) == ("滨海县", "320922")


def test_distant_county_short_form_is_not_taken(areas_pipe: Pipeline) -> None:
    assert areas(areas_pipe, "支持滨海发展。", issuer="四川省") == []


def test_street_named_after_a_city(areas_pipe: Pipeline) -> None:
    assert [m.text for m in areas(areas_pipe, "泰安道5号金融中心开业。")] == []


def test_towns_by_suffix(areas_pipe: Pipeline) -> None:
    found = areas(areas_pipe, "静海区团泊镇和西青区杨柳青镇建成示范镇。")
    assert [m.text for m in found] == ["静海区", "团泊镇", "西青区", "杨柳青镇"]
    assert [m.division_code for m in found] == ["120118", None, "120111", None]


@pytest.mark.parametrize("text", ["建设美丽乡村和特色小镇。", "扶持经济薄弱村。", "推进“三区一村”更新。",
                                  "推动产业强镇建设。", "农产品出村进城。"])
def test_generic_town_words_are_not_areas(areas_pipe: Pipeline, text: str) -> None:
    assert areas(areas_pipe, text) == []


def test_full_name_opening_a_longer_token(areas_pipe: Pipeline) -> None:
    from kg.ingest.tokenize import add_user_words

    add_user_words([("京津冀协同发展", "n")])  # as the policies extractor registers it
    assert [m.text for m in areas(areas_pipe, "推动京津冀协同发展走深走实。")] == ["京津冀"]


def test_short_form_inside_a_port_name_is_not_an_area(areas_pipe: Pipeline) -> None:
    assert [m.text for m in areas(areas_pipe, "天津港集装箱吞吐量增长。")] == []


def test_place_word_with_suffix_outside_the_data(areas_pipe: Pipeline) -> None:
    found = areas(areas_pipe, "襄樊市和江东区加快发展，建设国际化大城市。")
    assert [(m.text, m.division_code) for m in found] == [("襄樊市", None), ("江东区", None)]


def test_economic_regions_named_after_a_place_word(areas_pipe: Pipeline) -> None:
    found = {m.text for m in areas(areas_pipe, "攀西经济区转型升级，关中平原城市群协同发展。", issuer="四川省")}
    assert "攀西经济区" in found


@pytest.mark.parametrize(("issuer", "body", "region"), [
    ("湖南省", "推进长株潭一体化发展。", "长株潭"),
    ("福建省", "推动厦漳泉都市圈建设。", "厦漳泉"),
    ("北京市", "推动通武廊交界地区协同发展。", "通武廊"),
])
def test_regions_named_by_one_character_of_each_city(areas_pipe: Pipeline, issuer: str, body: str,
                                                     region: str) -> None:
    assert region in {m.text for m in areas(areas_pipe, body, issuer=issuer)}


def test_listed_kinds_of_city_are_no_joined_region(areas_pipe: Pipeline) -> None:
    found = {m.text for m in areas(areas_pipe, "促进大中小城市协同发展，推动东中西部区域协调。", issuer="湖南省")}
    assert not any(len(name) in (3, 4) and name[0] in "大东" for name in found)


def test_a_village_or_town_right_after_its_county(areas_pipe: Pipeline) -> None:
    found = {m.text for m in areas(areas_pipe, "丹巴县甲居依村入选名录，郫都区友爱镇发展民宿，汶川县示范村建设加快。",
                                   issuer="四川省")}
    assert {"甲居依村", "友爱镇"} <= found
    assert "示范村" not in found
