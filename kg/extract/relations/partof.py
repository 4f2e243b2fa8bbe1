"""kg:partOf — an area, zone or project inside a larger one of its kind.

Rules, each named in kg:extractor, with its confidence:
- ``relations.partOf.division`` 0.9 — the parent division the area lexicon gave the area (宁河区 → 天津市),
  when the parent is itself an entity of the document; this gives the triple its kg:Statement.
- ``relations.partOf.adjacent`` 0.85 — a larger area written right before a smaller one: 河北省雄安新区.
- ``relations.partOf.de`` 0.75 — A的B with A and B both areas (B smaller) or both zones.
- ``relations.partOf.phase`` 0.8 — a project named as a phase or section of another (地铁4号线二期 → 地铁4号线),
  a zone named as a 片区 of another (自贸试验区东疆片区 → 自贸试验区).
- ``relations.partOf.issuer`` 0.55 — a town, township, street or village with no known parent lies in the
  issuer area (a local report names its own towns); skipped for national reports.
"""

from __future__ import annotations

import re

from kg.extract.pipeline import component
from kg.extract.relations.base import Context, dedupe, names, relation
from kg.ingest.document import Document
from kg.model import Entity, Relation

LEVELS = (("特别行政区", 4), ("自治区", 4), ("省", 4), ("自治州", 3), ("地区", 3), ("盟", 3), ("市", 3),
          ("自治县", 2), ("新区", 2), ("区", 2), ("县", 2), ("旗", 2), ("街道", 1), ("镇", 1), ("乡", 1), ("村", 0))
PHASE = re.compile(r"^(?:[一二三四五六七八九十\d]+期)?(?:[东南西北中]段|首开段|延伸线|支线|[一二三四五六七八九十\d]+期)"
                   r"(?:工程|项目)?$")


def level(ent: Entity) -> int | None:
    """The division level an area's name shows: 省 4, 市 3, 区/县 2, 镇/乡/街道 1, 村 0; None without a suffix."""
    for suffix, lvl in LEVELS:
        if ent.label.endswith(suffix) and len(ent.label) > len(suffix):
            return lvl
    return None


def _contains(outer: Entity, inner: Entity) -> bool:
    """Whether ``inner`` is a smaller area than ``outer`` by the levels their names show."""
    a, b = level(outer), level(inner)
    return a is not None and b is not None and b < a


def division_rules(ctx: Context) -> list[Relation | None]:
    """Parents the area lexicon already knows, turned into stated relations when the parent is an entity."""
    areas = {e.label: e for e in ctx.entities if e.cls == "AdministrativeArea"}
    return [relation(e, "partOf", areas[e.parent_label], e.mentions[0].sentence, "relations.partOf.division", 0.9)
            for e in ctx.entities
            if e.cls == "AdministrativeArea" and e.parent_label in areas and e.mentions]


def text_rules(ctx: Context) -> list[Relation | None]:
    """A larger area right before a smaller one, and A的B."""
    out: list[Relation | None] = []
    for clause in ctx.clauses:
        for a, b in zip(clause.hits, clause.hits[1:], strict=False):
            gap = clause.between(a.end, b.start)
            if gap not in ("", "的") or a.ent.cls != b.ent.cls:
                continue
            if a.ent.cls == "AdministrativeArea" and _contains(a.ent, b.ent):
                name = "relations.partOf.adjacent" if gap == "" else "relations.partOf.de"
                out.append(relation(b.ent, "partOf", a.ent, clause.sentence, name, 0.85 if gap == "" else 0.75))
            elif a.ent.cls == "Zone" and gap == "的":
                out.append(relation(b.ent, "partOf", a.ent, clause.sentence, "relations.partOf.de", 0.75))
    return out


def phase_rules(ctx: Context) -> list[Relation | None]:
    """Projects named as a phase or section of another project; zones named as a 片区 of another zone."""
    out: list[Relation | None] = []
    for cls in ("Project", "Zone"):
        ents = [e for e in ctx.entities if e.cls == cls and e.mentions]
        for part in ents:
            for whole in ents:
                if whole is part:
                    continue
                rests = [part.label[len(n):] for n in names(whole) if part.label.startswith(n) and len(n) >= 2]
                if any((PHASE.match(r) if cls == "Project" else r.endswith("片区") and len(r) > 2) for r in rests):
                    out.append(relation(part, "partOf", whole, part.mentions[0].sentence,
                                        "relations.partOf.phase", 0.8))
    return out


def issuer_rules(ctx: Context, placed: set[tuple[str, str]]) -> list[Relation | None]:
    """Towns, townships, streets and villages with no known parent lie in the issuer area."""
    if ctx.issuer_area is None or ctx.doc.issuer == "中华人民共和国":
        return []
    return [relation(e, "partOf", ctx.issuer_area, e.mentions[0].sentence, "relations.partOf.issuer", 0.55)
            for e in ctx.entities
            if e.cls == "AdministrativeArea" and e.mentions and not e.parent_label
            and level(e) in (0, 1) and (e.cls, e.label) not in placed]


@component("relations.partOf", produces="relations", order=310)
def find_part_of(doc: Document, entities: list[Entity]) -> list[Relation]:
    """kg:partOf from known parent divisions, 河北省雄安新区 and A的B, phases of projects, and the issuer's towns."""
    ctx = Context.of(doc, entities)
    found = division_rules(ctx) + text_rules(ctx) + phase_rules(ctx)
    placed = {rel.subject for rel in found if rel is not None}
    return dedupe(found + issuer_rules(ctx, placed))
