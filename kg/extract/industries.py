"""Industries: names ending in 产业 or 行业, and a lexicon of sector names."""

from __future__ import annotations

from kg.document import Document
from kg.extract.candidates import CueSpec, lexicon_mentions, suffix_mentions
from kg.model import Mention
from kg.pipeline import component

SECTORS = (
    "航空航天", "车联网", "信创", "集成电路", "新能源汽车", "生物医药", "新能源", "新材料", "人工智能", "生物制造",
    "高端装备", "装备制造", "先进制造业", "高技术制造业", "战略性新兴产业", "现代服务业", "数字经济", "低空经济",
    "海洋经济", "会展经济", "绿色石化", "汽车及零部件", "软件和信息技术服务", "商业航天", "量子信息", "储能",
    "氢能", "现代农业", "文化旅游", "金融业", "物流业", "跨境电商", "工业互联网", "云计算", "大数据", "区块链",
    "智能网联汽车", "机器人", "具身智能", "合成生物", "细胞和基因治疗", "创新药", "医疗器械", "半导体",
)
SPEC = CueSpec(cls="Industry", extractor="industries", suffixes=("产业", "行业", "制造业", "服务业"),
               min_len=4, max_len=10, confidence=0.6)


@component("industries", order=80, user_words=lambda: [(s, "nz") for s in SECTORS])
def find_industries(doc: Document) -> list[Mention]:
    """Sector names from the lexicon and names ending in 产业/行业."""
    out = list(suffix_mentions(doc, SPEC))
    out.extend(lexicon_mentions(doc, SECTORS, "Industry", "industries.lexicon", confidence=0.85))
    return out
