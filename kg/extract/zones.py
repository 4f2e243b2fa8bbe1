"""Zones: parks, development and free-trade zones, business districts, ports."""

from __future__ import annotations

from kg.document import Document
from kg.extract.candidates import CueSpec, suffix_mentions
from kg.model import Mention
from kg.pipeline import component

SPEC = CueSpec(
    cls="Zone",
    extractor="zones",
    suffixes=("园区", "科创园", "开发区", "经开区", "高新区", "示范区", "试验区", "科技城", "商务区", "工业区",
              "保税区", "综合保税区", "自贸区", "片区", "港", "集聚区"),
    min_len=3,
    max_len=14,
    confidence=0.7,
)


@component("zones", order=30)
def find_zones(doc: Document) -> list[Mention]:
    """Names ending in a zone suffix."""
    return list(suffix_mentions(doc, SPEC))
