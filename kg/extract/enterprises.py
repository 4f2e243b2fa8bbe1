"""Enterprises: company suffixes (集团, 公司, 股份, 银行 …)."""

from __future__ import annotations

from kg.document import Document
from kg.extract.candidates import CueSpec, suffix_mentions
from kg.model import Mention
from kg.pipeline import component

SPEC = CueSpec(
    cls="Enterprise",
    extractor="enterprises",
    suffixes=("集团", "公司", "股份", "银行", "有限公司", "集团公司", "控股"),
    min_len=3,
    max_len=16,
    confidence=0.75,
)


@component("enterprises", order=20)
def find_enterprises(doc: Document) -> list[Mention]:
    """Names ending in a company suffix."""
    return list(suffix_mentions(doc, SPEC))
