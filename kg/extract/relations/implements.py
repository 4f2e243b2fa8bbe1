"""kg:implements — the government, a zone, organization or project carrying out a policy.

The report's actor is 我们: a clause that opens with its verb (实施…, 用好…政策) or names only the
issuer before it has the issuing government as subject, when the document names that government.

Rules, each named in kg:extractor, with its confidence:
- ``relations.implements.we`` 0.7 — 实施/推进/落实/用好/深化/打好/完成… POLICY with no other subject: the government.
- ``relations.implements.actor`` 0.7 — ZONE/ORG/PROJECT 实施… POLICY: that entity.
- ``relations.implements.passive`` 0.65 — POLICY(、POLICY) 稳步实施/加力提速/落地见效/走深走实: the government.
- ``relations.implements.effect`` 0.55 — POLICY 带动/惠及/支持资金…: a policy with effects was carried out (government).
- ``relations.implements.project`` 0.7 — PROJECT等21个POLICY项目: 天美艺术街区等城市更新项目 → 城市更新.
- ``relations.implements.named`` 0.7 — a policy named after a zone: 自贸试验区提升行动, 促进天开园发展条例.
"""

from __future__ import annotations

import re

from kg.extract.pipeline import component
from kg.extract.relations.base import ACTOR_CLASSES, PUNCT, Clause, Context, cue_matches, dedupe, names, relation
from kg.ingest.document import Document
from kg.model import Entity, Relation

ACTIVE = re.compile(r"(?:用足用好|用好用活|用足|用好|实施|推进|推动|推行|落实|贯彻|执行|深化|打好|打赢|完成|开展|启动"
                    r"|实行)")
PASSIVE = re.compile(r"(?:稳步|深入|全面|有效|有序|扎实|加快|持续|顺利|圆满)?"
                     r"(?:实施|推进|完成|落实|落地见效|落地实施|落地生效|落地|见效|提速|深化)|加力提速|走深走实|起势见效|"
                     r"成效(?:明显|显著)")
EFFECT = re.compile(r"^(?:带动|惠及|撬动|拉动|支持资金)")
PROJECT_OF = re.compile(r"^等(?:\d+|[一二三四五六七八九十百]+)?[个项处批]?$")
MAX_VERB_GAP = 10


def _subject(ctx: Context, clause: Clause, verb_start: int) -> tuple[Entity | None, str]:
    """Who acts before a verb: the government when no one else is named (or only the issuer), else an actor."""
    before = [h for h in clause.hits if h.end <= verb_start]
    if not before or (ctx.issuer_area is not None and before[-1].ent is ctx.issuer_area):
        return ctx.government, "relations.implements.we"
    near = before[-1]
    gap = clause.between(near.end, verb_start)
    if near.ent.cls in ACTOR_CLASSES and len(gap) <= 4 and not any(ch in PUNCT for ch in gap):
        return near.ent, "relations.implements.actor"
    return None, ""


def active_rules(ctx: Context) -> list[Relation | None]:
    """VERB POLICY, with the subject found before the clause's first verb."""
    out: list[Relation | None] = []
    by_clause: dict[int, list[tuple[int, int]]] = {}
    clauses = {c.start: c for c in ctx.clauses}
    for clause, start, end in cue_matches(ACTIVE, ctx.clauses):
        by_clause.setdefault(clause.start, []).append((start, end))
    for cstart, verbs in by_clause.items():
        clause = clauses[cstart]
        subject, name = _subject(ctx, clause, verbs[0][0])
        if subject is None:
            continue
        limits = [v[0] for v in verbs[1:]] + [clause.end]
        for (start, end), limit in zip(verbs, limits, strict=True):
            # A policy name swallowing its verb (落实政策) must keep a name of its own after it.
            objs = [h for h in clause.hits if h.ent.cls == "Policy" and h.start >= start and h.end <= limit
                    and (h.start >= end or h.end - end >= 4)]
            if not objs or len(clause.between(end, objs[0].start)) > MAX_VERB_GAP:
                continue
            out += [relation(subject, "implements", h.ent, clause.sentence, name, 0.7) for h in objs]
    return out


def passive_rules(ctx: Context) -> list[Relation | None]:
    """POLICY 稳步实施 / POLICY 带动…: policies opening a clause and then said to be carried out."""
    out: list[Relation | None] = []
    if ctx.government is None:
        return out
    for clause in ctx.clauses:
        if not clause.hits or clause.hits[0].ent.cls != "Policy":
            continue
        lead = clause.between(clause.start, clause.hits[0].start)
        if len(lead) > 4 or ACTIVE.search(lead):
            continue
        policies = []
        for hit in clause.hits:
            if hit.ent.cls not in ("Policy", "Project"):
                break
            policies.append(hit)
        last = policies[-1]
        rest = clause.text[clause.local(last.end):]
        pred = PASSIVE.search(rest)
        if pred and pred.start() <= 8 and not any(h.start >= last.end for h in clause.hits
                                                   if h.start < last.end + pred.start()):
            name, conf = "relations.implements.passive", 0.65
        elif EFFECT.match(rest.lstrip("政策工作项目")):
            name, conf = "relations.implements.effect", 0.55
        else:
            continue
        out += [relation(ctx.government, "implements", h.ent, clause.sentence, name, conf)
                for h in policies if h.ent.cls == "Policy"]
    return out


def project_rules(ctx: Context) -> list[Relation | None]:
    """PROJECT等N个POLICY项目: the project is one of the policy's projects."""
    out: list[Relation | None] = []
    for clause in ctx.clauses:
        projects = [h for h in clause.nested if h.ent.cls == "Project"]
        policies = [h for h in clause.nested if h.ent.cls == "Policy"]
        for a in projects:
            for b in policies:
                if (b.start > a.end and PROJECT_OF.match(clause.between(a.end, b.start))
                        and clause.text[clause.local(b.end):].startswith(("项目", "工程"))):
                    out.append(relation(a.ent, "implements", b.ent, clause.sentence,
                                        "relations.implements.project", 0.7))
    return out


def contracts(short: str, long: str) -> bool:
    """天开园 contracts 天开高教科创园: same first two and last characters, the rest in order."""
    if len(short) < 3 or len(short) >= len(long) or short[:2] != long[:2] or short[-1] != long[-1]:
        return False
    it = iter(long)
    return all(ch in it for ch in short)


def _names_zone(policy: str, zone: Entity) -> bool:
    """Whether a policy's name holds a zone's name or a contraction of it."""
    if any(len(n) >= 3 and n in policy for n in names(zone)):
        return True
    head = zone.label[:2]
    starts = [i for i in range(len(policy) - 2) if policy.startswith(head, i)] if len(head) == 2 else []
    return any(contracts(policy[i:j], zone.label)
               for i in starts for j in range(i + 3, min(len(policy), i + len(zone.label) - 1) + 1))


def named_rules(ctx: Context) -> list[Relation | None]:
    """A policy named after a zone is the zone's: 自贸试验区提升行动 → 自贸试验区."""
    zones = [e for e in ctx.entities if e.cls == "Zone"]
    return [relation(zone, "implements", pol, pol.mentions[0].sentence, "relations.implements.named", 0.7)
            for pol in ctx.entities if pol.cls == "Policy" and pol.mentions
            for zone in zones if _names_zone(pol.label, zone)]


@component("relations.implements", produces="relations", order=320)
def find_implements(doc: Document, entities: list[Entity]) -> list[Relation]:
    """kg:implements from 实施/落实/用好 POLICY (the government or a named actor), passives, projects, names."""
    ctx = Context.of(doc, entities)
    return dedupe(active_rules(ctx) + passive_rules(ctx) + project_rules(ctx) + named_rules(ctx))
