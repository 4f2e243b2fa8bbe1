"""Shared candidate finding for suffix-cued names: walk left from a cue over name-like tokens.

Not a component itself; extractors call these helpers with their own cue tables.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.lexicons.genre import LEADING_VERBS, PUNCTUATION
from kg.ingest.document import Document
from kg.ingest.tokenize import word_frequency
from kg.model import Mention, Span

CJK_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")


@dataclass(frozen=True)
class CueSpec:
    """How to find one class by its suffix cues: suffixes, optional tails, limits and confidence."""

    cls: str
    extractor: str
    suffixes: tuple[str, ...]
    tails: tuple[str, ...] = ()
    min_len: int = 3
    max_len: int = 18
    confidence: float = 0.7
    blocked: frozenset[str] = frozenset()  # whole names that the cue would wrongly produce
    specific: bool = False  # require a proper noun, number or phase besides the cue (see is_specific)
    specific_below: int = 99  # names at least this long pass without the specificity test


def _token_index(doc: Document) -> tuple[list[int], frozenset[int], frozenset[int]]:
    """Token start offsets (sorted), start set and end set, computed once per tokenisation."""
    cached = doc.__dict__.get("_token_index")
    if cached is None or cached[0] is not doc.tokens:
        starts = [t.span.start for t in doc.tokens]
        cached = (doc.tokens, starts, frozenset(starts), frozenset(t.span.end for t in doc.tokens))
        doc.__dict__["_token_index"] = cached
    return cached[1], cached[2], cached[3]


def token_starts(doc: Document) -> list[int]:
    """Start offsets of the document's tokens, for bisecting."""
    return _token_index(doc)[0]


def token_boundaries(doc: Document) -> tuple[frozenset[int], frozenset[int]]:
    """The offsets where tokens start and where they end."""
    _, starts, ends = _token_index(doc)
    return starts, ends


def tokens_in(doc: Document, start: int, end: int):
    """The tokens lying wholly inside [start, end)."""
    starts = token_starts(doc)
    i = bisect.bisect_left(starts, start)
    while i < len(doc.tokens) and doc.tokens[i].span.end <= end:
        yield doc.tokens[i]
        i += 1


LEADING_COUNT = re.compile(
    r"(?:\d+(?:\.\d+)?|[一二两三四五六七八九十百千几数多]+)(?:余)?(?:万|亿)?"
    r"(?:个|只|家|项|所|条|批|座|处|种|类|场|支|台|套|亩|公里|平方米|吨|千瓦|户|人|间|张|辆|艘)"
)
# First characters of the genre's action verbs (做强, 建强, 提速, 加大, 增强, 促进, 释放, 抓好, 强化 …): a verb
# token starting with one of them opens a clause; other verb tokens are often parts of names (天开园).
ACTION_VERB_HEADS = frozenset("做建提加增促释抓强扩深推拓优稳育引聚发争")
COUNTED = re.compile(r"(?:\d+|[一二两三四五六七八九十百千几数多]+)(?:余)?(?:个|只|家|项|所|条|批|座|处|种|类|支|套)$")
COLLECTIVE = re.compile(r"[一二两三四五六七八九十]+大(?!学|厦|道|桥|街|会)")
DESCRIPTIVE = re.compile(r"首家|首个|第一家|唯一|最大|最早|一流")
COMMON_VERB_FREQ = 100  # jieba dictionary count above which a verb is an ordinary verb
MEASURE_WORDS = frozenset("个 只 家 项 所 条 批 座 处 种 类 支 台 套 艘 辆".split())
LEADING_MODIFIERS = ("全国", "全市", "全省", "全区", "一批", "新一批", "新一轮", "首批", "首部", "首个", "首家")
LEADING_TRIM = ("加快建设", "推进", "推动", "加快", "支持", "建设", "实施", "打造", "培育", "举办", "组建", "用足用好",
                "用好", "用足", "打好", "打赢", "好", "提请审议", "审议", *LEADING_MODIFIERS)
PROPER_POS = ("ns", "nr", "nrt", "nrfg", "nz", "nt", "j", "eng")
PHASE = re.compile(r"\d+号|[\d一二三四五六七八九十]期|[东南西北中]段|号线|首开段|[A-Z]{2,}")
# Words jieba's dictionary tags as person names although they are common nouns.
COMMON_NR = frozenset({"智慧", "创新", "和谐", "文明", "海洋", "安康", "永安", "慈善"})


def _is_predicate(doc: Document, i: int, sent_start: int) -> bool:
    """A common verb that opens its clause, or that is followed by a proper name; an idiom ending in one."""
    tok = doc.tokens[i]
    if tok.pos == "i" and len(tok.word) >= 4 and word_frequency(tok.word[-2:]) >= COMMON_VERB_FREQ:
        return True
    if tok.pos != "v":
        return False
    if _opens_clause(doc, i, sent_start):
        return True
    nxt = doc.tokens[i + 1] if i + 1 < len(doc.tokens) else None
    return (nxt is not None and nxt.pos in ("ns", "nr", "nt", "nz", "j") and len(tok.word) >= 2
            and word_frequency(tok.word) >= COMMON_VERB_FREQ)


def _opens_clause(doc: Document, i: int, sent_start: int) -> bool:
    """Whether token i is a common verb (not a rare word jieba happens to tag v, like 天开) that starts its
    clause: nothing before it in the sentence but punctuation, genre verbs, adverbs, pronouns, prepositions."""
    tok = doc.tokens[i]
    if len(tok.word) < 2 or word_frequency(tok.word) < COMMON_VERB_FREQ:
        return False
    if i == 0 or tok.span.start <= sent_start:
        return True
    prev = doc.tokens[i - 1]
    return (prev.span.start < sent_start or any(ch in PUNCTUATION for ch in prev.word) or prev.word in LEADING_VERBS
            or prev.pos[:1] in ("d", "r", "p", "c", "u") or prev.pos == "ad")


def left_boundary(doc: Document, end_token: int, limit: int, sent_start: int, *,
                  stop_at_predicates: bool = True, nominal_before_cue: bool = False) -> int:
    """Offset where a name ending at token ``end_token`` begins: stop at punctuation, genre verbs and
    function words, the sentence start or ``limit`` characters; a quoted part (“十四五”规划) is taken whole."""
    text = doc.match_text
    start = doc.tokens[end_token].span.start
    end = doc.tokens[end_token].span.end
    i = end_token - 1
    while i >= 0:
        tok = doc.tokens[i]
        if tok.span.start < sent_start or end - tok.span.start > limit:
            break
        if tok.word == "”" and tok.span.end == start:
            opening = text.rfind("“", sent_start, tok.span.start)
            if opening < 0 or end - opening > limit or "”" in text[opening + 1:tok.span.start]:
                break
            start = opening
            while i >= 0 and doc.tokens[i].span.start > opening:
                i -= 1
            i -= 1
            continue
        if nominal_before_cue and i == end_token - 1 and tok.pos == "vn" and tok.word in LEADING_VERBS:
            start = tok.span.start  # 乡村|建设|行动, 城市|更新|试点: a verbal noun that says what the programme does
            i -= 1
            continue
        if tok.word in LEADING_VERBS or tok.word in MEASURE_WORDS or any(ch in PUNCTUATION for ch in tok.word):
            break
        if len(tok.word) >= 3 and (tok.word[:2] in LEADING_VERBS or (
                tok.pos[:1] in ("v", "i", "l", "d") and tok.word[-2:] in LEADING_VERBS)):
            break  # 全面完成, 深入推进: a compound verb jieba kept whole
        if tok.pos in ("c", "r", "y", "e", "o") or tok.pos.startswith("u"):
            break
        if stop_at_predicates and _is_predicate(doc, i, sent_start):
            break  # 严厉查处|长春长生公司, 筹办|北京冬奥会: the verb governs the name, it is not part of it
        start = tok.span.start
        i -= 1
    return start


@lru_cache(maxsize=64)
def _by_head(words: tuple[str, ...]) -> dict[str, tuple[str, ...]]:
    """The words grouped by first character, each group in the words' order."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[:1], []).append(word)
    return {head: tuple(group) for head, group in groups.items()}


def strip_leading(text: str, start: int, end: int, words: tuple[str, ...]) -> int:
    """Move start past any of ``words`` that open text[start:end], as long as two characters remain."""
    # Only words opening with the next character can match: they are looked up by it, in the words' order.
    heads = _by_head(words)
    changed = True
    while changed:
        changed = False
        for word in heads.get(text[start:start + 1], ()):
            if text.startswith(word, start) and end - start - len(word) >= 2:
                start += len(word)
                changed = True
                break
    return start


def trim_left(text: str, start: int, end: int) -> int:
    """Drop leading verbs, counts (24个) and scope modifiers (国家级) that segmentation glued onto a name."""
    changed = True
    while changed:
        before = start
        start = strip_leading(text, start, end, LEADING_TRIM)
        changed = start != before
        count = LEADING_COUNT.match(text, start, end)
        if count and end - count.end() >= 2:
            start = count.end()
            changed = True
    return start


def trim_leading_verbs(doc: Document, start: int, end: int, *, keep_verbs: bool = False) -> int:
    """Drop tokens at the start of a name that open a clause instead: verbs (做强, 提升), adverbs (大力) and
    two-character adjectives (严格). Policies keep a leading verb (促进天开园发展条例) unless it is a genre verb."""
    starts = token_starts(doc)
    i = bisect.bisect_left(starts, start)
    while i < len(doc.tokens):
        tok = doc.tokens[i]
        if tok.span.start != start or end - tok.span.end < 2 or len(tok.word) < 2:
            break  # a one-character "verb" is as often part of an unknown name (天开园, 兴港高速)
        verb = tok.pos in ("vd", "ad", "d") or (tok.pos == "a" and len(tok.word) >= 2) or (
            tok.pos in ("v", "vn") and (tok.word in LEADING_VERBS or tok.word[0] in ACTION_VERB_HEADS)) or (
            tok.word[:2] in LEADING_VERBS and len(tok.word) >= 4)  # 做优做强: a verb phrase kept whole
        if not verb or (keep_verbs and tok.word not in LEADING_VERBS):
            break
        start = tok.span.end
        i += 1
    return start


def is_specific(doc: Document, start: int, end: int, suffix_start: int) -> bool:
    """Whether a name says which one (a proper noun, a number, a phase, a quote) rather than only what kind:
    星海产业园 is specific, 产业集群项目 is not."""
    if PHASE.search(doc.match_text, start, end) or "“" in doc.match_text[start:end]:
        return True
    i = bisect.bisect_right(token_starts(doc), start) - 1
    if doc.match_text[start] in "市省区县" and suffix_start - start >= 3:
        return True  # 市人民医院: the issuer's own
    single = 0  # an unknown name falls apart into one-character tokens (鑫/恩/华)
    while i < len(doc.tokens) and doc.tokens[i].span.start < suffix_start:
        tok = doc.tokens[i]
        if tok.span.end > start:
            if tok.pos in PROPER_POS and tok.word not in COMMON_NR:
                return True
            single = single + 1 if len(tok.word) == 1 and tok.pos[:1] in ("n", "j") else 0
            if single >= 2:
                return True
        i += 1
    return False


def suffix_mentions(doc: Document, spec: CueSpec) -> Iterator[Mention]:
    """Mentions of one class: names that end in one of the spec's cues, extended by its tails."""
    suffix_re = re.compile("(?:" + "|".join(sorted(map(re.escape, spec.suffixes), key=len, reverse=True)) + ")")
    tail_re = re.compile("(?:" + "|".join(sorted(map(re.escape, spec.tails), key=len, reverse=True)) + ")") \
        if spec.tails else None
    starts = token_starts(doc)
    _, ends = token_boundaries(doc)
    text = doc.match_text
    for sent in doc.sentences:
        for found in suffix_re.finditer(text, sent.span.start, sent.span.end):
            end = found.end()
            if end not in ends:
                continue
            if tail_re:
                while (more := tail_re.match(text, end, sent.span.end)) and more.end() in ends:
                    end = more.end()
            tok_index = bisect.bisect_right(starts, found.start()) - 1
            start = left_boundary(doc, tok_index, spec.max_len, sent.span.start,
                                  stop_at_predicates=spec.cls != "Policy", nominal_before_cue=spec.cls == "Policy")
            start = trim_left(text, start, end)
            start = trim_leading_verbs(doc, start, end, keep_verbs=spec.cls == "Policy")
            name = text[start:end]
            if len(name) < spec.min_len or name in spec.blocked or name in spec.suffixes:
                continue
            if not CJK_NAME_CHAR.match(name.lstrip("“")):
                continue
            if spec.specific and end - start < spec.specific_below and not is_specific(doc, start, end, found.start()):
                continue
            if spec.cls != "Policy" and COLLECTIVE.match(name):
                continue  # 五大开发区, 四大片区: several things named together (三大攻坚战 stays a policy)
            if COUNTED.search(text, max(sent.span.start, start - 6), start):
                continue  # 39只科创基金, 56个口袋公园: what follows a count is a kind of thing, not one name
            if DESCRIPTIVE.search(re.sub(r"“[^”]*”", "", name)):
                continue  # 国内首家外商独资三级综合医院: a description of something, not its name
            yield Mention(doc.text[start:end], spec.cls, Span(start, end), sent.index, f"{spec.extractor}.suffix",
                          spec.confidence)


def pattern_mentions(doc: Document, pattern: re.Pattern[str], cls: str, extractor: str, *,
                     confidence: float) -> list[Mention]:
    """Mentions of one class wherever a regular expression matches inside a sentence."""
    out = []
    for sent in doc.sentences:
        for found in pattern.finditer(doc.match_text, sent.span.start, sent.span.end):
            span = Span(found.start(), found.end())
            out.append(Mention(doc.text[span.start:span.end], cls, span, sent.index, extractor, confidence))
    return out


@lru_cache(maxsize=64)
def _names_pattern(names: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation of the names, longest first, compiled once per lexicon (not once per document)."""
    wanted = {n for n in names if n}
    return re.compile("|".join(sorted(map(re.escape, wanted), key=len, reverse=True))) if wanted else None


def lexicon_mentions(doc: Document, names: Iterable[str], cls: str, extractor: str, *,
                     confidence: float = 0.9, canonical: dict[str, str] | None = None) -> Iterator[Mention]:
    """Mentions of known names, matched on token boundaries so 天津 never matches inside 天津港."""
    pattern = _names_pattern(tuple(names))
    if pattern is None:
        return
    starts, ends = token_boundaries(doc)
    for sent in doc.sentences:
        for found in pattern.finditer(doc.match_text, sent.span.start, sent.span.end):
            if found.start() in starts and found.end() in ends:
                name = found.group()
                surface = doc.text[found.start():found.end()]
                full = (canonical or {}).get(name) or (name if surface != name else None)
                yield Mention(surface, cls, Span(found.start(), found.end()), sent.index, extractor, confidence,
                              canonical=full)


def one_per_span(mentions: Iterable[Mention]) -> Iterator[Mention]:
    """The first mention of each (span, class): one extractor's rules that find the same name twice (a quote with
    its head and the suffix rule) give it one mention, so the graph states it once."""
    seen: set[tuple[int, int, str]] = set()
    for m in mentions:
        key = (m.span.start, m.span.end, m.cls)
        if key not in seen:
            seen.add(key)
            yield m
