"""Names that open with the verb governing them (发展|数字贸易, 筹办|世界田径锦标赛): the verb is cut off."""

from __future__ import annotations

import bisect
from dataclasses import replace

from kg.extract.candidates import token_starts, word_frequency
from kg.ingest.document import Document
from kg.model import Mention, Span

# A verb this common in jieba's dictionary is an ordinary verb of a clause, not the first word of a name.
GOVERNING_VERB_FREQ = 100
VERB_POS = ("v", "p")
# Verbs that as often qualify a noun (创新药, 应用场景, 示范区, 保障性住房) as govern one: never cut.
ATTRIBUTIVE_VERBS = frozenset({"创新", "应用", "示范", "共享", "开放", "综合", "消费", "生活", "应急", "服务", "保障",
                               "融合", "协同", "定制", "监测", "检测", "孵化", "研发", "制造", "储能", "养老"})
# Verbal nouns (jieba's vn) that at the head of a name are still its governing verb: 发展|数字贸易.
GOVERNING_VERBAL_NOUNS = frozenset({"发展", "运用", "运营", "利用", "推广", "建设", "引进"})
MIN_REST = 4  # what remains must still be a name on its own (定制|农业 stays whole)
# Policies keep their verbs: 促进中部地区崛起, 取消农业税 are the names of what is done.
KEEPS_VERB = frozenset({"Policy"})


def governing_verb_end(doc: Document, start: int, end: int) -> int:
    """Where a name starting at ``start`` really begins once a leading common verb is cut off (or ``start``)."""
    starts = token_starts(doc)
    i = bisect.bisect_left(starts, start)
    if i >= len(doc.tokens) or doc.tokens[i].span.start != start:
        return start
    tok = doc.tokens[i]
    governing = tok.word in GOVERNING_VERBAL_NOUNS or (
        tok.pos in VERB_POS and tok.word not in ATTRIBUTIVE_VERBS and word_frequency(tok.word) >= GOVERNING_VERB_FREQ)
    if len(tok.word) == 2 and governing and end - tok.span.end >= MIN_REST:
        return tok.span.end
    return start


def trim_governing_verbs(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Mentions with a leading governing verb cut off, for classes whose names do not open with one."""
    out = []
    for m in mentions:
        new_start = m.span.start if m.cls in KEEPS_VERB else governing_verb_end(doc, m.span.start, m.span.end)
        if new_start != m.span.start:
            m = replace(m, text=doc.text[new_start:m.span.end], span=Span(new_start, m.span.end))
        out.append(m)
    return out
