"""Coordinated lists: 诺和诺德、中美史克、SMC等增资扩产 names three enterprises; 光启技术超材料、凯莱英化学大分子药物
等项目 names two projects. Items take their class from the head noun after 等, from the verb that follows the
list, or from a sibling item another extractor already classified."""

from __future__ import annotations

import re
from collections import Counter

from kg.extract.candidates import (
    LEADING_COUNT,
    is_specific,
    strip_leading,
    tokens_in,
    trim_leading_verbs,
    trim_left,
    word_frequency,
)
from kg.extract.lexicons.genre import ATTRIBUTE_NOUNS, LEADING_VERBS
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention, Span

CLAUSE = re.compile(r"[^，。；：！？,;:!?\n]+")
COUNT = r"(?:\d+|[一二两三四五六七八九十]+)?(?:个|家|项|只|批|所|条|场|届)?"


def _head(words: str, gap: int = 4) -> re.Pattern[str]:
    """等 + an optional count + up to ``gap`` characters + one of the head nouns."""
    return re.compile(rf"^等{COUNT}[\u4e00-\u9fff]{{0,{gap}}}?(?:{words})")


# Head nouns after 等 (optionally with a count: 等10个项目, 等一批) that give the class of every item.
HEAD_CLASS = [
    (re.compile(rf"^等{COUNT}(?:市场化|融资|投资|运营)平台"), "Enterprise"),
    (re.compile(r"^等(?:首店|门店|旗舰店|品牌店)"), "Enterprise"),
    (_head("项目|工程", gap=6), "Project"),
    (_head("企业|公司|集团|央企|民企|外企|龙头"), "Enterprise"),
    (_head("产业|行业|集群"), "Industry"),
    # right after 等 only: 健康、养老等服务消费政策 and 供销合作社、国有农场等改革 list fields, not policies
    (_head("政策|措施|试点|行动|制度", gap=0), "Policy"),
    # not 平台: 论坛、交易会等开放平台, 概念验证、中试孵化等平台 call events and functions platforms
    # a university's or hospital's new campus is a building project, not the institution: 等市属高校新校区
    (_head("校区|院区", gap=6), "Project"),
    (_head("机构|院所|高校|医院|基金"), "Organization"),
    (_head("展会|会议|论坛|赛事|活动"), "Event"),
    (_head("园区|开发区|商圈"), "Zone"),
]
# What an event's own name ends in (博览会, 锦标赛, 美食汇, 消费季, 进博会); listed activities without one are kinds.
EVENT_END = re.compile(r"(?:会|节|赛|展|论坛|峰会|季|周|月|汇|活动|大典|仪式|马拉松)$")
# Verbs after a list that say what its items are.
VERB_CLASS = [
    (re.compile(r"^等?(?:增资扩产|增资|扩产|总部落户|落户)"), "Enterprise"),
    (re.compile(r"^等?(?:项目)?(?:落地建设|开工|竣工|完工|建成|投用|投入使用|投产|通车|开通|有序实施|加快推进|加快建设|"
                r"修缮开放|建设顺利|纳入国家规划)"), "Project"),
]
COMMON_WORD_FREQ = 100  # jieba saw the word this often: a dictionary word (兵器, 能源), not a coined name part
DOMAIN_WORD_FREQ = 3  # the project's sector words (信息网络) enter jieba rarely; coined parts (西电东) below
DOMAIN_POS = ("n", "vn", "v", "l", "a", "an", "b")


def _domain_words(doc: Document, start: int, end: int) -> bool:
    """Whether a span is only common dictionary words (能源, 信息网络, 卫星|应用): a field of work, not a
    name; 第四|使馆区, 西电东|送 and 佳|同|铁路 hold a count or a coined part. Not for zones: landmarks
    (观音桥, 解放碑) are dictionary words too."""
    tokens = list(tokens_in(doc, start, end))
    return bool(tokens) and end - start <= 6 and tokens[0].span.start == start and tokens[-1].span.end == end and all(
        t.pos in DOMAIN_POS and len(t.word) >= 2 and word_frequency(t.word) >= DOMAIN_WORD_FREQ for t in tokens)


VERBS_LONGEST_FIRST = tuple(sorted((v for v in LEADING_VERBS if len(v) > 1), key=len, reverse=True))
ITEM = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9“”（）()·]{2,16}$")


def _items(clause: str) -> list[tuple[int, int]]:
    """Spans (relative to the clause) of the items of an enumeration A、B、C(和D)."""
    parts: list[tuple[int, int]] = []
    pos = 0
    for sep in re.finditer(r"、", clause):
        parts.append((pos, sep.start()))
        pos = sep.end()
    if not parts:
        single = clause.find("等")
        return [(0, single)] if single >= 2 else []
    last_end = len(clause)
    tail = re.search(r"等|(?=(?:增资|落地|开工|有序|加快|纳入|建设|投产|实现|修缮|运营|开放|投入|交付|上线|完工|"
                     r"交工|投用|竣工|建成|通车|开通|获批|实施|推进|向|在|为|成为|达到|突破|增长))", clause[pos:])
    if tail:
        last_end = pos + tail.start()
    last = clause[pos:last_end]
    joined = re.match(r"^(.+?)(和|及|与)(.+)$", last)
    if joined:
        parts.append((pos, pos + joined.end(1)))
        parts.append((pos + joined.start(3), last_end))
    else:
        parts.append((pos, last_end))
    return parts


def _trim_first(clause: str, start: int, end: int) -> int:
    """The first item of a list starts after the clause's leading verbs (推动, 加快建设 …)."""
    return strip_leading(clause, start, end, VERBS_LONGEST_FIRST)


def _past_inner_verbs(doc: Document, start: int, end: int, cls: str) -> int:
    """The first item starts after the verbs of the clause it closes: 在西部地区开工建设|一批综合交通,
    有序开工|黄金水道治理, 再推进到|兵器, 集聚了|比亚迪, 繁荣和发展|文学艺术, 升级发展|制糖."""
    tokens = list(tokens_in(doc, start, end))
    cut = start
    prev = ""
    for tok, nxt in zip(tokens, tokens[1:], strict=False):
        # genre verbs only inside: 生产 and 制造 also sit in names (机器人全球生产制造中心)
        genre_verb = tok.pos in ("v", "vd", "vn") and tok.word in LEADING_VERBS
        everyday = len(tok.word) >= 2 and word_frequency(tok.word) >= EVERYDAY_VERB_FREQ
        opener = tok.span.start == cut and (
            tok.pos in ("c", "d", "p")
            or (tok.pos == "v" and everyday)
            # a verbal noun opens the item when verbs chain (升级|发展|制糖, 综合|运用|专项债, 繁荣和|发展|文学艺术),
            # not before a noun (综合交通, 发展|移动|互联网)
            or (tok.pos == "vn" and everyday and (prev == "c" or nxt.pos in ("v", "vn")))
            or (tok.pos == "a" and len(tok.word) >= 2 and nxt.pos == "c")
            # 到|兵器: a one-character verb before a dictionary noun; not in companies (超|聚变)
            or (tok.pos == "v" and len(tok.word) == 1 and cls != "Enterprise" and nxt.pos in ("n", "vn")
                and len(nxt.word) >= 2 and word_frequency(nxt.word) >= COMMON_WORD_FREQ))
        if tok.pos in ("ul", "uz") or genre_verb or opener:
            cut = tok.span.end
        prev = tok.pos
    return cut if end - cut >= 2 else start


def _has_verb(doc: Document, start: int, end: int) -> bool:
    """Whether a span holds a verb token (a clause rather than a name)."""
    return any(t.pos in ("ul", "uz") or (t.pos in ("v", "vd") and (len(t.word) == 1 or word_frequency(t.word) >= 100))
               for t in tokens_in(doc, start, end))


EVERYDAY_VERB_FREQ = 1000  # 巩固, 扩大 open a clause; rarer verb-tagged words (远航, 启明) open company names


def _skip_clause_openers(doc: Document, start: int, end: int, *, keep_verbs: bool) -> int:
    """Move past prepositions, conjunctions, adverbs and common verbs that open the first item (在|集成电路,
    巩固|扩大|智能网联新能源汽车); a policy keeps its verb (促进…条例)."""
    for tok in tokens_in(doc, start, end):
        if tok.span.start != start or end - tok.span.end < 2:
            break
        opener = tok.pos in ("p", "c", "d") or (not keep_verbs and tok.pos == "v" and len(tok.word) >= 2
                                                 and word_frequency(tok.word) >= EVERYDAY_VERB_FREQ)
        if not opener:
            break
        start = tok.span.end
    return start


def _clause_like(doc: Document, start: int, end: int) -> bool:
    """An item that reads as a clause, not a name: an adverb, 的 or a conjunction inside (功能比较齐全的…,
    京沪高速铁路和…炼油厂, 中部地区加快崛起)."""
    return any((t.pos in ("d", "ad") and len(t.word) >= 2) or t.pos in ("uj", "c") for t in tokens_in(doc, start, end))


def _tidy(doc: Document, start: int, end: int, cls: str, *, first: bool = False) -> tuple[int, int]:
    """Trim an item: leading counts and verbs, a tail after a closing quote or an attribute noun."""
    text = doc.match_text
    if first and cls != "Policy":
        start = _past_inner_verbs(doc, start, end, cls)
    start = trim_left(text, start, end)
    start = trim_leading_verbs(doc, start, end, keep_verbs=cls == "Policy")
    start = _skip_clause_openers(doc, start, end, keep_verbs=cls == "Policy")
    item = text[start:end]
    if item.startswith("“") and "”" in item:
        end = start + item.index("”") + 1
    for noun in ATTRIBUTE_NOUNS:
        cut = text.find(noun, start + 2, end)
        if cut > 0:
            end = cut
    return start, end


@component("coordination", order=150, sees_mentions=True)
def find_coordinated(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """Items of 、-lists whose class follows from the list's head noun, verb or a classified sibling."""
    by_span = {(m.span.start, m.span.end): m.cls for m in mentions}
    by_suffix = {(m.span.start, m.span.end): m for m in mentions if m.extractor.endswith(".suffix")}
    covered = [(m.span.start, m.span.end) for m in mentions]
    by_start: dict[int, list[tuple[int, str]]] = {}
    for m in mentions:
        by_start.setdefault(m.span.start, []).append((m.span.end, m.cls))
    out: list[Mention] = []
    text = doc.match_text
    for sent in doc.sentences:
        for clause_match in CLAUSE.finditer(text, sent.span.start, sent.span.end):
            clause = clause_match.group()
            base = clause_match.start()
            items = _items(clause)
            if not items:
                continue
            first_start, first_end = items[0]
            items[0] = (_trim_first(clause, first_start, first_end), first_end)
            after = clause[items[-1][1]:]
            cls = next((c for rx, c in HEAD_CLASS if rx.match(after)), None)
            if cls is None:
                cls = next((c for rx, c in VERB_CLASS if rx.match(after)), None)
            cued = cls is not None
            if len(items) == 1 and not any(rx.match(after) for rx, _ in HEAD_CLASS):
                continue  # a lone "X等" needs a head noun (X等项目) to say what X is
            if cls is None:
                known = Counter(by_span[(base + s, base + e)] for s, e in items if (base + s, base + e) in by_span)
                if known and known.most_common(1)[0][1] * 2 >= len(items):
                    cls = known.most_common(1)[0][0]
            if cls is None or cls == "AdministrativeArea":
                continue  # areas come from the division lexicon, not from their neighbours in a list
            for k, (s, e) in enumerate(items):
                start, end = _tidy(doc, base + s, base + e, cls, first=k == 0)
                name = text[start:end]
                if not ITEM.match(name) or LEADING_COUNT.fullmatch(name):
                    continue
                known = by_suffix.get((start, end))
                if (start, end) in by_span and not (cued and known and known.cls != cls):
                    continue  # classified already, unless only a suffix rule did and the list cue says otherwise
                if (start, end) not in by_span and any(cs <= start and end <= ce for cs, ce in covered):
                    continue
                if not cued and cls in ("Project", "Enterprise", "Organization") and len(name) < 6 and not is_specific(
                        doc, start, end, end):
                    continue
                if cued and cls in ("Project", "Organization") and _domain_words(doc, start, end):
                    continue  # 能源、水利等重大项目, 政法、财税等部门: fields of work, not named ones
                if not cued and any(me < end and c == cls for me, c in by_start.get(start, ())):
                    continue  # a found name and what the clause says of it (X高教园|高质量发展)
                if not cued and _has_verb(doc, start, end):
                    continue  # a clause, not a name: 集聚了比亚迪, 南阳做优中心城区
                if cls != "Policy" and _clause_like(doc, start, end):
                    continue
                if cls == "Event" and not EVENT_END.search(name.strip("“”")):
                    continue  # 国际商务、科技交流等活动, 商业欺诈、盗版侵权等违法活动: kinds of activity
                confidence = 0.75 if cued else 0.6
                out.append(Mention(doc.text[start:end], cls, Span(start, end), sent.index, "coordination", confidence))
    return out
