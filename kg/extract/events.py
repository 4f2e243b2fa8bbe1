"""Events: conferences, expos, forums, competitions (大会, 博览会, 论坛, 峰会, 赛 …)."""

from __future__ import annotations

from kg.document import Document
from kg.extract.candidates import CueSpec, suffix_mentions
from kg.model import Mention
from kg.pipeline import component

SPEC = CueSpec(
    cls="Event",
    extractor="events",
    suffixes=("大会", "博览会", "论坛", "峰会", "座谈会", "洽谈会", "交易会", "展览会", "运动会", "奥运会", "锦标赛",
              "比赛", "大赛", "全会", "会议", "音乐节", "文化节", "艺术节", "大讲堂"),
    min_len=4,
    max_len=24,
    confidence=0.7,
)


@component("events", order=70)
def find_events(doc: Document) -> list[Mention]:
    """Names ending in an event cue."""
    return list(suffix_mentions(doc, SPEC))
