"""kg:implements — the issuer area, a zone, organization or project carrying out a policy.

The report's actor is 我们, its own government, which acts as its area (kg:issuer): a clause that opens
with its verb (实施…, 健全…制度, 用好…政策) or names only the issuer before it has the issuer area as subject.

Rules, each named in kg:extractor, with its confidence:
- ``relations.implements.we`` 0.7 — 实施/推进/落实/深化/开展/健全/完善/制定/出台/用好… POLICY with no other subject:
  the issuer area.
- ``relations.implements.actor`` 0.7 — ZONE/ORG/PROJECT 实施… POLICY, 支持AREA(、AREA)深化 POLICY: those entities.
- ``relations.implements.passive`` 0.65 — POLICY(、POLICY) 稳步实施/落地见效/取得新进展/迈出实质性步伐: the issuer area.
- ``relations.implements.effect`` 0.55 — POLICY 带动/惠及/支持资金…: carried out, by the issuer area.
- ``relations.implements.project`` 0.7 — PROJECT等21个POLICY项目: 天美艺术街区等城市更新项目 → 城市更新.
- ``relations.implements.named`` 0.7 — a policy named after a zone or an organization that is not a government
  organ (自贸试验区提升行动, 促进天开园发展条例, 某交易所体制改革): that zone or organization, and not the issuer.
- ``relations.implements.pilot`` 0.7 — AREA 纳入/入选/列入 … POLICY试点: the area carries out the pilot.
- ``relations.implements.region`` 0.65 — a strategy named after a region or district other than the issuer
  (西部大开发, 促进中部地区崛起, 黄河流域生态保护和高质量发展, 某新区法规): that area carries it out too; the issuer
  keeps its own claim. Not a policy aimed at an area from outside (对口支援某地, 援某).
- ``relations.implements.carrier`` 0.65 — a zone, organization or project named for a policy it exists to carry
  out (美丽中国先行区 → 美丽中国, 国家新型工业化示范区 → 新型工业化, “人工智能+”农业中试基地 → “人工智能+”行动).

No rule relates a "policy" that names none: a bare generic head (行动, 提升行动, 宏观政策, 重点领域改革, 优先战略:
a cut-off or generic name), a capacity (新质生产力), a quoted three-character figure of speech (完善“硬设施”,
打造“家门口”…: a quality word and a thing, or a place word), or a principle held to (坚持“尊商、重商、亲商”,
“五个必须”). Nor a name that only qualifies the real object: 以“扩中”为重点的…改革, “苏服办”等为民服务平台,
“最懂年轻人”的青年社区, “小而美”旅游名县, …改革示范区.
"""

from __future__ import annotations

import re

from kg.extract.lexicons.world import world_names
from kg.extract.pipeline import component
from kg.extract.relations.base import (
    ACTOR_CLASSES,
    NATIONAL_NAMES,
    PROVINCE_ABBR,
    PUNCT,
    Clause,
    Context,
    chain_before,
    cue_matches,
    dedupe,
    key,
    names,
    relation,
)
from kg.ingest.document import Document
from kg.model import Entity, Relation

ACTIVE = re.compile(r"(?:用足用好|用好用活|用足|用好|实施|推进|推动|推行|落实|贯彻|执行|深化|打好|打赢|完成|开展|启动"
                    r"|实行|健全|完善|制定|出台|编制|颁布|建立|创建|建好|建强|抓好|办好|做实|做好|聚焦|学习运用|谋划|参与"
                    r"|融入|争取|获批|兑现|发放|探索|坚持|维护|建设|打造|强化|优化|扩大|拓展|加快|做到|统筹|发布|试行"
                    r"|规范|统一|进行|缩减|安排|推广|修订|施行)")
PASSIVE = re.compile(r"(?:稳步|深入|全面|有效|有序|扎实|加快|持续|顺利|圆满)?"
                     r"(?:实施|推进|完成|落实|落地见效|落地实施|落地生效|落地|见效|提速|深化)|加力提速|走深走实|起势见效|"
                     r"成效(?:明显|显著)")
EFFECT = re.compile(r"^(?:带动|惠及|撬动|拉动|支持资金)")
PROJECT_OF = re.compile(r"^等(?:\d+|[一二三四五六七八九十百]+)?[个项处批]?$")
MAX_VERB_GAP = 10
# A list of fields between verb and policy: 开展土地、矿产、房屋等7类…试点, 落实责任、政策、帮扶、监管“四个不摘”.
FIELD_LIST = re.compile(r"^(?:[^，。；、“”]{1,8}、)+[^，。；、“”]{1,8}(?:等[\d一二三四五六七八九十]*[类项个大]?)?$")
MODIFIED = re.compile(r"领域|改革|体系|机制|试点")
# What follows a list of fields whose reform is meant: 等改革, 等行业改革, 等重点领域改革, 体制改革.
REFORM_OF = re.compile(r"^(?:、[^，。；、“”]{1,4})*(?:等[^，。；、]{0,6}?|[^，。；、]{0,2})(?:改革|体制改革)")
JOINS = re.compile(r"加入$")
ORGAN = re.compile(r"(?:政府|委员会|委|人大|常委会|政协|办公厅|办公室|厅|局)$")
# Names that say what kind of measure, not which one: 行动, 提升行动, 宏观政策, 重点领域改革, 一系列政策.
GENERIC_POLICY = re.compile(r"^(?:重点领域|关键环节|和|重点|重大|重要|宏观|各项|一系列|系列|相关|有关|专项|综合|配套"
                            r"|若干|各类|改善|提升|提质|攻坚|整治|新一轮|优先)*(?:行动|政策|改革|工程|计划|举措|措施|机制|制度|体系|试点|规划|方案|战略"
                            r"|法律法规|法律|法规|改革攻坚)$")
# A capacity grown, not a measure carried out: 新质生产力, 核心竞争力.
CAPACITY = re.compile(r"力$")
# How the name of a measure ends (a bare field such as 金融 has none of these).
MEASURE_HEAD = re.compile(r"(?:改革|政策|制度|机制|体制|行动|工程|计划|规划|方案|战略|试点|条例|法|办法|意见|规定"
                          r"|建设|发展|振兴|工作)”?$")
# A count of things of a kind, not a named one: 制定、修订137件行政法规.
COUNTED = re.compile(r"^\d+[件项个部条批类]")
# What a name only qualifies: 以“扩中”、“提低”为重点的…改革 (the reform is meant), “苏服办”等为民服务平台 (a platform).
QUALIFIER_AFTER = re.compile(r"^”?(?:、“?[^，。；、]{1,8}”?)*为(?:重点|核心|主线|抓手|牵引|导向|主体|基础)的")
PLATFORM_AFTER = re.compile(r"^”?等[^，。；、]{0,6}?平台")
# What a finished campaign left, kept up rather than carried out: 巩固拓展脱贫攻坚成果.
RESULTS_AFTER = re.compile(r"^”?成果")
# A quoted name of a problem, an idea, a product or a group of countries, not of a measure: 解决好“三农”问题,
# “看病难、看病贵”现象, “健康第一”教育理念, 扩大“多日旅游”产品供给, “无事不扰”白名单企业, 整治“内卷式”竞争,
# 聚焦“一带一路”国家, 完成村“两委”换届 (bodies elected).
IDEA_AFTER = re.compile(r"^”?(?:[一二三四五六七八九十两]+个|等)?[^，。；、“”]{0,4}?"
                        r"(?:问题|现象|难题|痛点|堵点|理念|观念|产品|白名单|换届)|^”?(?:式)?竞争|^”?(?:沿线)?国家")
# 规划 used as a verb after its object (推动某线规划建设, 推动体育场馆规划新建): the plan is no named policy.
PLANNED_AFTER = re.compile(r"^(?:建设|新建|布局|选址|研究)")
# A name listed as a field where something is built, not a measure: 推进智能制造、某某城市等领域“算力+数据”建设.
FIELD_AFTER = re.compile(r"^”?(?:等)?(?:重点|关键|新兴|各)?领域(?!改革)")
# A plain name right before a quoted one only qualifies it: 用好地方政府专项债“自审自发”机制.
QUOTED_AFTER = re.compile(r"^“[^“”]{2,12}”")
# A zone named for the policy (推进宿迁“四化”同步集成改革示范区建设): the zone carries it out, not the issuer.
ZONE_HEADS = r"(?:示范区|试验区|先行区|先导区|示范带|示范县|试验县|先行县|示范市|示范城市)"
ZONE_AFTER = re.compile(r"^”?(?:" + ZONE_HEADS + r"|[^，。；、“”]{1,8}?" + ZONE_HEADS + r"(?=建设|[，。；、和与及]|$))")
# A quoted description of a place or network (打造“小而美”旅游名县, “水运江苏”现代化水网).
PLACE_AFTER = re.compile(r"^[^，。；、“”]{0,4}?(?:名县|名镇|名村|县|镇|村|水网|路网|空间|社区|街区|基地)"
                         r"(?=[，。；、和与及]|$)")
# Quoted figures of speech: a quality word and a thing (“硬设施”“软平台”“好物业”) or a place word (“家门口”).
FIGURE = re.compile(r"^“(?:[好硬软暖热真实][^“”\d]{2}|[^“”\d]{1,2}(?:门口|身边|心坎|口袋)|\d+(?:分钟|小时|公里))”$")
# Principles held to rather than measures carried out: “五个必须”, and a quoted list after 坚持 (“尊商、重商”).
PRINCIPLE = re.compile(r"^“?[一二三四五六七八九十两]+个(?:必须|坚持|务必|始终|更加|维护|确立|意识|自信|毫不动摇)"
                       r"(?:坚持)?”?$")
HELD_LIST = re.compile(r"^“[^“”]*[、，,和与及][^“”]*”$")
NOT_ACTORS = frozenset({"Policy", "Industry", "Event"})
AREA = frozenset({"AdministrativeArea"})
# 支持/鼓励/引导 and the unnamed actors the report supports (支持在京高校开展…, 鼓励企业实施…), not a joined verb.
OTHERS_ACT = re.compile(r"^(?:[一二三四五六七八九十]是)?(?:支持|鼓励|引导|指导|帮助)(?![和并与及]?$)[^“”]{2,}$")
# A sentence whose subject is firms or people, not the government: 企业要普遍建立…, 企业改制要…, 企业在…条件下.
OTHERS_SUBJECT = re.compile(r"^(?:[一二三四五六七八九十]是)?(?:各类|广大|国有|全民所有制|大中型)?"
                            r"(?:企业|厂矿|职工|农民|群众)(?:改制)?(?:要|应|应当|必须|都要|可以|在)")
# What opens a clause in which the report assists a body that acts: 配合…部门推进…, 协助…, 会同….
ASSISTS = re.compile(r"^(?:[一二三四五六七八九十]是)?(?:积极|主动|全力)?(?:配合|协助|会同)$")
# What may open a clause before areas that act themselves: 支持成都、绵阳深化…, 推动雄安新区实施….
SUPPORT_LEAD = re.compile(r"^(?:[一二三四五六七八九十]是)?(?:支持|推动|鼓励|指导|引导|推进)?$")
PASSIVE_DONE = re.compile(r"^(?:改革)?(?:取得(?:了)?(?:阶段性)?(?:重要|新的?|明显|积极|显著|重大|突破性)?"
                          r"(?:进展|成效|突破|成果)|(?:不断|逐步|进一步|日益|基本|全面)(?:完善|健全|规范|建立)"
                          r"|迈出(?:实质性|坚实|重要)?步伐|顺利进行|进行了成功探索|正式施行|全面实施|系统推进|深入推进"
                          r"|(?:冲刺|圆满|顺利|平稳|高质量|胜利)?收官(?!战))")
# A year said to be a plan's last (2025年是“十四五”规划收官之年): the clause is about the plan.
YEAR_IS = re.compile(r"^(?:\d{4}年|今年|去年)是$")


# A reform the extractors did not name, listed after a named one: 投资体制改革和价格改革取得新进展.
ANOTHER_REFORM = re.compile(r"^[和、及与][^，。；、“”]{1,8}?改革(?=取得|不断|逐步|进一步|迈出|顺利|全面|深入|系统)")


# Laws and plans an area's government carries out for its zones (条例, 三年行动): the zone does not enact them.
ENACTED = re.compile(r"(?:条例|办法|规定|行动|计划|规划|方案)$")


def names_a_policy(ent: Entity) -> bool:
    """Whether a policy entity's name says which policy: not a generic head, a figure of speech or a principle."""
    return not (GENERIC_POLICY.match(ent.label) or FIGURE.match(ent.label) or PRINCIPLE.match(ent.label)
                or CAPACITY.search(ent.label) or COUNTED.match(ent.label))


def _subject(ctx: Context, clause: Clause, verb_start: int) -> tuple[list[Entity], str]:
    """Who acts before a verb: the issuer area when no one else is named (or only the issuer), else an actor:
    a zone, organization or project, or areas the report supports in doing so (支持成都、绵阳深化…)."""
    # Policies, industries and events named before the verb are objects of an earlier verb, not actors.
    before = [h for h in clause.hits if h.end <= verb_start and h.ent.cls not in NOT_ACTORS]
    if not before and OTHERS_ACT.match(clause.between(clause.start, verb_start)):
        return [], ""  # 支持在京高校开展…: the report supports actors it does not name; they act, not the issuer
    if not before and OTHERS_SUBJECT.match(ctx.doc.sentences[clause.sentence].text):
        return [], ""  # 企业要普遍建立…制度: enterprises the report does not name act, not the issuer
    if not before or (ctx.issuer_area is not None and before[-1].ent is ctx.issuer_area):
        return ([ctx.issuer_area] if ctx.issuer_area else []), "relations.implements.we"
    near = before[-1]
    gap = clause.between(near.end, verb_start)
    # 配合市人大及其常委会出台…: the report assists a body that acts; the body may be named with its organs.
    limit = 6 if ASSISTS.match(clause.between(clause.start, before[0].start)) else 4
    if near.ent.cls in ACTOR_CLASSES and len(gap) <= limit and not any(ch in PUNCT for ch in gap):
        return [near.ent], "relations.implements.actor"
    if near.ent.cls == "AdministrativeArea" and len(gap) <= 2 and not any(ch in PUNCT for ch in gap):
        areas = chain_before(clause, verb_start, AREA, max_gap=2)
        lead = clause.between(clause.start, areas[0].start) if areas else "?"
        if areas and SUPPORT_LEAD.match(lead):
            return [h.ent for h in areas], "relations.implements.actor"
    return [], ""


def active_rules(ctx: Context) -> list[Relation | None]:
    """VERB POLICY, with the subject found before the clause's first verb."""
    out: list[Relation | None] = []
    by_clause: dict[int, list[tuple[int, int]]] = {}
    clauses = {c.start: c for c in ctx.clauses}
    for clause, start, end in cue_matches(ACTIVE, ctx.clauses):
        after = clause.text[clause.local(end):]
        # 祖国完全统一、中华民族全面振兴: a verb listed as a noun before 、 governs nothing (推进、落实X lists verbs).
        if after.startswith("、") and not ACTIVE.match(after[1:]):
            continue
        if not any(h.start <= start and end <= h.end for h in clause.hits):  # 扩大 inside 服务业扩大开放综合试点
            by_clause.setdefault(clause.start, []).append((start, end))
    for cstart, verbs in by_clause.items():
        clause = clauses[cstart]
        subjects, name = _subject(ctx, clause, verbs[0][0])
        if not subjects:
            continue
        limits = [v[0] for v in verbs[1:]] + [clause.end]
        for k, ((start, end), limit) in enumerate(zip(verbs, limits, strict=True)):
            # 推动省产业技术研究院深度参与X: an actor between two verbs is the later verb's subject.
            pivot = [h for h in clause.hits if k and verbs[k - 1][1] <= h.start and h.end <= start
                     and h.ent.cls in ACTOR_CLASSES and len(clause.between(h.end, start)) <= 6]
            # A policy name swallowing its verb (落实政策) must keep a name of its own after it.
            objs = [h for h in clause.hits if h.ent.cls == "Policy" and h.start >= start and h.end <= limit
                    and (h.start >= end or h.end - end >= 4)]
            gap = clause.between(end, objs[0].start) if objs else ""
            if not objs or (len(gap) > MAX_VERB_GAP and not FIELD_LIST.match(gap)):
                continue
            if JOINS.search(clause.between(end, objs[0].start)):
                continue  # 推动加入《…协定》: joining an agreement, not carrying out a policy
            objs = [h for h in objs if not _qualifies_a_reform(clause, h, objs)
                    and not (clause.between(start, end) == "坚持" and HELD_LIST.match(h.ent.label))
                    and not _only_qualifies(clause, h, end)]
            actors, rule = ([pivot[-1].ent], "relations.implements.actor") if pivot else (subjects, name)
            out += [relation(subject, "implements", h.ent, clause.sentence, rule, 0.7)
                    for subject in actors for h in objs]
    return out


def _only_qualifies(clause: Clause, hit, verb_end: int) -> bool:
    """Whether a name only says what a larger object is about: 深化以“扩中”为重点的收入分配制度改革 (以…为重点的),
    建强“苏服办”等为民服务平台 (a platform, not a policy), 巩固拓展脱贫攻坚成果 (the results of a campaign),
    打造“最懂年轻人”的青年社区 and “小而美”旅游名县 (a quoted description of a place), 推进某某改革示范区建设 and
    推进某某高质量发展试验县建设 (the zone carries the policy out), 解决好“三农”问题 and “健康第一”教育理念 (a
    problem or an idea)."""
    after = clause.text[clause.local(hit.end):]
    if "以" in clause.between(verb_end, hit.start) and QUALIFIER_AFTER.match(after):
        return True
    if hit.ent.label.endswith("”") and (after.startswith("的") or PLACE_AFTER.match(after)):
        return True  # 打造“最懂年轻人”的青年社区, “小而美”旅游名县: describes the place
    if hit.ent.label.endswith("规划") and PLANNED_AFTER.match(after):
        return True  # 推动某线规划建设: planned and built, not a plan carried out
    if not hit.ent.label.endswith("”") and QUOTED_AFTER.match(after):
        return True  # 用好地方政府专项债“自审自发”机制: the quoted mechanism is meant
    if (hit.ent.label.endswith("”") or after.startswith("”")) and IDEA_AFTER.match(after):
        return True  # 解决好“三农”问题, 推动“健康第一”教育理念: a problem or an idea, not a measure
    return bool(PLATFORM_AFTER.match(after) or ZONE_AFTER.match(after) or RESULTS_AFTER.match(after)
                or FIELD_AFTER.match(after))


def _qualifies_a_reform(clause: Clause, hit, objs: list) -> bool:
    """Whether a name only says which field a reform is of: 深化电力、油气、铁路等行业改革 (a list, then 等…改革),
    推进金融、财税体制改革 (a bare field listed before a named reform, or before fields that are no entities)."""
    group = [h for h in objs if h.start >= hit.start]
    last = hit
    for h in group[1:]:
        if clause.between(last.end, h.start).strip("“”") not in ("、", "和", "及", "与", ""):
            break
        last = h
    if last is not hit and last.ent.label.endswith("改革") and not MEASURE_HEAD.search(hit.ent.label):
        return True  # 金融、财税体制改革: 金融 names the field of a reform, not a measure
    return bool(REFORM_OF.match(clause.text[clause.local(last.end):]))


def passive_rules(ctx: Context) -> list[Relation | None]:
    """POLICY 稳步实施 / POLICY 带动…: policies opening a clause and then said to be carried out."""
    out: list[Relation | None] = []
    if ctx.issuer_area is None:
        return out
    for clause in ctx.clauses:
        if not clause.hits or clause.hits[0].ent.cls != "Policy":
            continue
        lead = clause.between(clause.start, clause.hits[0].start)
        if (len(lead) > 4 and not YEAR_IS.match(lead)) or ACTIVE.search(lead):
            continue
        policies = []
        for hit in clause.hits:
            if hit.ent.cls not in ("Policy", "Project"):
                break
            policies.append(hit)
        last = policies[-1]
        rest = clause.text[clause.local(last.end):]
        pred = PASSIVE.search(rest)
        # 生态文明等重点领域改革进一步推进: the names only qualify what is carried out (改革 of those fields).
        if pred and MODIFIED.search(rest[: pred.start()]):
            continue
        if pred and pred.start() <= 8 and not any(h.start >= last.end for h in clause.hits
                                                   if h.start < last.end + pred.start()):
            name, conf = "relations.implements.passive", 0.65
        elif PASSIVE_DONE.match(ANOTHER_REFORM.sub("", rest).lstrip("和等")):  # 利率市场化改革迈出实质性步伐
            name, conf = "relations.implements.passive", 0.65
        elif EFFECT.match(rest.lstrip("政策工作项目")):
            name, conf = "relations.implements.effect", 0.55
        else:
            continue
        out += [relation(ctx.issuer_area, "implements", h.ent, clause.sentence, name, conf)
                for h in policies if h.ent.cls == "Policy"]
    return out


PILOT_JOIN = re.compile(r"^(?:成功|正式)?(?:纳入|入选|列入|获批)(?:了)?[^，。；]{0,6}$")
PILOT = re.compile(r"(?:试点|示范|试验)$")


def pilot_rules(ctx: Context) -> list[Relation | None]:
    """AREA 纳入/入选 … POLICY试点: an area chosen for a pilot carries it out (成都纳入全国…综合改革试点)."""
    out: list[Relation | None] = []
    for clause in ctx.clauses:
        for a, b in zip(clause.hits, clause.hits[1:], strict=False):
            if (a.ent.cls == "AdministrativeArea" and b.ent.cls == "Policy" and PILOT.search(b.ent.label)
                    and PILOT_JOIN.match(clause.between(a.end, b.start))):
                out.append(relation(a.ent, "implements", b.ent, clause.sentence, "relations.implements.pilot", 0.7))
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


# How zones of a rank open their names (国家级…, 全国…): two characters that tell no zone from another.
RANK_HEADS = frozenset({"国家", "全国", "中国", "省级", "市级", "国际", "首批", "首个"})


def _names_zone(policy: str, zone: Entity, long_names: list[str] | None = None) -> bool:
    """Whether a policy's name holds a zone's name or a contraction of it (long_names: the zone's names of
    three characters or more, when the caller already has them)."""
    if long_names is None:
        long_names = [n for n in names(zone) if len(n) >= 3]
    if any(n in policy for n in long_names):
        return True
    head = zone.label[:2]
    if head in RANK_HEADS:
        return False  # 国家…示范区 contracts to no name: 国家区域科技创新中心 holds 国家…区 by chance
    starts: list[int] = []
    if len(head) == 2:  # found by str.find, not by testing every position of every policy against every zone
        i = policy.find(head, 0, len(policy) - 1)
        while 0 <= i < len(policy) - 2:
            starts.append(i)
            i = policy.find(head, i + 1, len(policy) - 1)
    return any(contracts(policy[i:j], zone.label)
               for i in starts for j in range(i + 3, min(len(policy), i + len(zone.label) - 1) + 1))


def named_rules(ctx: Context) -> list[Relation | None]:
    """A policy named after a zone or an organization is its own: 自贸试验区提升行动 → 自贸试验区,
    某交易所体制改革 → 某交易所 (an organization by its full name only: 世贸组织改革 is not WTO's own)."""
    zones = [e for e in ctx.entities if e.cls in ("Zone", "Organization") and not _is_government(ctx, e)]
    # Each zone's names once, not once per policy: this loop is policies × zones.
    long_names = [[n for n in names(z) if len(n) >= 3] for z in zones]
    out: list[Relation | None] = []
    for pol in ctx.entities:
        if pol.cls != "Policy" or not pol.mentions:
            continue
        sentence = pol.mentions[0].sentence
        literal = [z for z, zn in zip(zones, long_names, strict=True) if any(n in pol.label for n in zn)]
        # A zone named in full wins over a contraction read into its name (某航空港区规划 is not 航空港某园区's).
        owners = literal or [z for z, zn in zip(zones, long_names, strict=True)
                             if z.cls == "Zone" and _names_zone(pol.label, z, zn)]
        out += [relation(zone, "implements", pol, sentence, "relations.implements.named", 0.7)
                for zone in owners if zone.cls == "Zone" or _own_measure(zone, pol)]
    return out


# What may open a strategy's name before the region it is for: 促进中部地区崛起, 振兴东北地区等老工业基地战略.
REGION_LEAD = re.compile(r"^(?:促进|振兴|推动|推进|加快|建设|支持)?$")
# A policy aimed at an area from outside is not that area's: 对口支援某地, 援某, 帮扶某县.
AIMED_AT = re.compile(r"(?:援|支援|帮扶|对口|服务|对)$")
FOREIGN = frozenset(world_names())
# 对 opening what the policy is given to, up to the policy's name: 加大对岳阳、衡阳省域副中心城市发展政策支持.
AIMED_BEFORE = re.compile(r"对[^，。；“”对]{0,8}$")
AREA_STEM = re.compile(r"(?:新区|自治州|地区|省|市|区|县)$")
# A place's example spread elsewhere, not a strategy for it: “某县经验”, 某地模式, 某地精神, “某地110” (a team's name).
EXAMPLE = re.compile(r"(?:经验|模式|精神|事迹|样板|标杆)$")
# What a strategy's name ends with: 大开发, 全面振兴, 加快崛起, 一体化发展, 某地法规, 某地三年行动计划,
# 某地改革试点; not a brand, a craft or a dish that happens to bear a place's name (某地鱼灯, “某地三件套”).
STRATEGY_HEAD = re.compile(r"(?:开发|振兴|崛起|发展|建设|一体化|规划|方案|试点|改革|行动|计划|战略|工程|法规|条例|政策"
                           r"|办法|意见|规定|机制|制度|协作|合作)”?$")
# A river basin or lake shore bears the name of a city on it: 巢湖流域 is the lake's, not 巢湖市's.
WATERS_AFTER = ("流域", "水系", "沿岸", "两岸", "干流", "湖区")
# A clause taken for a name (某市和某高新区列入国家…试点): the place is chosen, no strategy is named after it.
CUT_CLAUSE = re.compile(r"列入|纳入|入选|获批")
# A railway or road named by the place it runs to is no strategy of that place: 宝鸡——成都线原计划, 某地至某地段.
ROUTE_AFTER = ("线", "段", "至", "—", "－", "-")
HANZI = re.compile(r"[\u4e00-\u9fff]")


def _inside_issuer(ctx: Context, area: Entity) -> bool:
    """Whether an area is a division of the issuer by its code: 浦东新区 (310115) inside 上海市 (310000)."""
    mine = ctx.issuer_area.division_code if ctx.issuer_area is not None else None
    if not mine or not area.division_code:
        return False
    while mine.endswith("00"):
        mine = mine[:-2]
    return area.division_code.startswith(mine) and area.division_code != ctx.issuer_area.division_code


def _aimed_at(ctx: Context, pol: Entity) -> bool:
    """Whether a policy is only named as support given to the places it names: 加大对某地、某地…发展政策支持."""
    text = ctx.doc.match_text
    return all(AIMED_BEFORE.search(text[max(0, m.span.start - 10): m.span.start]) for m in pol.mentions)


def region_rules(ctx: Context) -> list[Relation | None]:
    """A strategy named after a region or district other than the issuer is carried out there: 西部大开发 → 西部,
    促进中部地区崛起 → 中部地区 in a national report, 某新区法规 → 某新区 in a local one (the issuer keeps its own
    claim). A local report speaks for its own part of a wider region (成渝地区双城经济圈建设): only its divisions."""
    issuer = key(ctx.issuer_area) if ctx.issuer_area is not None else None
    national = ctx.doc.issuer == "中华人民共和国"
    areas = [(a, sorted({n for n in (a.label, AREA_STEM.sub("", a.label)) if len(n) >= 2 and n not in NATIONAL_NAMES},
                        key=len, reverse=True))
             for a in ctx.entities if a.cls == "AdministrativeArea" and key(a) != issuer and a.label not in FOREIGN
             and not names(a) & ctx.issuer_full and (national or _inside_issuer(ctx, a))]
    # A zone named after its city (某市航空港区) takes the plans named after it: the zone's, not the city's.
    zone_names = [n for z in ctx.entities if z.cls == "Zone" for n in names(z) if len(n) >= 4]
    out: list[Relation | None] = []
    for pol in ctx.entities:
        if pol.cls != "Policy" or not pol.mentions:
            continue
        label = pol.label.strip("“”《》")
        if EXAMPLE.search(label) or not STRATEGY_HEAD.search(label) or _aimed_at(ctx, pol) or CUT_CLAUSE.search(label):
            continue
        for area, ns in areas:
            at = next(((label.find(n), n) for n in ns if n in label), None)
            if at is None or len(HANZI.findall(label.replace(at[1], "", 1))) < 2 \
                    or not REGION_LEAD.match(label[: at[0]]) or AIMED_AT.search(label[: at[0]]) \
                    or label.startswith(WATERS_AFTER + ROUTE_AFTER, at[0] + len(at[1])) \
                    or any(at[1] in z and len(z) > len(at[1]) and z in label for z in zone_names):
                continue
            out.append(relation(area, "implements", pol, pol.mentions[0].sentence, "relations.implements.region", 0.65))
    return out


def pair_rules(ctx: Context) -> list[Relation | None]:
    """A joint programme named by two provinces' one-character names (浙川东西部协作, 川渝合作): each province so
    named that the document names as an area carries it out (the issuer already does by its own rules)."""
    by_abbr: dict[str, Entity] = {}
    for ent in ctx.entities:
        if ent.cls == "AdministrativeArea" and ent is not ctx.issuer_area:
            for name in names(ent):
                abbr = PROVINCE_ABBR.get(AREA_STEM.sub("", name) if len(name) > 2 else name)
                if abbr is not None:
                    by_abbr.setdefault(abbr, ent)
    abbrs = set(PROVINCE_ABBR.values())
    out: list[Relation | None] = []
    for pol in ctx.entities:
        label = pol.label.strip("“”")
        if pol.cls != "Policy" or not pol.mentions or len(label) < 4 or not STRATEGY_HEAD.search(label):
            continue
        lead = label[:2]
        # Two provinces only: a region of three (京津冀, 沪苏浙) is an area of its own, carried by its members' reports.
        if lead[0] != lead[1] and all(ch in abbrs for ch in lead) and label[2] not in abbrs:
            out += [relation(by_abbr[ch], "implements", pol, pol.mentions[0].sentence, "relations.implements.region",
                             0.65) for ch in lead if ch in by_abbr]
    return out


# Heads of a name for a place or body set up to carry out a policy: 先行区, 示范区, 试验区, 中试基地, 示范县.
CARRIER_HEAD = re.compile(r"(?:先行区|先导区|示范区|试验区|示范基地|中试基地|试点基地|示范县|试验县|示范市"
                          r"|示范城市|示范带|示范园|示范项目)$")
UNQUOTE = str.maketrans("", "", "“”")
# A generic head a policy's name may drop inside the carrier's name: “人工智能+”行动 → “人工智能+”农业中试基地.
POLICY_HEAD = re.compile(r"(?:行动|战略|工程|计划)$")


def carrier_rules(ctx: Context) -> list[Relation | None]:
    """A zone, organization or project named for a policy carries it out: 美丽中国先行区 → 美丽中国."""
    carriers = [e for e in ctx.entities if e.cls in ("Zone", "Organization", "Project") and e.mentions
                and CARRIER_HEAD.search(e.label)]
    out: list[Relation | None] = []
    for pol in ctx.entities:
        if pol.cls != "Policy" or not names_a_policy(pol):
            continue
        plain = {n.translate(UNQUOTE) for n in names(pol)}
        stems = {n for n in plain | {POLICY_HEAD.sub("", n) for n in plain} if len(n) >= 3}
        for car in carriers:
            if any(stem in car.label.translate(UNQUOTE) for stem in stems):
                out.append(relation(car, "implements", pol, car.mentions[0].sentence,
                                    "relations.implements.carrier", 0.65))
    return out


# What follows a body's name in a measure of its own: 某交易所体制改革, 某医院综合改革, 某大学章程; not 某实验室体系.
OWN_MEASURE = re.compile(r"^(?:[^，。；、]{0,6}?)(?:改革|条例|章程|规划|计划|行动|方案|试点)$")


def _own_measure(body: Entity, policy: Entity) -> bool:
    """Whether a policy is named as a body's own measure: its full name, then a reform, statute or plan."""
    at = policy.label.find(body.label)
    return at >= 0 and OWN_MEASURE.match(policy.label[at + len(body.label):]) is not None


def _is_government(ctx: Context, ent: Entity) -> bool:
    """Whether an organization is a government's own organ (市政府, 省委): its policies are the area's."""
    return ent.cls == "Organization" and ORGAN.search(ent.label) is not None


def _owned_elsewhere(found: list[Relation | None], issuer: Entity | None) -> list[Relation | None]:
    """Drop the issuer's claim on a policy named after a zone of its own (the zone carries it out)."""
    owned = {r.object for r in found if r is not None and r.extractor == "relations.implements.named"}
    mine = key(issuer) if issuer is not None else None
    if issuer is not None and issuer.label == "中华人民共和国":
        return found  # a national report's zones are every such zone: the nation carries out their strategies too
    # 实施北京城市副中心条例: a law or plan for its zone that the report says it carries out itself stays its own.
    return [r for r in found if r is None or r.subject != mine or r.object not in owned
            or (r.extractor == "relations.implements.we" and ENACTED.search(r.object[1]) is not None)]


@component("relations.implements", produces="relations", order=320)
def find_implements(doc: Document, entities: list[Entity]) -> list[Relation]:
    """kg:implements from 实施/落实/健全 POLICY (the issuer area or a named actor), passives, projects, names."""
    ctx = Context.of(doc, entities)
    found = (active_rules(ctx) + passive_rules(ctx) + project_rules(ctx) + named_rules(ctx) + pilot_rules(ctx)
             + region_rules(ctx) + pair_rules(ctx) + carrier_rules(ctx))
    policies = {key(e): e for e in ctx.entities if e.cls == "Policy"}
    return [r for r in dedupe(_owned_elsewhere(found, ctx.issuer_area))
            if r.object not in policies or names_a_policy(policies[r.object])]
