"""Plain, immutable records that flow through the pipeline: spans, mentions, entities, relations, indicators."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

ENTITY_CLASSES: tuple[str, ...] = (
    "Enterprise",
    "AdministrativeArea",
    "Zone",
    "Project",
    "Policy",
    "Organization",
    "Event",
    "Industry",
)

RELATION_TYPES: tuple[str, ...] = ("locatedIn", "partOf", "cooperatesWith", "implements", "invests", "hosts")


@dataclass(frozen=True, order=True)
class Span:
    """Character offsets [start, end) in a document's normalised text."""

    start: int
    end: int


@dataclass(frozen=True)
class Section:
    """A heading-delimited part of a document; ``parent`` is the index of the enclosing section or None."""

    index: int
    heading: str
    level: int
    span: Span
    parent: int | None


@dataclass(frozen=True)
class Sentence:
    """One sentence with its offsets and the section it belongs to."""

    index: int
    text: str
    span: Span
    section: int


@dataclass(frozen=True)
class Token:
    """A jieba token with its part-of-speech tag and document offsets."""

    word: str
    pos: str
    span: Span


@dataclass(frozen=True)
class Mention:
    """A surface form of an entity class found by one extractor in one sentence."""

    text: str
    cls: str
    span: Span
    sentence: int
    extractor: str
    confidence: float = 0.8
    canonical: str | None = None  # a fuller name the extractor already knows (e.g. 宝坻 → 宝坻区)
    division_code: str | None = None
    parent_label: str | None = None  # for areas: the canonical name of the parent division


@dataclass
class Entity:
    """A resolved entity: canonical label, aliases and every mention that refers to it."""

    cls: str
    label: str
    aliases: set[str] = field(default_factory=set)
    mentions: list[Mention] = field(default_factory=list)
    division_code: str | None = None
    parent_label: str | None = None  # the parent area's canonical name, for kg:partOf

    @property
    def extractors(self) -> list[str]:
        """Names of the extractors that found this entity, sorted."""
        return sorted({m.extractor for m in self.mentions})

    @property
    def confidence(self) -> float:
        """Best mention confidence, raised a little when several extractors agree."""
        best = max((m.confidence for m in self.mentions), default=0.0)
        bonus = 0.05 * (len(self.extractors) - 1)
        return round(min(1.0, best + bonus), 2)


@dataclass(frozen=True)
class Relation:
    """A typed relation between two entities (by class and label) stated in one sentence."""

    subject: tuple[str, str]
    predicate: str
    object: tuple[str, str]
    sentence: int
    extractor: str
    confidence: float = 0.7


@dataclass(frozen=True)
class Indicator:
    """A quantitative statement: metric, value, unit, qualifier, year and kind (Actual or Target)."""

    metric: str
    value: Decimal
    unit: str
    span: Span
    sentence: int
    kind: str
    year: int | None = None
    qualifier: str | None = None
    direction: str | None = None  # "increase" / "decrease" when the text says so
    about: tuple[str, str] | None = None
    extractor: str = "indicators"
    measure: str | None = None  # slug of the metric scheme's concept (gdp-growth), when the metric names one
    value_max: Decimal | None = None  # upper bound of a range (增长5%—5.5%: value 5, value_max 5.5)
    period: str | None = None  # "2021-2025" for a value over several years (年均增长, “十四五”时期累计)
