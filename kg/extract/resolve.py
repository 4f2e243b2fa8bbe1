"""Merge mentions into entities: same class and canonical key → one entity; obvious aliases merged.

Aliases merged within a class: a short form that the lexicon already expanded (宝坻 → 宝坻区), a name
plus a generic suffix (南港 / 南港工业区, 国能 / 国能集团), and a contraction that keeps the first and
last characters in order (天开园 / 天开高教科创园). A short form that could belong to two longer names
is left alone rather than guessed.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict

from kg.ingest.document import Document
from kg.model import Entity, Mention

_QUOTES = str.maketrans("", "", "“”\"'‘’《》〈〉「」『』 \u3000")

GENERIC_SUFFIXES = {
    "AdministrativeArea": ("省", "市", "区", "县", "新区", "镇", "乡", "街道", "自治区", "自治州", "自治县",
                           "地区", "盟", "旗"),
    "Enterprise": ("集团", "公司", "集团公司", "有限公司", "股份有限公司", "控股", "股份"),
    "Zone": ("园", "园区", "工业区", "开发区", "经开区", "高新区", "片区", "港区", "新城", "科技城", "示范区",
             "试验区"),
    "Organization": ("中心", "研究院", "大学", "学院", "医院", "委员会"),
    "Policy": ("政策", "规划", "行动", "工作", "工程", "战略", "计划", "试点", "改革", "行动计划"),
}


def name_key(name: str) -> str:
    """The key names are compared by: NFKC, no quotes or book-title marks, no spaces.

    >>> name_key("“十项行动”")
    '十项行动'
    """
    return unicodedata.normalize("NFKC", name).translate(_QUOTES).lower()


def _is_contraction(short: str, long: str) -> bool:
    """天开园 contracts 天开高教科创园: same first two and last characters, the rest in order."""
    if len(short) < 3 or len(short) >= len(long) or short[:2] != long[:2] or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def _is_suffix_variant(short: str, long: str, cls: str) -> bool:
    """南港 is 南港工业区 without its generic suffix."""
    return len(short) >= 2 and long.startswith(short) and long[len(short):] in GENERIC_SUFFIXES.get(cls, ())


def resolve(mentions: list[Mention], *, doc: Document | None = None) -> list[Entity]:
    """Group mentions into entities by class and canonical key, then merge unambiguous aliases."""
    groups: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for m in mentions:
        groups[(m.cls, name_key(m.canonical or m.text))].append(m)
    by_class: dict[str, list[str]] = defaultdict(list)
    for cls, key in groups:
        by_class[cls].append(key)
    target: dict[tuple[str, str], tuple[str, str]] = {}
    for cls, keys in by_class.items():
        # Both alias tests need the longer key to share the short one's first two characters, so
        # only that bucket is tested: the pairwise scan over every key was quadratic per class.
        by_head: dict[str, list[str]] = defaultdict(list)
        for k in keys:
            by_head[k[:2]].append(k)
        for short in keys:
            if len(short) < 2:
                continue
            longer = [k for k in by_head[short[:2]]
                      if k != short and (_is_suffix_variant(short, k, cls) or _is_contraction(short, k))]
            if len(longer) == 1:
                target[(cls, short)] = (cls, longer[0])
    merged: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for key, ms in groups.items():
        root = key
        seen = {root}
        while root in target and target[root] not in seen:
            root = target[root]
            seen.add(root)
        merged[root].extend(ms)
    entities = [_entity(cls, ms) for (cls, _), ms in merged.items()]
    return sorted(entities, key=lambda e: (e.cls, e.label))


def _entity(cls: str, mentions: list[Mention]) -> Entity:
    """Build one entity: the fullest name is the label, other surface forms are aliases."""
    names = {m.canonical for m in mentions if m.canonical} | {m.text for m in mentions}
    canonical = [m.canonical for m in mentions if m.canonical]
    label = max(canonical or names, key=lambda n: (len(name_key(n)), n))
    aliases = {n for n in names if n != label}
    codes = sorted({m.division_code for m in mentions if m.division_code})
    parents = sorted({m.parent_label for m in mentions if m.parent_label})
    ordered = sorted(mentions, key=lambda m: (m.span.start, m.extractor))
    return Entity(cls=cls, label=label, aliases=aliases, mentions=ordered,
                  division_code=codes[0] if len(codes) == 1 else None,
                  parent_label=parents[0] if len(parents) == 1 else None)
