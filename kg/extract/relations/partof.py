"""kg:partOf — an area, zone or project inside a larger one of its kind.

Rules, each named in kg:extractor, with its confidence:
- ``relations.partOf.division`` 0.85 — the parent division the area lexicon gave the area, where the text writes
  the parent right before it (济南市章丘区, 济南的章丘区, 上海浦东新区 as one name); two areas merely in one
  sentence state nothing. The issuer as parent is the divisionLexicon rule's.
- ``relations.partOf.adjacent`` 0.85 — a larger area written right before a smaller one: 河北省雄安新区.
- ``relations.partOf.de`` 0.75 — A的B with A and B both areas (B smaller) or both zones.
- ``relations.partOf.phase`` 0.8 — a project named as a phase or section of another project or of a zone
  (地铁4号线二期 → 地铁4号线, 某国际机场四期 → 某国际机场), a zone named as a 片区 of another
  (自贸试验区东疆片区 → 自贸试验区).
- ``relations.partOf.keyWork`` 0.8 — a project written right after a larger one as its key work: 西部陆海新通道西线
  主通道重点工程隆泸叙铁路 → the 主通道.
- ``relations.partOf.zone`` 0.7 — a zone named after a larger zone's stem (临港科创城 → 临港新片区): the larger one
  ends in a head of wide zones (新片区, 示范区, 开放枢纽…; also a project so named), the smaller does not, the
  stem is no area's name and no rank or kind (国家级, 自贸).
- ``relations.partOf.issuer`` 0.55 — a town, township, street or village with no known parent lies in the
  issuer area (a local report names its own towns); skipped for national reports and quoted slogans (“和美湘村”).
- ``relations.partOf.ftz`` 0.7 — a 新片区, or a 片区 named by a division (绥芬河片区), of a local report is a part of
  its bare 自贸试验区 when the report names one (the areas of a pilot free-trade zone are its 片区).
- ``relations.partOf.region`` 0.55 — a local report's own region that no lexicon knows (川南经济区, 成都都市圈,
  生态涵养区, 平原新城): an area with a regional suffix, no division code and no other province's name lies
  in the issuer area; not a 都市圈 or 经济圈 of a municipality (首都都市圈 reaches into the provinces around).
- ``relations.partOf.compass`` 0.75 — a region named by the issuer's one-character name and a compass point (陕北,
  苏南, 川西北生态示范区 in their province's report): the name says whose it is.
- ``relations.partOf.member`` 0.8 — the issuer one of a region's members: 与东北地区其他省份协同, 长三角兄弟省市;
  and a division and its region, one in brackets after the other: 上海（长三角）, 长三角（广德）.
- ``relations.partOf.name`` 0.75 — an area's name and a head naming a part of it: 北京城市副中心 → 北京市,
  某市主城区, 某市中心城区 (whatever class the entity was given).
- ``relations.partOf.divisionLexicon`` 0.7 — a division the lexicon places inside the issuing province or city,
  at any depth (丹巴县 → 四川省); in a national report, a province or a domestic region (海南, 京津冀, 成渝地区双城
  经济圈 → 中华人民共和国). The report is the issuer's own, so naming the county implies it; the evidence is a
  sentence naming the area as a word of its own (not 云龙 inside 云龙湖), and none is made without one.
"""

from __future__ import annotations

import re

from kg.extract.pipeline import component
from kg.extract.relations.base import (
    GENERIC_STEM,
    NATIONAL_NAMES,
    PHASE,
    PROVINCE_ABBR,
    Context,
    adjacent_hits,
    dedupe,
    names,
    relation,
    wide_projects,
)
from kg.ingest.document import Document
from kg.ingest.issuer import NATION, PROVINCES
from kg.model import Entity, Relation

LEVELS = (("特别行政区", 4), ("自治区", 4), ("省", 4), ("自治州", 3), ("地区", 3), ("盟", 3), ("市", 3),
          ("自治县", 2), ("新区", 2), ("区", 2), ("县", 2), ("旗", 2), ("街道", 1), ("镇", 1), ("乡", 1), ("村", 0))
# Regions of the lexicon that are not parts of China's territory as the nation's report speaks of it.
# 首都 (the capital) is a way of naming 北京, not a region the nation's report divides itself into.
FOREIGN_REGIONS = frozenset({"港澳台", "港澳", "首都"})
# Regions a report draws within its own area (not divisions): 经济区, 都市圈, 涵养区, 新城, 核心区.
REGION_SUFFIX = re.compile(r"(?:经济区|都市圈|涵养区|发展区|新城|核心区|生态示范区|地区)$")
MUNICIPALITIES = frozenset({"北京市", "天津市", "上海市", "重庆市"})
CIRCLE = re.compile(r"(?:都市圈|经济圈)$")
# Domestic regions a national report names by their kind: 成渝地区双城经济圈, 长江中游城市群, 黄河流域.
NATIONAL_REGION = re.compile(r"(?:经济圈|经济带|城市群|流域)$")
# The issuer named as one of a region's members: 与东北地区其他省份, 长三角兄弟省市.
PEERS = re.compile(r"^(?:其他|其它|兄弟|其余)(?:省份|省区|省市|城市|地市|成员)")


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
    """Parents the area lexicon knows, stated where the text writes the parent before the area (济南市章丘区,
    济南的章丘区, 上海浦东新区 as one name); the issuer as parent is implied by the report naming its own district.
    Two areas merely in one sentence state nothing (庆云至章丘…济南至宁津)."""
    from kg.extract.relations.located import area_names

    areas = {e.label: e for e in ctx.entities if e.cls == "AdministrativeArea"}
    out: list[Relation | None] = []
    for ent in ctx.entities:
        parent = areas.get(ent.parent_label) if ent.cls == "AdministrativeArea" and ent.parent_label else None
        if parent is None:
            continue
        if parent is ctx.issuer_area:  # the report's own area: implied by naming the district
            if (sentence := word_sentence(ctx, ent)) is not None:
                out.append(relation(ent, "partOf", parent, sentence, "relations.partOf.divisionLexicon", 0.7))
            continue
        stems = area_names(parent)
        ends = {m.span.end for m in parent.mentions}
        text = ctx.doc.match_text
        together = sorted(m.sentence for m in ent.mentions
                          if any(m.text.startswith(n) for n in stems)
                          or m.span.start in ends or (text[m.span.start - 1] == "的" and m.span.start - 1 in ends))
        if together:
            out.append(relation(ent, "partOf", parent, together[0], "relations.partOf.division", 0.85))
    return out


# A short form running into one of these is a feature's name, not the area: 云龙湖, 钟山路, 太湖岛.
FEATURE_HEADS = frozenset("湖山江河岛路街桥")


def word_sentence(ctx: Context, ent: Entity) -> int | None:
    """The sentence that best names an area as itself: first one where it stands alone (推进苏州与上海同城化), else
    one where it opens another name (苏州实验室); never the start of a feature's name (云龙 of 云龙湖 is not
    云龙区). None when every mention is such a start."""
    text = ctx.doc.match_text
    words = [m for m in ent.mentions if m.text == ent.label or text[m.span.end: m.span.end + 1] not in FEATURE_HEADS]
    covers = [(m.span.start, m.span.end) for e in ctx.entities if e is not ent for m in e.mentions]
    alone = next((m for m in words if not any(a <= m.span.start and m.span.end <= b and b - a > len(m.text)
                                              for a, b in covers)), None)
    chosen = alone or next(iter(words), None)
    return chosen.sentence if chosen else None


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
    """Projects named as a phase or section of another project or a zone; zones named as a 片区 of another zone."""
    out: list[Relation | None] = []
    zones = [e for e in ctx.entities if e.cls == "Zone" and e.mentions]
    for cls in ("Project", "Zone"):
        ents = [e for e in ctx.entities if e.cls == cls and e.mentions]
        for part in ents:
            for whole in ents + (zones if cls == "Project" else []):
                if whole is part:
                    continue
                rests = [part.label[len(n):] for n in names(whole) if part.label.startswith(n) and len(n) >= 2]
                if any((PHASE.match(r) if cls == "Project" else r.endswith("片区") and len(r) > 2) for r in rests):
                    out.append(relation(part, "partOf", whole, part.mentions[0].sentence,
                                        "relations.partOf.phase", 0.8))
    return out


KEY_WORK = re.compile(r"^的?(?:重点|标志性|控制性|骨干|先行|配套)(?:工程|项目)$")


def key_work_rules(ctx: Context) -> list[Relation | None]:
    """W重点工程X: a project named as the key work of the project before it is a part of it."""
    return [relation(b.ent, "partOf", a.ent, clause.sentence, "relations.partOf.keyWork", 0.8)
            for clause, a, b in adjacent_hits(ctx.clauses)
            if a.ent.cls == "Project" and b.ent.cls == "Project" and KEY_WORK.match(clause.between(a.end, b.start))]


# Heads of zones wide enough to hold other zones: 临港新片区, 某某示范区, 虹桥国际开放枢纽, 某某合作区.
WIDE_ZONE = re.compile(r"(?:国际开放枢纽|开放枢纽|新片区|片区|示范区|试验区|合作区|新区)$")


def zone_rules(ctx: Context) -> list[Relation | None]:
    """A zone named after a wide zone's stem lies in it: 临港科创城 → 临港新片区. A wide zone the entity rules took
    for a project (虹桥国际开放枢纽) counts as one."""
    from kg.extract.relations.located import area_names

    place_names = {n for e in ctx.entities if e.cls == "AdministrativeArea" for n in area_names(e)}
    zones = [e for e in ctx.entities if e.cls == "Zone" and e.mentions]
    wide = [(e, e.label[: m.start()]) for e in zones + wide_projects(ctx) if (m := WIDE_ZONE.search(e.label))]
    out: list[Relation | None] = []
    for whole, stem in wide:
        if len(stem) < 2 or stem in place_names or GENERIC_STEM.match(stem):
            continue
        out += [relation(part, "partOf", whole, part.mentions[0].sentence, "relations.partOf.zone", 0.7)
                for part in zones if part is not whole and part.label.startswith(stem)
                and len(part.label) > len(stem) + 1 and not WIDE_ZONE.search(part.label)]
    return out


def area_part_rules(ctx: Context) -> list[Relation | None]:
    """北京城市副中心, 某市主城区: a known area's name plus a head naming a part of it."""
    from kg.extract.relations.located import AREA_PART, area_names

    areas = [(e, area_names(e, known=bool(e.division_code) or e is ctx.issuer_area))
             for e in ctx.entities if e.cls == "AdministrativeArea"]
    out: list[Relation | None] = []
    for ent in ctx.entities:
        if ent.cls in ("Policy", "Event", "Industry", "Enterprise") or not ent.mentions:
            continue
        for area, ns in areas:
            if area is not ent and any(ent.label.startswith(n) and AREA_PART.match(ent.label[len(n):]) for n in ns):
                out.append(relation(ent, "partOf", area, ent.mentions[0].sentence, "relations.partOf.name", 0.75))
                break
    return out


def issuer_rules(ctx: Context, placed: set[tuple[str, str]]) -> list[Relation | None]:
    """Towns, townships, streets and villages with no known parent lie in the issuer area."""
    if ctx.issuer_area is None or ctx.doc.issuer == "中华人民共和国":
        return []
    return [relation(e, "partOf", ctx.issuer_area, e.mentions[0].sentence, "relations.partOf.issuer", 0.55)
            for e in ctx.entities
            if e.cls == "AdministrativeArea" and e.mentions and not e.parent_label
            and level(e) in (0, 1) and (e.cls, e.label) not in placed and not _quoted(ctx, e)]


def _quoted(ctx: Context, ent: Entity) -> bool:
    """Whether every mention lies inside “…”: a slogan (“和美湘村”), not a village of the report's area."""
    text = ctx.doc.match_text
    return all(text.rfind("“", 0, m.span.start) > text.rfind("”", 0, m.span.start) for m in ent.mentions)


def within_rules(ctx: Context) -> list[Relation | None]:
    """Areas inside the issuer by the division lexicon: the issuing province's cities and counties; in a national
    report, the provinces and the domestic regions (京津冀, 中部地区, 长江经济带) it names."""
    issuer = ctx.issuer_area
    if issuer is None:
        return []
    from kg.extract.lexicons.divisions import REGIONS, load_divisions

    lex = load_divisions()
    national = ctx.doc.issuer == NATION
    out: list[Relation | None] = []
    for ent in ctx.entities:
        if ent.cls != "AdministrativeArea" or ent is issuer or not ent.mentions:
            continue
        div = lex.by_code(ent.division_code) if ent.division_code else None
        if national:
            inside = (div is not None and div.level == "province") or (
                ent.label in REGIONS and ent.label not in NATIONAL_NAMES and ent.label not in FOREIGN_REGIONS) or (
                _is_region(ent) and bool(NATIONAL_REGION.search(ent.label)))
        else:
            inside = div is not None and div.name != ctx.doc.issuer and lex.within(div, ctx.doc.issuer)
        if inside and (sentence := word_sentence(ctx, ent)) is not None:
            out.append(relation(ent, "partOf", issuer, sentence, "relations.partOf.divisionLexicon", 0.7))
    return out


def ftz_area_rules(ctx: Context) -> list[Relation | None]:
    """片区 of the report's own free-trade zone: 临港新片区, 绥芬河片区 → 自贸试验区."""
    from kg.extract.lexicons.divisions import load_divisions
    from kg.extract.relations.located import OWN_FTZ

    ftz = next((e for e in ctx.entities if e.cls == "Zone" and e.label in OWN_FTZ), None)
    if ftz is None or ctx.doc.issuer == NATION:
        return []
    lex = load_divisions()
    return [relation(e, "partOf", ftz, e.mentions[0].sentence, "relations.partOf.ftz", 0.7)
            for e in ctx.entities
            if e.cls == "Zone" and e.mentions and e is not ftz and (
                e.label.endswith("新片区") or (e.label.endswith("片区") and lex.lookup(e.label[:-2])))]


def region_rules(ctx: Context) -> list[Relation | None]:
    """Regions a local report draws inside itself: 川南经济区, 成都都市圈, 生态涵养区 → the issuer."""
    issuer = ctx.issuer_area
    if issuer is None or ctx.doc.issuer == NATION:
        return []
    from kg.extract.lexicons.divisions import REGIONS

    others = tuple(short for full, short, _ in PROVINCES if full != ctx.doc.issuer)
    # 现代化首都都市圈, 湘鄂渝黔毗邻地区: a region named with another province (首都 is 北京) reaches beyond the issuer
    named_others = others + (("首都",) if ctx.doc.issuer != "北京市" else ())
    # 冀中, 苏北, 陕南: another province's one-character name and a direction.
    others += tuple(a + d for a in PROVINCE_ABBR.values() if a not in ctx.issuer_abbr for d in "东南西北中")
    municipal = ctx.doc.issuer in MUNICIPALITIES
    return [relation(e, "partOf", issuer, e.mentions[0].sentence, "relations.partOf.region", 0.55)
            for e in ctx.entities
            if e.cls == "AdministrativeArea" and e is not issuer and e.mentions and not e.division_code
            and not e.parent_label and e.label not in REGIONS and REGION_SUFFIX.search(e.label)
            and not e.label.startswith(others) and not any(o in e.label for o in named_others)
            and not (municipal and CIRCLE.search(e.label))]


COMPASS_HEAD = re.compile(r"^.[东南西北]{1,2}")


def compass_rules(ctx: Context) -> list[Relation | None]:
    """陕北, 苏南, 川西北生态示范区: a region named by the issuer's one-character name and a compass point."""
    issuer = ctx.issuer_area
    if issuer is None or ctx.doc.issuer == NATION or not ctx.issuer_abbr:
        return []
    return [relation(e, "partOf", issuer, e.mentions[0].sentence, "relations.partOf.compass", 0.75)
            for e in ctx.entities
            if e.cls == "AdministrativeArea" and e is not issuer and e.mentions and not e.division_code
            and e.label[:1] in ctx.issuer_abbr and COMPASS_HEAD.match(e.label)
            and not any(e.label.startswith(n) for n in ctx.issuer_full)]


def _is_region(ent: Entity) -> bool:
    """Whether an area is a region rather than a division: no division code, a domestic name."""
    from kg.extract.lexicons.divisions import REGIONS

    return ent.cls == "AdministrativeArea" and not ent.division_code and ent.label not in NATIONAL_NAMES and (
        ent.label in REGIONS or bool(REGION_SUFFIX.search(ent.label) or NATIONAL_REGION.search(ent.label))) and \
        not any(m.extractor.startswith("world") for m in ent.mentions)


def member_rules(ctx: Context) -> list[Relation | None]:
    """与东北地区其他省份: the issuer is a member of the region; 上海（长三角）, 长三角（广德）: a division and its
    region, one in brackets after the other."""
    out: list[Relation | None] = []
    issuer = ctx.issuer_area
    for clause in ctx.clauses:
        for hit in clause.nested:
            if not _is_region(hit.ent):
                continue
            rest = clause.text[clause.local(hit.end):]
            if issuer is not None and ctx.doc.issuer != NATION and PEERS.match(rest):
                out.append(relation(issuer, "partOf", hit.ent, clause.sentence, "relations.partOf.member", 0.8))
            # 上海（长三角）…中心 and 长三角（广德）…基地: a division and its region, one in brackets after the other
            bracketed = [h for h in clause.nested if h.ent.cls == "AdministrativeArea" and not _is_region(h.ent)
                         and (clause.between(h.end, hit.start) == "（" and rest.startswith("）")
                              or clause.between(hit.end, h.start) == "（"
                              and clause.text[clause.local(h.end):].startswith("）"))]
            out += [relation(h.ent, "partOf", hit.ent, clause.sentence, "relations.partOf.member", 0.8)
                    for h in bracketed]
    return out


@component("relations.partOf", produces="relations", order=310)
def find_part_of(doc: Document, entities: list[Entity]) -> list[Relation]:
    """kg:partOf from known parent divisions, 河北省雄安新区 and A的B, phases of projects, and the issuer's towns."""
    ctx = Context.of(doc, entities)
    found = division_rules(ctx) + text_rules(ctx) + phase_rules(ctx) + zone_rules(ctx) + area_part_rules(ctx)
    found += key_work_rules(ctx)
    placed = {rel.subject for rel in found if rel is not None}
    found += issuer_rules(ctx, placed) + within_rules(ctx) + ftz_area_rules(ctx) + region_rules(ctx)
    found += member_rules(ctx) + compass_rules(ctx)
    return dedupe(found)
