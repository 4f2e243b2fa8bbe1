"""Projects: construction and infrastructure names (项目, 工程, 城际, 高铁, 电站, 基地, 号线, 公园二期 …)."""

from __future__ import annotations

from kg.extract.candidates import CueSpec, suffix_mentions
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention

PHASES = ("一期", "二期", "三期", "四期", "五期", "南段", "北段", "东段", "西段", "中段", "首开段", "延伸线")
SPEC = CueSpec(
    cls="Project",
    extractor="projects",
    suffixes=("项目", "工程", "城际", "高铁", "铁路", "高速", "高速公路", "电站", "基地", "号线", "产业园", "大桥",
              "隧道", "机场", "码头", "枢纽", "公园", "街区", "旧居", "故居", "遗址", "纪念馆", "博物馆", "大厦",
              "体验店", "体育场", "体育中心", "场馆", "水库", "管廊", "改扩建工程", *PHASES),
    tails=PHASES,
    min_len=4,
    max_len=20,
    confidence=0.65,
    specific=True,
)


def _quote_and_cue(name: str) -> bool:
    """“两重”项目 names projects under a quoted policy, not one project."""
    return name.startswith("“") and "”" in name and len(name) - name.index("”") - 1 <= 2


@component("projects", order=40)
def find_projects(doc: Document) -> list[Mention]:
    """Names ending in a project cue, with phase and section tails (一期, 南段 …)."""
    return [m for m in suffix_mentions(doc, SPEC) if not _quote_and_cue(m.text)]
