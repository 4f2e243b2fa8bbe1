"""Policies: quoted slogans (“…”), 《…》 titles and names ending in 条例, 规划, 行动, 政策, 改革, 试点 …"""

from __future__ import annotations

import re

from kg.document import Document
from kg.extract.candidates import CueSpec, suffix_mentions
from kg.model import Mention, Span
from kg.pipeline import component

QUOTED = re.compile(r"“([^“”]{2,16})”|《([^《》]{2,40})》")
SPEC = CueSpec(
    cls="Policy",
    extractor="policies",
    suffixes=("条例", "规划", "计划", "行动", "政策", "改革", "试点", "办法", "方案", "战略", "攻坚战", "同城化"),
    min_len=4,
    max_len=16,
    confidence=0.65,
)


@component("policies", order=50)
def find_policies(doc: Document) -> list[Mention]:
    """Quoted names and titles, and names ending in a policy cue."""
    out = list(suffix_mentions(doc, SPEC))
    for sent in doc.sentences:
        for found in QUOTED.finditer(doc.match_text, sent.span.start, sent.span.end):
            span = Span(found.start(), found.end())
            out.append(Mention(doc.text[span.start:span.end], "Policy", span, sent.index, "policies.quoted", 0.6))
    return out
