"""Runs of nouns before a point of a sentence: the first part of a name joined by 和, 与 or 及 (耕地保护|和粮食安全
责任制, 中国家电|及消费电子博览会), which segmentation and the suffix rules leave out."""

from __future__ import annotations

from kg.extract.candidates import tokens_in
from kg.extract.lexicons.genre import LEADING_VERBS
from kg.ingest.document import Document

RUN_POS = ("n", "v", "nz", "b", "j", "l")
RUN_REACH = 8


def nominal_run(doc: Document, end: int, floor: int) -> int:
    """Where a run of nouns and verbs ending at ``end`` begins (耕地保护, 碳排放总量), without the verbs that open
    it (完善|碳排放总量)."""
    run = []
    for tok in reversed(list(tokens_in(doc, max(floor, end - RUN_REACH), end))):
        if (run[0].span.start if run else end) != tok.span.end or not tok.pos.startswith(RUN_POS):
            break
        run.insert(0, tok)
    while run and (run[0].pos.startswith("v") or run[0].word in LEADING_VERBS):
        run.pop(0)
    return run[0].span.start if run else end
