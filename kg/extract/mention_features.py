"""Generic features of a candidate mention, for the learned keep/relabel layer (kg/extract/mention_model.py).

Only what generalises to reports never seen: which extractor proposed the span and as what, its head and
first characters, length, quotes, digits, the jieba tags of the span and its neighbours, the characters and
words around it, how often it recurs and how it nests with other candidates. Never the name itself: a
feature "the span is X" would memorise the training reports.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter, defaultdict

from kg.extract.broad_candidates import head_class
from kg.ingest.document import Document
from kg.model import Mention

QUOTES_OPEN = "“《「『‘\"'"
QUOTES_CLOSE = "”》」』’\"'"
DIGIT = re.compile(r"[0-9０-９一二三四五六七八九十百千万两]")
LATIN = re.compile(r"[A-Za-z]")
PUNCT = set("，。、；：？！“”‘’（）《》〈〉【】「」『』…—,.;:?!()[]{}<>\"' \u3000\n\t·")


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    """The first edge n does not exceed, or the last edge with a plus."""
    for edge in edges:
        if n <= edge:
            return str(edge)
    return f"{edges[-1]}+"


def _char_class(ch: str) -> str:
    """A coarse class of a context character: punctuation, digit, Latin, CJK or edge."""
    if not ch:
        return "edge"
    if ch in PUNCT:
        return "p" + ch if ch in "，。、；：“”《》（）" else "punct"
    if ch.isdigit():
        return "digit"
    if LATIN.match(ch):
        return "latin"
    return "cjk"


class _Context:
    """Per-document lookups the features share: token index, occurrence counts, spans by extent."""

    def __init__(self, doc: Document, mentions: list[Mention]) -> None:
        self.doc = doc
        self.text = doc.match_text or doc.text
        self.starts = [t.span.start for t in doc.tokens]
        self.counts = Counter(m.text for m in mentions)
        self.occurrences: dict[str, int] = {}
        self.by_span: dict[tuple[int, int], list[Mention]] = defaultdict(list)
        for m in mentions:
            self.by_span[(m.span.start, m.span.end)].append(m)
        self.extents = sorted(self.by_span)
        self.ends: dict[int, list[int]] = defaultdict(list)  # end offset → start offsets of candidates
        for start, end in self.extents:
            self.ends[end].append(start)

    def occurs(self, text: str) -> int:
        """How many times a string occurs in the document's text (cached per string)."""
        if text not in self.occurrences:
            self.occurrences[text] = self.text.count(text) if text else 0
        return self.occurrences[text]

    def token_at(self, offset: int) -> int:
        """Index of the token containing an offset (-1 before the first)."""
        return bisect.bisect_right(self.starts, offset) - 1

    def nesting(self, m: Mention) -> tuple[bool, bool]:
        """Whether another candidate span lies around this one, and whether one lies inside it."""
        outer = inner = False
        s, e = m.span.start, m.span.end
        i = bisect.bisect_left(self.extents, (s - 40, 0))
        while i < len(self.extents) and self.extents[i][0] < e:
            a, b = self.extents[i]
            if (a, b) != (s, e):
                if a <= s and e <= b:
                    outer = True
                elif s <= a and b <= e:
                    inner = True
            i += 1
        return outer, inner


def _mention_features(ctx: _Context, m: Mention) -> list[str]:
    """The feature strings of one mention."""
    text, n = m.text, len(m.text)
    cls, ext = m.cls, m.extractor
    ext_family = ext.split(".")[0]
    source = "broad" if ext == "broad" else "rule"  # kg/extract/broad_candidates.py, or a rule component
    f = [f"source={source}", f"source={source}|cls={cls}", f"cls={cls}",
         f"ext={ext}", f"ext_family={ext_family}|{cls}", f"ext={ext}|cls={cls}",
         f"len={_bucket(n, (1, 2, 3, 4, 5, 6, 8, 10, 14))}", f"len={_bucket(n, (2, 4, 8))}|cls={cls}",
         f"last1={text[-1:]}", f"last1={text[-1:]}|cls={cls}", f"conf={round(m.confidence, 1)}"]
    if n >= 3:
        f += [f"last2={text[-2:]}", f"last2={text[-2:]}|cls={cls}", f"first1={text[:1]}"]
    if n >= 5:
        f += [f"last3={text[-3:]}|cls={cls}", f"first2={text[:2]}"]
    f.append(f"head={head_class(text)}|cls={cls}")  # what the last characters say against what was proposed
    if DIGIT.search(text):
        f.append(f"digit|cls={cls}")
    if LATIN.search(text):
        f.append("latin")
    if m.canonical and m.canonical != text:
        f.append(f"canonical|cls={cls}")
    if m.division_code:
        f.append("division_code")
    raw = ctx.text
    left = raw[m.span.start - 1] if m.span.start > 0 else ""
    right = raw[m.span.end] if m.span.end < len(raw) else ""
    quoted_inside = text[:1] in QUOTES_OPEN or text[-1:] in QUOTES_CLOSE
    quoted_around = left in QUOTES_OPEN and right in QUOTES_CLOSE
    if quoted_inside:
        f.append(f"quote_inside|cls={cls}")
    if quoted_around:
        f.append(f"quoted_around|cls={cls}")
    if "“" in text or "”" in text:
        f.append(f"quote_part|cls={cls}")
    f += [f"left={_char_class(left)}", f"right={_char_class(right)}", f"right={_char_class(right)}|cls={cls}"]
    if left and left not in PUNCT:
        f.append(f"leftch={left}")
    if right and right not in PUNCT:
        f.append(f"rightch={right}")
    tokens = ctx.doc.tokens
    if tokens:
        first, last = ctx.token_at(m.span.start), ctx.token_at(m.span.end - 1)
        aligned_start = 0 <= first < len(tokens) and tokens[first].span.start == m.span.start
        aligned_end = 0 <= last < len(tokens) and tokens[last].span.end == m.span.end
        f.append(f"aligned={int(aligned_start)}{int(aligned_end)}")
        inside = tokens[max(first, 0):last + 1]
        f.append(f"ntok={_bucket(len(inside), (1, 2, 3, 5))}")
        if inside:
            f += [f"pos_first={inside[0].pos}", f"pos_last={inside[-1].pos}|cls={cls}",
                  "pos_seq=" + "-".join(t.pos for t in inside[:4]) + ("+" if len(inside) > 4 else "")]
            if any(t.pos.startswith("v") and t.pos != "vn" for t in inside[1:]):
                f.append(f"verb_inside|cls={cls}")
            if len(inside) == 1:
                f.append(f"pos_only={inside[0].pos}|cls={cls}")
        if first - 1 >= 0:
            prev = tokens[first - 1]
            f += [f"prev_pos={prev.pos}", f"prev_word={prev.word}", f"prev_word={prev.word}|cls={cls}"]
            if first - 2 >= 0:
                f.append(f"prev2_word={tokens[first - 2].word}")
        if last + 1 < len(tokens):
            nxt = tokens[last + 1]
            f += [f"next_pos={nxt.pos}", f"next_word={nxt.word}", f"next_word={nxt.word}|cls={cls}"]
    occurs = ctx.occurs(text)
    f.append(f"occurs={_bucket(occurs, (1, 2, 4))}")
    f.append(f"found={_bucket(ctx.counts[text], (1, 2, 4))}")
    same = ctx.by_span[(m.span.start, m.span.end)]
    f.append(f"agree={_bucket(len({x.extractor for x in same}), (1, 2))}")
    if len({x.cls for x in same}) > 1:
        f.append(f"contested|cls={cls}")
    outer, inner = ctx.nesting(m)
    f += [f"outer={int(outer)}|cls={cls}", f"inner={int(inner)}"]
    starts = ctx.ends[m.span.end]  # candidates sharing this one's head: a longer one says this is its tail
    f.append(f"longer_same_head={int(any(s < m.span.start for s in starts))}|ext={ext_family}")
    f.append(f"shorter_same_head={int(any(s > m.span.start for s in starts))}|ext={ext_family}")
    issuer = ctx.doc.issuer or ""
    if issuer and (text in issuer or issuer in text):
        f.append(f"issuer|cls={cls}")
    return f


def mention_features(doc: Document, mentions: list[Mention]) -> list[list[str]]:
    """Feature strings for each candidate mention of one document (the same order)."""
    ctx = _Context(doc, mentions)
    return [_mention_features(ctx, m) for m in mentions]
