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
# Policies keep their verbs (促进中部地区崛起, 取消农业税 name what is done) except these, which only say how a
# clause relates to a policy it names: 贯彻|民族区域自治法, 瞄准|国家重大战略.
KEEPS_VERB = frozenset({"Policy"})
# Brands are often verbs (远航, 致远): an enterprise, or an item of a list (A、远航重工等), keeps its first word.
NEVER_CUT = frozenset({"Enterprise"})
LIST_MARKS = ("、",)
NEVER_OPEN_A_POLICY = frozenset({"贯彻", "瞄准", "缩减", "发挥", "运用", "针对", "围绕", "聚焦", "依托", "对标", "借鉴",
                                 "学习", "领会", "遵循", "对照", "依照", "按照", "根据", "试行", "执行",
                                 "用好", "利用", "统一"})


def governing_verb_end(doc: Document, start: int, end: int, *, policy: bool = False) -> int:
    """Where a name starting at ``start`` really begins once a leading common verb is cut off (or ``start``);
    a policy loses only a verb that never opens one."""
    starts = token_starts(doc)
    i = bisect.bisect_left(starts, start)
    if i >= len(doc.tokens) or doc.tokens[i].span.start != start:
        return start
    tok = doc.tokens[i]
    if policy:
        governing = tok.word in NEVER_OPEN_A_POLICY
    else:
        governing = tok.word in GOVERNING_VERBAL_NOUNS or (tok.pos in VERB_POS and tok.word not in ATTRIBUTIVE_VERBS
                                                           and word_frequency(tok.word) >= GOVERNING_VERB_FREQ)
    if len(tok.word) == 2 and governing and end - tok.span.end >= MIN_REST:
        return tok.span.end
    return start


def trim_governing_verbs(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Mentions with a leading governing verb cut off (a policy only a verb that never opens one)."""
    out = []
    text = doc.match_text
    for m in mentions:
        in_list = text[m.span.start - 1:m.span.start] == "、" or text.startswith(LIST_MARKS, m.span.end)
        if m.cls in NEVER_CUT or in_list:
            out.append(m)
            continue
        new_start = governing_verb_end(doc, m.span.start, m.span.end, policy=m.cls in KEEPS_VERB)
        if new_start != m.span.start:
            m = replace(m, text=doc.text[new_start:m.span.end], span=Span(new_start, m.span.end))
        out.append(m)
    return out
