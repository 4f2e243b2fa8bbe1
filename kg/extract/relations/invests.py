"""kg:invests — an enterprise (or investing body) putting money into a project, zone or organization.

Rules, each named in kg:extractor, with its confidence:
- ``relations.invests.verb`` 0.8 — ENTERPRISE(、…等) 增资/投资/注资/投建/入股 TARGET: 某集团增资某科技城.
- ``relations.invests.name`` 0.7 — a project or zone named after an enterprise: 联想智慧创新产业园 → 联想
  (an organization so named: 0.6). Only when that enterprise is itself an entity of the document, and its name
  is a brand of its own rather than the head of the target's name cut off at a word: 跨境电子|商务综合试验区 (the
  cut splits a word), 京鲁科技成果转化基地 and 闽赣电力联网工程 (two provinces' names: a joint undertaking),
  省级科技成果转化项目 and 区域航空双枢纽 (a level or a generic word, never a firm's name).
"""

from __future__ import annotations

import re

from kg.extract.candidates import token_boundaries
from kg.extract.pipeline import component
from kg.extract.relations.base import (
    PROVINCE_ABBR,
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

INVEST = re.compile(r"(?:追加投资|投资建设|投资|增资|注资|投建|入股|参股|控股)")
INVESTORS = frozenset({"Enterprise", "Organization"})
TARGETS = frozenset({"Project", "Zone", "Organization", "Enterprise"})
NAMED_TARGETS = {"Project": 0.7, "Zone": 0.7, "Organization": 0.6}
# How a name that is no firm's opens: a level or scope (省级, 市, 区域, 跨境, 国家) — 省级科技成果转化项目.
NOT_A_BRAND = re.compile(r"^(?:省|市|区|县|国家|全国|区域|跨境|跨区域|地方|城乡|海外|境外|国际|全球)")
ABBRS = frozenset(PROVINCE_ABBR.values())


def _brand_of(ctx: Context, firm_name: str, target: Entity) -> bool:
    """Whether a target name opens with a firm's own name, not with a word cut off a longer one."""
    if NOT_A_BRAND.match(firm_name) or (firm_name[0] in ABBRS and firm_name[1] in ABBRS):
        return False
    starts, _ = token_boundaries(ctx.doc)
    text = ctx.doc.match_text
    cuts = [m.span.start + len(firm_name) for m in target.mentions
            if text.startswith(firm_name, m.span.start)]
    return not cuts or not starts or any(cut in starts for cut in cuts)  # an untokenised text: no word to split


def verb_rules(ctx: Context) -> list[Relation | None]:
    """INVESTOR 增资 TARGET, with lists on both sides."""
    out: list[Relation | None] = []
    for clause, start, end in cue_matches(INVEST, ctx.clauses):
        investors = chain_before(clause, start, INVESTORS, max_gap=3)
        targets = chain_after(clause, end, TARGETS, max_gap=4)
        out += [relation(i.ent, "invests", t.ent, clause.sentence, "relations.invests.verb", 0.8)
                for i in investors for t in targets]
    return out


def name_rules(ctx: Context) -> list[Relation | None]:
    """A project, zone or organization whose name opens with an enterprise's name."""
    enterprises = [(e, {n for n in names(e) if len(n) >= 2}) for e in ctx.entities if e.cls == "Enterprise"]
    out: list[Relation | None] = []
    for ent in ctx.entities:
        conf = NAMED_TARGETS.get(ent.cls)
        if conf is None or not ent.mentions:
            continue
        for firm, firm_names in enterprises:
            if any(ent.label.startswith(n) and len(ent.label) > len(n) and _brand_of(ctx, n, ent) for n in firm_names):
                out.append(relation(firm, "invests", ent, ent.mentions[0].sentence, "relations.invests.name", conf))
    return out


@component("relations.invests", produces="relations", order=330)
def find_invests(doc: Document, entities: list[Entity]) -> list[Relation]:
    """kg:invests from 增资/投资/投建 and from projects named after their enterprise."""
    ctx = Context.of(doc, entities)
    return dedupe(verb_rules(ctx) + name_rules(ctx))
