"""Events: conferences, expos, forums, competitions (大会, 博览会, 论坛, 峰会, 赛, 杯 …) and party congresses
and plenary sessions (党的二十大, 二十届三中全会)."""

from __future__ import annotations

import re

from kg.extract.candidates import CueSpec, pattern_mentions, suffix_mentions
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention

CN = "一二三四五六七八九十"
CONGRESS = re.compile(rf"党的[{CN}]+大|[{CN}]+届(?:[{CN}]中、)*[{CN}]中全会|[{CN}]+届全国人大[{CN}]+次会议")
SPEC = CueSpec(
    cls="Event",
    extractor="events",
    suffixes=("大会", "博览会", "论坛", "峰会", "座谈会", "洽谈会", "交易会", "展览会", "运动会", "奥运会", "锦标赛",
              "比赛", "大赛", "全会", "会议", "音乐节", "文化节", "艺术节", "大讲堂", "进博会", "广交会", "服贸会",
              "消博会", "高交会", "文博会", "亚运会", "全运会", "冬奥会", "世界杯", "俱杯", "联赛", "马拉松", "音乐汇",
              "年会", "推介会", "发布会"),
    min_len=3,
    max_len=24,
    confidence=0.7,
)


def congresses(doc: Document) -> list[Mention]:
    """Party congresses and plenary sessions, which have no cue a suffix rule can see whole."""
    return pattern_mentions(doc, CONGRESS, "Event", "events.congress", confidence=0.85)


YEAR_ONLY = re.compile(r"^(?:\d{4}年?|[一二三四五六七八九十]+届)?(?:大会|会议|全会|论坛|峰会)$")


@component("events", order=70)
def find_events(doc: Document) -> list[Mention]:
    """Names ending in an event cue (not a bare 2026年大会), and party congresses and plenums."""
    return [*(m for m in suffix_mentions(doc, SPEC) if not YEAR_ONLY.match(m.text)), *congresses(doc)]
