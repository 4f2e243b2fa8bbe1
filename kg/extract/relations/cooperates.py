"""kg:cooperatesWith — two parties working together (symmetric; asserted once, subject first in the text).

Rules, each named in kg:extractor, with its confidence:
- ``relations.cooperatesWith.yu`` 0.75 — (A)与/同B(、C)…合作/共建/对接/协同/协作/签署: A, or when the clause
  names no one before 与, the report's side (the issuer area for a partner area, else the government).
- ``relations.cooperatesWith.xieshou`` 0.7 — A携手B, 携手B (the report's side).
- ``relations.cooperatesWith.jieru`` 0.6 — A接入/联通B: 某港接入某航运网络.
"""

from __future__ import annotations

import re

from kg.extract.pipeline import component
from kg.extract.relations.base import PUNCT, Clause, Context, chain_after, chain_before, cue_matches, dedupe, relation
from kg.ingest.document import Document
from kg.model import Entity, Relation

PARTIES = frozenset({"Enterprise", "Organization", "Zone", "AdministrativeArea", "Project"})
WITH = re.compile(r"(?<![参给赋授])(?:与|同)(?!会|时|此|步|样|比|期)")
COOPERATE = re.compile(r"合作|共建|对接|协同|协作|联动|签约|签署|共享|共同|联合|交流")
# Words a clause may open with when 我们 is the unnamed subject: 加强与…合作, 深化同…交流.
OUR_LEAD = re.compile(r"^(?:我们|我市|我省|加强|深化|强化|持续|积极|主动|推动|推进|扩大|拓展|深度|全面|进一步|"
                      r"不断|着力|继续|大力|务实|密切|加快|巩固|提升|支持|鼓励|探索|开展|要|将|还|并|也|同时)*$")
TOGETHER = re.compile(r"携手")
JOIN = re.compile(r"接入|联通|联网")


def _our_side(ctx: Context, partner: Entity) -> Entity | None:
    """Who cooperates when the report's 我们 does: the issuer area with an area, else the government."""
    if partner.cls == "AdministrativeArea":
        return ctx.issuer_area
    return ctx.government or ctx.issuer_area


def _subject(ctx: Context, clause: Clause, start: int, partner: Entity) -> Entity | None:
    """The party named right before a cue (A与B), or the report's side when none is."""
    near = chain_before(clause, start, PARTIES, max_gap=4)
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


def together_rules(ctx: Context) -> list[Relation | None]:
    """A携手B."""
    out: list[Relation | None] = []
    for clause, start, end in cue_matches(TOGETHER, ctx.clauses):
        for p in chain_after(clause, end, PARTIES, max_gap=2):
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


@component("relations.cooperatesWith", produces="relations", order=350)
def find_cooperates_with(doc: Document, entities: list[Entity]) -> list[Relation]:
    """kg:cooperatesWith from 与…合作/共建/对接/协同, 携手 and 接入."""
    ctx = Context.of(doc, entities)
    return dedupe(with_rules(ctx) + together_rules(ctx) + join_rules(ctx))
