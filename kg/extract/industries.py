"""Industries: names ending in 产业, 行业, 经济 or 集群, and a lexicon of sector names."""

from __future__ import annotations

from kg.extract.candidates import CueSpec, lexicon_mentions, suffix_mentions, tokens_in
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention, Span

# Sector names used across reports (国民经济行业分类 and the strategic emerging industries catalogue).
SECTORS = (
    "航空航天", "车联网", "信创", "集成电路", "新能源汽车", "生物医药", "新能源", "新材料", "人工智能", "生物制造",
    "高端装备", "装备制造", "先进制造业", "高技术制造业", "战略性新兴产业", "未来产业", "现代服务业", "数字经济",
    "低空经济", "海洋经济", "会展经济", "绿色石化", "汽车及零部件", "软件和信息技术服务", "商业航天", "量子信息",
    "储能", "氢能", "现代农业", "金融业", "物流业", "跨境电商", "工业互联网", "云计算", "大数据", "区块链",
    "智能网联汽车", "机器人", "具身智能", "合成生物", "细胞和基因治疗", "医疗器械", "半导体", "保税维修",
    "融资租赁", "超算互联网", "算力", "航运服务", "邮轮经济", "银发经济", "首发经济", "冰雪经济", "夜间经济",
    "平台经济", "总部经济", "枢纽经济", "文旅产业", "现代物流", "电子商务", "光伏", "风电", "核电", "石油化工",
    "钢铁", "纺织服装", "食品加工", "种业", "港航物流", "海洋装备", "高端制造", "智能制造", "绿色制造",
)
GENERIC = frozenset(
    """
    民营经济 实体经济 县域经济 区域经济 宏观经济 国民经济 全市经济 全省经济 城市经济 经济 产业 行业 集群 产业集群
    主导产业 优势产业 传统产业 新兴产业 特色产业 重点产业 支柱产业 相关产业 产业集群 产业链集群 先进制造业集群
    """.split()
)
# 经济 alone is too broad a cue (世界经济, 市场经济): named economies come from the lexicon.
SPEC = CueSpec(cls="Industry", extractor="industries", suffixes=("产业", "行业", "制造业", "服务业", "集群"),
               min_len=4, max_len=20, confidence=0.6, blocked=GENERIC)
SCOPE = ("国家级", "省级", "市级", "世界级")


def _without_scope(m: Mention) -> Mention:
    """国家级先进制造业 names the sector 先进制造业: drop the level of recognition in front."""
    for word in SCOPE:
        if m.text.startswith(word) and len(m.text) - len(word) >= 2:
            span = Span(m.span.start + len(word), m.span.end)
            return Mention(m.text[len(word):], m.cls, span, m.sentence, m.extractor, m.confidence)
    return m


GENERIC_SCOPES = ("所有", "主要", "重点", "不同", "各", "相关", "传统", "垄断", "重污染", "高耗能", "新兴", "优势",
                  "特色", "支柱", "主导", "一二三", "其他", "全部", "部分")


def _generic_scope(name: str) -> bool:
    """所有行业, 重点行业, 新兴产业集群: a scope word plus a cue names no sector."""
    return any(name.startswith(scope) and len(name) - len(scope) <= 4 for scope in GENERIC_SCOPES)


def _verb_led(doc: Document, m: Mention) -> bool:
    """促进经济, 发展产业: a verb and a generic cue, not a sector."""
    first = next(iter(tokens_in(doc, m.span.start, m.span.end)), None)
    return first is not None and first.pos.startswith("v") and m.span.end - first.span.end <= 2


@component("industries", order=80, user_words=lambda: [(s, "n") for s in SECTORS])
def find_industries(doc: Document) -> list[Mention]:
    """Sector names from the lexicon and names ending in a sector cue."""
    out = [_without_scope(m) for m in suffix_mentions(doc, SPEC)]
    out = [m for m in out if m.text not in GENERIC and not _verb_led(doc, m) and not _generic_scope(m.text)]
    out.extend(lexicon_mentions(doc, SECTORS, "Industry", "industries.lexicon", confidence=0.85))
    return out
