"""Countries, world regions and world cities (新加坡, 东盟, 中东, 莫斯科) as administrative areas, by lexicon.

A name inside a longer name another extractor found (巴黎 in 巴黎奥运会) is left to that name. 中国 counts
only where it stands alone (中国－东盟, “投资中国”); inside a longer name (中国特色, 中国国际服务贸易
交易会) it names no place of its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.candidates import lexicon_mentions, one_per_span, pattern_mentions, token_boundaries
from kg.extract.lexicons.world import WORLD_REGIONS, world_names
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention

GLUE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
BOUND_ONLY = frozenset({"中国"})  # a country name that opens many longer names


def _stands_alone(doc: Document, m: Mention) -> bool:
    """Whether a name is not glued to the next word (中国|特色 is glued, 中国|－东盟 is not)."""
    return m.text not in BOUND_ONLY or not GLUE.match(doc.match_text[m.span.end:m.span.end + 1])


@lru_cache(maxsize=1)
def _before_group_word() -> re.Pattern[str]:
    """A world region directly before 国家/地区/各国, which jieba keeps as one word (中东国家, 东南亚地区)."""
    names = sorted(WORLD_REGIONS, key=len, reverse=True)
    return re.compile("(?:" + "|".join(map(re.escape, names)) + ")(?=国家|地区|各国)")


def _region_groups(doc: Document) -> list[Mention]:
    """The region in 中东国家, 东南亚地区: the place the countries are in."""
    starts, _ = token_boundaries(doc)
    found = pattern_mentions(doc, _before_group_word(), "AdministrativeArea", "world", confidence=0.8)
    return [m for m in found if m.span.start in starts]


def _opens_name(doc: Document, m: Mention, others: list[Mention]) -> bool:
    """Whether a longer name found by another extractor opens with this one, glued to the next word (巴黎 in
    巴黎奥运会, 亚洲 in 亚洲…中心): the place only qualifies that name. 中国－东盟 names both places."""
    return GLUE.match(doc.match_text[m.span.end:m.span.end + 1]) is not None and any(
        o.span.start == m.span.start and m.span.end < o.span.end for o in others)


@component("world", order=95, sees_mentions=True,
           user_words=lambda: [(n, "ns") for n in world_names() if len(n) >= 3])
def find_world_areas(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Countries, world regions and world cities named as places, unless they only open a longer name."""
    found = [*lexicon_mentions(doc, world_names(), "AdministrativeArea", "world", confidence=0.85),
             *_region_groups(doc)]
    return [m for m in one_per_span(found) if _stands_alone(doc, m) and not _opens_name(doc, m, mentions)]
