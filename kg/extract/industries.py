"""Industries: names ending in 产业, 行业, 经济 or 集群, and a lexicon of sector names."""

from __future__ import annotations

import bisect

from kg.extract.candidates import COMMON_NR, CueSpec, lexicon_mentions, suffix_mentions, token_starts, tokens_in
from kg.extract.lexicons.divisions import load_divisions
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention, Span

# Sector names used across reports (国民经济行业分类 and the strategic emerging industries catalogue).
SECTORS = (
    "航空航天", "车联网", "信创", "集成电路", "新能源汽车", "生物医药", "新能源", "新材料", "人工智能", "生物制造",
    "高端装备", "装备制造", "先进制造业", "高技术制造业", "战略性新兴产业", "未来产业", "现代服务业", "数字经济",
    "低空经济", "海洋经济", "会展经济", "绿色石化", "汽车及零部件", "软件和信息技术服务", "商业航天", "量子信息",
    "氢能", "金融业", "物流业", "跨境电商", "工业互联网", "云计算", "大数据", "区块链",
    "智能网联汽车", "机器人", "具身智能", "合成生物", "细胞和基因治疗", "医疗器械", "半导体", "保税维修",
    "融资租赁", "超算互联网", "航运服务", "邮轮经济", "银发经济", "首发经济", "冰雪经济", "夜间经济",
    "平台经济", "总部经济", "枢纽经济", "文旅产业", "现代物流", "电子商务", "核电", "石油化工",
    "钢铁", "纺织服装", "食品加工", "种业", "港航物流", "海洋装备", "高端制造", "智能制造", "绿色制造",
    # Sections and divisions of 国民经济行业分类 (GB/T 4754-2017) that reports name as sectors.
    "服务业", "建筑业", "林业", "畜牧业", "渔业", "采矿业", "房地产业", "银行业", "保险业", "证券业", "邮政业",
    "电信业", "民航业", "住宿餐饮业", "批发零售业", "交通运输业", "新闻出版", "广播影视", "煤炭", "油气", "天然气",
    "电信", "民航",
    # Future industries of 工业和信息化部等七部门《关于推动未来产业创新发展的实施意见》(2024).
    "人形机器人", "脑机接口", "元宇宙", "6G", "量子科技", "量子计算", "量子通信", "卫星互联网", "类脑智能", "聚变能",
    "核聚变", "生命科学", "新型储能", "空天信息", "通用人工智能",
    # Service and trade sectors of the statistical classifications: 科学研究和技术服务业, 信息技术服务, 居民服务
    # (家政), 资本市场服务 (股权投资, 创业投资), trade by mode (海关统计 贸易方式), 服务型制造 and 再制造
    # (工业和信息化部).
    "科技服务", "信息服务", "家政服务", "股权投资", "创业投资", "金融科技", "服务贸易", "加工贸易", "服务型制造",
    "再制造",
)
GENERIC = frozenset(
    """
    民营经济 实体经济 县域经济 区域经济 宏观经济 国民经济 全市经济 全省经济 城市经济 经济 产业 行业 集群 产业集群
    主导产业 优势产业 传统产业 新兴产业 特色产业 重点产业 支柱产业 相关产业 产业集群 产业链集群 先进制造业集群
    现代产业
    """.split()
)
# 经济 alone is too broad a cue (世界经济, 市场经济): named economies come from the lexicon.
SPEC = CueSpec(cls="Industry", extractor="industries", suffixes=("产业", "行业", "制造业", "服务业", "集群"),
               min_len=4, max_len=20, confidence=0.6, blocked=GENERIC)
# Short sector names made of a two-character kind and a broad head (数字贸易, 设施农业, 乡村旅游, 赛事经济,
# 跨境物流): four characters, the kind a noun or attribute word, never the generic ones (对外贸易, 实体经济).
SHORT_HEADS = frozenset({"贸易", "农业", "旅游", "经济", "制造", "物流", "金融"})
KIND_TAGS = frozenset({"n", "nz", "b", "a", "an", "j", "ng"})  # not vn: 建设|农业, 发展|经济 are actions
GENERIC_KINDS = frozenset(
    """
    对外 国际 国内 全球 世界 自由 特色 传统 城市 区域 县域 宏观 实体 民营 国民 市场 中国 集体 社会 地方 本地 整体
    农村 全市 全省 全区 国有 基本 家庭 重点 主要 相关 一般 更多 非法 先进 普惠 入境 出境 新型 工业 大农 重要 美好
    国家 中央 全国 财政 财税 经济 大道 文化 政治
    """.split()
)
# Verbs that jieba tags as nouns or adjectives before a sector word (投向|农业, 面向|经济, 健全|金融, 对冲|经济下行):
# they govern the sector word, they do not say which sector it is.
VERB_KINDS = frozenset("投向 面向 流向 转向 走向 迈向 导向 健全 完善 对冲 稳定 繁荣 搞活".split())

FOLLOWING_NOUNS = frozenset("工作 会议 工作会议 体制 运行 形势 秩序 风险 安全 监管 政策 总量 增长 发展 结构 社会"
                            .split())
MODERN = frozenset({"现代", "都市", "都市型"})


def short_sectors(doc: Document) -> list[Mention]:
    """Four-character sector names: a kind word and a broad head, as one token or two (数字|贸易)."""
    out = []
    tokens = doc.tokens
    for i, tok in enumerate(tokens):
        if len(tok.word) == 4 and tok.word[2:] in SHORT_HEADS:
            first, kind = i, tok.word[:2]
        elif tok.word in SHORT_HEADS and i > 0 and len(tokens[i - 1].word) == 2 and (
                tokens[i - 1].pos in KIND_TAGS or tokens[i - 1].word in COMMON_NR):
            first, kind = i - 1, tokens[i - 1].word
        else:
            continue
        start = tokens[first].span.start
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is not None and (nxt.word in FOLLOWING_NOUNS or nxt.pos.startswith("n")):
            continue  # 中央经济|工作会议, 科技金融|路演中心: the words qualify a noun that follows
        if first > 0 and tokens[first - 1].word in MODERN:
            start = tokens[first - 1].span.start  # 现代|设施农业, 都市|现代农业
        sent = doc.sentence_at(start)
        if kind in GENERIC_KINDS or kind in VERB_KINDS or sent is None or start < sent.span.start:
            continue
        span = Span(start, tok.span.end)
        out.append(Mention(doc.text[span.start:span.end], "Industry", span, sent.index, "industries.short", 0.55))
    return out


def _with_modern(doc: Document, m: Mention) -> Mention:
    """现代|畜牧业, 都市|现代农业: a sector named with its modern or urban kind is named whole."""
    first = bisect.bisect_left(token_starts(doc), m.span.start)
    prev = doc.tokens[first - 1] if first > 0 else None
    if prev is None or prev.word not in MODERN or prev.span.end != m.span.start:
        return m
    span = Span(prev.span.start, m.span.end)
    return Mention(doc.text[span.start:span.end], m.cls, span, m.sentence, m.extractor, m.confidence)


SCOPE = ("国家级", "省级", "市级", "世界级", "国家")


def _without_scope(m: Mention) -> Mention:
    """国家级先进制造业 names the sector 先进制造业: drop the level of recognition in front."""
    for word in SCOPE:
        if m.text.startswith(word) and len(m.text) - len(word) >= 2:
            span = Span(m.span.start + len(word), m.span.end)
            return Mention(m.text[len(word):], m.cls, span, m.sentence, m.extractor, m.confidence)
    return m


GENERIC_SCOPES = ("所有", "主要", "重点", "不同", "各", "相关", "传统", "垄断", "重污染", "高耗能", "新兴", "优势",
                  "特色", "支柱", "主导", "一二三", "其他", "全部", "部分")


# Qualifiers that end the words before 产业 and say what role an industry plays, not which it is: 县域主导产业,
# 数字经济核心产业, 乡村富民产业, 中西部地区承接产业, 重点区域产业, 农村一二三产业 (all three sectors together).
ROLE_QUALIFIERS = ("主导", "重点", "核心", "困难", "富民", "引领", "重大", "低效", "承接", "大", "一般", "相关",
                   "外商投资", "新城", "配套", "关联", "上下游", "特色", "区域", "一二三")


def _role_only(name: str) -> bool:
    """县域主导产业, 一般制造业: the words before the cue end in a role, not a sector (a quoted one stays)."""
    cue = next((c for c in ("制造业", "服务业", "产业", "行业") if name.endswith(c)), None)
    return cue is not None and "“" not in name and name[:-len(cue)].endswith(ROLE_QUALIFIERS)


# Verbs of a clause that a name before 产业 can run across (地区|发展|特色优势产业, 疏解|提质|一般制造业,
# 抓科技|兴|产业, 面向|行业): the sector, if any, is what follows the last of them.
CLAUSE_VERBS = frozenset("发展 兴 提质 疏解 面向 壮大 振兴 带动 承接 培育 引进 转移 到 进入".split())


def _after_clause_verb(doc: Document, m: Mention) -> Mention:
    """The name after the last clause verb inside it, and after a slogan in quotes that opens it (“寒地龙药”|刺五加
    产业) unless only a generic kind would remain: slogans and verbs are not part of a sector's name."""
    start = m.span.start
    if m.text.startswith("“") and "”" in m.text:
        rest = m.text[m.text.index("”") + 1:]
        if rest in SPEC.suffixes or not (rest in GENERIC or _generic_scope(rest) or _role_only(rest)):
            start += len(m.text) - len(rest)  # “农村+”特色产业 keeps the quote that says which 特色产业
    for tok in tokens_in(doc, start, m.span.end):
        if tok.word in CLAUSE_VERBS and m.span.end - tok.span.end >= 2:
            start = tok.span.end
    if start == m.span.start:
        return m
    return Mention(doc.text[start:m.span.end], m.cls, Span(start, m.span.end), m.sentence, m.extractor, m.confidence)


def _unplaced_cluster(name: str) -> bool:
    """数字产业集群, 战略性新兴产业集群: a cluster names an industry only with its place (京津冀…集群)."""
    if not name.endswith("集群"):
        return False
    lex = load_divisions()
    return not any(lex.lookup(name[:size]) for size in range(2, min(len(name) - 2, 8)))


# Words that end a place (…沿线城市, 城镇, 欠发达地区, 中心镇, 周边): the industry of a place is no named sector.
PLACE_ENDS = ("城市", "城镇", "地区", "镇", "周边", "大湾区", "沿线", "县域", "区域")


def _of_a_place(name: str) -> bool:
    """城镇产业, 欠发达地区产业, 粤港澳大湾区产业: the words before 产业 or 行业 name a place, not a sector."""
    cue = next((c for c in ("产业", "行业") if name.endswith(c)), None)
    if cue is None or "“" in name:
        return False
    before = name[:-len(cue)]
    return before.endswith(PLACE_ENDS) or bool(load_divisions().lookup(before))


def _generic_scope(name: str) -> bool:
    """所有行业, 重点行业, 新兴产业集群: a scope word plus a cue names no sector."""
    return any(name.startswith(scope) and len(name) - len(scope) <= 4 for scope in GENERIC_SCOPES)


def _verb_led(doc: Document, m: Mention) -> bool:
    """促进经济, 发展产业: a verb and a generic cue, not a sector."""
    first = next(iter(tokens_in(doc, m.span.start, m.span.end)), None)
    return first is not None and first.pos.startswith("v") and m.span.end - first.span.end <= 2


# A sector before 化 names a process of change (新能源化, 数字化比例), not the sector.
PROCESS = "化"


@component("industries", order=80, user_words=lambda: [(s, "n") for s in SECTORS])
def find_industries(doc: Document) -> list[Mention]:
    """Sector names from the lexicon and names ending in a sector cue."""
    out = [_without_scope(_after_clause_verb(doc, m)) for m in suffix_mentions(doc, SPEC)]
    out = [m for m in out if m.text not in GENERIC and m.text not in SPEC.suffixes and not _verb_led(doc, m)
           and not _generic_scope(m.text) and not _role_only(m.text) and not _unplaced_cluster(m.text)
           and not _of_a_place(m.text)]
    out.extend(short_sectors(doc))
    out.extend(_with_modern(doc, m) for m in lexicon_mentions(doc, SECTORS, "Industry", "industries.lexicon",
                                                               confidence=0.85)
               if not doc.match_text.startswith(PROCESS, m.span.end))
    return out
