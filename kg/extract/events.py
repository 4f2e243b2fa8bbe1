"""Events: conferences, expos, forums, competitions (大会, 博览会, 论坛, 峰会, 赛, 杯 …) and party congresses
and plenary sessions (党的二十大, 二十届三中全会)."""

from __future__ import annotations

import re

from kg.extract.candidates import CueSpec, pattern_mentions, suffix_mentions, tokens_in
from kg.extract.name_runs import nominal_run
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention, Span

CN = "一二三四五六七八九十"
CONGRESS = re.compile(rf"党的[{CN}]+大|[{CN}]+届(?:[{CN}]中、)*[{CN}]中全会|[{CN}]+届历次全会"
                      rf"|[{CN}]+届全国人大[{CN}]+次会议|(?:省|市|区|县)?第[{CN}]+次党代会")
SPEC = CueSpec(
    cls="Event",
    extractor="events",
    suffixes=("大会", "博览会", "论坛", "峰会", "座谈会", "洽谈会", "交易会", "展览会", "运动会", "奥运会", "锦标赛",
              "比赛", "大赛", "全会", "会议", "音乐节", "文化节", "艺术节", "大讲堂", "进博会", "广交会", "服贸会",
              "消博会", "高交会", "文博会", "亚运会", "全运会", "冬奥会", "世界杯", "俱杯", "联赛", "马拉松", "音乐汇",
              "年会", "推介会", "发布会",
              # seasons, festivals and weeks of consumption, tourism and film (国际消费季, 购物节, 电影节, 时装周)
              "消费季", "购物节", "旅游节", "电影节", "美食节", "消费节", "时装周", "赛会",
              # abbreviated expos, games and fairs (世博会, 西博会, 残奥会, 哈洽会, 广交会)
              "博会", "奥会", "洽会", "交会", "运会"),
    min_len=3,
    max_len=24,
    confidence=0.7,
)


SUFFIX_END = re.compile("(?:" + "|".join(sorted(SPEC.suffixes, key=len, reverse=True)) + ")$")


def congresses(doc: Document) -> list[Mention]:
    """Party congresses and plenary sessions, which have no cue a suffix rule can see whole."""
    return pattern_mentions(doc, CONGRESS, "Event", "events.congress", confidence=0.85)


# A year, a session or a scope and a bare cue (2026年大会, 国际大赛, 同级人民代表大会) say what kind of event,
# not which.
KIND_ONLY = re.compile(r"^(?:\d{4}年?|[一二三四五六七八九十]+届)?"
                       r"(?:国际|国内|全国|全球|各级|同级|重大|重要|大型|各类|高端)*"
                       r"(?:人民代表大会|大会|会议|全会|论坛|峰会|大赛|比赛|博览会|运动会|音乐节|文化节|艺术节)$")
# Kinds of activity right after a cue: the cue only qualifies them (会议|活动, 国际会议|会展活动).
ACTIVITY = ("活动", "会展", "展会", "赛事")


# 及 and 与 join the parts of a formal name; 和 as often joins the things of a clause (政协委员和列席会议的同志).
JOINERS = "及与"
SESSION = re.compile(r"(?:首届|第[一二三四五六七八九十\d]+届)$")
OPENING = "，。；：、“（"


def _joined_name(doc: Document, m: Mention) -> Mention:
    """中国家电|及消费电子博览会, 首届海外投资|与综合服务展洽会: the first part of a name joined by 及 or 与,
    a run of nouns after punctuation or a verb (and its session), that is no event of its own."""
    text = doc.match_text
    joiner = m.span.start - 1
    first = next(iter(tokens_in(doc, m.span.start, m.span.end)), None)
    if joiner <= 0 or text[joiner] not in JOINERS or first is None or first.pos == "v":
        return m  # …与|召开会议: a verb opens a clause, not the second part of a name
    floor = doc.sentences[m.sentence].span.start
    start = nominal_run(doc, joiner, floor)
    if joiner - start < 2 or SUFFIX_END.search(text, start, joiner):
        return m  # 中关村论坛|与…博览会: two events
    session = SESSION.search(text, max(floor, start - 4), start)
    start = session.start() if session else start
    prev = [t for t in tokens_in(doc, max(floor, start - 6), start) if t.span.end == start]
    if start > floor and text[start - 1] not in OPENING and not (prev and prev[0].pos.startswith("v")):
        return m
    return Mention(doc.text[start:m.span.end], m.cls, Span(start, m.span.end), m.sentence, m.extractor, m.confidence)


# Verbs of studying a meeting's spirit (学习领会运用…会议精神) that jieba sometimes tags as nouns: never part of it.
STUDY_VERBS = frozenset("学习 领会 运用 贯彻 传达 宣传 践行 落实".split())


def _without_study_verbs(doc: Document, m: Mention) -> Mention:
    """领会|运用|中央经济工作会议: the meeting without the verbs of studying it."""
    start = m.span.start
    for tok in tokens_in(doc, m.span.start, m.span.end):
        if tok.span.start != start or tok.word not in STUDY_VERBS or m.span.end - tok.span.end < 3:
            break
        start = tok.span.end
    if start == m.span.start:
        return m
    return Mention(doc.text[start:m.span.end], m.cls, Span(start, m.span.end), m.sentence, m.extractor, m.confidence)


# The scope of a work conference is its name (全区经济工作会议): without it, 经济工作会议 names only a kind.
SCOPES = ("全国", "全省", "全区", "全市", "全县", "全州", "全盟")
WORK_CONFERENCE = "工作会议"


def _with_scope(doc: Document, m: Mention) -> Mention:
    """全区|经济工作会议: a work conference keeps the scope the candidate rules trimmed off."""
    scope = next((w for w in SCOPES if doc.match_text.startswith(w, m.span.start - len(w))), None)
    if scope is None or not m.text.endswith(WORK_CONFERENCE):
        return m
    start = m.span.start - len(scope)
    return Mention(doc.text[start:m.span.end], m.cls, Span(start, m.span.end), m.sentence, m.extractor, m.confidence)


# Verbs of taking part, winning or answering to (首夺, 获, 出席, 接受): what follows them is what was won or attended.
CLAUSE_VERBS = frozenset("首夺 夺得 夺 获 获得 荣获 斩获 摘得 包揽 参加 出席 列席 接受 提交 参与".split())
# Words that make a cue a kind of event however it is placed (世界重大体育比赛, 亚洲级以上大赛).
KIND_WORDS = re.compile(r"重大|大型|各类|各种|各级|以上")


def _after_clause_verb(doc: Document, m: Mention) -> Mention:
    """男足首夺|乙级联赛, 政府接受|同级人民代表大会: a verb inside a candidate belongs to the clause (what someone won,
    whom someone answers to); the event, if any, is what follows it."""
    start = m.span.start
    for tok in tokens_in(doc, m.span.start, m.span.end):
        if tok.word in CLAUSE_VERBS and m.span.end - tok.span.end >= 3:
            start = tok.span.end
    if start == m.span.start:
        return m
    return Mention(doc.text[start:m.span.end], m.cls, Span(start, m.span.end), m.sentence, m.extractor, m.confidence)


@component("events", order=70)
def find_events(doc: Document) -> list[Mention]:
    """Names ending in an event cue (not a bare 2026年大会 or 国际大赛, nor a qualifier of 活动), with a first part
    joined by 及 or 与, and party congresses and plenums."""
    text = doc.match_text
    found = (_with_scope(doc, _joined_name(doc, _after_clause_verb(doc, _without_study_verbs(doc, m))))
             for m in suffix_mentions(doc, SPEC) if not text.startswith(ACTIVITY, m.span.end))
    return [*(m for m in found if not KIND_ONLY.match(m.text) and not KIND_WORDS.search(m.text)), *congresses(doc)]
