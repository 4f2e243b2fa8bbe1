"""Numeric indicators: every quantitative statement of a report as metric, value, unit, qualifier, year and kind.

Three steps, each a plain function over one sentence or one document:

1. ``find_quantities`` finds the values a sentence states (5.1％左右, 2329万标准箱, 超过2600家, 突破千亿元,
   二十一连丰, 连续三年, 全国前三) and leaves out numbers that are no quantity (2024年, 1月14日, 第五次,
   75周年, 5号线, PM2.5, 二十届三中全会, 十四五).
2. ``parse_indicators`` names what each value measures from its clause: the text before the value
   (城镇调查失业率5.2％), or the noun after a counted value (770家优质企业), one metric per item of a list
   (A、B分别为23.1％、62.5％; A、B均突破1.2万家).
3. The component adds the kind (Actual/Target, from the section and the sentence's cues), the year the
   value refers to, the entity the sentence names and the span.

>>> [(i.metric, i.value, i.unit, i.qualifier) for i in parse_indicators("全市地区生产总值预计增长5.1％左右")]
[('地区生产总值增长', Decimal('5.1'), '%', '左右')]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from decimal import Decimal

from kg.extract.lexicons.units import (
    APPROXIMATE,
    BASE_UNITS,
    DECREASE_VERBS,
    INCREASE_VERBS,
    MAGNITUDES,
    PER_UNITS,
    POST_QUALIFIERS,
    PRE_QUALIFIERS,
    UNIT_NOT_BEFORE,
    normalise_unit,
    parse_number,
)
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Entity, Indicator, Section, Span


def _alternation(words: tuple[str, ...] | list[str]) -> str:
    """A regex alternation, longest first so that 平方公里 wins over 公里."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _unit_pattern() -> str:
    """Magnitude + unit, each unit guarded against the words it starts (部门, 天然气)."""
    units = []
    for base in sorted(set(BASE_UNITS), key=len, reverse=True):
        guard = UNIT_NOT_BEFORE.get(base)
        units.append(re.escape(base) + (f"(?![{guard}])" if guard else ""))
    return rf"(?:(?:{_alternation(MAGNITUDES)})?(?:{'|'.join(units)}))"


NUM = r"\d+(?:[,，]\d{3}(?!\d))*(?:\.\d+)?"  # 6，688，587，000元: older texts group digits with a full-width comma
CN_NUM = r"[一二两三四五六七八九十百千]+"
NOT_AFTER = r"(?<![\d.A-Za-z第/~～\-－])"  # PM2.5, 5G, 第3次 and the second half of a range are no values
# 签约3543亿元: the 约 of 签约 (节约, 制约, 预约, 合约) is no "about"
PRE = rf"(?P<acc>累计)?(?P<pre>{_alternation(PRE_QUALIFIERS).replace('约', '(?<![签节制预合])约')})?"
POST = rf"(?P<post>{_alternation(POST_QUALIFIERS)})?"

ARABIC = re.compile(
    PRE
    + rf"(?:{NOT_AFTER}(?P<lo>{NUM})(?:%|％)?\s*(?:[-–—~～－﹣至到])\s*)?"
    + rf"(?<![\d.A-Za-z第/])(?P<num>{NUM})(?![\d.])(?P<approx>{'|'.join(APPROXIMATE)})?"
    + rf"(?P<unit>{_unit_pattern()}(?:[/／][百千万亿]*(?:{_alternation(PER_UNITS)}))?)"
    + r"(?![A-Za-z\d])"
    + POST
)
# 连续三年考核优秀, 连续4次: the count of years or times is the quantity when nothing else is measured.
CONSECUTIVE = re.compile(rf"(?P<pre>连续)(?P<num>{CN_NUM}|{NUM})(?P<unit>年|次|届|个季度|个月)")
# 土地承包到期后再延长30年: a term lengthened or shortened is a quantity in years (the verb stays in the metric).
DURATION = re.compile(rf"(?:延长|缩短|长达)(?P<num>{NUM}|{CN_NUM})(?P<unit>年|个月)(?![\d级])")
# 粮食生产“二十一连丰”.
STREAK = re.compile(rf"{NOT_AFTER}(?P<num>{CN_NUM}|{NUM})(?P<unit>连[丰冠增胜升降涨优])")
# 突破千亿元, 连续两年突破百亿元: a spelled-out round value; a bound before it keeps names (百万吨乙烯) out.
SPELLED = re.compile(
    r"(?P<pre>突破|超过|达到|迈上|跨越|跨上|站上|跃上|接近|逾|超|达|近|约)"
    rf"(?P<num>{CN_NUM})(?P<unit>(?:万亿|亿|万)(?:元|美元|人次|人|吨|千瓦时|千瓦|标准箱|亩|辆|户|平方米))"
)
BARE_TRILLION = re.compile(r"(?P<pre>突破|超过|迈上|跨越|跨上|站上|跃上|达到)(?P<unit>万亿(?:元|美元))")
# 跻身全球前20名, 稳居全国前三, 跃升全国首位, 居全国第2位 (but 全国第一个… is an ordinal, not a rank).
RANK_SCOPES = r"全国|全球|世界|全省|全区|全市|国内|省内|内地|同类城市|副省级城市|中西部|中部地区|西部地区|东北地区"
RANK = re.compile(
    rf"(?:{RANK_SCOPES})"
    rf"(?:(?P<pre>前|第)(?P<num>{NUM}|[一二两三四五六七八九十]+)(?P<unit>名|位)?(?![个家部批次条座所项届大])"
    r"|(?P<first>首位))"
)

THRESHOLD = re.compile(r"(?:以内|之内|内)[\u4e00-\u9fff]")
THRESHOLD_UNITS = ("米", "公里", "千米", "秒", "分钟", "小时", "天", "日", "个工作日")
QUOTED_NAME_MAX = 20  # a quoted name is short; a long quotation may state quantities
CLAUSE_BREAK = re.compile(r"[，,](?!(?<=\d[，,])\d{3}(?!\d))|[；;：:。！？!?]")
BRACKETED = re.compile(r"[（(][^（()）]*[）)]")
SHORT_BRACKET = 6  # （改）, （成渝）, （市、区）: part of the name; longer ones are asides
CJK_CHAR = re.compile(r"[\u4e00-\u9fff]")
LIST_SPLIT = re.compile(r"、|以及|和|及|与")
LIST_COMMA = re.compile(r"、")
RESPECTIVELY = re.compile(r"分别(?:为|是|达到|达|增至|降至|占)?")
BOTH = re.compile(r"^(?P<subjects>.+、.+?)(?:(?<![人平年])均|都)(?P<verb>.*)$")  # not the 均 of 人均, 年均
SHARED_GROWTH = re.compile(r"^[，,；;：:\s]*(?P<subjects>[^，,；;：:、]+(?:、[^，,；;：:、]+)+?)"
                           r"(?P<verb>(?:增长|下降)(?:了)?)$")
SHARED_ITEM_MIN = 4  # 城镇、农村居民收入 is one name with a shared tail, not two quantities

DIRECTION = re.compile(
    rf"(?P<inc>{_alternation(INCREASE_VERBS)})|(?P<dec>{_alternation(DECREASE_VERBS)})"
)
TRAILING_DIRECTION = re.compile(rf"(?:{_alternation(INCREASE_VERBS + DECREASE_VERBS)})(?:了|到|至)?$")
DIRECTION_ONLY = re.compile(
    rf"^(?:同比|年均|实际|平均|比上年|较上年)?(?:{_alternation(INCREASE_VERBS + DECREASE_VERBS)})(?:了|到|至)?$"
)
PERIOD_END = re.compile(r"(?:过去五年|这五年|五年|全年)$")
COUNT_UNITS = ("个", "家", "所", "项", "座", "条", "只", "种", "处")
VERB_TAIL = re.compile(r"(?:新增|增加|达到|突破|超过|增至)$")  # 里程新增 → 里程: the subject without its verb
RANK_BOTH = re.compile(r"^(?P<subjects>[^，,；;]+?(?:和|、)[^，,；;]+?)(?:均|都)$")
TRAILING_BASE = re.compile(r"(?:(?:比|较)(?:上年|去年|(?:19|20)\d{2}年|前五年)|同比)$")
FROM_TO = re.compile(r"^(?:增加|提高|增长|下降|减少|降低|上升|扩大|提升|缩小|缩短|降|增|升)(?:到|至)"
                     r"(?:(?:19|20)\d{2}年(?:底|末)?|去年|上年|今年)?的?$")
FROM_TO_START = re.compile(r"(?:从|由)(?:(?:19|20)\d{2}年(?:底|末)?的?)?$")
CHANGE_WORDS = (*INCREASE_VERBS, *DECREASE_VERBS, "增长", "下降", "提高", "增加", "减少", "降低", "上升", "回落")
GROWTH_VERBS = ("增长", "下降", "提高", "提升", "增加", "减少", "降低", "上升", "回落")

# Words stripped from the ends of a metric: scope, time and linking words that are not what is measured.
LEADING_NOISE = re.compile(
    r"^(?:[、，,；：:”\s]|其中|全市|全省|全区|全自治区|全年|全域|我市|我省|我区|今年|去年|上年|同时|此外|并且|并|共|"
    r"(?:19|20)\d{2}年|力争|确保|争取|计划|是|为|对|已|均|都|分别|一年来|五年来|过去一年|过去五年|的|(?:党中央|中央|国务院|我们)?(?:提出|确定)|建议|"
    r"(?:主要)?预期目标(?:是|为)?|主要目标(?:是|为)?)+"
)
TRAILING_NOISE = re.compile(
    r"(?:分别为|分别|保持在|控制在|稳定在|提高到|提升至|提高至|增至|降至|达到|拟按|按|为|达|是|至|到|共计|合计|共|累计|(?<!平)均|都|已|的|等|(?<![签节制预合])约|了|在|从|由|和|，|、|"
    r"(?:上升|提升|升|下降|降)(?:至|到)|跨上|迈上|站上|跃上|跨过|(?:19|20)\d{2}年(?:底|末)?|预期目标(?:定为|定在|是|为)?|预期(?:为|是)?|目标(?:定为|定在|是|为)?|定为|定在)+$"
)
# Time words inside a metric: 支出五年比前五年增长, 中央财政五年累计补助…资金, 国内生产总值比2002年年均增长.
TIME_INSIDE = re.compile(r"(?<!前)(?:过去五年|这五年|五年)(?:累计|共)|(?<!前)五年(?=比)|比(?:19|20)\d{2}年(?=年均)"
                         r"|已经(?=.)|(?<=.)已(?=.)|(?<=.)共(?=向)")
# A verb before a count says what is counted (制定、修订137件行政法规; 覆盖36万所农村中小学); a change verb
# (扩大到11个省份) only says the count grew.
COUNTING_VERB = re.compile(
    r"(?:提交|制定|修订|覆盖|新建|改造|建成|建设|完成|实施|培育|引进|新增|认定|创建|打造|开通|举办|发放|救助|资助|帮扶|"
    r"培训|吸纳|设立|开展|治理|整治|淘汰|处置|盘活|布局|签约|支持|扶持|惠及|带动|吸引|安置|评选|审议)$")
VERB_PHRASE_MAX = 16  # longer text before a count is a clause of its own, not what is counted
CHANGE_VERB_END = re.compile(r"(?:扩大|增加|增至|达到|提高|上升|突破|超过)(?:到|至)?$")
# A counted noun (770家优质企业) ends where the clause goes on with what happened to it.
NOUN_END = re.compile(
    r"投入|完工|完成|开放|融入|擦亮|有序|圆满|全面|全部|加快|率先|通过|实现|获得|获评|入选|建成|落地|落户|开工|投产|"
    r"转型|受益|惠及|参与|覆盖|提升|增长|下降|达到|纳入|价格|投资|成功|顺利|正式|稳步|持续|上线|运营|运行|开通|"
    r"被|得到|基本|向|等|在|的|、|让|使"
)
LEADING_VERBS = (
    "新建改扩建", "改扩建", "新建", "新增", "改造", "盘活", "建设", "建成", "完成", "实施", "培育", "引进", "新设",
    "举办", "开工", "发放", "认定", "创建", "打造", "新开", "增开", "治理", "整治", "淘汰", "处置", "帮扶", "培训",
    "吸纳", "组建", "设立", "开展", "救助", "资助", "新改建", "修缮", "提升", "新开工改造", "新开工", "开工改造",
)
# Ratios the last item of a list carries for all items (A、B、C占比).
SHARED_RATIOS = ("排放总量", "排放量", "占比", "比重", "增速", "增幅", "降幅", "增加值", "总产值", "产值", "营业收入",
                 "利润总额", "产量", "总量", "规模", "交易额", "成交额")
WEAK_QUALIFIERS = ("达到",)  # 达到10％左右: the bound after the value says more
PERCENT_UNITS = ("%", "个百分点", "百分点", "倍", "‰")
# A predicate after a counted noun: short, and opening with a verb or a preposition that leads to one.
PREDICATE_MAX = 8
PREDICATE_START = re.compile(r"向|在|被|投入|完工|完成|开放|融入|转型|建成|落地|落户|开工|投产|入选|通过|获评|"
                             r"获得|上线|运营|开通|参与|参赛|实现|纳入|启动|覆盖|签约|竣工|交付|整县")
# Where a counted noun ends: the predicate verbs above and a few transitive ones jieba tags as nouns (设置 vn).
PREDICATE_SPLIT = re.compile(PREDICATE_START.pattern + r"|设置|引入|配备|下放|发放|启动|享受|用于|接入")
ADVERB = re.compile(r"(?:全面|全部|圆满|顺利|基本|率先|稳步|持续|正式|成功|有序|加快)+")  # 全部完工 → 完工
RELATIVE_MAX = 24  # a longer predicate is a clause of its own
PREPOSITION_END = re.compile(r"(?:在|为|向|对|给)$")  # 为800个老旧小区引入物业服务: the noun is the verb's object
STREAK_PREDICATE = re.compile(r"获评|荣获|获得|保持|优秀|位居|居|入选|评为|实现|达到|超过|突破|增产|增长|下降|只减不增")
# What a count of things adds up to, said without the things (总投资1万亿元 after 产业项目3800个).
AGGREGATE = re.compile(r"(?:[省市县区乡镇村]级|乡镇|行政村|村|县|区|市)?"
                       r"(?:计划总投资|总投资|总规模|总产值|覆盖率|总面积|总建筑面积)")
SHARE_OF = re.compile(r"占(?:全国|全省|全市|全区|全球|世界|全部|总量)?(?:的)?(?:比重|比例|份额)?")
SHARED_STATE = re.compile(r"落后|闲置|低效|老旧|存量|过剩")  # 淘汰落后炼铁、炼钢产能: the state is the list's
BASE_ONLY = re.compile(r"(?:(?:比|较)(?:上年|去年|(?:19|20)\d{2}年)|同比)?")
TOPIC_END = re.compile(r"近年来|首次|出现|实现|继续|持续|保持|稳步|大幅|明显|均|都|(?:增长|下降|提高|上升|减少|降低)")
# What an enterprise, a sector or a port states without naming itself again (…资产总额…，税收增长1.05倍).
QUANTITY_WORD = re.compile(r"(?:资产总额|营业总收入|营业收入|利润总额|利润|税收|总产值|产值|增加值|产量|吞吐量|销售额|"
                           r"交易额|营收)$")
SCALE_AFTER = re.compile(r"规模(?=$|[，,；;。])")
# 经济总量超千亿元的县域达12个: a value, then 的 and what passes it (not 的基础上, 的情况下)
THRESHOLD_OWNER = re.compile(r"的(?!基础|情况|前提|同时|背景|条件|水平)[^，,；;、]{1,10}?"
                             r"(?:达到|达|为|超过|突破|增至|增加到)?$")
COMPARED = re.compile(r"(?:高于|低于|快于|慢于)(?:全国|全省|全市|全区|全国平均|全省平均)(?:平均)?(?:水平)?")
NAMED_BY_COUNT = re.compile(r"论坛|峰会|大会|俱乐部")
LIST_INTRO = re.compile(r"(?:以下|如下|下面|下列)$")
NOT_COUNTED = ("新台阶", "台阶", "大关", "关口", "水平", "目标", "规模")  # 跃上1.4万亿斤新台阶
BASE_FIRST = re.compile(r"^(?:比|较|同比)")  # 、比上年增加1.6万亿元: the subject is the item before
LISTING_END = re.compile(r"(?:等|和|(?<![惠涉普顾危])及|与|以及|在|对|向|给)$")  # not the 及 of 惠及
RANK_SCOPE = re.compile(RANK_SCOPES)
RANK_VERBS = re.compile(r"(?:跻身|稳居|位居|跃升|跃居|位列|保持|进入|升至|上升|提升|升|居|列|排名|排)+$")


@dataclass(frozen=True)
class Quantity:
    """A value stated in a sentence: offsets relative to the sentence, value, unit and the words around it."""

    start: int
    end: int
    value: Decimal
    unit: str
    qualifier: str | None
    form: str  # "arabic", "consecutive", "streak", "spelled", "rank", "range"
    value_max: Decimal | None = None  # the upper bound of a range (5%—5.5%)


@dataclass(frozen=True)
class Parsed:
    """An indicator read from one sentence, before the document gives it a kind, a year and an entity."""

    metric: str
    value: Decimal
    unit: str
    qualifier: str | None
    direction: str | None
    start: int  # offsets of the quantity in the sentence
    end: int
    source: tuple[int, int]  # offsets of the text the metric was taken from
    value_max: Decimal | None = None


def _overlaps(a: tuple[int, int], taken: list[tuple[int, int]]) -> bool:
    return any(a[0] < b[1] and b[0] < a[1] for b in taken)


def _in_title(text: str, pos: int) -> bool:
    """True inside 《…》: a number in a title names the document, it states no quantity."""
    return text.rfind("《", 0, pos) > text.rfind("》", 0, pos)


def _in_quote(text: str, pos: int) -> bool:
    """True inside a short “…” with no clause break: “21条”, “退役军人最期盼的10件事”, “3个100” are names."""
    opened = text.rfind("“", 0, pos)
    if opened < 0 or text.rfind("”", 0, pos) > opened:
        return False
    closed = text.find("”", pos)
    return 0 <= closed - opened <= QUOTED_NAME_MAX and not CLAUSE_BREAK.search(text, opened, closed)


def find_quantities(text: str) -> list[Quantity]:
    """Every quantity a sentence states, in order; dates, ordinals, years and names are left out.

    >>> [(q.value, q.unit, q.qualifier) for q in find_quantities("注册科技型企业累计超过2600家，达到1.2万家")]
    [(Decimal('2600'), '家', '超过'), (Decimal('1.2'), '万家', '达到')]
    >>> [(q.value, q.unit) for q in find_quantities("2024年1月14日第五次会议，5号线，成立75周年，PM2.5")]
    []
    """
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def add(start: int, end: int, value: Decimal | None, unit: str, qualifier: str | None, form: str,
            value_max: Decimal | None = None) -> None:
        if value is None or _overlaps((start, end), taken) or _in_title(text, start):
            return
        if form != "streak" and _in_quote(text, start):  # “二十一连丰” is quoted as a feat, and still a count
            return
        taken.append((start, end))
        found.append(Quantity(start, end, value, normalise_unit(unit), qualifier or None, form, value_max))

    for m in RANK.finditer(text):
        if m.group("first"):
            add(m.start(), m.end(), Decimal(1), "", "首位", "rank")
        else:
            add(m.start(), m.end(), parse_number(m.group("num")), m.group("unit") or "", m.group("pre"), "rank")
    for m in STREAK.finditer(text):
        add(m.start(), m.end(), parse_number(m.group("num")), m.group("unit"), None, "streak")
    for m in SPELLED.finditer(text):
        add(m.start(), m.end(), parse_number(m.group("num")), m.group("unit"), m.group("pre"), "spelled")
    for m in BARE_TRILLION.finditer(text):
        add(m.start(), m.end(), Decimal(1), m.group("unit"), m.group("pre"), "spelled")
    for m in ARABIC.finditer(text):
        unit = m.group("unit")
        if unit in THRESHOLD_UNITS and THRESHOLD.match(text, m.end() - len(m.group("post") or "")):
            continue  # 50米内换乘比例, 15分钟以内到达率: a bound inside the name of what is measured
        pre = m.group("pre") if m.group("pre") not in WEAK_QUALIFIERS or not m.group("post") else None
        qualifier = pre or m.group("post") or (m.group("approx") and "余") or m.group("acc")
        start = m.start("acc") if m.group("acc") else m.start("pre") if m.group("pre") else m.start("lo")
        if start < 0:
            start = m.start("num")
        if m.group("lo"):  # 5%—5.5%: one value, from its lower bound to its upper
            low, high = parse_number(m.group("lo")), parse_number(m.group("num"))
            if low is not None and high is not None and low < high:
                add(start, m.end(), low, unit, m.group("post") or pre, "range", high)
                continue
        add(start, m.end(), parse_number(m.group("num")), unit, qualifier, "arabic")
    for m in CONSECUTIVE.finditer(text):
        add(m.start(), m.end(), parse_number(m.group("num")), m.group("unit"), "连续", "consecutive")
    for m in DURATION.finditer(text):
        add(m.start("num"), m.end(), parse_number(m.group("num")), m.group("unit"), None, "duration")
    return sorted(found, key=lambda q: q.start)


def _clauses(text: str) -> list[tuple[int, int]]:
    """Clause boundaries of a sentence: between commas, semicolons, colons, brackets and stops."""
    bounds, start = [], 0
    for m in CLAUSE_BREAK.finditer(text):
        bounds.append((start, m.start()))
        start = m.end()
    bounds.append((start, len(text)))
    return bounds


def _inner_bracket(m: re.Match) -> str:
    """A short bracket inside a name stays (新（改）建, 中欧班列（成渝）开行); others are asides and go."""
    text = m.string
    inside = m.start() > 0 and m.end() < len(text) and CJK_CHAR.match(text[m.end()])
    return m.group() if inside and len(m.group()) <= SHORT_BRACKET and not m.group()[1:-1].isascii() else ""


def clean_metric(text: str) -> str:
    """A metric name from the words around a value: scope, time and linking words stripped at both ends.

    >>> clean_metric("全市地区生产总值预计增长"), clean_metric("、全国重点实验室达到")
    ('地区生产总值增长', '全国重点实验室')
    """
    text = BRACKETED.sub(_inner_bracket, text.replace("预计", "").replace("按增长", "增长"))
    text = TIME_INSIDE.sub("", text)
    for _ in range(3):
        text = TRAILING_NOISE.sub("", LEADING_NOISE.sub("", text))
    if text.count("“") < text.count("”") and text.startswith("”"):
        text = text[1:]
    if text.count("“") > text.count("”") and text.endswith("“"):
        text = text[:-1]
    return text.strip()


def _noun_after(text: str) -> str:
    """The counted noun after a value: 优质企业 in 770家优质企业融入6条产业链."""
    if text[:1] in ("、", "和", "及", "与", "等"):
        return ""  # the value closes its item of a list: 土地2.26万亩、房产…
    for m in NOUN_END.finditer(text):
        if m.start() >= 2:
            return text[: m.start()]
    return text


def _predicate_split(rest: str) -> tuple[int, int]:
    """Where a counted noun ends and what happened to it begins (小区|设置智能回收机), with adverbs between them
    skipped (民心工程|全面|完成); (0, 0) when the noun runs into another subject (医用耗材|价格大幅降低)."""
    rest = BRACKETED.sub(lambda m: "（" + "·" * (len(m.group()) - 2) + "）", rest)  # 县（市、区）is one noun
    verb = PREDICATE_SPLIT.search(rest, 1)
    stop = NOUN_END.search(rest, 1)
    if verb is None or (stop and stop.start() < verb.start() and not ADVERB.match(rest, stop.start())):
        return 0, 0
    adverb = ADVERB.match(rest, stop.start()) if stop and stop.start() < verb.start() else None
    return (adverb.start(), adverb.end()) if adverb else (verb.start(), verb.start())


def _verb_final(predicate: str) -> bool:
    """True when a predicate ends with its verb (向市民开放, 投入运营), not with an object (融入区域共建产业链)."""
    from kg.ingest.tokenize import tokenize

    tokens = tokenize(predicate)
    return bool(tokens) and tokens[-1].pos in ("v", "vn")


def _counted_relative(rest: str, prep: bool) -> str:
    """What a count at a clause's head counts with its predicate: 在3000个小区设置智能回收机 → 设置智能回收机的小区,
    6个区通过督导评估认定 → 通过督导评估认定的区, 56个口袋公园向市民开放 → 口袋公园向市民开放; '' when the
    clause says no more than the noun. ``rest`` is the clause after the value, later values taken out."""
    at, verb_at = _predicate_split(rest)
    if not at:
        return ""
    noun, predicate = clean_metric(rest[:at]), clean_metric(rest[verb_at:].replace("了", ""))
    if not noun or not predicate or len(predicate) > RELATIVE_MAX or "、" in BRACKETED.sub("", noun + predicate):
        return ""
    if not prep and len(predicate) <= PREDICATE_MAX and _verb_final(predicate):
        return noun + predicate  # a short state the noun is in reads as it is written
    return predicate + "的" + noun


def _streak_parts(after: str) -> tuple[str, str]:
    """What a streak is of and what was kept up (食品安全考核|获评A级): 连续 belongs before the predicate."""
    verb = STREAK_PREDICATE.search(after)
    return (after[: verb.start()], after[verb.start() :]) if verb else ("", after)


def _without_examples(metric: str) -> str:
    """A verb's object without the examples that lead it: 举办“购在龙江”等促消费活动 → 举办促消费活动."""
    verb = _leading_verb(metric)
    at = metric.rfind("等")
    if not verb or at <= len(verb) or len(metric) - at - 1 < 2:
        return metric
    return verb + metric[at + 1 :]


def _lent_head(first: str, verb: str) -> str:
    """What a list's first item lends the items after it: its verb (盘活土地、房产 → 盘活), with the state of what
    the verb acts on when it says one (淘汰落后炼铁产能、炼钢产能 → 淘汰落后)."""
    state = SHARED_STATE.match(first, len(verb))
    return verb + state.group() if state and len(first) > state.end() + 1 else verb


def _leading_verb(metric: str) -> str:
    """The verb a list's first item starts with (盘活土地 → 盘活), to lend to the items after it."""
    for verb in sorted(LEADING_VERBS, key=len, reverse=True):
        if metric.startswith(verb) and len(metric) > len(verb):
            return verb
    return ""


def _direction(left: str) -> str | None:
    """increase/decrease when a growth verb stands just before the value (同比下降8％)."""
    found = TRAILING_DIRECTION.search(left.replace("预计", ""))
    if not found:
        return None
    verb = DIRECTION.match(found.group())
    return None if verb is None else ("increase" if verb.group("inc") else "decrease")


def _items(text: str, splitter: re.Pattern[str]) -> list[str]:
    """The items of an enumeration (A、B和C), each cleaned; empty items dropped."""
    return [item for item in (clean_metric(part) for part in splitter.split(text)) if item]


def _shared_suffix(items: list[str]) -> str:
    """占比 in A、B、C占比, 领域投资额 in 交通、水利、能源领域投资额: what the last item says for all of them."""
    last, others = items[-1], items[:-1]
    for word in SHARED_RATIOS:
        if last.endswith(word) and len(last) > len(word) and not any(i.endswith(word) for i in others):
            return word
    head = len(others[-1])
    if all(len(i) <= 3 for i in others) and len(last) > head + 1:  # bare nouns before a full one
        return last[head:]
    return ""


def _respectively(text: str, start: int, end: int, qs: list[Quantity]) -> list[Parsed] | None:
    """A、B、C分别为x、y、z: one indicator per item, or None when the clause is not such a list."""
    marker = RESPECTIVELY.search(text, start, end)
    if not marker:
        return None
    after = [q for q in qs if q.start >= marker.start()]
    before = [q for q in qs if q.start < marker.start()]
    subject_start = max([start, *(q.end for q in before)])
    subjects, base = text[subject_start : marker.start()], ""
    if not before and BASE_ONLY.fullmatch(clean_metric(subjects)):
        # A、B排放总量首次双下降，比上年分别下降x和y: the list is the clause before
        base, subjects = clean_metric(subjects), _topic_list(text[:start])
    items = _items(subjects, LIST_COMMA)
    if len(items) != len(after):
        items = _items(subjects, LIST_SPLIT)
    if len(items) == 1 and len(after) == 2 and items[0].startswith("城乡") and len(items[0]) > 2:
        items = ["城镇" + items[0][2:], "农村" + items[0][2:]]  # 城乡居民收入分别增长4.4%、5.6%: town, then country
    if len(after) == 1 and len(items) >= 2:
        after = after * len(items)  # A、B分别达到200个以上: each item reaches the one value
    if len(after) < 2 or len(items) != len(after):
        return None
    suffix = _shared_suffix(items)
    verb = text[marker.end() : after[0].start]
    growth = next((v for v in GROWTH_VERBS if verb.startswith(v) or marker.group().endswith(v)), "")
    direction = _direction(marker.group() + verb)
    out = []
    for item, q in zip(items, after, strict=True):
        metric = item if item.endswith(suffix) else item + suffix
        out.append(Parsed(metric + base + growth, q.value, q.unit, q.qualifier, direction, q.start, q.end,
                          (subject_start, marker.start()), q.value_max))
    return out


def _topic_list(before: str) -> str:
    """The list a clause opens with, up to what it says of it: 化学需氧量、二氧化硫排放总量|近年来首次出现双下降."""
    clause = CLAUSE_BREAK.split(before.rstrip("，,；;：: "))[-1]
    said = TOPIC_END.search(clause, 1)
    listed = clause[: said.start()] if said else clause
    return listed if "、" in listed else ""


def parse_indicators(text: str) -> list[Parsed]:
    """Indicators stated in one sentence, each with the metric its clause names.

    >>> [(i.metric, str(i.value), i.unit) for i in parse_indicators("770家优质企业融入6条区域共建产业链")]
    [('融入区域共建产业链的优质企业', '770', '家'), ('区域共建产业链', '6', '条')]
    >>> [(i.metric, str(i.value)) for i in parse_indicators("盘活土地2.26万亩、房产超过1000万平方米")]
    [('盘活土地', '2.26'), ('盘活房产', '1000')]
    """
    quantities = find_quantities(text)
    out: list[Parsed] = []
    last_subject = prev_clause = ""
    for start, end in _clauses(text):
        qs = [q for q in quantities if start <= q.start < end]
        if not qs:
            prev_clause = clean_metric(text[start:end])  # a subject set off by a comma: 经费，从…
            continue
        if len(qs) > 1:  # 连续两年突破百亿元: the streak qualifies the value, it is not one itself
            qs = [q for q in qs if q.form != "consecutive"]
        if not qs:
            continue
        listed = _respectively(text, start, end, qs)
        if listed:
            out.extend(listed)
            last_subject = listed[-1].metric
            continue
        first_verb = first_metric = counted_by = left_raw = ""
        for k, q in enumerate(qs):
            prev_left_start = qs[k - 2].end if k >= 2 else start
            left_start = qs[k - 1].end if k else start
            right_end = qs[k + 1].start if k + 1 < len(qs) else end
            prev_left = left_raw
            left_raw, right_raw = CONSECUTIVE.sub("", text[left_start : q.start]), text[q.end : right_end]
            continues = bool(k) and "、" in left_raw
            if continues:  # …1.4万亿斤新台阶、亩产提升10.1斤: before 、 is the last item's tail
                cut = left_raw.index("、") + 1
                left_raw, left_start = left_raw[cut:], left_start + cut
            left = clean_metric(left_raw)
            if text.startswith("累计", q.start):  # 支出五年累计2.43万亿元: the five years are the period, not the name
                left = clean_metric(PERIOD_END.sub("", left))
            if q.unit == "人" and NAMED_BY_COUNT.match(text, q.end):
                continue  # 青年50人论坛: a count of people that names a forum, not a quantity
            if LIST_INTRO.search(left_raw):
                continue  # 重点做好以下10个方面工作: the count of what follows, not a statement
            right = "" if q.unit in PERCENT_UNITS else clean_metric(_noun_after(BRACKETED.sub("", right_raw)))
            direction = _direction(left_raw)
            if not left and k and not direction:
                direction = out[-1].direction  # 增长4.2％、5.3％
            source = (left_start, q.start)
            bar = k and THRESHOLD_OWNER.match(left_raw) and out and out[-1].start == qs[k - 1].start
            if bar:  # 经济总量超千亿元的县域达12个: the first value is the bar the counted things pass
                while out and out[-1].start == qs[k - 1].start:
                    out.pop()
                metric, source = clean_metric(text[prev_left_start : q.start]), (prev_left_start, q.start)
            elif q.form == "duration":  # 到期后再延长30年: the verb says what the years are
                metric = left
            elif q.form == "consecutive":  # 连续三年考核优秀: what was kept up is said on both sides
                subject, kept_up = _streak_parts(clean_metric(text[q.end : end]))
                metric, source = (left + subject + "连续" + kept_up if left or subject else kept_up), (left_start, end)
            elif q.form == "rank":  # 制度创新指数稳居全国前三 → 制度创新指数全国排名
                scope = RANK_SCOPE.match(text, q.start)
                subject = RANK_VERBS.sub("", left)
                if not subject and last_subject:  # 产业园增至21个、居全国第1位: the count before is what ranks
                    subject = VERB_TAIL.sub("", _subject(RANK_VERBS.sub("", last_subject)))
                    if k and qs[k - 1].unit in COUNT_UNITS and not subject.endswith("数量"):
                        subject += "数量"
                metric = subject + (scope.group() if scope else "") + "排名"
                pair = RANK_BOTH.match(subject)
                if pair:  # 总量和增速均居全国第5位: each ranks there
                    for item in _items(pair.group("subjects"), LIST_SPLIT):
                        out.append(Parsed(item + (scope.group() if scope else "") + "排名", q.value, q.unit,
                                          q.qualifier, None, q.start, q.end, (left_start, q.start), q.value_max))
                    last_subject = metric
                    continue
            elif k and FROM_TO.match(left_raw) and FROM_TO_START.search(prev_left):
                metric = out[-1].metric  # 拥有量从29.6件增加到65件: both ends measure the same thing
            elif len(right) >= 2 and right not in NOT_COUNTED and not right.startswith(CHANGE_WORDS) and (
                not left or LISTING_END.search(left_raw)
                or q.unit not in PERCENT_UNITS and not q.unit.endswith("元")):
                # 770家优质企业, X等39只科创基金: the value counts the noun after it
                verb_phrase = len(left) <= VERB_PHRASE_MAX and not LISTING_END.search(left_raw)
                if left in LEADING_VERBS or (verb_phrase and COUNTING_VERB.search(left)):
                    metric = left + right
                    counted_by = left if k == 0 else ""
                elif left and verb_phrase and CHANGE_VERB_END.search(left):
                    metric = CHANGE_VERB_END.sub("", left) + right  # 试点扩大到11个省份 → 试点省份
                else:
                    metric = right
                source = (q.end, right_end)
                if not left or LISTING_END.search(left_raw):
                    # 56个口袋公园向市民开放, 为800个老旧小区引入物业服务: what happened to them is what is counted
                    metric = _relative_metric(text, q, qs[k + 1 :], end, left_raw) or metric
                direction = None
            elif COMPARED.fullmatch(left) and q.unit in ("个百分点", "百分点") and out and _subject(
                    out[-1].metric) != out[-1].metric:  # 民间投资增长2.1%、高于全国8.5个百分点: its growth's lead
                metric = _subject(out[-1].metric) + "增速" + left
            elif left and (DIRECTION_ONLY.match(left) or BASE_FIRST.match(left)) and last_subject:
                metric = _subject(last_subject) + left  # 地区生产总值5万亿元，增长5％
            elif left:
                metric = _without_examples(left) if q.unit not in PERCENT_UNITS and not q.unit.endswith("元") else left
            elif continues and last_subject:  # 里程新增3000公里、突破1.1万公里: the item before names it
                metric = VERB_TAIL.sub("", _subject(last_subject))
            else:
                metric = clean_metric(right_raw)
                if not metric or DIRECTION_ONLY.match(metric):  # …经费，从2002年1288亿元增加到…: the clause before
                    metric = last_subject or prev_clause
            if k == 0:
                first_verb, first_metric = counted_by or _leading_verb(metric), metric
            elif continues and first_verb and not _leading_verb(metric) and len(metric) > 1 and (
                    q.unit not in PERCENT_UNITS):  # 新建5个医疗集团、区级覆盖率达80%: a ratio is not built
                metric = _lent_head(first_metric, first_verb) + metric
            if out and source[0] == left_start:
                metric = _owned_by_previous(metric, out[-1])
            both = BOTH.match(left_raw)
            shared = None if both else _shared_growth(left_raw) or _shared_tail(left_raw)
            if both and source[0] == left_start:
                verb = both.group("verb")
                growth = next((v for v in GROWTH_VERBS if verb.startswith(v)), "")
                scale = SCALE_AFTER.match(right_raw)  # 均达到万亿元规模: what the value is, is said after it
                for item in _examples_share(_items(both.group("subjects"), LIST_COMMA)):
                    out.append(Parsed(item + growth + (scale.group() if scale else ""), q.value, q.unit, q.qualifier,
                                      direction, q.start, q.end, source, q.value_max))
            elif shared and source[0] == left_start:
                for name in shared:
                    out.append(Parsed(name, q.value, q.unit, q.qualifier, direction, q.start, q.end, source,
                                      q.value_max))
            else:
                out.append(Parsed(metric, q.value, q.unit, q.qualifier, direction, q.start, q.end, source,
                                  q.value_max))
            last_subject = metric
    return _with_topic(out)


def _with_topic(found: list[Parsed]) -> list[Parsed]:
    """Bare quantities after a sentence's first one are its topic's: 全国国有企业资产总额增长61%，实现利润增长2.2倍，
    税收增长1.1倍 → 全国国有企业实现利润增长, 全国国有企业税收增长."""
    if len(found) < 2:
        return found
    first = QUANTITY_WORD.search(_subject(found[0].metric))
    topic = found[0].metric[: first.start()] if first else ""
    if len(topic) < 2 or not topic[-1:].isalpha() or "、" in topic:
        return found
    return [found[0], *(replace(p, metric=topic + p.metric)
                        if QUANTITY_WORD.fullmatch(_subject(p.metric).removeprefix("实现")) else p
                        for p in found[1:])]


def _relative_metric(text: str, q: Quantity, later: list[Quantity], end: int, left_raw: str) -> str:
    """The counted noun with its predicate (see ``_counted_relative``), or '' when a value follows the noun directly
    (116个国家和地区近4000名运动员参赛: the predicate belongs to the next value)."""
    rest, pos = [], q.end
    for other in later:
        rest.append(text[pos : other.start])
        pos = other.end
    rest.append(text[pos:end])
    if later and not _predicate_split(text[q.end : later[0].start])[0]:
        return ""
    return _counted_relative("".join(rest), bool(PREPOSITION_END.search(left_raw)))


def _owned_by_previous(metric: str, previous: Parsed) -> str:
    """A bare aggregate or share says whose it is by the value before it: 产业项目3800个，总投资1万亿元 → 产业项目
    总投资; 经济总量4万亿元、占全省比重61.3% → 经济总量占全省比重."""
    if AGGREGATE.fullmatch(metric) and previous.unit.endswith(COUNT_UNITS):
        noun = previous.metric
        return noun[len(_leading_verb(noun)) :] + metric
    if SHARE_OF.fullmatch(metric) and previous.unit not in PERCENT_UNITS:
        return _subject(previous.metric) + metric
    return metric


def _shared_growth(left: str) -> list[str] | None:
    """A growth several quantities share, one metric each: 社会消费品零售总额、固定资产投资增长4%; 城镇、农村居民
    收入增长5% (the last item's tail completes the bare ones)."""
    found = SHARED_GROWTH.match(left)
    if not found or "”" in found.group("subjects"):  # 汽车、光伏、锂电池“新三样”出口: the quote names the group
        return None
    items = _items(found.group("subjects"), LIST_COMMA)
    if any(len(item) < SHARED_ITEM_MIN for item in items):
        suffix = _shared_suffix(items) if len(items) > 1 else ""
        if not suffix or not all(len(item) <= 3 for item in items[:-1]):
            return None
        items = [item if item.endswith(suffix) else item + suffix for item in items]
    verb = found.group("verb").removesuffix("了")
    return [item + verb for item in items]


def _shared_tail(left: str) -> list[str] | None:
    """Short names before a full one share its tail: 内江、眉山、自贡经济总量 → 内江经济总量, 眉山经济总量, …"""
    items = _items(left, LIST_COMMA)
    if "”" in left or len(items) < 2 or any(len(i) > 3 or len(i) != len(items[0]) for i in items[:-1]):
        return None
    tail = items[-1][len(items[-2]) :]
    if len(tail) < 2 or tail[0] in "一二两三四五六七八九十几多各":  # 京、津、冀三地: the tail counts them
        return None
    return [item + tail for item in items[:-1]] + [items[-1]]


def _examples_share(items: list[str]) -> list[str]:
    """A、B、C等产业集群: the noun after 等 is every item's (A产业集群, B产业集群, C产业集群)."""
    last = items[-1] if items else ""
    at = last.rfind("等")
    if at < 1 or len(last) - at - 1 < 2:
        return items
    noun = last[at + 1 :]
    return [item + noun for item in [*items[:-1], last[:at]]]


def _subject(metric: str) -> str:
    """A metric without its trailing growth verb and base: 一般公共预算收入比上年增长 → 一般公共预算收入."""
    return TRAILING_BASE.sub("", TRAILING_DIRECTION.sub("", metric))


# ---------------------------------------------------------------------------------------------------------------
# Kind and year: from the section a sentence is in and the cues before the value.

REVIEW_HEADING = re.compile(r"回顾|成就|成绩|过去|总结|进展|取得")
PLAN_HEADING = re.compile(r"安排|任务|部署|要求|目标|重点工作|主要工作|考虑|展望|计划|思路|取向|预期|建议|今年|开好局")
PLAN_PERIOD = re.compile(r"时期|期间|规划|纲要|目标")  # 二、“十五五”时期主要目标任务: targets for the plan's end
YEAR = re.compile(r"(?<![\d比较与同从])((?:19|20)\d{2})\s*年(?!以来|来|起|前|度?以来)")
FIVE_YEAR_PLAN = re.compile(
    r"(?P<base>较|比|与|同)?(?:“?十(?P<n>[一二三四五六七八九])五”?|第十(?P<n2>[一二三四五六七八九])个五年)"
)
PAST_CUES = re.compile(r"(?<![比较])(?:去年|上年(?!均))|过去一年|过去五年|五年来|一年来|过去的一年|已经|已达|已有")
FUTURE_CUES = re.compile(
    r"预期目标|主要目标|目标是|目标为|上述目标|力争|今年|明年|届时|今后五年|未来五年|规划纲要|纲要草案|到(?:19|20)\d{2}年"
)
# A target met is a past one: 全面实现年初确定的主要目标 reviews, it does not plan.
ACHIEVED = re.compile(r"(?:实现|完成|达到)了?(?:年初|全年)?(?:确定|预定|既定|提出)的(?:主要)?(?:预期)?(?:目标|指标)")
REVIEW_OPENER = re.compile(r"过去一年|过去的一年|一年来|过去五年|五年来")
# A value over several years: 年均/累计 with the five years named (过去五年, “十四五”时期, 今后五年).
# 年均浓度 is a year's average, not one over five years; 连续五年 is a streak, not a span.
SPAN_CUES = re.compile(r"年均(?!浓度)|年平均(?!浓度)|平均每年|每年平均|累计|(?<!连续)五年")
AVERAGE = re.compile(r"年均(?!浓度)|年平均(?!浓度)|平均每年|每年平均")
FIVE_YEARS = re.compile(r"(?<!连续)五年|十[一二三四五六七八九]五|个五年")
PERIOD_END_CUES = re.compile(r"过去五年|五年来|去年|上年|过去一年|一年来|过去的一年")


@dataclass(frozen=True)
class Frame:
    """What a section says about the values in it: the default kind and the year of each kind."""

    kind: str  # "Actual" or "Target"
    actual_year: int | None  # 一、2024年工作回顾 → 2024
    target_year: int | None  # 三、2025年工作安排 → 2025; 二、“十五五”时期目标任务 → 2030
    mixed: bool = False  # 二、“十四五”成就和“十五五”目标: the paragraph's cues decide


def plan_end_year(ordinal: int) -> int:
    """The last year of the n-th five-year plan (十四五 → 2025): plans run in fives from 1966 (the 3rd).

    >>> plan_end_year(14), plan_end_year(15)
    (2025, 2030)
    """
    return 1966 + 5 * (ordinal - 3) + 4


def _plan_ends(text: str) -> list[int]:
    """End years of the five-year plans a text names (“十四五” → 2025, 第十五个五年规划 → 2030)."""
    return [plan_end_year(10 + int(parse_number(m.group("n") or m.group("n2")) or 0))
            for m in FIVE_YEAR_PLAN.finditer(text) if not m.group("base")]


def section_frames(doc: Document) -> list[Frame]:
    """Per section: the default kind from its top-level heading (回顾 → Actual, 安排/任务 → Target) and years."""
    year = doc.year
    default = Frame("Actual", year - 1 if year else None, year)
    frames: list[Frame] = []
    tops: dict[int, Frame] = {}
    for sec in doc.sections:
        top = _top(doc.sections, sec)
        if top.index not in tops:
            # a heading with no cue: the first part of a report reviews, the parts after it plan
            kind = "Target" if len(tops) > 1 else "Actual"
            tops[top.index] = _frame(top.heading, year, kind) if top.index else default
        frames.append(tops[top.index])
    return frames


def _top(sections: list[Section], sec: Section) -> Section:
    while sec.parent is not None and sections[sec.parent].level >= 1:
        sec = sections[sec.parent]
    return sec


def _frame(heading: str, doc_year: int | None, fallback: str) -> Frame:
    """The frame of one top-level heading; ``fallback`` is the kind of a heading with no cue.

    >>> _frame("二、“十五五”时期主要目标任务", 2026, "Actual")
    Frame(kind='Target', actual_year=2025, target_year=2030, mixed=False)
    """
    found = YEAR.search(heading)
    year = int(found.group(1)) if found else None
    if "过去一年" in heading and doc_year:
        year = doc_year - 1
    review, plan = REVIEW_HEADING.search(heading), PLAN_HEADING.search(heading)
    ends = _plan_ends(heading)
    if review:  # 一、2025年工作回顾 — also 二、“十四五”成就和“十五五”目标, where cues in the text decide
        kind = "Actual"
    elif plan:
        kind = "Target"
    elif year and doc_year:
        kind = "Actual" if year < doc_year else "Target"
    elif ends and doc_year:
        kind = "Actual" if max(ends) < doc_year else "Target"
    else:
        kind = fallback
    actual_year = target_year = None
    if doc_year:
        actual_year = year if year and year < doc_year else max([e for e in ends if e < doc_year], default=doc_year - 1)
        target_year = doc_year
        if year and year >= doc_year:
            target_year = year
        elif PLAN_PERIOD.search(heading):
            target_year = max([e for e in ends if e >= doc_year], default=doc_year)
    return Frame(kind, actual_year, target_year, bool(review and plan))


def has_cue(text: str) -> bool:
    """True when a text says by itself whether what follows is past or planned (a year, 去年, 力争 …)."""
    return any(p.search(text) for p in (YEAR, PAST_CUES, FUTURE_CUES, ACHIEVED)) or any(
        not m.group("base") for m in FIVE_YEAR_PLAN.finditer(text))


def kind_and_year(before: str, frame: Frame, doc_year: int | None) -> tuple[str, int | None]:
    """Kind and year of a value from the text before it (sentence or paragraph), else the section's frame.

    >>> kind_and_year("去年全市地区生产总值增长", Frame("Target", 2024, 2025), 2025)
    ('Actual', 2024)
    >>> kind_and_year("力争到2027年", Frame("Actual", 2024, 2025), 2025)
    ('Target', 2027)
    """
    cues: list[tuple[int, str, int | None]] = []  # (position, kind, year)
    for m in YEAR.finditer(before):
        y = int(m.group(1))
        if doc_year is None:  # a text of unknown date: a year says which year, the section says which kind
            cues.append((m.start(), frame.kind, y))
            continue
        cues.append((m.start(), "Actual" if y < doc_year else "Target", y))
    for m in FIVE_YEAR_PLAN.finditer(before):
        if m.group("base"):
            continue  # 较“十三五”末: a base period, not the period measured
        end = plan_end_year(10 + int(parse_number(m.group("n") or m.group("n2")) or 0))
        cue_kind = frame.kind if doc_year is None else "Actual" if end < doc_year else "Target"
        cues.append((m.start(), cue_kind, end))
    for m in PAST_CUES.finditer(before):
        cues.append((m.start(), "Actual", doc_year - 1 if doc_year and PERIOD_END_CUES.fullmatch(m.group()) else None))
    for m in ACHIEVED.finditer(before):
        cues.append((m.start(), "Actual", None))
        before = before[: m.start()] + " " * (m.end() - m.start()) + before[m.end():]
    for m in FUTURE_CUES.finditer(before):
        cue_year = None
        if doc_year and m.group() == "今年":
            cue_year = doc_year
        elif doc_year and m.group() in ("今后五年", "未来五年"):
            cue_year = doc_year + 4
        cues.append((m.start(), "Target", cue_year))
    kind, year = frame.kind, None
    for _, cue_kind, cue_year in sorted(cues, key=lambda c: c[0]):
        kind, year = cue_kind, cue_year if cue_year is not None else (year if cue_kind == kind else None)
    if year is None:
        year = frame.actual_year if kind == "Actual" else frame.target_year
    return kind, year


# ---------------------------------------------------------------------------------------------------------------
# The component.


def _mentions_by_sentence(entities: list[Entity]) -> dict[int, list[tuple[int, int, tuple[str, str]]]]:
    """Entity mentions per sentence index: (start, end, (class, label)), by start."""
    index: dict[int, list[tuple[int, int, tuple[str, str]]]] = {}
    for ent in entities:
        for m in ent.mentions:
            index.setdefault(m.sentence, []).append((m.span.start, m.span.end, (ent.cls, ent.label)))
    for items in index.values():
        items.sort()
    return index


def _about(mentions: list[tuple[int, int, tuple[str, str]]], lo: int, hi: int, text: str, base: int):
    """The entity named in the text a metric came from; none when it is one example of many (X等10个项目)."""
    inside = [m for m in mentions if lo <= m[0] and m[1] <= hi]
    if not inside:
        return None
    start, end, key = inside[-1]
    if text[end - base : end - base + 1] == "等":
        return None
    return key


@component("indicators", produces="indicators", order=200)
def find_indicators(doc: Document, entities: list[Entity]) -> list[Indicator]:
    """Every quantitative statement of the document as an Indicator with kind, year and entity."""
    frames = section_frames(doc)
    mentions = _mentions_by_sentence(entities)
    out: list[Indicator] = []
    for sent in doc.sentences:
        base = sent.span.start
        text = doc.match_text[base : sent.span.end]
        if not any(ch.isdigit() or ch in "十百千万两首前连" for ch in text):
            continue
        surface = doc.text[base : sent.span.end]
        frame = frames[sent.section]
        # in a section that reviews and plans, a paragraph's opening (“十五五”时期的主要目标是：) sets its kind; in a
        # plan, a paragraph that opens with a review (过去一年，…取得了很大成绩。国内生产总值增长10.3%) does too
        lead = doc.match_text[doc.text.rfind("\n", 0, base) + 1 : base]
        if not frame.mixed and not (frame.kind == "Target" and REVIEW_OPENER.search(lead)):
            lead = ""
        for p in parse_indicators(text):
            before = text[: p.start]
            if lead and (frame.mixed or not has_cue(before)):
                before = lead + before
            kind, year = kind_and_year(before, frame, doc.year)
            lo, hi = p.source
            about = _about(mentions.get(sent.index, []), base + lo, base + hi, text, base)
            metric = _surface_metric(p.metric, text, surface)
            year, period = year_and_period(text[: p.start], before, kind, year, doc.year)
            out.append(Indicator(metric=metric, value=p.value, unit=p.unit, span=Span(base + p.start, base + p.end),
                                 sentence=sent.index, kind=kind, year=year, qualifier=p.qualifier,
                                 direction=p.direction, about=about,
                                 value_max=p.value_max, period=period))
    return out


def year_and_period(sentence_before: str, before: str, kind: str, year: int | None,
                    doc_year: int | None) -> tuple[int | None, str | None]:
    """The year and the five years a value spans when it is an average or total over them.

    Named five years decide (“十四五”时期 … 年均增长 → 2021-2025); a bare 年均 in a plan's first-year report sets
    the plan's target for its end (2026年 report: 年均增长5% → 2030, 2026-2030); in a review, the five years
    ending with the value's year.

    >>> year_and_period("《纲要（草案）》提出地区生产总值年均增长", "", "Target", 2026, 2026)
    (2030, '2026-2030')
    """
    period = period_of(before, year)
    if period or not AVERAGE.search(sentence_before) or year is None or doc_year is None:
        return year, period
    if kind == "Target" and (doc_year - 1) % 5 == 0 and year == doc_year:
        return doc_year + 4, f"{doc_year}-{doc_year + 4}"
    if kind == "Actual":
        return year, f"{year - 4}-{year}"
    return year, None


def period_of(before: str, year: int | None) -> str | None:
    """The five years a value spans ("2021-2025") when the text before it says so (“十四五”时期 … 年均增长).

    >>> period_of("“十四五”时期，全省地区生产总值年均增长", 2025), period_of("今年地区生产总值增长", 2026)
    ('2021-2025', None)
    """
    if year is None or not SPAN_CUES.search(before) or not FIVE_YEARS.search(before):
        return None
    return f"{year - 4}-{year}"


def _surface_metric(metric: str, match_text: str, surface: str) -> str:
    """The metric as written in the document (match text may be simplified from traditional characters)."""
    if match_text == surface:
        return metric
    at = match_text.find(metric)
    return surface[at : at + len(metric)] if at >= 0 else metric

