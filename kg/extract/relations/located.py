"""kg:locatedIn — a thing (enterprise, organization, project, zone) in an area or zone.

Rules, each named in kg:extractor, with its confidence:
- ``relations.locatedIn.luohu`` 0.85 — X(、Y等)(总部)落户/落地/入驻/位于 PLACE: 资源循环集团总部落户天津.
- ``relations.locatedIn.zai`` 0.8 — X在PLACE落地/建设…, 在PLACE建设X: 在南港工业区建设乙烯项目; before a verb that
  builds, only a project or zone (中科院在湘布局X places X, not 中科院).
- ``relations.locatedIn.de`` 0.75 — AREA的X(、Y): 滨海新区的南港工业区; not a place faced (面向东盟的园区).
- ``relations.locatedIn.name`` 0.75 — the name holds an area name: 宝坻京津中关村科技城 → 宝坻;
  of several, the last one before a branch's head (某医院青浦院区 → 青浦,
  上海市第一人民医院酒泉医院 → 酒泉). Never the ends of a route (新沂至江都段, 北京-雄安走廊,
  …送电江西工程), nor a place reached (承接京津冀转移项目, 环北部湾…), nor an area's own part
  or role (北京城市副中心 is kg.extract.relations.partof's; 芜湖省域副中心), nor a foreign country
  or, in a local report, another province's city (黄山水利枢纽 in Shandong's), nor names cut
  from a clause (申建芜湖空港, 宁德入围…). A project named after a zone: 南港乙烯项目 → 南港工业区
  (0.7); an industry cluster named after a place (某某生物医药集群) as a thing.
- ``relations.locatedIn.ftz`` 0.7 — a local report's bare 自贸试验区 (自由贸易试验区) is the issuer's own pilot
  free-trade zone (each province has at most one), so it lies in the issuer area.
- ``relations.locatedIn.ftzArea`` 0.7 — areas listed before the own free-trade zone's 片区 with the head said once
  (哈尔滨、黑河、绥芬河片区): the zone has an area in each, so it lies (in part) in them.
- ``relations.locatedIn.luodi`` 0.6 — X等落地 (成功落地X、Y) with no place: the report's own area (the issuer);
  not an organ (省委工作要求落地见效).
- ``relations.locatedIn.builds`` 0.7 — (支持/推动/依托) ZONE 建设/打造/布局 X at a clause's start: 支持中关村科学城建设
  人工智能集聚区; a zone builds only inside itself (an area building X is the implements rules' business).
- ``relations.locatedIn.approved`` 0.65 — 获批建设 ZONE in a local report: the zone granted lies in the issuer.
"""

from __future__ import annotations

import re

from kg.extract.pipeline import component
from kg.extract.relations.base import (
    ACTOR_CLASSES,
    GENERIC_STEM,
    NATIONAL_NAMES,
    PHASE,
    PLACE_CLASSES,
    WIDE_PROJECT,
    Context,
    adjacent_hits,
    chain_after,
    chain_before,
    cue_matches,
    dedupe,
    names,
    relation,
    wide_projects,
)
from kg.ingest.document import Document
from kg.ingest.issuer import NATION
from kg.model import Entity, Relation

SETTLE = re.compile(r"(?:落户|落地|入驻|扎根|迁入|位于|坐落于|坐落在|选址|设在|建在)")
SETTLE_DEFAULT = ("落户", "落地", "入驻", "扎根")
# What may open a clause before 落地A、B with no subject: 成功落地…, 推动…落地.
SETTLE_LEAD = re.compile(r"^(?:[一二三四五六七八九十]是)?(?:成功|先后|相继|新|还|并|推动|促成|加快)*$")
APPROVED = re.compile(r"获批(?:建设|设立|创建)?")
# What may follow 落地 when the clause names no place: 等落地建设, 落地见效.
SETTLE_TAIL = re.compile(r"^(?:建设|见效|投产|运营|开工|实施|生效|签约|运行)?[。；，！]?$")
# What may stand between the things and 落地 with no place: 等, 项目, 总部, 成功 (not 省委工作要求落地见效: the
# requirements land, not the body).
SETTLE_GAP = re.compile(r"^(?:等)?(?:\d+个)?(?:项目|总部|基地|平台)?(?:成功|相继|先后|顺利|加快|陆续)?$")
AT_PLACE = re.compile(r"在([^，。；、“”]{1,14}?)(?:成功)?(?:落户|落地|建设|新建|布局|设立|建成|开工|投产|扎根|打造)")
BUILDING_VERBS = frozenset({"建设", "新建", "布局", "设立", "建成", "开工", "打造"})
AREA_STEM_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "新区", "省", "市", "区", "县", "镇", "乡", "街道")
ZONE_STEM_SUFFIXES = ("工业区", "开发区", "经开区", "高新区", "示范区", "试验区", "科技城", "园区", "片区", "港区",
                      "新城", "园", "区")
# An area's own organs (天津市委, 某市人民政府) are not things located in it.
OWN_FTZ = frozenset({"自贸试验区", "自由贸易试验区", "自贸区"})
# An industry named as a place's cluster is a thing in that place: 京津冀新一代信息技术应用创新集群 → 京津冀.
CLUSTER = re.compile(r"(?:集群|产业带)$")
# Bodies that gather zones are not in the one whose stem they share: 中部地区国家高新区联盟.
ALLIANCE = ("联盟", "协会", "联合会", "联席会议")
# International bodies named after where they were founded are not in it: 上海合作组织.
NAMED_AFTER_FOUNDING = ("合作组织", "国际组织")
# A name between two places is a route or corridor, not a thing in either: 新沂至江都段, 北京-雄安人才走廊
# (a dash only with places on both sides: 天津滨海-中关村科技园 lies in 天津).
ROUTE = re.compile(r"[至到]|送电|送气|输电|输气")
DASH = re.compile(r"[\-－—–]")
# A branch's head after the area it is in: 某医院青浦院区, 某大学延庆校区, 某公司南京分公司, 某医院酒泉医院.
CAMPUS = ("院区", "校区", "分院", "分校", "分中心", "分公司", "分部", "园区", "基地", "医院", "研究院", "中心",
          "实验室")
# A name whose area is followed by a verb is a clause cut as a name (鄂州申建空港, 宁德入围全球百强创新集群):
# it places nothing.
VERB_AFTER_AREA = re.compile(r"^(?:申建|申报|建设|打造|推进|推动|入围|入选|获批|获评|成为|加快|创建|争创|跨入|开工|等)")
# A verb of a clause inside a name cuts the clause as a name wherever it stands: 某地梯田进入世界灌溉工程(遗产名录).
CLAUSE_VERB = re.compile(r"进入|列入|纳入|开工建设")
LEADING_VERB = re.compile(r"^(?:申建|申报|新建|建设|打造|推进|推动|加快|开工|建成|投用|建好|支持|力争|升级|运营|"
                          r"提升|优化|完善|深化|做强|做大|培育|抢抓|迭代)")
# An area after one of these in a name is where the thing reaches, not where it is: 辽西先导区承接京津冀转移项目,
# 环北部湾广西水资源配置工程 (around the gulf, in 广西).
REACHES = ("承接", "对接", "服务", "融入", "面向", "连接", "辐射", "联通", "入", "经", "环")
# What names the area itself in a role: 芜湖省域副中心, 徐州区域中心(城市).
AREA_ITSELF = re.compile(r"^(?:省域副中心|省域中心|区域中心|区域性中心|中心城市|省会)(?:城市)?$")
# Heads that make an area's name the name of a part of that area: 北京城市副中心, 成都东部新区, 某市主城区.
AREA_PART = re.compile(r"^(?:城市副中心|副中心|主城区|中心城区|老城区|核心区|新城)$")
ORGAN_SUFFIXES = ("人民政府", "政府", "委员会", "委", "人大", "人大常委会", "政协", "纪委", "监委", "人民法院",
                  "人民检察院", "法院", "检察院")


def area_names(ent: Entity, *, known: bool = True) -> set[str]:
    """Names an area goes by inside other names: 宝坻区 → 宝坻区, 宝坻; at least two characters.

    Only an area known to be a division (a code, or the issuer) lends its aliases and short forms;
    another keeps its full label, so a mistyped 工业园区 never places 工业互联网平台 by 工业.
    """
    if not known:
        return {ent.label} if len(ent.label) >= 3 and ent.label not in NATIONAL_NAMES else set()
    out = set()
    for n in names(ent):
        out.add(n)
        for suffix in AREA_STEM_SUFFIXES:
            if n.endswith(suffix) and len(n) - len(suffix) >= 2:
                out.add(n[: -len(suffix)])
                break
    return {n for n in out if len(n) >= 2 and n not in NATIONAL_NAMES}


def zone_stem(ent: Entity) -> str | None:
    """A zone's name without its generic suffix: 南港工业区 → 南港 (None when under two characters)."""
    for suffix in ZONE_STEM_SUFFIXES:
        if ent.label.endswith(suffix) and len(ent.label) - len(suffix) >= 2:
            return ent.label[: -len(suffix)]
    return None


def _is_organ(ent: Entity) -> bool:
    """Whether an organization is an area's own organ (天津市委, 某省人民政府, 龙江…省委): named by its suffix."""
    return ent.cls == "Organization" and ent.label.endswith(ORGAN_SUFFIXES)


def _place_after(ctx: Context, clause, start: int) -> Entity | None:
    """The place named right after a cue: a place entity, or the issuer by name (落户天津)."""
    hits = chain_after(clause, start, PLACE_CLASSES, max_gap=1)
    if hits:
        return hits[0].ent
    rest = clause.text[clause.local(start):].lstrip("于在到")
    if ctx.issuer_area and any(rest.startswith(n) for n in ctx.issuer_full | ctx.issuer_abbr):
        return ctx.issuer_area
    return None


def settle_rules(ctx: Context) -> list[Relation | None]:
    """X落户PLACE, and X等落地 with no place (→ the issuer area)."""
    out: list[Relation | None] = []
    for clause, start, end in cue_matches(SETTLE, ctx.clauses):
        subjects = chain_before(clause, start, ACTOR_CLASSES, max_gap=6)
        if not subjects:
            out += _settled_here(ctx, clause, start, end)
            continue
        if "在" in clause.between(subjects[-1].end, start):
            continue  # 在X落地 is the zai rule's
        place = _place_after(ctx, clause, end)
        if place is not None:
            out += [relation(h.ent, "locatedIn", place, clause.sentence, "relations.locatedIn.luohu", 0.85)
                    for h in subjects]
        elif (clause.text[clause.local(start): clause.local(end)] in SETTLE_DEFAULT and ctx.issuer_area
              and SETTLE_TAIL.match(clause.text[clause.local(end):])
              and SETTLE_GAP.match(clause.between(subjects[-1].end, start))):
            out += [relation(h.ent, "locatedIn", ctx.issuer_area, clause.sentence, "relations.locatedIn.luodi", 0.6)
                    for h in subjects if not _is_organ(h.ent)]
    return out


def _settled_here(ctx: Context, clause, start: int, end: int) -> list[Relation | None]:
    """(成功)落地A、B、C with no place: things a local report brought in, in the issuer area."""
    verb = clause.text[clause.local(start): clause.local(end)]
    lead = clause.between(clause.start, start)
    if (verb not in SETTLE_DEFAULT or ctx.issuer_area is None or ctx.doc.issuer == NATION
            or not SETTLE_LEAD.match(lead)):
        return []
    return [relation(h.ent, "locatedIn", ctx.issuer_area, clause.sentence, "relations.locatedIn.luodi", 0.6)
            for h in chain_after(clause, end, ACTOR_CLASSES, max_gap=0)]


def approved_rules(ctx: Context) -> list[Relation | None]:
    """获批(建设/设立) ZONE in a local report: a zone granted to the issuer lies in it."""
    if ctx.issuer_area is None or ctx.doc.issuer == NATION:
        return []
    out: list[Relation | None] = []
    for clause, _, end in cue_matches(APPROVED, ctx.clauses):
        zones = chain_after(clause, end, frozenset({"Zone"}), max_gap=2)
        out += [relation(h.ent, "locatedIn", ctx.issuer_area, clause.sentence, "relations.locatedIn.approved", 0.65)
                for h in zones]
    return out


def at_place_rules(ctx: Context) -> list[Relation | None]:
    """X在PLACE落地/建设, 在PLACE建设X."""
    out: list[Relation | None] = []
    for clause, start, end in cue_matches(AT_PLACE, ctx.clauses):
        inner = clause.hits_in(start + 1, end)
        places = [h.ent for h in inner if h.ent.cls in PLACE_CLASSES]
        gap = clause.text[clause.local(start) + 1: clause.local(end)]
        if not places and ctx.issuer_area and any(gap.startswith(n) for n in ctx.issuer_full | ctx.issuer_abbr):
            places = [ctx.issuer_area]  # 在津落户, 在天津建设
        if len(places) != 1:
            continue
        # 中科院在湘布局X: before a verb that builds stands the builder, not a thing built (unless a project or zone)
        builds = clause.text[clause.local(end) - 2: clause.local(end)] in BUILDING_VERBS
        before = [h for h in chain_before(clause, start, ACTOR_CLASSES, max_gap=3)
                  if not builds or h.ent.cls in ("Project", "Zone")]
        things = before + chain_after(clause, end, ACTOR_CLASSES, max_gap=6)
        out += [relation(h.ent, "locatedIn", places[0], clause.sentence, "relations.locatedIn.zai", 0.8)
                for h in things]
    return out


ZONE_LEAD = re.compile(r"^(?:[一二三四五六七八九十]是)?(?:支持|推动|推进|鼓励|引导|依托|加快|由|在)?$")
# What a zone "builds" that is a title it earns, not a thing inside it: 打造国家级示范片区.
DESIGNATION = re.compile(r"(?:示范区|示范片区|试验区|先行区|先导区|示范基地|样板区)$")
ZONE_BUILDS = re.compile(r"^(?:加快|全力|高标准|高水平|率先)?(?:建设|打造|布局|建成|新建|设立|培育)$")


def zone_builds_rules(ctx: Context) -> list[Relation | None]:
    """支持ZONE建设X: a zone named as the builder of a thing at the start of a clause holds it."""
    out: list[Relation | None] = []
    for clause, a, b in adjacent_hits(ctx.clauses):
        if (a.ent.cls == "Zone" and b.ent.cls in ACTOR_CLASSES and b.ent.cls != "Enterprise"
                and ZONE_LEAD.match(clause.between(clause.start, a.start))
                and ZONE_BUILDS.match(clause.between(a.end, b.start))):
            out += [relation(h.ent, "locatedIn", a.ent, clause.sentence, "relations.locatedIn.builds", 0.7)
                    for h in chain_after(clause, b.start, ACTOR_CLASSES - {"Enterprise"}, max_gap=0)
                    if not DESIGNATION.search(h.ent.label)]
    return out


def de_rules(ctx: Context) -> list[Relation | None]:
    """AREA的X: the thing after 的 lies in the area before it."""
    # 滨海新区的南港工业区、临港经济区: every item of the list after 的 shares the place.
    return [relation(h.ent, "locatedIn", a.ent, clause.sentence, "relations.locatedIn.de", 0.75)
            for clause, a, b in adjacent_hits(ctx.clauses)
            if a.ent.cls == "AdministrativeArea" and b.ent.cls in ACTOR_CLASSES
            and clause.between(a.end, b.start) == "的"
            and not clause.between(clause.start, a.start).endswith(REACHES)  # 面向东盟的园区 is not in 东盟
            for h in chain_after(clause, b.start, ACTOR_CLASSES, max_gap=0)]


CUT_PHASE = re.compile(r"[期段线]")  # 四期, 东段, 支线: a phase or section of the thing, not its cut-off head


def _cut_off(ent: Entity, longer: dict[int, set[int]], text: str) -> bool:
    """Whether every mention of a name is the name of a thing cut off before its last word (连云港徐圩港区疏港 of
    连云港徐圩港区疏港航道): a longer thing's mention starts there and runs one or two characters on, not a
    phase (浦东国际机场四期 keeps its airport). The whole name is placed instead."""
    return all(m.span.end + 1 <= end <= m.span.end + 2 and not CUT_PHASE.search(text[m.span.end:end])
               for m in ent.mentions for end in [max(longer.get(m.span.start, {0}))])


def _named_area(ent: Entity, areas: list[tuple[Entity, set[str]]], stems: set[str]) -> Entity | None:
    """The area whose name a thing's name holds: of several, the last one before a branch's head, else the first;
    None for organs, routes and parts of the area itself."""
    label = ent.label
    if _is_organ(ent) or ROUTE.search(label) or label.endswith(NAMED_AFTER_FOUNDING):
        return None
    found = [(label.find(n), -len(n), area.label, n, area) for area, ns in areas for n in ns
             if n in label and not label.endswith(n)]
    dash = DASH.search(label)
    if not found or (dash and any(label.startswith(n, dash.end()) for n in stems)):
        return None
    if any(AREA_PART.match(rest) or AREA_ITSELF.match(rest) for *_, n, _ in found
           for rest in [label[label.find(n) + len(n):]]):
        return None  # 北京城市副中心 is a part of 北京, 芜湖省域副中心 is 芜湖 itself: neither is a thing in it
    if LEADING_VERB.match(label) or CLAUSE_VERB.search(label):
        return None  # 申建芜湖空港: a clause cut as a name
    found = [f for f in found if not VERB_AFTER_AREA.match(label[f[0] + len(f[3]):])
             and not label[: f[0]].endswith(REACHES)]
    if not found:
        return None
    # of several places, a branch is named last: 上海市第一人民医院酒泉医院, 长三角国家技术创新中心安徽中心
    campus = [f for f in found if label[f[0] + len(f[3]):].startswith(CAMPUS)]
    if len(found) > 1 and campus:
        return max(campus, key=lambda f: (f[0], -f[1]))[4]
    return min(found, key=lambda f: f[:3])[4]


def _lends_place(ctx: Context, area: Entity) -> bool:
    """Whether an area's name inside a thing's name places the thing there. Not a foreign country (科威特石化股权合作
    is a partnership), nor, in a local report, a city or county of another province: 黄山水利枢纽 in a Shandong
    report, 中山医院 in Shanghai's, take a local or a person's name that happens to be a division's."""
    if any(m.extractor.startswith("world") for m in area.mentions):
        return False
    if not area.division_code or ctx.doc.issuer in (None, NATION) or area is ctx.issuer_area:
        return True
    from kg.extract.lexicons.divisions import load_divisions

    lex = load_divisions()
    div = lex.by_code(area.division_code)
    return div is None or div.level == "province" or lex.within(div, ctx.doc.issuer)


def name_rules(ctx: Context) -> list[Relation | None]:
    """A name holding an area name (宝坻京津中关村科技城 → 宝坻), a project named after a zone (南港… → 南港工业区).

    The area's name must be followed by the thing's own head (…科技城): a name ending with it names the area.
    """
    areas = [(e, area_names(e, known=bool(e.division_code) or e is ctx.issuer_area))
             for e in ctx.entities if e.cls == "AdministrativeArea"]
    lenders = [(e, ns) for e, ns in areas if _lends_place(ctx, e)]
    # every short form of every area, to tell a route's far end (北京-雄安…: 雄安 of 雄安新区)
    stems = {n for e in ctx.entities if e.cls == "AdministrativeArea" for n in area_names(e)}
    # A zone named by a place (上海示范区) lends no stem: things named after the place are not in the zone.
    place_names = {n for _, ns in areas for n in ns}
    zones = [(e, stem) for e in ctx.entities if e.cls == "Zone" and (stem := zone_stem(e)) not in place_names
             and not (stem and GENERIC_STEM.match(stem))]
    zones += [(e, stem) for e in wide_projects(ctx)
              if len(stem := WIDE_PROJECT.split(e.label)[0]) >= 2 and stem not in place_names]
    longer: dict[int, set[int]] = {}  # where a thing's mention starts → where mentions starting there end
    for e in ctx.entities:
        if e.cls in ACTOR_CLASSES:
            for m in e.mentions:
                longer.setdefault(m.span.start, set()).add(m.span.end)
    out: list[Relation | None] = []
    for ent in ctx.entities:
        cluster = ent.cls == "Industry" and CLUSTER.search(ent.label)
        if (ent.cls not in ACTOR_CLASSES and not cluster) or not ent.mentions or _cut_off(ent, longer, ctx.doc.text):
            continue
        sentence = ent.mentions[0].sentence
        area = _named_area(ent, lenders, stems)
        if area is not None:
            out.append(relation(ent, "locatedIn", area, sentence, "relations.locatedIn.name", 0.75))
        if ent.cls in ("Zone", "Industry"):
            continue
        for zone, stem in zones if not ent.label.endswith(ALLIANCE) else ():
            # 罗泾港区改造二期 lies in 罗泾港区; 某机场四期 is a phase of it (partOf, kg.extract.relations.partof).
            whole = ent.label.startswith(zone.label)
            if stem and ent.label.startswith(stem) and not (whole and PHASE.match(ent.label[len(zone.label):])):
                out.append(relation(ent, "locatedIn", zone, sentence, "relations.locatedIn.name", 0.7))
    return out


def ftz_rules(ctx: Context) -> list[Relation | None]:
    """The bare 自贸试验区 of a provincial or city report is the issuer's own."""
    if ctx.issuer_area is None or ctx.doc.issuer == NATION:
        return []
    return [relation(ent, "locatedIn", ctx.issuer_area, ent.mentions[0].sentence, "relations.locatedIn.ftz", 0.7)
            for ent in ctx.entities if ent.cls == "Zone" and ent.mentions and ent.label in OWN_FTZ]


def ftz_area_list_rules(ctx: Context) -> list[Relation | None]:
    """哈尔滨、黑河、绥芬河片区: the 片区 head said once for a list of areas; the report's free-trade zone has an
    area in each listed place."""
    ftz = next((e for e in ctx.entities if e.cls == "Zone" and e.label in OWN_FTZ), None)
    if ftz is None or ctx.doc.issuer == NATION:
        return []
    from kg.extract.lexicons.divisions import load_divisions

    lex = load_divisions()
    out: list[Relation | None] = []
    for clause in ctx.clauses:
        for i, last in enumerate(clause.hits):
            # the free-trade zone's 片区 are named by divisions (绥芬河片区), not by spots (博鳌潭门片区)
            if last.ent.cls != "Zone" or not last.ent.label.endswith("片区") or not lex.lookup(last.ent.label[:-2]):
                continue
            following = last
            for hit in reversed(clause.hits[:i]):
                if hit.ent.cls != "AdministrativeArea" or clause.between(hit.end, following.start) not in ("、", "和"):
                    break
                out.append(relation(ftz, "locatedIn", hit.ent, clause.sentence, "relations.locatedIn.ftzArea", 0.7))
                following = hit
    return out


@component("relations.locatedIn", produces="relations", order=300)
def find_located_in(doc: Document, entities: list[Entity]) -> list[Relation]:
    """kg:locatedIn from 落户/落地/位于, 在…建设, AREA的X and place names inside names."""
    ctx = Context.of(doc, entities)
    found = settle_rules(ctx) + at_place_rules(ctx) + de_rules(ctx) + name_rules(ctx) + ftz_rules(ctx)
    return dedupe(found + approved_rules(ctx) + zone_builds_rules(ctx) + ftz_area_list_rules(ctx))
