"""kg:hosts — an area or zone holding an event.

When the report says 举办X with no host, the host is the report's own area (the issuer area, an entity of
every document with an issuer); a document with no known issuer gets no such relation.

Rules, each named in kg:extractor, with its confidence:
- ``relations.hosts.zai`` 0.85 — EVENT在PLACE举办/召开/举行, 在PLACE举办EVENT (在津 → the issuer area).
- ``relations.hosts.juban`` 0.75 — (PLACE)举办/召开/办好/用好 EVENT(、EVENT…), EVENT成功举办: PLACE, else the issuer.
- ``relations.hosts.named`` 0.75 — an event named after the issuer or one of its districts: 某市第九届人民代表大会.
- ``relations.hosts.body`` 0.75 — a meeting named after a government or Party body of the document: 省委全会 →
  省委, 市政府常务会议 → 市政府 (the body holds it, not the area).
- ``relations.hosts.shared`` 0.6 — a bare short event listed right after one named for a place shares its host:
  北京奥运会、残奥会 → 北京 hosts 残奥会.
- ``relations.hosts.topic`` 0.6 — an event opening a clause that names the issuer (…论坛彰显天津金融底蕴).
- ``relations.hosts.voice`` 0.5 — any other named event a local report names, with no host of its own and not a
  meeting of the Party or the state above it (全会, 党代会, 中央…会议): the report lists what its area holds. Not an
  event named inside a longer quotation (集“线上淘宝网、线下广交会”于一体: a figure of speech).
- ``relations.hosts.list`` 0.55 — events opening a clause as 等一批…展会/活动/赛事: the report lists events it held.
"""

from __future__ import annotations

import re

from kg.extract.pipeline import component
from kg.extract.relations.base import (
    NATIONAL_NAMES,
    PLACE_CLASSES,
    Context,
    chain_after,
    cue_matches,
    dedupe,
    key,
    names,
    relation,
)
from kg.ingest.document import Document
from kg.model import Entity, Relation

HOLD = re.compile(r"(?:举办|承办|主办|召开|举行|开幕|揭幕|筹办|办好|办会|用好)(?!权|地|城市)")
LISTED = frozenset({"Event", "Policy", "Industry", "Project"})
AT_HOLD = re.compile(r"在([^，。；、“”]{1,14}?)(?:成功|顺利|隆重)?(?:举办|召开|举行|开幕|揭幕)")
MAX_GAP = 10
EVENT_GROUP = re.compile(r"^等[^，。；]{0,8}?(?:展会|会展|节会|盛会|赛事|活动|演出)")
# Meetings of bodies above or beside the government (党中央, 省委全会, 党代会) are attended, not hosted.
NOT_LOCAL = re.compile(r"党的|[一二三四五六七八九十]+大$|全会|全体会议|党代会|代表大会|中央|全国|会议精神|奥运|世界杯"
                       r"|亚运")
# Taking part in an event (我市运动员在世界运动会再创佳绩, 参加…博览会) says nothing of who holds it.
TAKES_PART = re.compile(r"(?:在|参加|参与|出席|亮相|赴)(?:第[一二三四五六七八九十\d]+届)?$")
LOCAL_SUFFIXES = ("市", "区", "县", "镇", "乡", "街道")
# A sentence about what the area's athletes won: the events named in it were competed in, not held.
# An international body named after the city where it was founded is no event of that city: 上海合作组织峰会.
FOUNDED_BODY = re.compile(r"^(?:合作)?组织")
# The Party's own congresses bear the country's name but are the Party's: 中国共产党第十五次全国代表大会.
PARTY_MEETING = re.compile(r"^(?:中国共产党|中共|党的)")
# A clause taken for an event's name: the place bids or wins, the name is no event (北京申办2008年奥运会).
CLAUSE_AFTER_PLACE = re.compile(r"^(?:申办|赢得|获得|成功|举办|承办)")
COMPETES = re.compile(r"健儿|运动员|夺得|夺取|摘得|金牌|奖牌|冠军|亚军|季军")


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
        # 办好A、B、C等展会: the list may hold names typed otherwise (“五五购物节”); its events are hosted.
        listed = chain_after(clause, end, LISTED, max_gap=MAX_GAP)
        # 举办“购在龙江”等促消费活动: a list closed by 等…活动 names events whatever class its items got.
        closed = bool(listed) and EVENT_GROUP.match(clause.text[clause.local(listed[-1].end):])
        events = [h for h in listed if h.ent.cls == "Event" or (closed and h.ent.cls == "Policy")]
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
        if ev.cls != "Event" or not ev.mentions or PARTY_MEETING.match(ev.label):
            continue
        found = [(at, area) for area, ns in local for n in ns if (at := ev.label.find(n)) >= 0
                 and not FOUNDED_BODY.match(ev.label[at + len(n):])
                 and not CLAUSE_AFTER_PLACE.match(ev.label[at + len(n):])]
        if ctx.issuer_area and not found and any(n in ev.label for n in ctx.issuer_full):
            found = [(0, ctx.issuer_area)]
        if found:
            area = min(found, key=lambda f: f[0])[1]
            out.append(relation(area, "hosts", ev, ev.mentions[0].sentence, "relations.hosts.named", 0.75))
    return out


# Bodies whose meetings they hold themselves: 省委 (省委全会, 省委经济工作会议), 市政府 (市政府常务会议).
BODY = re.compile(r"(?:政府|委员会|委|人大|常委会|政协)$")


def body_rules(ctx: Context) -> list[Relation | None]:
    """A meeting named after a government or Party body of the document is that body's: 省委全会 → 省委."""
    bodies = [(b, n) for b in ctx.entities if b.cls == "Organization" and BODY.search(b.label)
              for n in names(b) if len(n) >= 2]
    out: list[Relation | None] = []
    for ev in ctx.entities:
        if ev.cls != "Event" or not ev.mentions:
            continue
        found = [b for b, n in bodies if ev.label.startswith(n) and len(ev.label) > len(n)]
        if found:
            out.append(relation(found[0], "hosts", ev, ev.mentions[0].sentence, "relations.hosts.body", 0.75))
    return out


SHARED_JOINERS = ("、", "和", "及", "与")
MAX_BARE_EVENT = 4


def shared_place_rules(ctx: Context, named: list[Relation | None]) -> list[Relation | None]:
    """北京奥运会、残奥会: a bare short event listed right after one named for a place shares that place."""
    host = {r.object: r.subject for r in named if r is not None}
    areas = {key(e): e for e in ctx.entities}
    out: list[Relation | None] = []
    for clause in ctx.clauses:
        for a, b in zip(clause.hits, clause.hits[1:], strict=False):
            if (key(a.ent) in host and b.ent.cls == "Event" and key(b.ent) not in host
                    and len(b.ent.label) <= MAX_BARE_EVENT and clause.between(a.end, b.start) in SHARED_JOINERS):
                out.append(relation(areas[host[key(a.ent)]], "hosts", b.ent, clause.sentence,
                                    "relations.hosts.shared", 0.6))
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
        if len(clause.between(clause.start, first.start)) > 3 or PARTY_MEETING.match(first.ent.label):
            continue  # 党的十六大制定了我国…: the Party holds its congress, not the country it names
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
        group = EVENT_GROUP.match(clause.text[clause.local(events[-1].end):]) if events else None
        # …等重大赛事中成绩优异: competing in the listed events, not holding them.
        if group and not clause.text[clause.local(events[-1].end) + group.end():].startswith(("中", "上")):
            out += [relation(ctx.issuer_area, "hosts", h.ent, clause.sentence, "relations.hosts.list", 0.55)
                    for h in events]
    return out


def voice_rules(ctx: Context, hosted: set[tuple[str, str]]) -> list[Relation | None]:
    """Events of a local report with no host found and not merely taken part in: held in the issuer's area."""
    if ctx.issuer_area is None or ctx.doc.issuer == "中华人民共和国":
        return []
    return [relation(ctx.issuer_area, "hosts", ev, ev.mentions[0].sentence, "relations.hosts.voice", 0.5)
            for ev in ctx.entities
            if ev.cls == "Event" and ev.mentions and (ev.cls, ev.label) not in hosted and _distinct(ev.label)
            and not NOT_LOCAL.search(ev.label) and not _taken_part_in(ctx, ev) and not _quoted_in_passing(ctx, ev)]


def _quoted_in_passing(ctx: Context, ev: Entity) -> bool:
    """Whether every mention of an event lies inside a longer quotation (“线上淘宝网、线下广交会与…”)."""
    text = ctx.doc.match_text
    for m in ev.mentions:
        sent = ctx.doc.sentence_at(m.span.start)
        before = text[sent.span.start if sent else 0: m.span.start]
        opened = before.rfind("“") > before.rfind("”")
        if not opened or before.endswith("“") and text.startswith("”", m.span.end):
            return False
    return True


def _distinct(label: str) -> bool:
    """Whether an event's name is its own (国际光影节, “川超”联赛, 第九届进博会), not a kind (高端会展, 专业培训) or a
    quoted task (“4+1”)."""
    bare = re.sub(r"[“”《》]", "", label)
    # A quoted word alone (“旅游+”) is a theme; a quoted name with its own head (“川超”联赛) is an event.
    return len(bare) >= 5 or "届" in label or bool(re.search(r"”[\u4e00-\u9fff]{2,}", label))


def _taken_part_in(ctx: Context, ev: Entity) -> bool:
    """Whether the text speaks of taking part in the event (在世界运动会, 参加…) or of what the area's athletes
    won in it (我省体育健儿…夺取…亚军, …联赛…冠军)."""
    text = ctx.doc.match_text
    if any(TAKES_PART.search(text[max(0, m.span.start - 6): m.span.start]) for m in ev.mentions):
        return True
    sentences = [ctx.doc.sentence_at(m.span.start) for m in ev.mentions]
    return all(s is not None and COMPETES.search(s.text) for s in sentences)


def _not_also_the_issuers(ctx: Context, found: list[Relation | None]) -> list[Relation | None]:
    """An event named after another area of the report (成都大运会) is that area's, not the issuer's too."""
    if ctx.issuer_area is None:
        return found
    mine = key(ctx.issuer_area)
    elsewhere = {r.object for r in found if r is not None and r.subject != mine
                 and r.extractor in ("relations.hosts.named", "relations.hosts.shared", "relations.hosts.body")}
    return [r for r in found if r is None or r.subject != mine or r.object not in elsewhere]


@component("relations.hosts", produces="relations", order=340)
def find_hosts(doc: Document, entities: list[Entity]) -> list[Relation]:
    """kg:hosts from 在…举办, 举办EVENT (the issuer area when no host is named), event names and clause topics."""
    ctx = Context.of(doc, entities)
    named = [r for r in named_rules(ctx) if r is not None and not _held_nowhere(r)]
    found = _not_also_the_issuers(ctx, at_rules(ctx) + hold_rules(ctx) + named + shared_place_rules(ctx, named)
                                  + body_rules(ctx) + topic_rules(ctx) + list_rules(ctx))
    hosted = {rel.object for rel in found if rel is not None}
    return dedupe(r for r in found + voice_rules(ctx, hosted) if r is None or not _held_nowhere(r))


def _held_nowhere(rel: Relation) -> bool:
    """某省健儿在奥运会 is a clause taken for a name: no one hosts it (“购在龙江” is a name)."""
    return "在" in re.sub(r"“[^”]*”", "", rel.object[1])
