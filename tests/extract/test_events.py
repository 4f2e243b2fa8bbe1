"""The events extractor on short genre texts: kinds of event and qualifiers of activities are not events."""

from __future__ import annotations

from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document


def events(pipeline: Pipeline, text: str) -> list[str]:
    """The event mentions the whole pipeline finds in a text, in order."""
    return [m.text for m in pipeline(parse_document(text, source="t.txt")).mentions if m.cls == "Event"]


def test_a_scope_and_a_bare_cue_name_no_event(pipeline: Pipeline) -> None:
    found = events(pipeline, "运动员在国际大赛中屡获佳绩，政府接受同级人民代表大会监督，成功举办江北国际茶叶博览会。")
    assert "江北国际茶叶博览会" in found
    assert not any(name in ("国际大赛", "同级人民代表大会") for name in found)


def test_a_cue_before_a_kind_of_activity_only_qualifies_it(pipeline: Pipeline) -> None:
    found = events(pipeline, "提升江北会议活动影响力，举办重大国际会议会展活动，办好江北马拉松。")
    assert "江北马拉松" in found
    assert not any(name.endswith("会议") for name in found)


def test_seasons_festivals_and_contests_of_consumption_tourism_and_film(pipeline: Pipeline) -> None:
    found = events(pipeline, "办好“江北之秋”国际消费季和江北国际电影节，举办“青年英才”国际创业赛会。")
    assert "“江北之秋”国际消费季" in found and "江北国际电影节" in found and "“青年英才”国际创业赛会" in found


def test_a_first_part_joined_by_ji_or_yu_belongs_to_the_name(pipeline: Pipeline) -> None:
    text = "举办江北茶叶及茶文化博览会、首届数字经济与实体经济融合论坛，用好江北论坛与江北国际博览会。"
    found = events(pipeline, text)
    assert "江北茶叶及茶文化博览会" in found and "首届数字经济与实体经济融合论坛" in found
    assert "江北论坛" in found and "江北国际博览会" in found


def test_verbs_of_studying_a_meeting_are_not_part_of_it(pipeline: Pipeline) -> None:
    found = events(pipeline, "要认真领会运用全省经济工作会议提出的要求。")
    assert any(name.endswith("经济工作会议") for name in found)
    assert not any(name.startswith(("领会", "运用")) for name in found)


def test_what_was_won_or_attended_is_named_after_the_verb(pipeline: Pipeline) -> None:
    found = events(pipeline, "省女篮首夺全国女子篮球锦标赛冠军，选手获全国以上大赛奖牌12枚，"
                             "县政府接受同级人民代表大会监督，"
                             "青少年在各类重大科技比赛中获奖。")
    assert "全国女子篮球锦标赛" in found
    assert not any(v in name for name in found for v in ("首夺", "获", "接受", "重大", "以上"))


def test_a_work_conference_keeps_its_scope(pipeline: Pipeline) -> None:
    found = events(pipeline, "按照全省经济工作会议部署，贯彻中央经济工作会议精神，召开全市农村工作会议。")
    assert {"全省经济工作会议", "中央经济工作会议", "全市农村工作会议"} <= set(found)
    assert "经济工作会议" not in found
