"""The metric scheme (ontology/metrics.ttl): which known quantity an indicator's metric names, if any.

A metric in the text's words (全省地区生产总值增长, 国内生产总值增速, GDP增长) is reduced to a key — scope words,
comparison bases and the manner of growth (比上年, 年均, 实际) removed, 增速/增幅 written 增长 — and looked up among
the keys of every concept's labels. A metric that does not match a label exactly has no concept, and so does
one whose unit does not fit the concept (a growth in 亿元, a GDP in %): none is better than a wrong one.

>>> measure_of("全省地区生产总值增长", "%"), measure_of("国内生产总值比上年增长", "%"), measure_of("经济增长", "亿元")
('gdp-growth', 'gdp-growth', None)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from pyoxigraph import NamedNode, RdfFormat, parse

from kg.rdf.namespace import METRIC_NS
from kg.rdf.ontology import ontology_text

SKOS = "http://www.w3.org/2004/02/skos/core#"

# Scope words before the quantity: who or where it is counted, not what.
SCOPE = re.compile(r"^(?:全国|全省|全市|全区|全县|全州|全盟|全自治区|全域|我国|我省|我市|我区|本市|本省|各地|城乡|)"
                   r"(?:全年|年度|当年|)")
# Comparison bases and the manner of a change: 比上年增长 and 年均增长 say how, not what.
MANNER = re.compile(r"比上年|较上年|比去年|同比|年均|年平均|平均每年|每年平均|实际|名义|可比价")
PLANNED = re.compile(r"^(?:拟安排|拟发行|安排|拟)")  # 拟安排财政赤字: the deficit, planned
AVERAGED = re.compile(r"平均$")  # 城镇调查失业率平均5.2%: the year's average is the year's rate
GROWTH_WORDS = re.compile(r"(?:增长速度|增长率|增速|增幅)$")
QUOTES = re.compile(r"[“”\"'《》「」\s]")
BRACKETED = re.compile(r"[（(][^（()）]*[）)]")
# Concepts whose values are rates, shares or changes (in %), by the last word of their slug.
PERCENT_SLUGS = re.compile(r"(?:growth|reduction|rate|intensity|unemployment|coverage|ratio|days|cpi)$")
PERCENT_UNITS = ("%", "‰")
# Units of the level concepts, so that a count of something else is never taken for them.
LEVEL_UNITS: dict[str, tuple[str, ...]] = {
    "gdp": ("元",), "budget-revenue": ("元",), "retail-sales": ("元",), "trade": ("元",), "deficit": ("元",),
    "special-bonds": ("元",), "foreign-investment": ("元",), "fixed-asset-investment": ("元",),
    "grain-output": ("斤", "吨"), "new-urban-jobs": ("人",), "pm25": ("立方米",),
    "rural-poverty-reduction": ("人",), "gdp-per-capita": ("元",), "tourist-visits": ("人次",),
    "tech-contract-turnover": ("元",), "high-value-patents-per-10k": ("件",), "life-expectancy": ("岁",),
    "grain-sown-area": ("亩", "公顷"), "expressway-length": ("公里",), "high-speed-rail-length": ("公里",),
    "income": ("元",), "urban-income": ("元",), "rural-income": ("元",), "rural-net-income": ("元",),
    "forex-reserves": ("元",), "afforestation": ("亩", "公顷"),
    "high-standard-farmland": ("亩", "公顷"), "forest-planting-and-tending": ("亩", "公顷"),
    "old-compounds-renovated": ("个",), "rural-roads-built": ("公里",), "5g-base-stations": ("个", "座", "站"),
    "power-capacity": ("千瓦",), "renewable-capacity": ("千瓦",), "vocational-training": ("人次", "人"),
    "rural-labour-transfer": ("人", "人次"), "tech-smes": ("家",), "high-tech-enterprises": ("家",),
    "little-giant-enterprises": ("家",), "rural-dilapidated-housing": ("户", "套", "间"),
}


@dataclass(frozen=True)
class Concept:
    """One concept of the metric scheme: its slug, labels in Chinese and English, and its Chinese wordings."""

    slug: str
    label_zh: str
    label_en: str
    alt_labels: tuple[str, ...]

    @property
    def iri(self) -> str:
        """The concept's IRI in the metric scheme."""
        return METRIC_NS + self.slug


def metric_key(text: str) -> str:
    """The lookup key of a metric or label: scope, base and manner words removed, growth written 增长.

    >>> metric_key("全省地区生产总值年均增速"), metric_key("细颗粒物（PM2.5）平均浓度")
    ('地区生产总值增长', '细颗粒物平均浓度')
    """
    text = BRACKETED.sub("", QUOTES.sub("", unicodedata.normalize("NFKC", text)))
    text = BRACKETED.sub("", text)
    text = MANNER.sub("", SCOPE.sub("", PLANNED.sub("", text, count=1), count=1))
    return GROWTH_WORDS.sub("增长", AVERAGED.sub("", text)).upper()


@cache
def concepts() -> dict[str, Concept]:
    """Every concept of the scheme shipped with the ontology, by slug."""
    labels: dict[str, dict[str, list[str]]] = {}
    for triple in parse(ontology_text("metrics.ttl").encode("utf-8"), format=RdfFormat.TURTLE):
        subject, predicate, obj = triple.subject, triple.predicate, triple.object
        if not isinstance(subject, NamedNode) or not subject.value.startswith(METRIC_NS) or subject.value == METRIC_NS:
            continue
        slug = subject.value[len(METRIC_NS):]
        entry = labels.setdefault(slug, {})
        name = predicate.value.removeprefix(SKOS)
        if name in ("prefLabel", "altLabel"):
            entry.setdefault(f"{name}@{obj.language}", []).append(obj.value)
    return {slug: Concept(slug, e.get("prefLabel@zh", [slug])[0], e.get("prefLabel@en", [slug])[0],
                          tuple(e.get("altLabel@zh", [])))
            for slug, e in sorted(labels.items())}


@cache
def _index() -> dict[str, str]:
    """Label key → slug; a key two concepts share is dropped (it could mean either)."""
    index: dict[str, str] = {}
    clashes: set[str] = set()
    for concept in concepts().values():
        for label in (concept.label_zh, concept.label_en, *concept.alt_labels):
            key = metric_key(label)
            if index.get(key, concept.slug) != concept.slug:
                clashes.add(key)
            index[key] = concept.slug
    for key in clashes:
        del index[key]
    return index


def _unit_fits(slug: str, unit: str) -> bool:
    """True when a value in ``unit`` can be a value of the concept (a rate in %, a GDP in 元)."""
    if PERCENT_SLUGS.search(slug):
        return unit in PERCENT_UNITS
    if slug in LEVEL_UNITS:
        return any(unit.endswith(u) for u in LEVEL_UNITS[slug])
    return unit not in PERCENT_UNITS


def measure_of(metric: str, unit: str, direction: str | None = None) -> str | None:
    """The slug of the concept a metric names with a value in ``unit``, or None when it names none for sure.

    A level named with a growth in % (地区生产总值 … 增长8％ parsed as 地区生产总值) is the level's growth.

    >>> measure_of("城镇调查失业率", "%"), measure_of("地区生产总值", "万亿元")
    ('surveyed-unemployment', 'gdp')
    >>> measure_of("地区生产总值", "%", "increase")
    'gdp-growth'
    >>> measure_of("重点项目", "个") is None
    True
    """
    key = metric_key(metric)
    if not key:
        return None
    index = _index()
    slug = index.get(key)
    if (slug is None or not _unit_fits(slug, unit)) and direction == "increase" and unit in PERCENT_UNITS:
        slug = index.get(key + "增长")
    if slug is None or not _unit_fits(slug, unit):
        return None
    return slug


def resolve_measure(name: str) -> Concept | None:
    """The concept a user names by slug, IRI or any of its labels (gdp-growth, 地区生产总值增长, GDP growth)."""
    name = name.strip()
    table = concepts()
    slug = name.removeprefix(METRIC_NS)
    if slug in table:
        return table[slug]
    for concept in table.values():
        if name.lower() in (concept.label_en.lower(), concept.label_zh) or name in concept.alt_labels:
            return concept
    found = _index().get(metric_key(name))
    return table[found] if found else None
