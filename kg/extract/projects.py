"""Projects: construction and infrastructure names (项目, 工程, 城际, 高铁, 电站, 基地, 号线 …)."""

from __future__ import annotations

from kg.document import Document
from kg.extract.candidates import CueSpec, suffix_mentions
from kg.model import Mention
from kg.pipeline import component

SPEC = CueSpec(
    cls="Project",
    extractor="projects",
    suffixes=("项目", "工程", "城际", "高铁", "铁路", "高速", "电站", "基地", "号线", "延伸线", "产业园", "大桥",
              "隧道", "机场", "码头"),
    tails=("一期", "二期", "三期", "四期", "南段", "北段", "东段", "西段", "首开段", "延伸线", "改扩建工程"),
    min_len=4,
    max_len=20,
    confidence=0.65,
)


@component("projects", order=40)
def find_projects(doc: Document) -> list[Mention]:
    """Names ending in a project cue, with phase and section tails (一期, 南段 …)."""
    return list(suffix_mentions(doc, SPEC))
