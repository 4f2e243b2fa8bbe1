"""Zones: parks, development and free-trade zones, business districts, ports."""

from __future__ import annotations

from kg.extract.candidates import CueSpec, lexicon_mentions, suffix_mentions
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention

# National zone types: in a province's report 自贸试验区 is that province's pilot free-trade zone.
ZONE_TYPES = tuple(
    """
    自贸试验区 自由贸易试验区 自由贸易港 综合保税区 保税港区 国家级新区 国家自主创新示范区 跨境电子商务综合试验区
    跨境电商综试区 国家级经济技术开发区 国家高新技术产业开发区
    """.split()
)
SPEC = CueSpec(
    cls="Zone",
    extractor="zones",
    suffixes=("园区", "科创园", "开发区", "经开区", "高新区", "示范区", "试验区", "科技城", "商务区", "工业区",
              "保税区", "综合保税区", "自贸区", "片区", "港", "集聚区"),
    min_len=3,
    max_len=14,
    confidence=0.7,
    specific=True,
    specific_below=6,
)


@component("zones", order=30, user_words=lambda: [(z, "n") for z in ZONE_TYPES])
def find_zones(doc: Document) -> list[Mention]:
    """Names ending in a zone suffix, and the national zone types a report means as its own (自贸试验区)."""
    return [*suffix_mentions(doc, SPEC), *lexicon_mentions(doc, ZONE_TYPES, "Zone", "zones.lexicon", confidence=0.8)]
