"""Shared tokenisation: jieba with POS tags (HMM off for speed), user words from the extractors' lexicons."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from functools import lru_cache

from kg.model import Span, Token

_added: set[tuple[str, str]] = set()


@lru_cache(maxsize=1)
def _jieba():
    """Import jieba once with its dictionary-loading chatter silenced."""
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.ERROR)
    logging.getLogger("jieba").setLevel(logging.ERROR)
    jieba.initialize()
    return jieba


def add_user_words(words: Iterable[tuple[str, str]]) -> None:
    """Add (word, POS tag) pairs to jieba's dictionary so segmentation keeps names whole."""
    jieba = _jieba()
    for word, tag in words:
        if (word, tag) not in _added and len(word) > 1:
            jieba.add_word(word, freq=None, tag=tag)
            _added.add((word, tag))


def known_word(word: str) -> bool:
    """Whether jieba's dictionary already holds a word."""
    return bool(_jieba().dt.FREQ.get(word))


def word_frequency(word: str) -> int:
    """How often jieba's dictionary saw a word (0 for unknown words)."""
    return _jieba().dt.FREQ.get(word) or 0


def dictionary_tag(word: str) -> str | None:
    """The part-of-speech tag jieba's dictionary gives a word (None for words it does not hold)."""
    return _jieba().posseg.dt.word_tag_tab.get(word)


def tokenize(text: str) -> list[Token]:
    """Segment text with jieba.posseg (HMM off) into tokens carrying exact offsets.

    >>> [t.word for t in tokenize("天津港")][:1]
    ['天津港']
    """
    jieba = _jieba()
    out: list[Token] = []
    pos = 0
    for pair in jieba.posseg.cut(text, HMM=False):
        word = pair.word
        out.append(Token(word, pair.flag, Span(pos, pos + len(word))))
        pos += len(word)
    return out
