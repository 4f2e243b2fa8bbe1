"""Projects: construction and infrastructure names (项目, 工程, 城际, 高铁, 电站, 基地, 号线, 公园二期 …)."""

from __future__ import annotations

import re

from kg.extract.candidates import CueSpec, suffix_mentions, token_boundaries
from kg.extract.lexicons.organizations import FACILITY_CENTRES
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention, Span

PHASES = ("一期", "二期", "三期", "四期", "五期", "南段", "北段", "东段", "西段", "中段", "首开段", "延伸线", "东延伸",
          "西延伸", "南延伸", "北延伸", "延伸段", "复线", "二线")
SPEC = CueSpec(
    cls="Project",
    extractor="projects",
    suffixes=("项目", "工程", "城际", "高铁", "铁路", "高速", "高速公路", "电站", "基地", "号线", "产业园", "大桥",
              "隧道", "机场", "码头", "枢纽", "公园", "街区", "旧居", "故居", "遗址", "纪念馆", "博物馆", "大厦",
              "体验店", "体育场", "体育中心", "场馆", "水库", "管廊", "改扩建工程", "班列", "新通道", "大通道",
              "主通道", "院区", "校区", *FACILITY_CENTRES, *PHASES),
    tails=PHASES,
    min_len=4,
    max_len=20,
    confidence=0.65,
    specific=True,
)


# A section of a line between two places (川青铁路|成都至黄胜关段, 22号线|红庙至平谷段): part of the line's name.
SECTION = re.compile(r"[\u4e00-\u9fff]{1,6}至[\u4e00-\u9fff]{1,6}段")
LINE_CUES = ("铁路", "高铁", "城际", "号线", "线", "高速", "高速公路", "复线", "二线")
QUOTED_PART = re.compile(r"“[^”]*”")
# Words that say what kind of project, not which one: “十五五”重大项目, 央属标志性项目, 爱国主义教育基地, 中试基地.
KIND_WORDS = tuple(sorted(
    """重大 重点 标志性 央属 市属 省属 区属 产业 民生 基础设施 规划 工程 示范 中试 教育 爱国主义 实训 研学 培训
    科普 建设 新开工 续建 储备 前期 在建 新建 一批 各类 大型 中小型 专项 配套 公益性 经营性 招商 引资 外资 内资
    社会 政府 投资 高校 医院 公立医院 新""".split(),
    key=len, reverse=True))


def _kind_only(name: str, cue_len: int) -> bool:
    """Whether the words before the cue (quotes aside) only say what kind of project it is."""
    rest = QUOTED_PART.sub("", name)[:-cue_len] if cue_len else QUOTED_PART.sub("", name)
    changed = True
    while rest and changed:
        changed = False
        for word in KIND_WORDS:
            if rest.startswith(word):
                rest, changed = rest[len(word):], True
                break
    return not rest


def _cue_length(name: str) -> int:
    """Length of the project cue that ends a name (项目, 工程, 基地 …), 0 if none."""
    return max((len(cue) for cue in SPEC.suffixes if name.endswith(cue)), default=0)


def _quote_and_cue(name: str) -> bool:
    """“两重”项目 names projects under a quoted policy, not one project."""
    return name.startswith("“") and "”" in name and len(name) - name.index("”") - 1 <= 2


def _with_section(doc: Document, m: Mention) -> Mention:
    """A line with the section between two places that follows it (成都至黄胜关段), when the section ends a word."""
    if not m.text.endswith(LINE_CUES):
        return m
    sent = doc.sentences[m.sentence].span
    section = SECTION.match(doc.match_text, m.span.end, sent.end)
    if section is None or section.end() not in token_boundaries(doc)[1]:
        return m
    span = Span(m.span.start, section.end())
    return Mention(doc.text[span.start:span.end], m.cls, span, m.sentence, m.extractor, m.confidence)


@component("projects", order=40)
def find_projects(doc: Document) -> list[Mention]:
    """Names ending in a project cue, with phase and section tails (一期, 南段, 复线, 成都至黄胜关段 …)."""
    return [_with_section(doc, m) for m in suffix_mentions(doc, SPEC)
            if not _quote_and_cue(m.text) and not _kind_only(m.text, _cue_length(m.text))]
