"""The extractor registry and the Pipeline that runs components in order over one Document.

A component is a plain function registered with ``@component``. Mention components see the
document and return Mentions; the pipeline resolves mentions into entities; fact components then
see the document and the entities and return Relations or Indicators. Adding a component never
means editing another: every module of ``kg.extract`` is imported and registers itself.
"""

from __future__ import annotations

import hashlib
import importlib
import pkgutil
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from kg.extract.curation import Edit, apply_curation
from kg.ingest.document import Document
from kg.ingest.tokenize import add_user_words, known_word, tokenize
from kg.model import Entity, Indicator, Mention, Relation

STAGES = ("mentions", "relations", "indicators")


@dataclass(frozen=True)
class Component:
    """A registered extractor: its name, the stage it feeds, its order and its function."""

    name: str
    produces: str
    func: Callable
    order: int = 100
    user_words: Callable[[], Iterable[tuple[str, str]]] | None = None
    sees_mentions: bool = False  # a mention component that also reads what earlier components found


REGISTRY: dict[str, Component] = {}


def component(
    name: str,
    *,
    produces: str = "mentions",
    order: int = 100,
    user_words: Callable[[], Iterable[tuple[str, str]]] | None = None,
    sees_mentions: bool = False,
) -> Callable[[Callable], Callable]:
    """Register an extractor function under a name for one stage (mentions, relations or indicators).

    A mention component is called as ``func(doc)``, or ``func(doc, mentions)`` with ``sees_mentions``;
    relation and indicator components as ``func(doc, entities)``.
    """
    if produces not in STAGES:
        raise ValueError(f"component {name}: produces must be one of {STAGES}, not {produces!r}")

    def wrap(func: Callable) -> Callable:
        if name in REGISTRY and REGISTRY[name].func is not func:
            raise ValueError(f"component {name!r} is registered twice")
        REGISTRY[name] = Component(name, produces, func, order, user_words, sees_mentions)
        return func

    return wrap


def load_components() -> dict[str, Component]:
    """Import every module of kg.extract so each registers its components; return the registry."""
    import kg.extract

    for info in pkgutil.iter_modules(kg.extract.__path__):
        importlib.import_module(f"kg.extract.{info.name}")
    return REGISTRY


def genre_verbs() -> list[tuple[str, str]]:
    """The genre's clause-opening verbs jieba does not know (做强, 建强, 全链条), as user words, so that
    segmentation gives every extractor the same boundary."""
    from kg.extract.lexicons.genre import LEADING_VERBS

    return [(word, "v") for word in sorted(LEADING_VERBS) if len(word) > 1 and not known_word(word)]


@dataclass(frozen=True)
class PipelineSpec:
    """What a worker process needs to make the same pipeline: component names (None = all) and curation."""

    names: tuple[str, ...] | None = None
    curation: tuple[Edit, ...] = ()
    model: str = "none"  # the mention model: "none" (rules alone), "shipped" or a file path

    def make(self) -> Pipeline:
        """A pipeline built from this spec."""
        return Pipeline(list(self.names) if self.names is not None else None, curation=self.curation,
                        model=self.model)

    def make_fingerprint(self) -> str:
        """The kg:builtWith stamp a pipeline of this spec writes, without loading the pipeline."""
        names = self.names if self.names is not None else tuple(
            sorted(load_components(), key=lambda n: (REGISTRY[n].order, n)))
        from kg.extract.mention_model import model_digest

        config = "|".join([*names, *map(repr, self.curation), f"model={model_digest(self.model)}"])
        return f"{code_fingerprint()}-{hashlib.sha256(config.encode()).hexdigest()[:8]}"


@lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """A hash of the extraction code and lexicons, so a store rebuilds documents that older code extracted."""
    root = Path(__file__).parents[1]  # kg/: extraction lives in kg/extract, with its lexicons, resolve and curation
    digest = hashlib.sha256()
    files = [*sorted((root / "extract").rglob("*.py"))]
    files += [root / name for name in ("ingest/document.py", "ingest/tokenize.py", "rdf/graph.py")]
    for path in files:
        if path.exists():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


@dataclass
class Extraction:
    """What a pipeline run found in one document."""

    doc: Document
    mentions: list[Mention] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    timings: dict[str, float] = field(default_factory=dict)
    built_with: str = ""  # kg:builtWith: the code and configuration that produced this extraction


class Pipeline:
    """Runs a configurable list of components: mentions → resolve → relations and indicators."""

    def __init__(self, names: Sequence[str] | None = None, *, exclude: Sequence[str] = (),
                 curation: Sequence[Edit] = (), model: str | None = None) -> None:
        from kg.extract.mention_model import BY_DEFAULT, NO_MODEL, load_model, model_path

        registry = load_components()
        unknown = [n for n in [*(names or []), *exclude] if n not in registry]
        if unknown:
            raise ValueError(f"unknown component(s) {unknown}; known: {sorted(registry)}")
        chosen = list(names) if names is not None else sorted(registry, key=lambda n: (registry[n].order, n))
        self.components = [registry[n] for n in chosen if n not in exclude]
        self.curation = list(curation)
        if model is None:  # the shipped model learned over every component's candidates, not over a chosen few
            model = BY_DEFAULT if names is None and not exclude else NO_MODEL
        path = model_path(model)
        self.model = load_model(str(path)) if path else None  # the learned keep/relabel layer, or rules alone
        self.spec = PipelineSpec(tuple(self.names), tuple(self.curation), str(path) if path else NO_MODEL)
        self.fingerprint = self.spec.make_fingerprint()
        words: list[tuple[str, str]] = list(genre_verbs())
        for comp in self.components:
            if comp.user_words:
                words.extend(comp.user_words())
        add_user_words(words)

    @property
    def names(self) -> list[str]:
        """Names of the components this pipeline runs, in order."""
        return [c.name for c in self.components]

    def candidates(self, doc: Document, timings: dict[str, float] | None = None) -> list[Mention]:
        """Tokenise the document and run the mention components: every candidate, before any filtering."""
        timings = {} if timings is None else timings
        started = time.perf_counter()
        doc.tokens = tokenize(doc.match_text)
        timings["tokenize"] = time.perf_counter() - started
        mentions: list[Mention] = []
        for comp in self.components:
            if comp.produces != "mentions":
                continue
            started = time.perf_counter()
            found = comp.func(doc, list(mentions)) if comp.sees_mentions else comp.func(doc)
            mentions.extend(found)
            timings[comp.name] = time.perf_counter() - started
        from kg.extract.governing_verbs import trim_governing_verbs

        return trim_governing_verbs(doc, mentions)

    def __call__(self, doc: Document) -> Extraction:
        """Tokenise the document, run every component and return what they found."""
        from kg.extract.issuer_area import with_issuer_area
        from kg.extract.resolve import resolve

        result = Extraction(doc, built_with=self.fingerprint)
        result.mentions = self.candidates(doc, result.timings)
        if self.model is not None:
            started = time.perf_counter()
            result.mentions = self.model.apply(doc, result.mentions)
            result.timings["mention_model"] = time.perf_counter() - started
        result.mentions = _drop_overlaps(result.mentions)
        result.entities = resolve(result.mentions, doc=doc)
        # The issuer acts as its area in relations (kg:issuer): an entity of every graph, mentioned or not.
        result.entities = sorted(with_issuer_area(result.entities, doc), key=lambda e: (e.cls, e.label))
        if self.curation:
            result.entities = apply_curation(result.entities, self.curation)
        for comp in self.components:
            if comp.produces == "mentions":
                continue
            started = time.perf_counter()
            found = comp.func(doc, result.entities)
            (result.relations if comp.produces == "relations" else result.indicators).extend(found)
            result.timings[comp.name] = time.perf_counter() - started
        return result


ACTOR_CLASSES = ("Enterprise", "Organization", "AdministrativeArea", "Zone")


def _keeps_nested(outer: Mention, inner: Mention) -> bool:
    """Whether a mention inside another names something of its own.

    Kept: what a lexicon or pattern found inside another class's name (生物制造 in 国投生物制造创新研究院), an
    actor or place that a suffix rule found at the head of a longer name (新津理事会 in 新津理事会第十次会议),
    and a same-class head of an enterprise (国能集团 in 国能集团航运公司). Dropped: a suffix match inside a
    longer name (…产业 in …产业博览会), a quote that names the longer thing (“汉语桥” in “汉语桥”比赛).
    """
    head = outer.text.startswith(inner.text)
    if inner.extractor == "policies.quoted" and head:
        return inner.cls == outer.cls and len(outer.text) - len(inner.text) <= 2
    if inner.cls == outer.cls:
        return head and inner.cls == "Enterprise" and inner.extractor != outer.extractor
    if inner.extractor.endswith(".suffix"):
        return inner.cls in ACTOR_CLASSES and head
    return True


def _drop_overlaps(mentions: list[Mention]) -> list[Mention]:
    """Resolve overlapping mentions: longest first; nested ones stay when they name something else,
    crossing ones are dropped; identical spans found by several extractors are all kept for credit."""
    ordered = sorted(mentions, key=lambda m: (-(m.span.end - m.span.start), -m.confidence, m.span.start, m.cls))
    taken: list[Mention] = []
    # Taken mentions by each character they cover, so a mention meets only those it overlaps instead of
    # every one taken so far; the verdict is all-or-nothing over them, so their order does not matter.
    # Empty spans cover no character: they are always checked, and an empty mention checks all.
    at: dict[int, list[Mention]] = defaultdict(list)
    empty: list[Mention] = []
    for m in ordered:
        keep = True
        if m.span.start >= m.span.end:
            near = taken
        else:
            seen = {id(o): o for pos in range(m.span.start, m.span.end) for o in at.get(pos, ())}
            near = [*seen.values(), *empty]
        for other in near:
            if not (m.span.start < other.span.end and other.span.start < m.span.end):
                continue
            if other.span == m.span:
                keep = other.cls == m.cls and other.extractor != m.extractor
            elif other.span.start <= m.span.start and m.span.end <= other.span.end:
                keep = _keeps_nested(other, m)
            else:
                keep = False
            if not keep:
                break
        if keep:
            taken.append(m)
            if m.span.start >= m.span.end:
                empty.append(m)
            for pos in range(m.span.start, m.span.end):
                at[pos].append(m)
    return sorted(taken, key=lambda m: (m.span.start, m.span.end, m.cls, m.extractor))
