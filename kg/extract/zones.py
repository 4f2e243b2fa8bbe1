"""Zones: parks, development and free-trade zones, business districts, ports, science and university towns,
resorts, corridors and pilot areas (先行区, 合作区, 先导区)."""

from __future__ import annotations

import re

from kg.extract.candidates import (
    CueSpec,
    lexicon_mentions,
    pattern_mentions,
    suffix_mentions,
    tokens_in,
    word_frequency,
)
from kg.extract.pipeline import component
from kg.extract.progress_openers import without_progress_opener
from kg.ingest.document import Document
from kg.model import Mention

# National zone types: in a province's report 自贸试验区 is that province's pilot free-trade zone.
ZONE_TYPES = tuple(
    """
    自贸试验区 自由贸易试验区 自由贸易港 综合保税区 保税港区 国家级新区 国家自主创新示范区 跨境电子商务综合试验区
    跨境电商综试区 国家级经济技术开发区 国家高新技术产业开发区 综保区 经济特区
    """.split()
)
SPEC = CueSpec(
    cls="Zone",
    extractor="zones",
    suffixes=("园区", "科创园", "开发区", "经开区", "高新区", "示范区", "试验区", "科技城", "商务区", "工业区",
              "保税区", "综合保税区", "自贸区", "片区", "港", "集聚区",
              # science and university towns, resort areas, port areas, corridors and belts, pilot areas
              "科学城", "科创城", "创新城", "智慧城", "大学城", "高教园", "度假区", "旅游区", "港区", "走廊", "创新带",
              "先行区", "合作区", "先导区", "引领区", "启动区", "科技园", "实验区", "创新港"),
    min_len=3,
    max_len=14,
    confidence=0.7,
    specific=True,
    specific_below=6,
)


# Science and university towns: a town's own name before 科学城 is rarely a proper noun (未来科学城, 光明科学城),
# and a kind of town or zone takes a scope instead (高水平大学城, 世界级产业园区).
TOWNS = CueSpec(cls="Zone", extractor="zones", suffixes=("科学城", "大学城", "高教园", "创新港", "科创港"),
                min_len=4, max_len=12, confidence=0.7)
ZONE_KINDS = ("高水平", "高质量", "高标准", "世界级", "一流", "新型", "现代化", "综合性", "国家级", "省级", "市级")
# Parks and blocks whose words before the cue only say what kind (文化产业园区, 城市活力片区, 特色产业集聚区).
KIND_CUES = ("园区", "片区", "集聚区")


def _kind_of_area(doc: Document, m: Mention) -> bool:
    """Whether every word before a park or block cue is a common dictionary noun or adjective, none a name."""
    cue = next((c for c in KIND_CUES if m.text.endswith(c)), None)
    if cue is None or "“" in m.text:
        return False
    words = list(tokens_in(doc, m.span.start, m.span.end - len(cue)))
    covered = sum(len(t.word) for t in words)
    return covered == len(m.text) - len(cue) and all(
        (t.pos in ("n", "vn", "a", "an", "b") or t.word in COMMON_PLACE_WORDS) and len(t.word) >= 2
        and word_frequency(t.word) >= COMMON_FREQ for t in words)


COMMON_FREQ = 100  # jieba dictionary count above which a noun is an everyday word, not part of a name
COMMON_PLACE_WORDS = frozenset("城市 都市 乡村 农村 城乡".split())  # jieba tags them as places (ns)


# 大学科技园 after no more than a verb or a scope (国家级|大学科技园, 重塑|大学科技园) names a kind of park.
UNIVERSITY_PARK = re.compile(r"^[\u4e00-\u9fff]{0,3}大学科技园$")


# A quoted place name of an innovation block or district (“大零号湾”, “模速空间”, “智谷社区”).
QUOTED_PLACE = re.compile(r"“[^“”]{1,10}(?:空间|社区|湾|港|园|谷|城|岛|街区|小镇|硅巷)”"
                          r"(?![\u4e00-\u9fff]{0,4}?(?:奖|活动|行动|工程|计划|品牌|称号))")  # not “地球家园”范例奖


@component("zones", order=30, user_words=lambda: [(z, "n") for z in ZONE_TYPES])
def find_zones(doc: Document) -> list[Mention]:
    """Names ending in a zone suffix, the national zone types a report means as its own (自贸试验区), and quoted
    place names of innovation districts."""
    return [*(m for m in map(without_progress_opener, suffix_mentions(doc, SPEC)) if not UNIVERSITY_PARK.search(m.text)
              and not _kind_of_area(doc, m) and not m.text.startswith(ZONE_KINDS)),
            *(m for m in suffix_mentions(doc, TOWNS) if not m.text.startswith(ZONE_KINDS)),
            *lexicon_mentions(doc, ZONE_TYPES, "Zone", "zones.lexicon", confidence=0.8),
            *pattern_mentions(doc, QUOTED_PLACE, "Zone", "zones.quoted", confidence=0.65)]
