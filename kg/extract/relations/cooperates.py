"""kg:cooperatesWith — two parties working together (symmetric; asserted once, subject first in the text).

Rules, each named in kg:extractor, with its confidence:
- ``relations.cooperatesWith.yu`` 0.75 — (A)与/同B(、C)…合作/共建/对接/协同/协作/签署: A, or when the clause
  names no one before 与, the report's side (the issuer area).
- ``relations.cooperatesWith.dui`` 0.7 — (扩大/深化)对B(和C)(开放)合作/交流: the report's side and B
  (扩大对东北亚开放合作).
- ``relations.cooperatesWith.xieshou`` 0.7 — A携手B, 携手B (the report's side).
- ``relations.cooperatesWith.jieru`` 0.6 — A接入/联通B: 某港接入某航运网络.
- ``relations.cooperatesWith.dash`` 0.6 — two areas (or an area and a body) joined by a dash in a name of what
  they build together: 中国－东盟自贸区, 北京-雄安人才科创走廊, 中国—上海合作组织冰雪体育示范区. Not a body that is
  itself the thing named (中国—某贸易合作平台: the platform, not a partner).
- ``relations.cooperatesWith.pair`` 0.6 — two provinces' one-character names before 合作/协作: 京津合作示范区,
  浙川东西部协作.
"""

from __future__ import annotations

import re

from kg.extract.pipeline import component
from kg.extract.relations.base import (
    PROVINCE_ABBR,
    PUNCT,
    Clause,
    Context,
    chain_after,
    chain_before,
    cue_matches,
    dedupe,
    names,
    relation,
)
from kg.ingest.document import Document
from kg.model import Entity, Relation

PARTIES = frozenset({"Enterprise", "Organization", "Zone", "AdministrativeArea", "Project"})
WITH = re.compile(r"(?<![参给赋授])(?:与|同)(?!会|时|此|步|样|比|期)")
COOPERATE = re.compile(r"合作|共建|对接|协同|协作|联动|签约|签署|共享|共同|联合|交流")
# Words a clause may open with when 我们 is the unnamed subject: 加强与…合作, 深化同…交流.
OUR_LEAD = re.compile(r"^(?:我们|我市|我省|加强|深化|深入|强化|持续|积极|主动|推动|推进|扩大|拓展|深度|全面|进一步|"
                      r"不断|着力|继续|大力|务实|密切|加快|巩固|提升|支持|鼓励|探索|开展|要|将|还|并|也|同时)*$")
AREA_STEM = re.compile(r"(?:新区|省|市|区|县)$")
TOGETHER = re.compile(r"携手")
JOIN = re.compile(r"接入|联通|联网")
# The head of a longer name that opens with a party's name: 某市新区, 某县开发区, 某地片区.
NAME_HEAD = re.compile(r"^(?:新区|开发区|高新区|经开区|园区|片区|港区|综保区|示范区|试验区)$")


def _our_side(ctx: Context, partner: Entity) -> Entity | None:
    """Who cooperates when the report's 我们 does: the issuer area (its government acts as its area)."""
    return ctx.issuer_area


def _subject(ctx: Context, clause: Clause, start: int, partner: Entity) -> Entity | None:
    """The party named right before a cue (A与B), or the report's side when none is."""
    near = chain_before(clause, start, PARTIES, max_gap=4)
    if near and NAME_HEAD.match(clause.between(near[-1].end, start)):
        return None  # 某市新区与…: the party is a zone the extractors did not name, not the city it opens with
    if near:
        return near[-1].ent
    if any(h.end <= start for h in clause.hits):
        return None  # someone else is named earlier in the clause: too far to be sure
    if not OUR_LEAD.match(clause.text[: clause.local(start)]):
        return None  # 完善职业院校与…: an unnamed party, not the report's 我们
    return _our_side(ctx, partner)


def with_rules(ctx: Context) -> list[Relation | None]:
    """(A)与B…合作."""
    out: list[Relation | None] = []
    for clause, start, end in cue_matches(WITH, ctx.clauses):
        partners = chain_after(clause, end, PARTIES, max_gap=2)
        if not partners:
            continue
        tail = clause.text[clause.local(partners[-1].end):]
        if not COOPERATE.search(tail[:16]):
            continue
        for p in partners:
            subject = _subject(ctx, clause, start, p.ent)
            if subject is not None:
                out.append(relation(subject, "cooperatesWith", p.ent, clause.sentence,
                                    "relations.cooperatesWith.yu", 0.75))
    return out


TOWARD = re.compile(r"(?<![面针相绝])对(?![接标口于外内此比照应象待])")
TOWARD_TAIL = re.compile(r"^(?:等[国地区家]*)?(?:的)?(?:开放)?(?:合作|交流|协作|经贸合作|务实合作)")


def toward_rules(ctx: Context) -> list[Relation | None]:
    """扩大对B和C开放合作: the report's side cooperates with B and C."""
    out: list[Relation | None] = []
    for clause, start, end in cue_matches(TOWARD, ctx.clauses):
        partners = chain_after(clause, end, PARTIES, max_gap=2)
        if not partners or not TOWARD_TAIL.match(clause.text[clause.local(partners[-1].end):]):
            continue
        if any(h.end <= start for h in clause.hits) or not OUR_LEAD.match(clause.text[: clause.local(start)]):
            continue  # someone else is named before 对, or the clause does not open with the report's own verb
        subject = ctx.issuer_area
        if subject is not None:
            out += [relation(subject, "cooperatesWith", p.ent, clause.sentence, "relations.cooperatesWith.dui", 0.7)
                    for p in partners]
    return out


def together_rules(ctx: Context) -> list[Relation | None]:
    """A携手B."""
    out: list[Relation | None] = []
    for clause, start, end in cue_matches(TOGETHER, ctx.clauses):
        # 携手共建某先行区: what is built together, not a partner (the partner follows 携手 at once).
        for p in chain_after(clause, end, PARTIES, max_gap=0):
            subject = _subject(ctx, clause, start, p.ent)
            if subject is not None:
                out.append(relation(subject, "cooperatesWith", p.ent, clause.sentence,
                                    "relations.cooperatesWith.xieshou", 0.7))
    return out


def join_rules(ctx: Context) -> list[Relation | None]:
    """A接入B: joining another party's network or platform."""
    out: list[Relation | None] = []
    for clause, start, end in cue_matches(JOIN, ctx.clauses):
        before = chain_before(clause, start, PARTIES, max_gap=2)
        after = chain_after(clause, end, PARTIES, max_gap=8)
        gap = clause.between(before[-1].end, start) if before else ""
        if before and after and not any(ch in PUNCT for ch in gap):
            out.append(relation(before[-1].ent, "cooperatesWith", after[0].ent, clause.sentence,
                                "relations.cooperatesWith.jieru", 0.6))
    return out


def _area_names(ctx: Context) -> dict[str, Entity]:
    """Every name an area entity goes by, with its suffix-less stem (雄安新区 → 雄安)."""
    areas: dict[str, Entity] = {}
    for ent in ctx.entities:
        if ent.cls == "AdministrativeArea":
            full = names(ent)
            for name in full | {stem for n in full if len(stem := AREA_STEM.sub("", n)) >= 2}:
                areas.setdefault(name, ent)
    return areas


def _alternation(words) -> str:
    """A regex alternation of words, longest first."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def dash_rules(ctx: Context) -> list[Relation | None]:
    """AREA－AREA (or AREA－ORGANIZATION) + what they share (自贸区, 走廊, 示范区): the two work together."""
    areas = _area_names(ctx)
    partners = dict(areas)
    for ent in ctx.entities:
        if ent.cls == "Organization":
            for name in names(ent):
                if len(name) >= 3:
                    partners.setdefault(name, ent)
    if not areas:
        return []
    pattern = re.compile(f"({_alternation(areas)})[-－—–]({_alternation(partners)})")
    out: list[Relation | None] = []
    for clause in ctx.clauses:
        for m in pattern.finditer(clause.text):
            a, b = areas[m.group(1)], partners[m.group(2)]
            if b.cls == "Organization" and not re.match(r"[\u4e00-\u9fff]", clause.text[m.end():m.end() + 1]):
                continue  # 中国—某合作平台、…: the body is the thing named, not a partner in it
            out.append(relation(a, "cooperatesWith", b, clause.sentence, "relations.cooperatesWith.dash", 0.6))
    return out


def pair_rules(ctx: Context) -> list[Relation | None]:
    """Two provinces' one-character names joined before 合作/协作 (京津合作示范区, 浙川东西部协作): they cooperate."""
    by_abbr: dict[str, Entity] = {}
    areas = _area_names(ctx)
    for short, abbr in PROVINCE_ABBR.items():
        ent = ctx.issuer_area if abbr in ctx.issuer_abbr else areas.get(short)
        if ent is not None:
            by_abbr[abbr] = ent
    if len(by_abbr) < 2:
        return []
    letters = "".join(by_abbr)
    pattern = re.compile(f"([{letters}])([{letters}])(?:东西部|对口)?(?:合作|协作|协同|共建)")
    out: list[Relation | None] = []
    for clause in ctx.clauses:
        for m in pattern.finditer(clause.text):
            if m.group(1) != m.group(2):
                out.append(relation(by_abbr[m.group(1)], "cooperatesWith", by_abbr[m.group(2)], clause.sentence,
                                    "relations.cooperatesWith.pair", 0.6))
    return out


@component("relations.cooperatesWith", produces="relations", order=350)
def find_cooperates_with(doc: Document, entities: list[Entity]) -> list[Relation]:
    """kg:cooperatesWith from 与…合作/共建/对接/协同, 对…合作, 携手 and 接入."""
    ctx = Context.of(doc, entities)
    return dedupe(with_rules(ctx) + toward_rules(ctx) + together_rules(ctx) + join_rules(ctx) + dash_rules(ctx)
                  + pair_rules(ctx))
