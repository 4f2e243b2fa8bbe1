"""Projects: construction and infrastructure names (项目, 工程, 城际, 高铁, 电站, 基地, 号线, 公园二期 …), rail lines
named after their network (轨道交通M1线, 市郊铁路东北环线), landmarks (…城楼, …古道, …寺) and the campuses of an
institution written in short (儿研所滨江院区)."""

from __future__ import annotations

import re
from functools import partial

from kg.extract.candidates import (
    CueSpec,
    pattern_mentions,
    suffix_mentions,
    token_boundaries,
    tokens_in,
    trim_leading_verbs,
    trim_left,
)
from kg.extract.lexicons.organizations import FACILITY_CENTRES
from kg.extract.pipeline import component
from kg.extract.progress_openers import without_progress_opener
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
              "主通道", "院区", "校区", "城楼", "古道", "步道", "博物馆群", "新址", "油田", "气田",
              "剧院", "美术馆", "科技馆", "体育馆", "音乐厅", "展览馆",
              *FACILITY_CENTRES, *PHASES),
    tails=PHASES,
    min_len=4,
    max_len=20,
    confidence=0.65,
    specific=True,
)


# Landmarks whose names are often three characters (灵隐寺, 龙门石窟, 三环路): a shorter floor than SPEC's.
LANDMARKS = CueSpec(cls="Project", extractor="projects", suffixes=("寺", "石窟", "环路"), min_len=3, max_len=8,
                    confidence=0.6, specific=True)
# Lines and roads named by the one-character short forms of the places they join (成渝铁路, 沪杭甬高速): jieba
# breaks such a name into single characters, which the specificity test reads as no name at all.
JOINED = CueSpec(cls="Project", extractor="projects", suffixes=("铁路", "高铁", "城际", "高速", "高速公路", "快速路"),
                 min_len=4, max_len=9, confidence=0.65)
ABBREVIATED_POS = ("n", "j", "v", "m", "a", "ns", "nr", "nz", "ng", "vg", "ag", "zg")
# An international airport after the two-character name of its place (双流国际机场) is always one airport.
AIRPORT = re.compile(r"[\u4e00-\u9fff]{2}国际机场")
# A large research facility is built (散裂中子源大科学装置): a project whatever words name it, unless only kinds.
FACILITIES = CueSpec(cls="Project", extractor="projects", suffixes=("大科学装置", "科学装置"), min_len=6,
                     max_len=16, confidence=0.65)
# A kind of works between a programme and the one project named after it (西线通道重点工程|川黔铁路): an
# apposition; at a name's end it says what kind the name before it is (西线主通道|重点工程).
KIND_OF_WORKS = re.compile(r"(?:重点|重大|标志性)(?:工程|项目)")
NAME_OPENING_POS = ("ns", "nr", "nz", "nt", "j")


# Parks and hubs that are a place's zones, not one works: a park named by the short forms of two partner places
# (苏宿产业园) or a modern-agriculture park, and a city's international hub (宁波国际航运枢纽).
AGRICULTURE_PARK = re.compile(r"农业产业园$")
PLACE_HUB = re.compile(r"国际[\u4e00-\u9fff]{0,4}枢纽$")


# A rail line named after its network, with a code or a name but no 号 (轨道交通M102线, 市郊铁路东北环线); kinds of
# line (轨道交通骨干线, 市域快线) say what kind, not which one.
RAIL_LINE = re.compile(r"(?:城市轨道交通|轨道交通|地铁|市郊铁路|市域铁路|城际铁路|有轨电车)"
                       r"(?:[A-Z]{1,3}\d{0,4}|[\u4e00-\u9fff]{2,5}?)线(?![网路])")
GENERIC_LINES = ("骨干线", "干线", "主线", "支线", "快线", "联络线", "环线", "新线", "专用线")
# The campus of an institution written in short before it (儿研所|滨江院区, 市一院|东院区): the campus takes it in.
CAMPUS = ("院区", "校区", "分院")
INSTITUTION_END = re.compile(r"[\u4e00-\u9fff]{1,6}?(?:所|院|医院|大学|学院)$")
CLAUSE_BREAK = re.compile(r"[，。、；：！？“”（）]")


# A section of a line between two places (川青铁路|成都至黄胜关段, 22号线|红庙至平谷段): part of the line's name.
SECTION = re.compile(r"[\u4e00-\u9fff]{1,6}至[\u4e00-\u9fff]{1,6}段")
LINE_CUES = ("铁路", "高铁", "城际", "号线", "线", "高速", "高速公路", "复线", "二线")
QUOTED_PART = re.compile(r"“[^”]*”")
# Words that say what kind of project, not which one: “十五五”重大项目, 央属标志性项目, 爱国主义教育基地, 中试基地,
# 高速铁路, 外商投资项目, 文化惠民项目.
KIND_WORDS = tuple(sorted(
    """重大 重点 标志性 央属 市属 省属 区属 产业 民生 基础设施 规划 工程 示范 中试 教育 爱国主义 实训 研学 培训
    科普 建设 新开工 续建 储备 前期 在建 新建 一批 各类 大型 中小型 专项 配套 公益性 经营性 招商 引资 外资 内资
    社会 政府 投资 高校 医院 公立医院 新
    高速 普速 外商 存量 增量 惠民 文化 水利 交通 能源 生态 水土保持""".split(),
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


def rail_lines(doc: Document) -> list[Mention]:
    """Rail lines named after their network (轨道交通M102线), ending a word, not a kind of line."""
    _, ends = token_boundaries(doc)
    out = []
    for sent in doc.sentences:
        for found in RAIL_LINE.finditer(doc.match_text, sent.span.start, sent.span.end):
            name = found.group()
            if name.endswith(GENERIC_LINES) or (found.end() not in ends and not name[-2].isdigit()):
                continue
            span = Span(found.start(), found.end())
            out.append(Mention(doc.text[span.start:span.end], "Project", span, sent.index, "projects.line", 0.7))
    return out


def _from_line(doc: Document, m: Mention, lines: list[Mention]) -> Mention:
    """A project whose name begins inside a rail line's name (铁路东北环线改造工程 after 市郊) starts with the line."""
    for line in lines:
        if line.span.start < m.span.start < line.span.end < m.span.end:
            span = Span(line.span.start, m.span.end)
            return Mention(doc.text[span.start:span.end], m.cls, span, m.sentence, m.extractor, m.confidence)
    return m


def _with_institution(doc: Document, m: Mention) -> Mention:
    """A campus (滨江院区) after an institution written in short (儿研所) that segmentation broke apart."""
    if not m.text.endswith(CAMPUS) or len(m.text) > 6:
        return m
    sent = doc.sentences[m.sentence].span
    before = doc.match_text[sent.start:m.span.start]
    breaks = list(CLAUSE_BREAK.finditer(before))
    clause_start = sent.start + (breaks[-1].end() if breaks else 0)
    start = trim_leading_verbs(doc, trim_left(doc.match_text, clause_start, m.span.start), m.span.start)
    if start >= m.span.start or not INSTITUTION_END.fullmatch(doc.match_text[start:m.span.start]):
        return m
    span = Span(start, m.span.end)
    return Mention(doc.text[span.start:span.end], m.cls, span, m.sentence, m.extractor, m.confidence)


def _apposition(doc: Document, m: Mention) -> Mention | None:
    """The project after a kind of works inside a name (…重点工程|隆黄铁路) when a place or a short form opens it,
    the programme before one ending it (…西线主通道|重点工程), None for a name that denies (川西北不通铁路: a place
    without a line)."""
    if "不通" in m.text:
        return None
    start, end = m.span.start, m.span.end
    inner = [k for k in KIND_OF_WORKS.finditer(m.text) if k.start() > 0]
    if inner and inner[-1].end() < len(m.text) and len(m.text) - inner[-1].end() >= 4:
        first = next(iter(tokens_in(doc, m.span.start + inner[-1].end(), m.span.end)), None)
        if first is not None and first.span.start == m.span.start + inner[-1].end() and (
                first.pos in NAME_OPENING_POS or len(first.word) == 1):
            start = first.span.start
    elif inner and inner[-1].end() == len(m.text) and _cue_length(m.text[:inner[-1].start()]):
        end = m.span.start + inner[-1].start()
    if (start, end) == (m.span.start, m.span.end):
        return m
    return Mention(doc.text[start:end], m.cls, Span(start, end), m.sentence, m.extractor, m.confidence)


def _as_zone(doc: Document, m: Mention) -> Mention:
    """A park or hub that is a zone of a place (苏宿产业园, 现代农业产业园, 宁波国际航运枢纽) as a Zone mention."""
    words = list(tokens_in(doc, m.span.start, m.span.end))
    if not words:
        return m
    partners = m.text.endswith("产业园") and 2 <= len(words) - 1 <= 3 and all(len(w.word) == 1 for w in words[:-1])
    placed = words[0].pos == "ns" and not set(words[0].word) <= set("东西南北中部")  # 西南 is a direction
    hub = PLACE_HUB.search(m.text) and placed
    farm = AGRICULTURE_PARK.search(m.text) and any(w.pos in ("ns", "nrt") for w in words)
    if partners or hub or farm:
        return Mention(m.text, "Zone", m.span, m.sentence, m.extractor, m.confidence)
    return m


def joined_lines(doc: Document) -> list[Mention]:
    """Lines named by the short forms of the places they join: every word before the cue one character long."""
    out = []
    for m in suffix_mentions(doc, JOINED):
        words = list(tokens_in(doc, m.span.start, m.span.end - _cue_length(m.text)))
        if 2 <= len(words) <= 4 and all(len(w.word) == 1 and w.pos in ABBREVIATED_POS for w in words):
            out.append(m)
    return out


@component("projects", order=40)
def find_projects(doc: Document) -> list[Mention]:
    """Names ending in a project cue, with phase and section tails (一期, 南段, 复线, 成都至黄胜关段 …), rail lines
    named after their network and landmarks."""
    lines = rail_lines(doc)
    named = [_with_institution(doc, _from_line(doc, _with_section(doc, m), lines))
             for m in map(without_progress_opener, suffix_mentions(doc, SPEC))
             if not _quote_and_cue(m.text) and not _kind_only(m.text, _cue_length(m.text))]
    facilities = [m for m in suffix_mentions(doc, FACILITIES) if not _kind_only(m.text, _cue_length(m.text))]
    airports = pattern_mentions(doc, AIRPORT, "Project", "projects.airport", confidence=0.65)
    found = [*named, *lines, *suffix_mentions(doc, LANDMARKS), *map(partial(_with_section, doc), joined_lines(doc)),
             *facilities, *airports]
    return [_as_zone(doc, m) for m in map(partial(_apposition, doc), found) if m is not None]
