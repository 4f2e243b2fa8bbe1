"""Organizations: institutes, labs, centres, universities, hospitals, funds, platforms and state bodies."""

from __future__ import annotations

from kg.document import Document
from kg.extract.candidates import CueSpec, lexicon_mentions, suffix_mentions
from kg.model import Mention
from kg.pipeline import component

STATE_BODIES = ("国务院", "党中央", "全国人大", "全国政协", "中央军委", "解放军", "武警部队", "工商联")
SPEC = CueSpec(
    cls="Organization",
    extractor="organizations",
    suffixes=("研究院", "研究所", "实验室", "中心", "大学", "学院", "医院", "基金", "平台", "委员会", "理事会",
              "交易所", "工坊", "联盟", "协会", "学会"),
    min_len=3,
    max_len=16,
    confidence=0.7,
)


@component("organizations", order=60, user_words=lambda: [(b, "nt") for b in STATE_BODIES])
def find_organizations(doc: Document) -> list[Mention]:
    """Names ending in an organization suffix, and the central state bodies."""
    out = list(suffix_mentions(doc, SPEC))
    out.extend(lexicon_mentions(doc, STATE_BODIES, "Organization", "organizations.state", confidence=0.9))
    return out
