"""Organizations: institutes, labs, centres, universities, hospitals, funds, platforms; central and local
state bodies (市委, 市人民政府 resolved to the issuer's own: 天津市人民政府); ministries; international bodies;
sports teams."""

from __future__ import annotations

import re
from functools import lru_cache, partial

from kg.extract.candidates import COMMON_NR, CueSpec, lexicon_mentions, suffix_mentions, token_boundaries
from kg.extract.lexicons.organizations import FACILITY_CENTRES, organization_names
from kg.extract.lexicons.policies import ROLE_CENTRE
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.ingest.tokenize import dictionary_tag
from kg.model import Mention, Span

SPEC = CueSpec(
    cls="Organization",
    extractor="organizations",
    suffixes=("研究院", "研究所", "实验室", "中心", "大学", "学院", "医院", "附院", "基金", "平台", "委员会", "理事会",
              "交易所", "工坊", "联盟", "协会", "学会", "商会", "书院", "科学院", "设计院", "水泥院"),
    min_len=4,
    max_len=20,
    confidence=0.7,
    specific=True,
    specific_below=9,
    # funds of social insurance named by what they insure, not a body that runs them
    blocked=frozenset("医保基金 社保基金 医疗保险基金 养老保险基金 失业保险基金 工伤保险基金 住房公积金".split()),
)
LOCAL_BODY = re.compile(
    r"(省|市|区|县|州)(人民政府|政府|人大常委会|人大|政协|委)(?![\u4e00-\u9fff]{0,1}(?:员|书记|托|屈|办|工作报告))"
)
BODY_NAMES = {"人民政府": "人民政府", "政府": "人民政府", "人大常委会": "人大常委会", "人大": "人大", "政协": "政协",
              "委": "委"}
# Openers that describe a kind of organization rather than name one (高水平研究型大学, 外资研发中心, 省重点实验室).
KIND_OPENERS = ("高水平", "高能级", "高质量", "一流", "世界一流", "国际一流", "世界级", "新型", "大企业", "外资",
                "外企", "公立", "境内外", "境外", "省重点", "省级重点", "市重点", "市级重点", "国家重点", "中试",
                "开放", "各类", "一批", "重点", "省级", "市级", "县级", "国家级")
# An exchange named by what it trades (农村产权交易所, 国际碳交易所) is one body: six characters or more pass without a
# proper noun; shorter ones (数据交易所) name a kind.
EXCHANGES = CueSpec(cls="Organization", extractor="organizations", suffixes=("交易所",), min_len=6, max_len=12,
                    confidence=0.65)
# Titles a hospital is awarded (中山医院国家医学中心): the hospital is the body; a title alone names none.
DESIGNATIONS = ("国家医学中心", "国家区域医疗中心", "区域医疗中心")
# A hospital named by a proper noun alone (协和医院, 华山医院): the suffix rule wants a longer or tagged name.
HOSPITAL = re.compile(r"[\u4e00-\u9fff]{2,3}医院")
HOSPITAL_KINDS = frozenset("康复 中医 人民 中心 高水平".split()) | COMMON_NR  # tagged nr, said of kinds
PROPER_TAGS = ("nr", "ns", "nz", "nt")
TEAM = re.compile(r"(?:女排|男排|女篮|男篮|女足|男足|足球队|篮球队|排球队|代表队)$")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    return organization_names()


def local_bodies(doc: Document) -> list[Mention]:
    """市委, 市政府, 市人民政府, 市人大, 市政协 (and 省/区/县 ones): the issuer's own bodies when the level matches."""
    out = []
    starts, ends = token_boundaries(doc)
    issuer = doc.issuer or ""
    for sent in doc.sentences:
        for found in LOCAL_BODY.finditer(doc.match_text, sent.span.start, sent.span.end):
            level, body = found.group(1), found.group(2)
            start, end = found.start(), found.end()
            if end not in ends:
                continue
            if issuer and doc.match_text.startswith(issuer[:-1], start - len(issuer) + 1) and issuer.endswith(level):
                start -= len(issuer) - 1  # 天津市政府: take the area in
            elif start not in starts:
                continue
            canonical = f"{issuer}{BODY_NAMES[body]}" if issuer.endswith(level) else None
            span = Span(start, end)
            out.append(Mention(doc.text[start:end], "Organization", span, sent.index, "organizations.local", 0.85,
                               canonical=canonical))
    return out


def teams(doc: Document) -> list[Mention]:
    """Organisation-name tokens that are sports teams (天津女排)."""
    out = []
    for tok in doc.tokens:
        if tok.pos == "nt" and TEAM.search(tok.word) and len(tok.word) >= 3:
            sent = doc.sentence_at(tok.span.start)
            if sent is not None:
                out.append(Mention(doc.text[tok.span.start:tok.span.end], "Organization", tok.span, sent.index,
                                   "organizations.team", 0.75))
    return out


def _designated(doc: Document, m: Mention) -> Mention | None:
    """The hospital before a title it holds (华山医院|国家区域医疗中心), None for a title alone, other names as is."""
    cut = next((len(d) for d in DESIGNATIONS if m.text.endswith(d)), 0)
    if not cut:
        return m
    if not m.text[:-cut].endswith("医院"):
        return None
    span = Span(m.span.start, m.span.end - cut)
    return Mention(doc.text[span.start:span.end], m.cls, span, m.sentence, m.extractor, m.confidence)


def hospitals(doc: Document) -> list[Mention]:
    """Hospitals named by a proper noun alone (瑞金医院), starting and ending on token boundaries."""
    starts, ends = token_boundaries(doc)
    out = []
    for sent in doc.sentences:
        for found in HOSPITAL.finditer(doc.match_text, sent.span.start, sent.span.end):
            for start in (found.start(), found.start() + 1):
                prefix = doc.match_text[start:found.end() - 2]
                if len(prefix) < 2 or start not in starts or found.end() not in ends:
                    continue
                if dictionary_tag(prefix) in PROPER_TAGS and prefix not in HOSPITAL_KINDS:
                    span = Span(start, found.end())
                    out.append(Mention(doc.text[span.start:span.end], "Organization", span, sent.index,
                                       "organizations.hospital", 0.7))
                break
    return out


@component("organizations", order=60, user_words=lambda: [(n, "nt") for n in _lexicon()])
def find_organizations(doc: Document) -> list[Mention]:
    """Names ending in an organization suffix, state bodies, international bodies and teams."""
    out = [m for m in map(partial(_designated, doc), suffix_mentions(doc, SPEC)) if m is not None
           and not m.text.startswith(KIND_OPENERS) and not ROLE_CENTRE.search(m.text)  # 国际金融中心 is a goal
           and not m.text.endswith(FACILITY_CENTRES)  # 中欧班列集结中心 is a project
           and not m.text.endswith("副中心")]  # 城市副中心 is a part of a city, 经济副中心 a role
    out.extend(hospitals(doc))
    out.extend(m for m in suffix_mentions(doc, EXCHANGES) if not m.text.startswith(KIND_OPENERS))
    out.extend(lexicon_mentions(doc, _lexicon(), "Organization", "organizations.lexicon", confidence=0.9,
                                canonical=_lexicon()))
    out.extend(local_bodies(doc))
    out.extend(teams(doc))
    return out
