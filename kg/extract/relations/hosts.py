"""kg:hosts — an area or zone holding an event.

When the report says 举办X with no host, the host is the report's own area (the issuer), if the
document names it as an entity; with no such entity nothing is asserted.

Rules, each named in kg:extractor, with its confidence:
- ``relations.hosts.zai`` 0.85 — EVENT在PLACE举办/召开/举行, 在PLACE举办EVENT (在津 → the issuer area).
- ``relations.hosts.juban`` 0.75 — (PLACE)举办/承办/召开 EVENT, EVENT成功举办: PLACE, else the issuer area.
- ``relations.hosts.named`` 0.75 — an event named after the issuer or one of its districts: 某市第九届人民代表大会.
- ``relations.hosts.topic`` 0.6 — an event opening a clause that names the issuer (…论坛彰显天津金融底蕴).
- ``relations.hosts.list`` 0.55 — events opening a clause as 等一批…展会/活动/赛事: the report lists events it held.
"""

from __future__ import annotations

import re

from kg.extract.pipeline import component
from kg.extract.relations.base import (
    NATIONAL_NAMES,
    PLACE_CLASSES,
    PUNCT,
    Context,
    cue_matches,
    dedupe,
    names,
    relation,
)
from kg.ingest.document import Document
from kg.model import Entity, Relation

HOLD = re.compile(r"(?:举办|承办|主办|召开|举行|开幕|揭幕)")
AT_HOLD = re.compile(r"在([^，。；、“”]{1,14}?)(?:成功|顺利|隆重)?(?:举办|召开|举行|开幕|揭幕)")
MAX_GAP = 10
EVENT_GROUP = re.compile(r"^等[^，。；]{0,8}?(?:展会|会展|节会|盛会|赛事|活动|演出)")
LOCAL_SUFFIXES = ("市", "区", "县", "镇", "乡", "街道")


def _place(ctx: Context, clause, start: int, end: int) -> Entity | None:
    """The place named between 在 and the verb: a place entity, or the issuer by name (在津)."""
    places = [h.ent for h in clause.hits_in(start, end) if h.ent.cls in PLACE_CLASSES]
    if len(places) == 1:
        return places[0]
    if not places and ctx.issuer_area and ctx.is_self(clause.between(start, end)):
        return ctx.issuer_area
    return None


def at_rules(ctx: Context) -> list[Relation | None]:
    """EVENT在PLACE举办 and 在PLACE举办EVENT."""
    out: list[Relation | None] = []
    for clause, start, end in cue_matches(AT_HOLD, ctx.clauses):
        m = AT_HOLD.match(clause.text, clause.local(start))
        host = _place(ctx, clause, start + 1, clause.start + m.end(1)) if m else None
        if host is None:
            continue
        before = [h for h in clause.hits if h.end <= start and h.ent.cls == "Event"]
        after = [h for h in clause.hits if h.start >= end and h.ent.cls == "Event"]
        events = before[-1:] if before and len(clause.between(before[-1].end, start)) <= 2 else []
        if after and len(clause.between(end, after[0].start)) <= MAX_GAP:
            events.append(after[0])
        out += [relation(host, "hosts", h.ent, clause.sentence, "relations.hosts.zai", 0.85) for h in events]
    return out


def hold_rules(ctx: Context) -> list[Relation | None]:
    """举办EVENT (host: a place right before the verb, else the issuer area) and EVENT成功举办."""
    out: list[Relation | None] = []
    for clause, start, end in cue_matches(HOLD, ctx.clauses):
        if "在" in clause.text[: clause.local(start)] and AT_HOLD.search(clause.text):
            continue  # the zai rule's
        before = [h for h in clause.hits if h.end <= start]
        host = ctx.issuer_area
        if before and before[-1].ent.cls in PLACE_CLASSES and len(clause.between(before[-1].end, start)) <= 3:
            host = before[-1].ent
        events = [h for h in clause.hits if h.start >= end and h.ent.cls == "Event"][:1]
        if events and (len(clause.between(end, events[0].start)) > MAX_GAP
                       or any(ch in PUNCT - set("“”") for ch in clause.between(end, events[0].start))):
            events = []
        if not events and before and before[-1].ent.cls == "Event":
            gap = clause.between(before[-1].end, start)
            if len(gap) <= 2:  # EVENT成功举办
                events = [before[-1]]
                host = ctx.issuer_area
        if host is not None:
            out += [relation(host, "hosts", h.ent, clause.sentence, "relations.hosts.juban", 0.75) for h in events]
    return out


def named_rules(ctx: Context) -> list[Relation | None]:
    """Events named after the issuer (or a city, district or town entity of the document)."""
    local = [(a, {n for n in names(a) if len(n) >= 2 and n not in NATIONAL_NAMES})
             for a in ctx.entities
             if a.cls == "AdministrativeArea" and (a is ctx.issuer_area or a.label.endswith(LOCAL_SUFFIXES))]
    out: list[Relation | None] = []
    for ev in ctx.entities:
        if ev.cls != "Event" or not ev.mentions:
            continue
        found = [(ev.label.find(n), area) for area, ns in local for n in ns if n in ev.label]
        if ctx.issuer_area and not found and any(n in ev.label for n in ctx.issuer_full):
            found = [(0, ctx.issuer_area)]
        if found:
            area = min(found, key=lambda f: f[0])[1]
            out.append(relation(area, "hosts", ev, ev.mentions[0].sentence, "relations.hosts.named", 0.75))
    return out


def topic_rules(ctx: Context) -> list[Relation | None]:
    """An event opening a clause that names the issuer: 某论坛彰显天津金融底蕴."""
    if ctx.issuer_area is None:
        return []
    out: list[Relation | None] = []
    for clause in ctx.clauses:
        if not clause.hits or clause.hits[0].ent.cls != "Event":
            continue
        first = clause.hits[0]
        if len(clause.between(clause.start, first.start)) > 3:
            continue
        rest = clause.text[clause.local(first.end):]
        if ctx.mentions_issuer(rest):
            out.append(relation(ctx.issuer_area, "hosts", first.ent, clause.sentence, "relations.hosts.topic", 0.6))
    return out


def list_rules(ctx: Context) -> list[Relation | None]:
    """EVENT、EVENT等一批品牌展会…: events a local report lists as a group it held."""
    if ctx.issuer_area is None or ctx.doc.issuer == "中华人民共和国":
        return []
    out: list[Relation | None] = []
    for clause in ctx.clauses:
        events = []
        for hit in clause.hits:
            if hit.ent.cls != "Event" or clause.between(events[-1].end if events else clause.start, hit.start) \
                    not in ("", "、", "和", "及"):
                break
            events.append(hit)
        if events and EVENT_GROUP.match(clause.text[clause.local(events[-1].end):]):
            out += [relation(ctx.issuer_area, "hosts", h.ent, clause.sentence, "relations.hosts.list", 0.55)
                    for h in events]
    return out


@component("relations.hosts", produces="relations", order=340)
def find_hosts(doc: Document, entities: list[Entity]) -> list[Relation]:
    """kg:hosts from 在…举办, 举办EVENT (the issuer area when no host is named), event names and clause topics."""
    ctx = Context.of(doc, entities)
    return dedupe(at_rules(ctx) + hold_rules(ctx) + named_rules(ctx) + topic_rules(ctx) + list_rules(ctx))
