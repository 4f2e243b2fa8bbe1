"""Policies named without a cue word but by a fixed pattern of the genre: the revival of a field (种业振兴,
乡村全面振兴), pairing between regions (东西部协作, 沪滇协作), the unified market (全国统一大市场) and the
campaign of a year (重大项目建设年活动)."""

from __future__ import annotations

import re

from kg.extract.candidates import pattern_mentions, tokens_in
from kg.extract.lexicons.divisions import PROVINCE_SHORT
from kg.extract.lexicons.genre import LEADING_VERBS
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention, Span

PAIRING = re.compile(rf"(?:[{PROVINCE_SHORT}]{{2}})?(?:东西部|东西|南北|山海)(?:协作|扶贫协作)"
                     rf"|[{PROVINCE_SHORT}]{{2}}(?:扶贫)?协作")
UNIFIED_MARKET = re.compile(r"(?:全国|区域)?统一大市场")
REVIVAL = "振兴"
# Words before 振兴 that say how, not what (高质量振兴, 全面振兴 alone, 加快振兴): no field is named.
NOT_FIELDS = frozenset("高质量 全面 加快 加速 推动 推进 实现 助力 促进 产业链 重点 帮扶县 地区 老工业基地".split())
FIELD_POS = ("n", "nz", "vn", "j")


def _revivals(doc: Document) -> list[Mention]:
    """A field and 振兴 (种业振兴, 冷水渔业振兴, 乡村全面振兴): one or two noun tokens, optionally 全面, right
    before 振兴, inside one clause."""
    out = []
    text = doc.match_text
    for sent in doc.sentences:
        at = text.find(REVIVAL, sent.span.start, sent.span.end)
        while at >= 0:
            end = at + len(REVIVAL)
            start = at - 2 if text.startswith("全面", at - 2) else at
            fields = [t for t in tokens_in(doc, max(sent.span.start, start - 6), start) if t.span.end <= start]
            name_start = start
            for tok in reversed(fields[-2:]):
                if tok.span.end != name_start or not tok.pos.startswith(FIELD_POS) or tok.word in NOT_FIELDS:
                    break
                name_start = tok.span.start
            if name_start < start and start - name_start >= 2:
                span = Span(name_start, end)
                out.append(Mention(doc.text[span.start:span.end], "Policy", span, sent.index, "policies.revival",
                                   0.6))
            at = text.find(REVIVAL, end, sent.span.end)
    return out


# Campaigns of a year (科技成果产业化突破年行动, 重大项目建设年活动): what the year is for, its verb, 年
# and 行动 or 活动.
THEMED_YEAR = re.compile(r"年(?:行动|活动)")
STOP_POS = ("c", "p", "d", "r", "u", "m", "x")
YEAR_REACH = 14


def _themed_years(doc: Document) -> list[Mention]:
    """A year's campaign: the verb before 年 (突破, 建设, 提升) and the run of words before it that says what is
    pushed, stopping at a clause verb (深化, 开展), punctuation or a function word; at least two characters."""
    out = []
    text = doc.match_text
    for sent in doc.sentences:
        for found in THEMED_YEAR.finditer(text, sent.span.start, sent.span.end):
            before = [t for t in tokens_in(doc, max(sent.span.start, found.start() - YEAR_REACH), found.start())
                      if t.span.end <= found.start()]
            if not before or before[-1].span.end != found.start() or not before[-1].pos.startswith("v"):
                continue  # 2026年行动, 老年活动: no verb names what the year is for
            verb = before.pop()
            start = verb.span.start
            for tok in reversed(before):
                if (tok.span.end != start or tok.word in LEADING_VERBS or tok.word[-2:] in LEADING_VERBS
                        or tok.pos.startswith(STOP_POS)):
                    break
                start = tok.span.start
            if verb.span.start - start >= 2:
                span = Span(start, found.end())
                out.append(Mention(doc.text[span.start:span.end], "Policy", span, sent.index, "policies.year", 0.65))
    return out


@component("policy_patterns", order=51)
def find_policy_patterns(doc: Document) -> list[Mention]:
    """Revivals of a field, pairings between regions, the unified market and campaigns of a year."""
    return [*_revivals(doc), *_themed_years(doc),
            *pattern_mentions(doc, PAIRING, "Policy", "policies.pairing", confidence=0.7),
            *pattern_mentions(doc, UNIFIED_MARKET, "Policy", "policies.market", confidence=0.7)]
