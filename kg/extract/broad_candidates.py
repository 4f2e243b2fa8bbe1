"""Broad candidate names for the learned layer: token runs of a clause that end in a head word of a class
(…制度, …产业, …科学城, …铁路, …中心, …论坛) or single proper-noun tokens (jieba's ns/nt/nz/j).

Not a component: these are far too many to keep on their own. Only the mention model
(kg/extract/mention_model.py) sees them, and keeps the few it scores as names; with ``--model none`` the
rules alone run. The head words are the genre's class heads as the annotation guidelines list them.
"""

from __future__ import annotations

from kg.ingest.document import Document
from kg.model import Mention, Span

EXTRACTOR = "broad"  # mention_model.BROAD
MAX_TOKENS = 7
MAX_CHARS = 20
# class heads: the last characters of a name say what kind of thing it names
HEADS: dict[str, tuple[str, ...]] = {
    "Policy": ("制度", "机制", "改革", "行动", "计划", "政策", "试点", "规划", "战略", "条例", "法", "办法", "意见",
               "方案", "体系", "专项", "补贴", "国债", "专项债", "工程", "保护", "振兴", "革命", "年金", "直补"),
    "Industry": ("产业", "业", "经济", "制造", "能源", "汽车", "医药", "材料", "物流", "装备", "芯片", "电路",
                 "投资", "金融", "服务", "智能", "网联", "消费"),
    "Zone": ("园", "园区", "科学城", "城", "港", "街", "片区", "走廊", "带", "廊", "客厅", "新城", "基地", "区"),
    "Project": ("线", "铁路", "高铁", "城际", "公路", "高速", "机场", "站", "枢纽", "项目", "水库", "大桥", "隧道",
                "电站", "公园", "馆", "院区", "校区", "城楼"),
    "Organization": ("中心", "研究院", "院", "所", "实验室", "大学", "学院", "医院", "基金", "平台", "协会",
                     "委员会", "网", "银行", "交易所"),
    "Event": ("会", "论坛", "博览会", "大会", "赛", "节", "展", "峰会"),
    "AdministrativeArea": ("省", "市", "县", "镇", "乡", "村", "地区", "自治区", "自治州"),
}
_HEAD_CLASS: dict[str, str] = {}
for _cls, _heads in HEADS.items():
    for _head in _heads:
        _HEAD_CLASS.setdefault(_head, _cls)
_LONGEST_HEAD = max(map(len, _HEAD_CLASS))
PROPER_POS = {"ns": "AdministrativeArea", "nt": "Organization", "nz": "Industry", "j": "Policy"}
# jieba tags a name can start with: nouns, adjectives, distinguishers, abbreviations, idioms, time, places
OPENING_POS = ("n", "a", "b", "j", "l", "t", "s", "f", "eng", "vn", "i", "k")
CLOSING_POS = ("n", "j", "l", "vn", "eng", "ng", "k", "v", "q")
BREAK_POS = ("x", "w", "p", "c", "u", "uj", "ul", "uz", "ug", "uv", "ud", "y", "e", "o", "r")


def head_class(text: str) -> str | None:
    """The class a name's last characters suggest, by the longest head it ends with."""
    for size in range(min(_LONGEST_HEAD, len(text) - 1), 0, -1):  # a dict look-up per length, not a scan of heads
        cls = _HEAD_CLASS.get(text[-size:])
        if cls is not None:
            return cls
    return None


def broad_candidates(doc: Document, rule_mentions: list[Mention]) -> list[Mention]:
    """Token runs ending in a class head and proper-noun tokens, not already proposed by a rule."""
    taken = {(m.span.start, m.span.end) for m in rule_mentions}
    tokens = doc.tokens
    text = doc.match_text or doc.text
    out: list[Mention] = []
    for i, first in enumerate(tokens):
        if not first.pos.startswith(OPENING_POS) or first.pos.startswith(BREAK_POS) or not first.word.strip():
            continue
        for j in range(i, min(i + MAX_TOKENS, len(tokens))):
            last = tokens[j]
            if last.pos.startswith(BREAK_POS) or not last.word.strip() or last.pos == "m" and j > i:
                break
            start, end = first.span.start, last.span.end
            if end - start > MAX_CHARS:
                break
            if (start, end) in taken or not last.pos.startswith(CLOSING_POS) or end - start < 2:
                continue
            name = text[start:end]
            cls = head_class(name) if j > i or len(name) >= 3 else None
            if cls is None and i == j:
                cls = PROPER_POS.get(first.pos)
            if cls is None:
                continue
            sent = doc.sentence_at(start)
            if sent is None or end > sent.span.end:
                continue
            out.append(Mention(doc.text[start:end], cls, Span(start, end), sent.index, EXTRACTOR, confidence=0.3))
    return out
