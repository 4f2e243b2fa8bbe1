"""Words of a report's progress (新创建, 新开工, 力争) that open a zone or project candidate but are no part of it."""

from __future__ import annotations

from kg.extract.candidates import strip_leading
from kg.model import Mention, Span

# What was newly done or is aimed at (新创建|国家级零碳园区, 新开工|保障性安居工程, 力争|南珠高铁, 高水平共建|西部陆海
# 新通道): the indicators' words jieba learns as nouns, so neither its tags nor the clause rules see them as verbs.
PROGRESS_OPENERS = ("高水平共建", "新创建", "新开工", "新建成", "新认定", "新获批", "新培育", "新引进", "新增", "力争",
                    "确保", "争取", "共建", "获批")
MIN_REST = 4


def without_progress_opener(m: Mention) -> Mention:
    """The name after a leading progress word, when at least four characters remain."""
    cut = strip_leading(m.text, 0, len(m.text), PROGRESS_OPENERS)
    if cut == 0 or len(m.text) - cut < MIN_REST:
        return m
    span = Span(m.span.start + cut, m.span.end)
    return Mention(m.text[cut:], m.cls, span, m.sentence, m.extractor, m.confidence)
