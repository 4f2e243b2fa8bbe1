"""Shared candidate finding for suffix-cued names: walk left from a cue over name-like tokens.

Not a component itself; extractors call these helpers with their own cue tables.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from kg.document import Document
from kg.lexicons.genre import LEADING_VERBS, PUNCTUATION
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


def token_starts(doc: Document) -> list[int]:
    """Start offsets of the document's tokens, for bisecting."""
    return [t.span.start for t in doc.tokens]


def left_boundary(doc: Document, end_token: int, limit: int, sent_start: int) -> int:
    """Offset where a name ending at token ``end_token`` begins: stop at punctuation, genre verbs and
    function words, the sentence start or ``limit`` characters."""
    start = doc.tokens[end_token].span.start
    i = end_token - 1
    while i >= 0:
        tok = doc.tokens[i]
        if tok.span.start < sent_start or doc.tokens[end_token].span.end - tok.span.start > limit:
            break
        if tok.word in LEADING_VERBS or any(ch in PUNCTUATION for ch in tok.word):
            break
        if tok.pos in ("p", "c", "uj", "ul", "uz", "ug", "uv", "r", "y", "e", "o") or tok.pos.startswith("u"):
            break
        start = tok.span.start
        i -= 1
    return start


def trim_left(text: str, start: int, end: int) -> int:
    """Drop leading genre verbs that segmentation glued onto a name (e.g. 推动…)."""
    changed = True
    while changed:
        changed = False
        for word in ("加快建设", "推进", "推动", "加快", "支持", "建设", "实施", "打造", "培育", "举办", "组建"):
            if text.startswith(word, start) and end - start - len(word) >= 2:
                start += len(word)
                changed = True
    return start


def suffix_mentions(doc: Document, spec: CueSpec) -> Iterator[Mention]:
    """Mentions of one class: names that end in one of the spec's cues, extended by its tails."""
    suffix_re = re.compile("(?:" + "|".join(sorted(map(re.escape, spec.suffixes), key=len, reverse=True)) + ")")
    tail_re = re.compile("(?:" + "|".join(sorted(map(re.escape, spec.tails), key=len, reverse=True)) + ")") \
        if spec.tails else None
    starts = token_starts(doc)
    ends = {t.span.end for t in doc.tokens}
    for sent in doc.sentences:
        for found in suffix_re.finditer(doc.match_text, sent.span.start, sent.span.end):
            end = found.end()
            if end not in ends:
                continue
            if tail_re:
                while (more := tail_re.match(doc.match_text, end, sent.span.end)) and more.end() in ends:
                    end = more.end()
            tok_index = bisect.bisect_right(starts, found.start()) - 1
            start = left_boundary(doc, tok_index, spec.max_len, sent.span.start)
            start = trim_left(doc.match_text, start, end)
            name = doc.text[start:end]
            if len(name) < spec.min_len or name in spec.blocked or name in spec.suffixes:
                continue
            if not CJK_NAME_CHAR.match(name):
                continue
            yield Mention(name, spec.cls, Span(start, end), sent.index, spec.extractor, spec.confidence)


def lexicon_mentions(doc: Document, names: Iterable[str], cls: str, extractor: str, *,
                     confidence: float = 0.9, canonical: dict[str, str] | None = None) -> Iterator[Mention]:
    """Mentions of known names, matched on token boundaries so 天津 never matches inside 天津港."""
    names = [n for n in names if n]
    if not names:
        return
    pattern = re.compile("|".join(sorted(map(re.escape, set(names)), key=len, reverse=True)))
    starts = set(token_starts(doc))
    ends = {t.span.end for t in doc.tokens}
    for sent in doc.sentences:
        for found in pattern.finditer(doc.match_text, sent.span.start, sent.span.end):
            if found.start() in starts and found.end() in ends:
                name = found.group()
                surface = doc.text[found.start():found.end()]
                full = (canonical or {}).get(name) or (name if surface != name else None)
                yield Mention(surface, cls, Span(found.start(), found.end()), sent.index, extractor, confidence,
                              canonical=full)
