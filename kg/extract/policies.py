"""Policies: quoted slogans (“…”), 《…》 titles, names ending in 条例, 规划, 行动, 政策, 改革, 试点 …, national
programmes from a lexicon, campaigns named after a place (法治天津), and national censuses."""

from __future__ import annotations

import re

from kg.extract.candidates import (
    LEADING_MODIFIERS,
    LEADING_TRIM,
    CueSpec,
    lexicon_mentions,
    one_per_span,
    pattern_mentions,
    strip_leading,
    suffix_mentions,
    token_boundaries,
    tokens_in,
    word_frequency,
)
from kg.extract.issuer_area import issuer_names
from kg.extract.lexicons.divisions import load_divisions
from kg.extract.lexicons.genre import ATTRIBUTE_NOUNS, LEADING_VERBS
from kg.extract.lexicons.policies import (
    CAMPAIGN_PREFIXES,
    GENERIC_POLICY_WORDS,
    NATIONAL_POLICIES,
    NOT_POLICIES,
    POLICY_DOMAINS,
    ROLE_CENTRE,
)
from kg.extract.name_runs import RUN_REACH, nominal_run
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention, Span, Token

# Law titles written without 《》 (民营经济促进法, 民族区域自治法): a bare 法 ends too many words (办法, 执法).
LAW_SUFFIXES = ("促进法", "保护法", "自治法", "管理法", "安全法", "组织法", "监督法", "防治法", "保障法")
# A 《title》 that ends in one of these names a document of government; others are works (films, shows, books).
DOCUMENT_TITLE = re.compile(r"(?:条例|规划|纲要|计划|方案|办法|规定|意见|决定|法|通知|标准|指引|清单|目录|名录|行动"
                            r"|政策|措施|制度|细则|准则|战略|协定|公约|宣言|决议|规则|导则|指南|守则|章程|体系)$")
# The stance of national macro policy, part of its name: 更加积极的财政政策, 适度宽松的货币政策.
MACRO_STANCE = re.compile(r"(?:更加|继续实施|实施)?(?:积极|稳健|宽松|适度宽松|从紧|灵活适度|稳健中性)(?:有为|有效)?的"
                          r"(?:财政|货币|就业|产业|宏观)政策")
# A policy name opened by a verb of the clause (坚持…战略, 把握…政策, 扩大…试点): the verb is not part of it;
# documents and laws keep theirs (促进…条例, 优化营商环境条例).
TITLE_ENDS = ("条例", "办法", "规定", "意见", "决定", "纲要", *LAW_SUFFIXES)
CLAUSE_VERB_FREQ = 1000

QUOTED = re.compile(r"“([^“”]{2,16})”|《([^《》]{2,40})》")
# Achievements and figures of speech in quotes: 二十一连丰, 十连增 …
ACHIEVEMENT = re.compile(r"连(?:[丰增升冠胜涨快击]|[A-Z]+)$|^[0-9一二三四五六七八九十百千]+[个项]?$")  # 九连A, 三连击
# A quote the government sets itself against, or names as a problem (反对“台独”, 防止“形象工程”, 整治“内卷式”竞争,
# 跨越“中等收入陷阱”, “新官不理旧账”问题, “三期叠加”矛盾, “瓶颈”制约): a figure of speech, not a policy.
OPPOSED_BEFORE = re.compile(r"(?:反对|防止|杜绝|整治|纠治|破除|遏制|克服|跨越|警惕|摒弃|不唱)[\u4e00-\u9fff]{0,2}$")
PROBLEM_AFTER = re.compile(r"(?:问题|矛盾|制约|现象|倾向|行为|竞争|大考|陷阱)")
# Quantities and values in quotes (“含金量”, “颜值”): a figure of speech.
QUANTITY_END = re.compile(r"[量值]$")
# “十五五”: the five-year plan of a period, named by its number alone (not a count, though made of numerals).
FIVE_YEAR = re.compile(r"^十[一二三四五六七八九]五$")
HONOUR = re.compile(r"(?:入选|获评|荣获|获得|评为|列为|被授予|授予)(?:[\u4e00-\u9fff]{0,4})$")
CENSUS = re.compile(r"第[一二三四五六七八九十]+次全国[\u4e00-\u9fff]{2,6}普查")
SPEC = CueSpec(
    cls="Policy",
    extractor="policies",
    suffixes=("条例", "规划", "计划", "行动", "政策", "改革", "试点", "办法", "方案", "战略", "攻坚战", "攻坚",
              "同城化",
              "政策体系", "承诺制", "责任制", "负责制", "备案制", "注册制", "清单制", "法规", "特别国债", "协同发展",
              "纲要", "专项治理", "强国", "若干措施", "政策措施", "实施意见", "负面清单", *LAW_SUFFIXES,
              "改革先行先试",  # a reform tried first somewhere, as a pilot (…金融改革先行先试)
              "贴息", "退税"),  # fiscal measures named by what they pay (…贷款财政贴息, 出口退税, 离境退税)
    min_len=4,
    max_len=20,
    confidence=0.65,
)
# 制度 ends named systems (城镇职工基本养老保险制度) and generic ones (基础性制度, 便利化制度): only names of at
# least six characters, which say which system.
# The kinds of city a government sets out to become (无废城市, 儿童友好城市, 国际消费中心城市) and the renewal
# programmes of the housing stock (城中村改造, 城镇老旧小区改造); not the plain kinds of city (超大城市, 中心城市).
CITY_KINDS = frozenset(
    """
    超大城市 特大城市 大城市 中小城市 中心城市 重点城市 试点城市 节点城市 沿海城市 内陆城市
    边境城市 口岸城市 省会城市 区域中心城市 国家中心城市 现代化城市 主要城市 大中城市 中等城市
    小城市 县级城市 地级城市 全市城市 新城市 老城市 国际化城市 周边城市 兄弟城市 友好城市
    其他城市 一线城市 二线城市 三线城市 资源型城市 宜居城市 城市
    """.split()
)
GOAL_SPEC = CueSpec(cls="Policy", extractor="policies", suffixes=("城市", "之城", "之都"), min_len=4, max_len=12,
                    confidence=0.55, blocked=CITY_KINDS)
RENEWAL = re.compile(r"(?:城中村|棚户区|城镇老旧小区|老旧小区|城市危旧房|危旧房|老旧街区|农村危房)改造")
GOAL_FOLLOWERS = frozenset("建设 创建 试点 ， 。 、 ； 和 与 等 ” )".split())


def _city_goal(doc: Document, m: Mention) -> bool:
    """A city kind named as a goal: it stands before punctuation, 建设 or 创建 (建设无废城市, 无废城市建设), is
    no plain kind of city once clause verbs are gone, and holds no count or quote (2万多所…, “两园一河”城市设计)."""
    if m.text in CITY_KINDS or len(m.text) < 4 or any(ch.isdigit() or ch in "“”" for ch in m.text):
        return False
    before = m.span.start - (doc.match_text[m.span.start - 1:m.span.start] == "“")
    if HONOUR.search(doc.match_text, max(0, before - 10), before):
        return False  # 入选“生物多样性魅力城市”: a title received
    nxt = next(iter(tokens_in(doc, m.span.end, m.span.end + 4)), None)
    return nxt is None or nxt.word in GOAL_FOLLOWERS
# A role a city sets out to play (上海国际金融中心, 成渝地区区域科技创新中心), kept when ROLE_CENTRE says so.
ROLE_SPEC = CueSpec(cls="Policy", extractor="policies", suffixes=("中心",), min_len=6, max_len=14, confidence=0.55)
# A part that ends like a name of its own (…改革和…改革, 科技强国、人才强国) is a policy apart, not part of the title.
OWN_NAME_ENDS = (*SPEC.suffixes, "制度", "工程", "机制")
SYSTEM_SPEC = CueSpec(cls="Policy", extractor="policies", suffixes=("制度",), min_len=6, max_len=20, confidence=0.6)


DOCUMENT_COUNT = re.compile(r"(?:\d+|[一二两三四五六七八九十百千]+)(?:余|多)?[件部项个条批]")
_GENERIC_WORDS = sorted(GENERIC_POLICY_WORDS, key=len, reverse=True)  # longest first, sorted once
_GENERIC_WITH_DOMAINS = sorted(GENERIC_POLICY_WORDS | POLICY_DOMAINS, key=len, reverse=True)


def _generic(doc: Document, m: Mention) -> bool:
    """A name made only of generic policy words (重大政策, 国家规划, 中央系列宏观调控政策), or of those and policy
    domains before 政策 (财政金融政策), names no policy."""
    if "“" in m.text or "《" in m.text:
        return False
    rest = doc.match_text[m.span.start:m.span.end]
    count = DOCUMENT_COUNT.match(rest)
    rest = rest[count.end():] if count else rest  # 137件行政法规: a count of generic documents
    words = _GENERIC_WITH_DOMAINS if rest.endswith("政策") else _GENERIC_WORDS
    changed = True
    while rest and changed:
        changed = False
        for word in words:
            if rest.startswith(word):
                rest = rest[len(word):]
                changed = True
                break
    return len(rest) <= 1


# Programmes of action are named by what they do (打击非法集资专项行动, 大气污染防治攻坚行动): the verb or idiom
# that opens them is theirs when an object stands between it and the cue, unless it only governs the clause.
ACTION_CUES = ("行动", "攻坚", "攻坚战", "专项治理")
CLAUSE_OPENERS = frozenset("坚持 继续 扩大 进行 启动 开展 持续 统筹 完善 健全 深化 加强 坚决 全力 着力 狠抓".split())
# Adverbs of duration that say how long a system runs (长期护理保险制度): part of its name, not of the clause.
ATTRIBUTIVE_OPENERS = frozenset({"长期", "中长期", "短期", "终身"})


def _keeps_opener(m: Mention, tok: Token) -> bool:
    """Whether an opening verb, adverb or idiom is part of the name: an attributive word, or the action of a
    programme with its object before the cue."""
    if tok.word in ATTRIBUTIVE_OPENERS or m.text.startswith(PRIORITY, tok.span.end - m.span.start):
        return True
    if not m.text.endswith(ACTION_CUES) or tok.pos not in ("v", "vd", "i", "l") or tok.word in CLAUSE_OPENERS:
        return False
    cue = max((c for c in ACTION_CUES if m.text.endswith(c)), key=len)
    return m.span.end - len(cue) - tok.span.end >= 2


# Verbs that take a policy as their object (综合运用|贷款贴息, 部分企业试行|国有资本经营预算制度): wherever they
# stand in a candidate, the name starts after them.
OBJECT_VERBS = frozenset("""
    运用 用好 发挥 贯彻 瞄准 围绕 聚焦 依托 对标 借鉴 遵循 依照 按照 根据 执行 试行 推行 作为 进行 搞好 符合 采取 需要
    """.split())
# Verbs of a clause whose object is only a cue (发展需要|改革, 采取|行动); 对标|改革 names a reform by its model.
CLAUSE_OBJECT_VERBS = ("需要", "进行", "搞好", "采取", "符合", "作为")
# A cue word that opens a candidate is its verb (改革|商事制度: reform the system), not part of a name.
CUE_VERBS = frozenset({"改革"})
# 就业|优先战略, 农业农村|优先发展: a domain before 优先 names what has priority, however jieba tags it.
PRIORITY = "优先"
# Words of the clause around a policy that jieba may keep inside a candidate: the time of the sentence
# (今年|金融体制改革), a locative that closes an adverbial (稳定中|推进改革), an adverb in 地 (有秩序地|进行…).
CLAUSE_FRAME = frozenset("今年 明年 去年 当前 目前 现阶段 今后 近年 近年来 中".split())
PLACE_POS = ("n", "ns", "nz", "s", "f")
LISTED_SCOPES = frozenset("领域 方面 行业 部门".split())


def _after_object_verb(doc: Document, m: Mention) -> Mention:
    """The name after the last verb inside it that takes a policy as object, when at least four characters
    remain; quotes and titles are left whole."""
    if m.text.startswith(("“", "《")):
        return m
    start = m.span.start
    tokens = list(tokens_in(doc, m.span.start, m.span.end))
    for tok, nxt in zip(tokens, tokens[1:], strict=False):
        if m.span.end - tok.span.end < 4:
            break
        if tok.word in OBJECT_VERBS or tok.word in CLAUSE_FRAME or (
                tok.word.endswith("地") and len(tok.word) >= 3 and nxt.pos.startswith("v")
                and tok.pos not in PLACE_POS):  # 有秩序地|进行, not the place 流入地|接受…
            start = tok.span.end
        elif tok.span.start == m.span.start and tok.word in LISTED_SCOPES and doc.match_text[start - 1:start] == "等":
            start = tok.span.end  # 能源、交通等|领域|价格改革: the scope word closes a list before the name
        elif len(tok.word) == 4 and tok.word[:2] in OBJECT_VERBS and tok.pos.startswith("n"):
            start = tok.span.start + 2  # 符合国家|产业政策: jieba glued the verb to its object
    if start == m.span.start:
        return m
    return Mention(doc.text[start:m.span.end], m.cls, Span(start, m.span.end), m.sentence, m.extractor, m.confidence)


def _without_clause_verb(doc: Document, m: Mention) -> Mention:
    """The name after an opening everyday verb, adverb or idiom (扩大|增值税转型改革试点, 坚定不移|深化改革), or
    an adverb and a genre verb jieba kept as one word (充分发挥|…)."""
    if m.text.endswith(TITLE_ENDS) or m.text.startswith(("“", "《")):
        return m
    start = m.span.start
    for tok in tokens_in(doc, m.span.start, m.span.end):
        if tok.span.start != start or m.span.end - tok.span.end < 2:
            break
        opener = tok.pos in ("d", "ad", "p", "c", "i") or (
            tok.pos in ("v", "vd") and len(tok.word) >= 2 and word_frequency(tok.word) >= CLAUSE_VERB_FREQ) or (
            len(tok.word) == 4 and tok.word[2:] in LEADING_VERBS and not tok.pos.startswith(("ns", "nt", "nz"))
        ) or tok.word in OBJECT_VERBS or (tok.word in CUE_VERBS and m.span.end - tok.span.end >= 4)
        if not opener or _keeps_opener(m, tok):
            break
        start = tok.span.end
    if start == m.span.start:
        return m
    return Mention(doc.text[start:m.span.end], m.cls, Span(start, m.span.end), m.sentence, m.extractor, m.confidence)


# Verbs that take a document as object (落实…政策措施, 制定…若干措施, 出台…实施意见): the title runs from right after
# them to its cue, its own opening verbs included (进一步促进…, 支持…, 推动…).
DOC_VERB = re.compile(r"(?:全面落实|落实|制定实施|制定|出台|印发|实施|推进)$")
DOC_CUES = ("措施", "意见", "方案", "政策", "行动")
TITLE_REACH = 10


def _document_title(doc: Document, m: Mention) -> Mention:
    """The whole title when a document verb stands a few characters before the name (落实|进一步促进…政策措施);
    not across a conjunction or punctuation (实施和完善…), and without a leading 新一轮."""
    if not m.text.endswith(DOC_CUES) or m.text.startswith("《"):
        return m
    text = doc.match_text
    sent = doc.sentences[m.sentence].span
    starts = token_boundaries(doc)[0]
    for start in range(m.span.start, max(sent.start, m.span.start - TITLE_REACH) - 1, -1):
        if start < m.span.start and text[start] in "，。；：、”《》（）":
            break
        if start in starts and DOC_VERB.search(text, max(sent.start, start - 4), start):
            if start == m.span.start or any(t.pos in ("c", "p") for t in tokens_in(doc, start, m.span.start)):
                return m
            start = strip_leading(text, start, m.span.end, ("好", "的", *LEADING_MODIFIERS))  # 落实|好…, 出台|的…
            span = Span(start, m.span.end)
            return Mention(doc.text[start:m.span.end], m.cls, span, m.sentence, m.extractor, m.confidence)
    return m


COORDINATORS = ("和", "与", "及", "、")
GENERIC_HEADS = frozenset("体系 制度 机制 体制 政策 措施 规划 方案".split())


def _parallel(part: str, following: str) -> bool:
    """Whether a listed part and what follows it share a two-character head or tail (数字消费、绿色消费, 科技评价、
    科技奖励), as the parts of one title do; a proper name (龙煤集团、北大荒集团) does not count."""
    if part.endswith(("集团", "公司", "银行", "大学")):
        return False
    return part[:2] in following or part[-2:] in following


def _opens_part(doc: Document, start: int, floor: int) -> bool:
    """Whether a part starts a clause: after punctuation, a verb or a coordinator."""
    if start <= floor or doc.match_text[start - 1] in "，。；：（“和与及、":
        return True
    prev = [t for t in tokens_in(doc, max(floor, start - 6), start) if t.span.end == start]
    return bool(prev) and (prev[0].pos.startswith("v") or prev[0].word in LEADING_VERBS)


def _coordinated_head(doc: Document, m: Mention) -> Mention:
    """The whole title when its first part is joined by 和 or 、 (耕地保护和|粮食安全责任制, 数字消费、绿色消费、|健康
    消费促进政策, 碳排放|总量和强度双控制度): each part is a short run of nouns that starts after punctuation or a
    verb, and names no policy of its own (…改革和…改革 are two)."""
    if m.text.startswith(("“", "《")):
        return m
    floor = doc.sentences[m.sentence].span.start
    text = doc.match_text
    start = m.span.start
    if any(c in m.text[:RUN_REACH] for c in "和与及"):
        part_start = nominal_run(doc, start, floor)
        if part_start < start and _opens_part(doc, part_start, floor):
            start = part_start
    while start - 1 > floor and text[start - 1] in COORDINATORS:
        part_start = nominal_run(doc, start - 1, floor)
        part = text[part_start:start - 1]
        listed = text[start - 1] == "、"
        if listed and (not _parallel(part, text[start:start + len(part) + 2]) or part.endswith(OWN_NAME_ENDS)):
            return m  # 中央预算内投资、超长期特别国债, 乡镇机构、农村义务教育和…改革: a list of several things
        if (len(part) < (3 if listed else 2) or part.endswith(OWN_NAME_ENDS) or part in GENERIC_HEADS
                or not _opens_part(doc, part_start, floor)):  # …体系|和目标责任制: a bare head is no part
            break
        start = part_start
    if start == m.span.start:
        return m
    return Mention(doc.text[start:m.span.end], m.cls, Span(start, m.span.end), m.sentence, m.extractor, m.confidence)


# Levels of recognition before a pilot or programme (省级城市更新试点): the programme is named without them.
LEVELS = ("国家级", "省级", "市级", "县级")


def _without_level(m: Mention) -> Mention:
    """省级|城市更新试点: a level of recognition is not part of a policy's name when four characters remain."""
    level = next((w for w in LEVELS if m.text.startswith(w) and len(m.text) - len(w) >= 4), None)
    if level is None or m.text[len(level)] in COORDINATORS:  # 国家级|和省级…试点: levels listed together
        return m
    span = Span(m.span.start + len(level), m.span.end)
    return Mention(m.text[len(level):], m.cls, span, m.sentence, m.extractor, m.confidence)


def _without_quoted_kind(m: Mention) -> Mention:
    """支持创业带动就业“15条”|政策: after a quoted slogan 政策 only says what it is (as for “两新”政策)."""
    if not m.text.endswith("”政策") or m.text.startswith("“"):
        return m
    end = m.span.end - 2
    return Mention(m.text[:-2], m.cls, Span(m.span.start, end), m.sentence, m.extractor, m.confidence)


def _unplaced_coordination(m: Mention) -> bool:
    """…协同发展 names a policy when an area or region leads it (京津冀协同发展), not 三医协同发展."""
    if not m.text.endswith("协同发展"):
        return False
    return not load_divisions().lookup(m.text[:-4].removesuffix("地区"))


def _bare_kind(m: Mention) -> bool:
    """财政政策, 土地政策, 人才政策: a two-character domain and 政策 names a kind of policy, not one; 推进改革, 深化
    改革, 发展需要|改革: a verb and a bare cue name none either."""
    rest = m.text[strip_leading(m.text, 0, len(m.text), LEADING_TRIM):]
    governed = any(m.text[:-len(cue)].endswith(CLAUSE_OBJECT_VERBS) for cue in SPEC.suffixes if m.text.endswith(cue))
    return (len(m.text) == 4 and m.text.endswith("政策")) or rest in SPEC.suffixes or governed


# A quote that opens a longer name with a policy head (“书香京城”全民阅读活动, “百千万”工程, “自审自发”机制): the
# whole name is the policy, the bare quote is not. Not after 等 (a list of slogans) and not 政策 or 品牌, which
# only say what the slogan is (“两新”政策).
QUOTE_HEAD = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:工程|机制|活动|行动|计划|战略|试点|专项治理|改革|体系|制度|攻坚战)")
# Inner words that end an event (“五五购物节”) or a place (“模速空间”, “大零号湾”): not a policy.
OTHER_KIND_END = re.compile(r"(?:节|季|会|赛|周|空间|社区|湾|港|园|岛|谷|城)$")
# After the quote: an award, an effect, a launch or the event it names (“地球家园”范例奖, “后亚冬”效应, “津港通”上线,
# “上海之夏”国际消费季); before it: a result reached (驶入“动车时代”, 实现洪涝灾害“零亡人”) or a first of its kind
# (首家“灯塔工厂”).
AFTER_FIGURE = re.compile(r"[\u4e00-\u9fff]{0,3}?(?:奖|称号|效应|荣誉)|上线|[\u4e00-\u9fff]{0,8}?(?:消费季|赛会|大赛"
                          r"|博览会|论坛|峰会|购物节|艺术节|文化节|旅游节)")
RESULT_BEFORE = re.compile(r"(?:(?:迈入|进入|驶入|跨入|迈进|实现|成为|达到|首获|斩获|夺得)[\u4e00-\u9fff]{0,4}"
                           r"|首家|首台|首个|首款|首座)$")


def _quoted(doc: Document) -> list[Mention]:
    """Quoted names and 《titles》 that are not figures of speech, counts, results, awards, events or places."""
    out = []
    text = doc.match_text
    for sent in doc.sentences:
        for found in QUOTED.finditer(text, sent.span.start, sent.span.end):
            inner = found.group(1) or found.group(2)
            if found.group(1) and (inner in NOT_POLICIES or ACHIEVEMENT.search(inner)) and not FIVE_YEAR.match(inner):
                continue
            if found.group(2) and not DOCUMENT_TITLE.search(inner):
                continue  # 《哪吒2》, 《向前一步》: a film, show or book, not a policy
            if HONOUR.search(text, max(sent.span.start, found.start() - 6), found.start()):
                continue  # 入选“生物多样性魅力城市”: an honour received, not a policy
            if found.group(1) and (OPPOSED_BEFORE.search(text, max(sent.span.start, found.start() - 6), found.start())
                                   or PROBLEM_AFTER.match(text, found.end(), sent.span.end)
                                   or QUANTITY_END.search(inner)):
                continue  # 反对“台独”, “新官不理旧账”问题, “含金量”: a problem opposed or a figure, not a policy
            if found.group(1) and (OTHER_KIND_END.search(inner) or "得" in inner
                                   or AFTER_FIGURE.match(text, found.end(), sent.span.end)
                                   or RESULT_BEFORE.search(text, sent.span.start, found.start())):
                continue  # “五五购物节”, “模速空间”, “管得好”, “地球家园”范例奖, 迈入“动车时代”
            end = found.end()
            head = QUOTE_HEAD.match(text, end, sent.span.end) if found.group(1) and not FIVE_YEAR.match(inner) else None
            if head and not any(ch in head.group() for ch in "，、等的"):  # not “两个毫不动摇”的体制机制
                end = head.end()
            span = Span(found.start(), end)
            out.append(Mention(doc.text[span.start:span.end], "Policy", span, sent.index, "policies.quoted", 0.6))
    return out


COUNTRY_NAMES = frozenset({"中国", "中华"})


def _names_place(doc: Document, word: str) -> bool:
    """Whether a word is the name of a division, of the country or of the issuer (天津, 四川, 中国): not a kind of
    place (城市, 河湖, 海关) nor a nickname (京城), which make 智慧城市, 美丽河湖 goals, not campaigns of a place."""
    issuer = issuer_names(doc.issuer) if doc.issuer else set()
    return word in COUNTRY_NAMES or word in issuer or bool(load_divisions().lookup(word))


def _campaigns(doc: Document) -> list[Mention]:
    """法治天津, 平安中国: a campaign prefix directly followed by the name of a division or of the country."""
    out = []
    tokens = doc.tokens
    for i, tok in enumerate(tokens[:-1]):
        nxt = tokens[i + 1]
        if (tok.word in CAMPAIGN_PREFIXES and nxt.pos == "ns" and 2 <= len(nxt.word) <= 4
                and _names_place(doc, nxt.word)):
            sent = doc.sentence_at(tok.span.start)
            if sent is None or nxt.span.end > sent.span.end:
                continue
            span = Span(tok.span.start, nxt.span.end)
            out.append(Mention(doc.text[span.start:span.end], "Policy", span, sent.index, "policies.campaign", 0.7))
        elif (len(tok.word) >= 4 and tok.word[:2] in CAMPAIGN_PREFIXES and tok.pos == "ns"
              and _names_place(doc, tok.word[2:])):
            sent = doc.sentence_at(tok.span.start)
            if sent is not None:
                out.append(Mention(doc.text[tok.span.start:tok.span.end], "Policy", tok.span, sent.index,
                                   "policies.campaign", 0.6))
    return out


# 法治政府, 数字政府: a campaign prefix and the government itself name the programme of building that government.
GOVERNMENT_CAMPAIGN = re.compile(f"(?:{'|'.join(CAMPAIGN_PREFIXES)})政府")


def _government_campaigns(doc: Document) -> list[Mention]:
    """法治政府, 数字政府 on token boundaries, unless they only qualify a noun that follows."""
    starts, ends = token_boundaries(doc)
    return [m for m in pattern_mentions(doc, GOVERNMENT_CAMPAIGN, "Policy", "policies.campaign", confidence=0.7)
            if m.span.start in starts and m.span.end in ends and not _modifies_a_noun(doc, m)]


def _censuses(doc: Document) -> list[Mention]:
    """第五次全国经济普查 and the like."""
    return pattern_mentions(doc, CENSUS, "Policy", "policies.census", confidence=0.8)


# Nouns after a cue that say how a policy fares or what it is for (…改革任务, …战略目标, …政策落地, …中心作用): the
# policy is still named. Other nouns right after the cue make it a modifier of another thing: 国家战略|科技力量,
# 初级产品供给战略|基地, 国土空间规划|体系, 中国改革|年度案例.
OUTCOME_NOUNS = frozenset((*ATTRIBUTE_NOUNS, *"""
    目标 任务 成果 成效 部署 进展 落地 收官 要求 工作 经验 举措 红利 实施 重点 机遇 导向 引领 优势 窗口
    """.split()))
NOMINAL_HEADS = ("n", "j", "ng")
INNOVATION = frozenset({"创新"})


def _modifies_a_noun(doc: Document, m: Mention) -> bool:
    """Whether the name runs on into a noun that is not an outcome of it, so it only qualifies that noun; a
    noun before a verb is an adverb jieba mistook (…改革|有机|结合), a long one a phrase (顺利进行)."""
    nxt, after = [*tokens_in(doc, m.span.end, m.span.end + 8), None, None][:2]
    if nxt is not None and nxt.span.start == m.span.end and nxt.word in INNOVATION:
        return True  # …示范区制度|创新, 开发区改革|创新: innovation in the system or reform, not its name
    if nxt is None or nxt.span.start != m.span.end or nxt.word in OUTCOME_NOUNS or len(nxt.word) > 3:
        return False
    if after is not None and after.span.start == nxt.span.end and after.pos == "v" and after.word not in OUTCOME_NOUNS:
        return False
    return nxt.pos.startswith(NOMINAL_HEADS) and not nxt.pos.startswith(("ns", "nt", "nr"))


def _with_outline(doc: Document, m: Mention) -> Mention:
    """…规划|纲要, …国土空间规划|体系: an outline or a system of plans is part of the plan's title."""
    word = next((w for w in OUTLINE if doc.match_text.startswith(w, m.span.end)), None)
    if word is None or not m.text.endswith("规划") or m.span.end + len(word) not in token_boundaries(doc)[1]:
        return m
    end = m.span.end + len(word)
    return Mention(doc.text[m.span.start:end], m.cls, Span(m.span.start, end), m.sentence, m.extractor, m.confidence)


OUTLINE = ("纲要", "体系")
# A plan named by its term (三年行动计划, 第六轮三年行动计划) after 建设 belongs to what is built:
# 美丽江苏建设|三年行动计划.
TERM_PLAN = re.compile(r"(?:第[一二三四五六七八九十\d]+轮)?[一二三四五六七八九十\d]+年")
BUILDING = "建设"


# Nouns that make a compound with 建设 before them (经营性建设用地, 建设工程): 建设 is then no verb of the clause.
BUILDING_COMPOUNDS = ("用地", "工程", "项目")


def _with_what_is_built(doc: Document, m: Mention) -> Mention:
    """…建设|三年行动计划: the term plan of a building programme is named with what it builds; …经营性建设|用地
    入市试点: a compound noun with 建设 is named whole."""
    if not (TERM_PLAN.match(m.text) or m.text.startswith(BUILDING_COMPOUNDS)) or not doc.match_text.startswith(
            BUILDING, m.span.start - len(BUILDING)):
        return m
    floor = doc.sentences[m.sentence].span.start
    start = nominal_run(doc, m.span.start - len(BUILDING), floor)
    if m.span.start - len(BUILDING) - start < 2:
        return m
    return Mention(doc.text[start:m.span.end], m.cls, Span(start, m.span.end), m.sentence, m.extractor, m.confidence)


@component("policies", order=50, user_words=lambda: [(p, "n") for p in NATIONAL_POLICIES if "、" not in p])
def find_policies(doc: Document) -> list[Mention]:
    """Quoted names and titles, names ending in a policy cue, national programmes, campaigns, censuses."""
    out = []
    systems = [m for m in suffix_mentions(doc, SYSTEM_SPEC) if doc.match_text[m.span.end:m.span.end + 1] != "的"]
    for found in (*suffix_mentions(doc, SPEC), *systems):  # not 把权力关进制度|的笼子
        titled = _document_title(doc, _without_clause_verb(doc, _after_object_verb(doc, found)))
        joined = _coordinated_head(doc, titled)
        if joined is not titled and _generic(doc, titled):
            continue  # 建筑规模指标和|财政金融政策: a generic head joined to another noun names no policy
        m = _without_level(_with_what_is_built(doc, _with_outline(doc, joined)))
        if not (_generic(doc, m) or _bare_kind(m) or _unplaced_coordination(m) or _modifies_a_noun(doc, m)):
            out.append(_without_quoted_kind(m))
    out.extend(m for m in map(lambda f: _without_clause_verb(doc, f), suffix_mentions(doc, GOAL_SPEC))
               if _city_goal(doc, m))
    out.extend(m for m in map(lambda f: _without_clause_verb(doc, f), suffix_mentions(doc, ROLE_SPEC))
               if ROLE_CENTRE.search(m.text))
    out.extend(pattern_mentions(doc, RENEWAL, "Policy", "policies.renewal", confidence=0.7))
    out.extend(pattern_mentions(doc, MACRO_STANCE, "Policy", "policies.stance", confidence=0.75))
    out.extend(_quoted(doc))
    out.extend(lexicon_mentions(doc, NATIONAL_POLICIES, "Policy", "policies.lexicon", confidence=0.8))
    out.extend(_campaigns(doc))
    out.extend(_government_campaigns(doc))
    out.extend(_censuses(doc))
    return list(one_per_span(out))

