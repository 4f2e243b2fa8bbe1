"""Enterprises: company suffixes (集团, 公司, 银行 …), the lexicon of central SOEs and large companies, and
names in enterprise context (X增资扩产, X落户, X总部) that carry no suffix at all."""

from __future__ import annotations

import re
from functools import lru_cache

from kg.extract.candidates import CueSpec, lexicon_mentions, suffix_mentions, token_starts, tokens_in
from kg.extract.lexicons.enterprises import enterprise_names
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention, Span

SPEC = CueSpec(
    cls="Enterprise",
    extractor="enterprises",
    suffixes=("集团", "公司", "股份", "银行", "有限公司", "集团公司", "控股"),
    min_len=3,
    max_len=16,
    confidence=0.75,
    specific=True,
    blocked=frozenset("上市公司 民营企业 国有企业 外资企业 龙头企业 平台公司 融资平台公司 城投公司".split()),
)
# Kinds of bank (国有商业银行, 村镇银行, 中央银行): a bank named only by one, or by a word that governs it, is no bank.
BANK_KINDS = tuple(sorted(
    """商业银行 政策性银行 开发性银行 村镇银行 民营银行 外资银行 中小银行 大型银行 股份制银行 地方银行 合作银行
    国有银行 中央银行""".split(), key=len, reverse=True))
# Words jieba tags as places that only say which kind of bank (城市商业银行, 农村商业银行): no name of one.
KIND_PLACES = frozenset("城市 农村 城乡 县域 乡镇 中央 地方".split())


def _kind_of_bank(doc: Document, m: Mention) -> bool:
    """Whether an enterprise name is a kind of bank with nothing before it but kind words or a governing word."""
    kind = next((k for k in BANK_KINDS if m.text.endswith(k)), None)
    if kind is None:
        return False
    words = list(tokens_in(doc, m.span.start, m.span.end - len(kind)))
    return all(w.pos not in ("ns", "nr", "nt", "nz", "j") or w.word in KIND_PLACES for w in words)


# A verb right after a bare name that only an enterprise does.
ENTERPRISE_CONTEXT = re.compile(r"(?:总部)?(?:增资扩产|增资|扩产|落户|投产|量产|上市|签约落地|签约)")
NAME_POS = ("nt", "nz", "eng")
LISTING_VENUES = ("交易所", "板")


@lru_cache(maxsize=1)
def _lexicon() -> dict[str, str]:
    return enterprise_names()


def _user_words():
    return [(name, "nt") for name in _lexicon() if len(name) > 1]


def context_mentions(doc: Document) -> list[Mention]:
    """A proper-noun token (organisation or brand name) directly followed by an enterprise-only verb."""
    out = []
    starts = token_starts(doc)
    for i, tok in enumerate(doc.tokens):
        if tok.pos not in NAME_POS or len(tok.word) < 2 or i + 1 >= len(starts):
            continue
        if tok.word.endswith(LISTING_VENUES):
            continue  # 在交易所上市, 登陆科创板上市: where a company lists, not a company
        if not ENTERPRISE_CONTEXT.match(doc.match_text, tok.span.end):
            continue
        sent = doc.sentence_at(tok.span.start)
        if sent is None or tok.span.end > sent.span.end:
            continue
        span = Span(tok.span.start, tok.span.end)
        out.append(Mention(doc.text[span.start:span.end], "Enterprise", span, sent.index, "enterprises.context", 0.7))
    return out


@component("enterprises", order=20, user_words=_user_words)
def find_enterprises(doc: Document) -> list[Mention]:
    """Names ending in a company suffix, known enterprises and their short forms, and names in context."""
    out = [m for m in suffix_mentions(doc, SPEC) if not _kind_of_bank(doc, m)]
    out.extend(lexicon_mentions(doc, _lexicon(), "Enterprise", "enterprises.lexicon", confidence=0.85,
                                canonical=_lexicon()))
    out.extend(context_mentions(doc))
    return out
