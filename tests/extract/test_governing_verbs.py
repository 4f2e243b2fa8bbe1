"""A name does not open with the common verb that governs it (发展|…产业, 筹办|…锦标赛), unless it is a policy."""

from __future__ import annotations

from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document


def names(pipeline: Pipeline, text: str) -> set[tuple[str, str]]:
    """The (text, class) of every candidate mention of a text."""
    return {(m.text, m.cls) for m in pipeline.candidates(parse_document(text, source="t.txt"))}


def test_governing_verb_is_cut_off(pipeline: Pipeline) -> None:
    found = names(pipeline, "积极筹办亚洲游泳锦标赛，发展智能网联汽车产业，运营滨湖国际商务合作区。")
    assert ("亚洲游泳锦标赛", "Event") in found
    assert ("智能网联汽车产业", "Industry") in found
    assert ("滨湖国际商务合作区", "Zone") in found
    assert not any(text.startswith(("筹办", "发展", "运营")) for text, _ in found)


def test_attributive_verbs_short_rests_and_policies_stay(pipeline: Pipeline) -> None:
    found = names(pipeline, "培育生活性服务业和定制农业，促进中部地区崛起。")
    assert ("生活性服务业", "Industry") in found  # 生活 qualifies the noun, it governs nothing
    assert ("性服务业", "Industry") not in found
    assert ("中部地区崛起", "Policy") in found or ("促进中部地区崛起", "Policy") in found


def test_a_policy_loses_only_a_verb_that_never_opens_one(pipeline: Pipeline) -> None:
    found = names(pipeline, "贯彻土地管理法。缩减跨境服务贸易负面清单，促进中部地区崛起。")
    assert {("土地管理法", "Policy"), ("跨境服务贸易负面清单", "Policy")} <= found
    assert not any(text.startswith(("贯彻", "缩减")) for text, _ in found)
