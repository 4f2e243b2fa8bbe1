"""Shared view for the relation rules: entity mentions placed in clauses, and the issuer area.

A rule sees a document as clauses (text between ，；：。) holding the entity mentions found in them. The
report's implicit actor (我们, its own government) is the issuer area, an entity of every document with an
issuer (kg.extract.issuer_area): 天津市 implements, 天津市 hosts (在津举办). Rules only ever relate entities
of the list.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from kg.ingest.document import Document
from kg.model import Entity, Relation

CLAUSE_END = re.compile(r"[，,；;：:。！？!?]")
PUNCT = set("，,；;：:。！？!?、（）()“”‘’《》")
AREA_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "省", "市")
# Country-level names: 中国资源循环集团 is not "located in" China in the sense analysts query.
NATIONAL_NAMES = frozenset({"中国", "中华人民共和国", "全国", "我国", "国家"})
# One-character abbreviations of province-level divisions, used only in fixed collocations (在津, 来沪).
PROVINCE_ABBR = {
    "北京": "京", "天津": "津", "上海": "沪", "重庆": "渝", "河北": "冀", "山西": "晋", "辽宁": "辽", "吉林": "吉",
    "黑龙江": "黑", "江苏": "苏", "浙江": "浙", "安徽": "皖", "福建": "闽", "江西": "赣", "山东": "鲁", "河南": "豫",
    "湖北": "鄂", "湖南": "湘", "广东": "粤", "海南": "琼", "四川": "川", "贵州": "黔", "云南": "滇", "陕西": "陕",
    "甘肃": "甘", "青海": "青", "内蒙古": "蒙", "广西": "桂", "西藏": "藏", "宁夏": "宁", "新疆": "新",
}
SELF_WORDS = ("我们", "我市", "我省", "我区", "我县", "全市", "全省", "全区", "本市", "本省")
ACTOR_CLASSES = frozenset({"Enterprise", "Organization", "Zone", "Project"})
PLACE_CLASSES = frozenset({"AdministrativeArea", "Zone"})
LIST_JOINERS = ("", "、", "和", "与", "及", "以及")
# What follows a thing's name in the name of a phase or section of it: 二期, 东段, 首开段, 延伸线 (…工程).
PHASE = re.compile(r"^(?:[一二三四五六七八九十\d]+期)?(?:[东南西北中]段|首开段|延伸线|支线|[一二三四五六七八九十\d]+期|"
                   r"[东南西北中]线(?:主通道|工程)?|主通道)(?:工程|项目)?$")

# A zone's stem that is a rank or a kind, not a place's name: 国家级高新区 lends nothing to 国家级种业中心, 自贸港
# is no 自贸试验区.
GENERIC_STEM = re.compile(r"^(?:国家|省级|市级|县级|自贸|自由贸易|综合|重点|特色|现代|高新|经济|开放|国际|境外|海外)")
# Wide zones the entity rules may take for projects: 虹桥国际开放枢纽, 某某合作区, 某某新片区.
WIDE_PROJECT = re.compile(r"(?:开放枢纽|新片区|合作区)$")


@dataclass(frozen=True)
class Hit:
    """One mention of an entity, by document offsets."""

    ent: Entity
    start: int
    end: int


@dataclass(frozen=True)
class Clause:
    """Text between clause punctuation, with the outermost entity mentions inside it."""

    sentence: int
    start: int
    end: int
    text: str
    hits: tuple[Hit, ...]
    nested: tuple[Hit, ...] = ()  # every hit, nested ones too (城市更新 inside 城市更新项目)

    def local(self, offset: int) -> int:
        """A document offset as an offset into ``text``."""
        return offset - self.start

    def between(self, a: int, b: int) -> str:
        """Clause text between two document offsets ('' when b <= a)."""
        return self.text[self.local(a): self.local(b)] if b > a else ""

    def hits_in(self, a: int, b: int) -> list[Hit]:
        """Hits lying inside the document range [a, b)."""
        return [h for h in self.hits if a <= h.start and h.end <= b]


def key(ent: Entity) -> tuple[str, str]:
    """The (class, label) pair a Relation refers to an entity by."""
    return (ent.cls, ent.label)


def names(ent: Entity) -> set[str]:
    """Every name of an entity: its label and aliases, without quotes."""
    return {n.strip("“”\"‘’《》") for n in {ent.label, *ent.aliases}} - {""}


def issuer_names(issuer: str | None) -> tuple[set[str], set[str]]:
    """Full and short names of the issuer (天津市 → 天津), and its one-character abbreviation if any.

    >>> issuer_names("天津市")
    ({'天津市', '天津'}, {'津'})
    """
    if not issuer:
        return set(), set()
    if issuer == "中华人民共和国":
        return {"中华人民共和国", "中国", "我国"}, set()
    full = {issuer}
    for suffix in AREA_SUFFIXES:
        if issuer.endswith(suffix) and len(issuer) - len(suffix) >= 2:
            full.add(issuer[: -len(suffix)])
            break
    abbr = {PROVINCE_ABBR[n] for n in full if n in PROVINCE_ABBR}
    return full, abbr


def government_label(issuer: str | None) -> str | None:
    """The canonical name of the issuing government: 天津市 → 天津市人民政府, the nation → 国务院."""
    if not issuer:
        return None
    return "国务院" if issuer == "中华人民共和国" else f"{issuer}人民政府"


class Context:
    """The entities of one document placed in its clauses, plus the issuer area entity."""

    def __init__(self, doc: Document, entities: list[Entity]) -> None:
        self.doc = doc
        self.entities = entities
        self.issuer_full, self.issuer_abbr = issuer_names(doc.issuer)
        self.issuer_area = self._issuer_area()

    @classmethod
    def of(cls, doc: Document, entities: list[Entity]) -> Context:
        """The context of a document and its entities, shared by the relation components of one run."""
        global _LAST
        if _LAST is None or _LAST.doc is not doc or _LAST.entities is not entities:
            _LAST = cls(doc, entities)
        return _LAST

    def _issuer_area(self) -> Entity | None:
        """The AdministrativeArea entity labelled as the issuer (else one named like it), if any."""
        areas = [e for e in self.entities if e.cls == "AdministrativeArea"]
        exact = next((e for e in areas if e.label == self.doc.issuer), None)
        return exact or next((e for e in areas if names(e) & self.issuer_full), None)

    @cached_property
    def clauses(self) -> list[Clause]:
        """Every clause of the document with its outermost hits, in text order."""
        by_sentence: dict[int, list[Hit]] = defaultdict(list)
        for ent in self.entities:
            for m in ent.mentions:
                by_sentence[m.sentence].append(Hit(ent, m.span.start, m.span.end))
        text = self.doc.match_text
        out: list[Clause] = []
        for sent in self.doc.sentences:
            hits = sorted(by_sentence.get(sent.index, []), key=lambda h: (h.start, -h.end))
            outer = [h for h in hits if not any(o is not h and o.start <= h.start and h.end <= o.end
                                                and (o.end - o.start) > (h.end - h.start) for o in hits)]
            start = sent.span.start
            cuts = [m.end() for m in CLAUSE_END.finditer(text, sent.span.start, sent.span.end)]
            for end in [*cuts, sent.span.end]:
                if end > start:
                    inside = tuple(h for h in outer if start <= h.start and h.end <= end)
                    every = tuple(h for h in hits if start <= h.start and h.end <= end)
                    out.append(Clause(sent.index, start, end, text[start:end], inside, every))
                start = end
        return out

    def is_self(self, text: str) -> bool:
        """Whether a short text names the report's own side: 我们, 我市, 天津, 在津 …"""
        stripped = text.strip()
        return stripped in SELF_WORDS or stripped in self.issuer_full or stripped in self.issuer_abbr

    def mentions_issuer(self, text: str) -> bool:
        """Whether a clause names the issuer: its full or short name, or its abbreviation in 在津/来津/津门/津城."""
        if any(n in text for n in self.issuer_full):
            return True
        return any(f"{pre}{a}" in text for a in self.issuer_abbr for pre in ("在", "来", "赴", "驻", "留")) or \
            any(f"{a}{post}" in text for a in self.issuer_abbr for post in ("门", "城"))


# The relation components run one after another over the same document: build its clauses once.
_LAST: Context | None = None


def relation(subject: Entity, predicate: str, obj: Entity, sentence: int, extractor: str,
             confidence: float) -> Relation | None:
    """A Relation between two distinct entities (None for an entity and itself)."""
    if key(subject) == key(obj):
        return None
    return Relation(key(subject), predicate, key(obj), sentence, extractor, confidence)


def dedupe(found: Iterable[Relation | None]) -> list[Relation]:
    """One relation per (subject, predicate, object, sentence), the most confident kept; order is stable."""
    best: dict[tuple, Relation] = {}
    for rel in found:
        if rel is None:
            continue
        k = (rel.subject, rel.predicate, rel.object, rel.sentence)
        if k not in best or rel.confidence > best[k].confidence:
            best[k] = rel
    return sorted(best.values(), key=lambda r: (r.sentence, r.predicate, r.subject, r.object, r.extractor))


def _chain(hits: list[Hit], gap_of, classes: frozenset[str], max_gap: int) -> list[Hit]:
    """Walk ``hits`` outward from a cue: the first within ``max_gap`` characters (no punctuation), the rest
    joined by 、 和 与 及 以及, all of the given classes. ``gap_of(hit, previous)`` is the text between them."""
    out: list[Hit] = []
    previous = None
    for hit in hits:
        gap = gap_of(hit, previous).replace("“", "").replace("”", "")  # quotes around names are not a break
        if previous is None:
            if len(gap) > max_gap or any(ch in PUNCT for ch in gap):
                break
        elif gap not in LIST_JOINERS:
            break
        if hit.ent.cls not in classes:
            break
        out.append(hit)
        previous = hit
    return out


def chain_before(clause: Clause, end: int, classes: frozenset[str], *, max_gap: int = 6) -> list[Hit]:
    """The list of hits ending just before ``end`` (A、B和C等 …), nearest last; gaps hold no punctuation.

    Between list members only 、 和 与 及 以及 are allowed; the last member may be followed by up to
    ``max_gap`` characters such as 等, 总部, 项目 before ``end``.
    """
    before = [h for h in reversed(clause.hits) if h.end <= end]
    found = _chain(before, lambda hit, prev: clause.between(hit.end, prev.start if prev else end), classes, max_gap)
    return list(reversed(found))


def chain_after(clause: Clause, start: int, classes: frozenset[str], *, max_gap: int = 6) -> list[Hit]:
    """The list of hits starting just after ``start`` (A、B和C …); the first within ``max_gap`` characters."""
    after = [h for h in clause.hits if h.start >= start]
    return _chain(after, lambda hit, prev: clause.between(prev.end if prev else start, hit.start), classes, max_gap)


def cue_matches(pattern: re.Pattern[str], clauses: list[Clause]) -> Iterator[tuple[Clause, int, int]]:
    """Every match of a cue pattern in every clause, as (clause, document start, document end)."""
    for clause in clauses:
        for m in pattern.finditer(clause.text):
            yield clause, clause.start + m.start(), clause.start + m.end()


def adjacent_hits(clauses: list[Clause]) -> Iterator[tuple[Clause, Hit, Hit]]:
    """Every pair of neighbouring outermost hits of every clause, as (clause, first, second)."""
    for clause in clauses:
        for a, b in zip(clause.hits, clause.hits[1:], strict=False):
            yield clause, a, b


def wide_projects(ctx: Context) -> list[Entity]:
    """Projects named as wide zones (虹桥国际开放枢纽): zones to the place rules, whatever type they were given."""
    return [e for e in ctx.entities if e.cls == "Project" and e.mentions and WIDE_PROJECT.search(e.label)]
