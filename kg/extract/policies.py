"""Policies: quoted slogans (“…”), 《…》 titles, names ending in 条例, 规划, 行动, 政策, 改革, 试点 …, national
programmes from a lexicon, campaigns named after a place (法治天津), and national censuses."""

from __future__ import annotations

import re

from kg.extract.candidates import CueSpec, lexicon_mentions, pattern_mentions, suffix_mentions
from kg.extract.lexicons.policies import CAMPAIGN_PREFIXES, GENERIC_POLICY_WORDS, NATIONAL_POLICIES, NOT_POLICIES
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention, Span

QUOTED = re.compile(r"“([^“”]{2,16})”|《([^《》]{2,40})》")
# Achievements and figures of speech in quotes: 二十一连丰, 十连增 …
ACHIEVEMENT = re.compile(r"连[丰增升冠胜涨]$|^[0-9一二三四五六七八九十百千]+[个项]?$")
HONOUR = re.compile(r"(?:入选|获评|荣获|获得|评为|列为|被授予|授予)(?:[\u4e00-\u9fff]{0,4})$")
CENSUS = re.compile(r"第[一二三四五六七八九十]+次全国[\u4e00-\u9fff]{2,6}普查")
SPEC = CueSpec(
    cls="Policy",
    extractor="policies",
    suffixes=("条例", "规划", "计划", "行动", "政策", "改革", "试点", "办法", "方案", "战略", "攻坚战", "攻坚",
              "同城化",
              "政策体系", "承诺制", "责任制", "负责制", "备案制", "注册制", "清单制", "法规", "特别国债", "协同发展"),
    min_len=4,
    max_len=16,
    confidence=0.65,
)


def _generic(doc: Document, m: Mention) -> bool:
    """A name made only of generic policy words (重大政策, 国家规划, 中央系列宏观调控政策) names no policy."""
    if "“" in m.text or "《" in m.text:
        return False
    rest = doc.match_text[m.span.start:m.span.end]
    words = sorted(GENERIC_POLICY_WORDS, key=len, reverse=True)
    changed = True
    while rest and changed:
        changed = False
        for word in words:
            if rest.startswith(word):
                rest = rest[len(word):]
                changed = True
                break
    return len(rest) <= 1


def _quoted(doc: Document) -> list[Mention]:
    """Quoted names and 《titles》 that are not figures of speech or counts."""
    out = []
    for sent in doc.sentences:
        for found in QUOTED.finditer(doc.match_text, sent.span.start, sent.span.end):
            inner = found.group(1) or found.group(2)
            if found.group(1) and (inner in NOT_POLICIES or ACHIEVEMENT.search(inner)):
                continue
            if HONOUR.search(doc.match_text, max(sent.span.start, found.start() - 6), found.start()):
                continue  # 入选“生物多样性魅力城市”: an honour received, not a policy
            span = Span(found.start(), found.end())
            out.append(Mention(doc.text[span.start:span.end], "Policy", span, sent.index, "policies.quoted", 0.6))
    return out


def _campaigns(doc: Document) -> list[Mention]:
    """法治天津, 平安中国: a campaign prefix directly followed by a place name token."""
    out = []
    tokens = doc.tokens
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if tok.word in CAMPAIGN_PREFIXES and nxt.pos == "ns" and 2 <= len(nxt.word) <= 4:
            sent = doc.sentence_at(tok.span.start)
            if sent is None or nxt.span.end > sent.span.end:
                continue
            span = Span(tok.span.start, nxt.span.end)
            out.append(Mention(doc.text[span.start:span.end], "Policy", span, sent.index, "policies.campaign", 0.7))
        elif len(tok.word) >= 4 and tok.word[:2] in CAMPAIGN_PREFIXES and tok.pos == "ns":
            sent = doc.sentence_at(tok.span.start)
            if sent is not None:
                out.append(Mention(doc.text[tok.span.start:tok.span.end], "Policy", tok.span, sent.index,
                                   "policies.campaign", 0.6))
    return out


def _censuses(doc: Document) -> list[Mention]:
    """第五次全国经济普查 and the like."""
    return pattern_mentions(doc, CENSUS, "Policy", "policies.census", confidence=0.8)


@component("policies", order=50, user_words=lambda: [(p, "n") for p in NATIONAL_POLICIES if "、" not in p])
def find_policies(doc: Document) -> list[Mention]:
    """Quoted names and titles, names ending in a policy cue, national programmes, campaigns, censuses."""
    out = [m for m in suffix_mentions(doc, SPEC) if not _generic(doc, m)]
    out.extend(_quoted(doc))
    out.extend(lexicon_mentions(doc, NATIONAL_POLICIES, "Policy", "policies.lexicon", confidence=0.8))
    out.extend(_campaigns(doc))
    out.extend(_censuses(doc))
    return out

