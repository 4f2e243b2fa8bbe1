"""The industries extractor: short sector names, national sector lexicons, list items on short genre texts."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline) -> Pipeline:
    """Industries and list coordination.

    Made after the full pipeline, so jieba learns the user words in the order every build uses.
    """
    return Pipeline(["industries", "coordination"])


def industries(pipe: Pipeline, text: str) -> list[str]:
    """The industry mentions of a text, in order."""
    doc = parse_document(text, source="t.txt")
    return [m.text for m in pipe(doc).mentions if m.cls == "Industry"]


def test_short_sector_names(pipe: Pipeline) -> None:
    found = industries(pipe, "大力发展数字贸易和赛事经济，培育跨境物流，发展现代设施农业。")
    assert {"数字贸易", "赛事经济", "跨境物流", "现代设施农业"} <= set(found)


def test_generic_and_modifying_short_names_are_not_sectors(pipe: Pipeline) -> None:
    text = "服务实体经济，扩大对外贸易，贯彻中央经济工作会议精神，建设科技金融路演中心，防范金融风险。"
    found = industries(pipe, text)
    assert found == []


def test_national_sector_lexicon(pipe: Pipeline) -> None:
    found = industries(pipe, "推动服务业和建筑业提质，布局脑机接口、6G等未来产业，保障煤炭、油气供应。")
    assert {"服务业", "建筑业", "脑机接口", "6G", "煤炭", "油气"} <= set(found)


def test_first_list_item_drops_its_opening_verb(pipe: Pipeline) -> None:
    found = industries(pipe, "巩固扩大智能网联新能源汽车、生物医药等产业领先优势。")
    assert "智能网联新能源汽车" in found and not any(name.startswith("巩固") for name in found)


def test_roles_and_unplaced_clusters_are_not_industries(pipe: Pipeline) -> None:
    found = industries(pipe, "壮大县域主导产业和乡村富民产业，培育数字产业集群，建设江苏新材料产业集群，发展软件产业。")
    assert "软件产业" in found and "江苏新材料产业集群" in found
    assert not any(name.endswith(("主导产业", "富民产业")) or name == "数字产业集群" for name in found)


def test_service_sectors_and_modern_kinds_are_named_whole(pipe: Pipeline) -> None:
    found = industries(pipe, "发展科技服务和服务型制造，壮大现代畜牧业。")
    assert {"科技服务", "服务型制造", "现代畜牧业"} <= set(found) and "畜牧业" not in found


def test_clause_verbs_and_slogans_before_the_cue_are_not_part_of_a_sector(pipe: Pipeline) -> None:
    text = ("支持山区发展竹木加工产业，持续疏解提质一般制造业，做强“江南好茶”白茶产业，"
            "打造“三链合一”产业，推动面向行业的服务，发展“渔业+”特色产业。")
    found = industries(pipe, text)
    assert "竹木加工产业" in found and "白茶产业" in found and "“渔业+”特色产业" in found
    assert not any(word in name for name in found for word in ("发展", "江南", "三链", "一般制造业", "面向"))


def test_a_national_scope_is_not_part_of_a_sector(pipe: Pipeline) -> None:
    found = industries(pipe, "建设国家文化产业示范基地，发展现代产业。")
    assert "文化产业" in found and "国家文化产业" not in found and "现代产业" not in found


def test_regional_or_all_three_sectors_and_a_process_are_not_industries(pipe: Pipeline) -> None:
    text = "推动农村一二三产业融合，发展交界重点区域产业，提高公交车新能源化比例，壮大新能源产业。"
    found = industries(pipe, text)
    assert "新能源产业" in found
    assert not any(name.endswith(("一二三产业", "区域产业")) or name == "新能源" for name in found)


def test_verbs_before_a_sector_word_name_no_sector(pipe: Pipeline) -> None:
    found = industries(pipe, "引导资金投向农业和科技，教育面向经济建设，健全金融、法律服务，鼓励青年到新兴产业就业。"
                             "推动制造业进入先进制造业行列，发展智慧农业。")
    assert "智慧农业" in found and "先进制造业" in found
    assert not any(f.startswith(("投向", "面向", "健全", "到", "制造业进入")) for f in found)


def test_the_industry_of_a_place_is_no_sector(pipe: Pipeline) -> None:
    found = industries(pipe, "增强中心城市和城镇产业承载能力，支持革命老区和欠发达地区产业发展，对接长三角产业转移，"
                             "扶持困难行业，壮大新能源汽车产业。")
    assert "新能源汽车产业" in found
    assert not any(f.endswith(("城镇产业", "地区产业", "长三角产业", "困难行业")) for f in found)
