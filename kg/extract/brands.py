"""Enterprises named as brand + industry word (光启技术, 合源生物, 特变电工, 长城汽车): where a project, zone or
organization name or a clause starts with such a pair, the pair is the enterprise behind it."""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from kg.extract.candidates import ACTION_VERB_HEADS, token_starts, word_frequency
from kg.extract.lexicons.genre import LEADING_VERBS
from kg.extract.lexicons.world import world_names
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention, Span

# Words Chinese company names end in after the brand (the 行业 part of 行政区划+字号+行业+组织形式).
INDUSTRY_WORDS = tuple(
    """
    技术 科技 生物 医药 药业 制药 电工 电气 电子 汽车 冷链 物流 化工 新材料 材料 能源 电力 智能 光电 半导体 软件 信息
    通信 重工 机械 装备 钢铁 航空 航天 船舶 精密 微电子 集成 传媒 置业 地产 食品 乳业 啤酒 纺织 石化
    动力 新能源 数科 网络
    """.split()
)
# Modifiers that are not brands: 高端装备, 新能源汽车, 人工智能 name sectors, not companies.
NOT_BRANDS = frozenset(
    """
    高端 新型 现代 先进 高新 传统 重点 绿色 数字 智慧 智能 低碳 新兴 未来 高性能 生物 医药 信息 电子 汽车 化工
    新能源 人工 网联 海洋 航空 航天 船舶 能源 电力 集成 工业 农业 服务 科技 技术 制造 研发 创新 产业 专用 通用
    民用 军用 医疗 健康 文化 旅游 体育 教育 金融 商贸 物流 冷链 城市 乡村 农村 国家 全国 全市 我市 本市 重大
    """.split()
)
# jieba dictionary count above which a word is an everyday noun (经济, 资源, 数据), never a company's brand; brands
# that are also words (长城, 联想, 浪潮) stay far below it.
EVERYDAY_NOUN_FREQ = 5000
STARTS = re.compile(r"(?:^|[，。；：、“（(])")
CLASSES_WITH_OWNERS = ("Project", "Zone", "Organization")


@lru_cache(maxsize=1)
def _world_names() -> frozenset[str]:
    return frozenset(world_names())


def _brand_ok(doc: Document, start: int, end: int) -> bool:
    """A brand is 2–3 Chinese characters that are not a generic modifier and do not start with a verb."""
    brand = doc.match_text[start:end]
    if not re.fullmatch(r"[\u4e00-\u9fff]{2,3}", brand) or brand in NOT_BRANDS or brand[:2] in NOT_BRANDS:
        return False
    if word_frequency(brand) >= EVERYDAY_NOUN_FREQ or brand in _world_names():
        return False  # 经济技术开发区, 东盟信息港: an everyday noun or a region of the world, not a brand
    starts = token_starts(doc)
    i = bisect.bisect_right(starts, start) - 1
    tok = doc.tokens[i] if i >= 0 else None
    if tok is None or tok.span.start != start:
        return False
    if tok.pos == "ns" and len(tok.word) >= 2:
        return False  # 京津电子化学品基地: a place, not a brand
    if tok.word in LEADING_VERBS or (tok.pos.startswith("v") and tok.word[0] in ACTION_VERB_HEADS):
        return False
    return not tok.pos.startswith(("m", "p", "c", "d", "r", "u"))


def _owner_at(doc: Document, start: int, limit: int) -> Span | None:
    """The brand + industry word that starts at ``start``, if there is one."""
    text = doc.match_text
    for length in (3, 2):
        for word in sorted(INDUSTRY_WORDS, key=len, reverse=True):
            end = start + length + len(word)
            if end <= limit and text.startswith(word, start + length) and _brand_ok(doc, start, start + length):
                return Span(start, end)
    return None


def _enterprise_names_at(doc: Document, start: int) -> list[str]:
    """Known enterprise names (lexicon) that could start at an offset."""
    from kg.extract.enterprises import _lexicon

    return [name for name in _lexicon() if doc.match_text.startswith(name, start)]


@component("brands", order=160, sees_mentions=True)
def find_brand_enterprises(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Brand + industry word at the start of a project, zone or organization name, or of a list item."""
    known = {(m.span.start, m.span.end) for m in mentions}
    candidates: set[tuple[int, int]] = set()
    for m in mentions:
        if m.cls in CLASSES_WITH_OWNERS and len(m.text) > 4:
            candidates.add((m.span.start, m.span.end))
    out = []
    for start, limit in sorted(candidates):
        span = _owner_at(doc, start, limit)
        if span is None or (span.start, span.end) in known or span.end == limit:
            continue
        if any(doc.match_text.startswith(name, span.start) for name in _enterprise_names_at(doc, span.start)):
            continue  # 比亚迪新能源…: the brand is a known enterprise, which the lexicon already found
        sent = doc.sentence_at(span.start)
        if sent is None:
            continue
        known.add((span.start, span.end))
        out.append(Mention(doc.text[span.start:span.end], "Enterprise", span, sent.index, "brands", 0.55))
    return out
