"""kg:partOf / kg:locatedIn — places and facilities named in a paragraph headed by one zone's building.

A plan report often opens a paragraph with a short headline sentence about building one zone (加力建设自贸试验区及
临港新片区。 持续推进虹桥国际开放枢纽建设。) and then lists what is built inside it (做强东方芯港、大飞机园…,
推进虹桥企业出海总部集聚区建设). Rule ``relations.headline`` 0.6: every other zone named in the paragraph is
partOf the headline zone, every project or organization (not a government organ) locatedIn it. With two zones
in the headline (A及B) the last, narrower one is meant. Not the kind after a list (东方芯港、大飞机园等特色产业园区)
nor a zone still to be set up (设立科创综合保税区: where it will lie is not yet said).
"""

from __future__ import annotations

import re

from kg.extract.pipeline import component
from kg.extract.relations.base import Context, dedupe, key, names, relation
from kg.extract.relations.located import ORGAN_SUFFIXES
from kg.ingest.document import Document
from kg.model import Entity, Relation

LEAD = r"^(?:[一二三四五六七八九十]是)?(?:深化|加快|加力|持续|全力|全面|高水平|高质量|大力|扎实|深入|推进|推动)"
HEADLINE = re.compile(LEAD + r"*(?:建设|推进|推动)(?P<zone>.{2,20}?)(?:建设|发展|开发开放)?[。；]$"
                      r"|" + LEAD + r"+(?P<zone2>.{2,20}?)(?:建设|发展|开发开放)[。；]$")
MAX_HEADLINE = 24
# Not a member: the kind after a list (东方芯港、大飞机园等特色产业园区), or a zone still to be set up (设立X, 争创X).
NOT_MEMBER_BEFORE = re.compile(r"(?:等|设立|新设|申建|申设|争创|谋划|筹建)$")
MEMBER = {"Zone": "partOf", "Project": "locatedIn", "Organization": "locatedIn"}


def _paragraphs(doc: Document) -> list[list[int]]:
    """Sentence indexes grouped by paragraph (a line break between two sentences starts a new one)."""
    out: list[list[int]] = []
    for i, sent in enumerate(doc.sentences):
        if not out or "\n" in doc.match_text[doc.sentences[i - 1].span.end: sent.span.start]:
            out.append([])
        out[-1].append(sent.index)
    return out


def _headline_zone(ctx: Context, text: str) -> Entity | None:
    """The zone a short headline sentence is about building, the last named when there are two (A及B)."""
    m = HEADLINE.match(text.strip())
    if not m or len(text) > MAX_HEADLINE:
        return None
    named = m.group("zone") or m.group("zone2")
    found = [(named.rfind(n) + len(n), len(n), e) for e in ctx.entities if e.cls == "Zone"
             for n in names(e) if n in named]
    return max(found, key=lambda f: (f[0], f[1]))[2] if found else None  # the last to end; the longer of two


@component("relations.headline", produces="relations", order=315)
def find_headline_members(doc: Document, entities: list[Entity]) -> list[Relation]:
    """Zones partOf, projects and organizations locatedIn the zone a paragraph's headline sentence builds."""
    ctx = Context.of(doc, entities)
    sentences = {s.index: s for s in doc.sentences}
    out: list[Relation | None] = []
    for para in _paragraphs(doc):
        zone = _headline_zone(ctx, sentences[para[0]].text)
        if zone is None or len(para) < 2:
            continue
        rest = set(para[1:])
        for ent in ctx.entities:
            pred = MEMBER.get(ent.cls)
            if pred is None or key(ent) == key(zone) or ent.label.endswith(ORGAN_SUFFIXES):
                continue
            if names(ent) & names(zone) or any(n in z for n in names(ent) for z in names(zone)):
                continue  # a part of the zone's own name (虹桥 in 虹桥国际开放枢纽) is not inside it
            hit = next((m.sentence for m in ent.mentions if m.sentence in rest
                        and not NOT_MEMBER_BEFORE.search(doc.match_text[max(0, m.span.start - 2): m.span.start])), None)
            if hit is not None and not any(m.sentence == para[0] for m in ent.mentions):  # 自贸试验区及临港新片区
                out.append(relation(ent, pred, zone, hit, "relations.headline", 0.6))
    return dedupe(out)
