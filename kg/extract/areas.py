"""Administrative areas: divisions and regions by lexicon, towns and villages by suffix.

Known names (宝坻区, 宝坻, 广西, 京津冀, 津门 …) are matched on token boundaries, so 天津 never matches
inside 天津港 and the single character 津 never matches at all. A name that resolves to one division
gets its full name, 6-digit code and parent; an ambiguous short form (滨海: 滨海新区 or 滨海县) is
settled by the document's issuer, else left without code. Towns, townships, subdistricts and
villages (辛口镇, 杨柳青镇) are below the county-level data and are found by their suffix.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache

from kg.extract.candidates import tokens_in
from kg.extract.lexicons.divisions import Division, DivisionLexicon, is_generic, jieba_common_word, load_divisions
from kg.extract.lexicons.genre import LEADING_VERBS
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.ingest.tokenize import dictionary_tag, known_word, word_frequency
from kg.model import Mention, Span

CLS = "AdministrativeArea"
EXTRACTOR = "areas"
MAX_NAME = 16  # 双江拉祜族佤族布朗族傣族自治县 is 15 characters

TOWN_SUFFIX = re.compile("街道|镇|乡|村")
# Last character of the name + the suffix that together make an everyday word, not a place:
# 小镇 城镇 乡镇 农村 乡村 下乡 返乡 … (the part before would be 特色小镇, 美丽乡村, 人才返乡).
GENERIC_TAILS = frozenset(
    """小镇 城镇 乡镇 村镇 集镇 古镇 名镇 重镇 市镇 农村 乡村 山村 渔村 名村 城乡 下乡 返乡 回乡 家乡 故乡 老乡 同乡
    异乡 水乡 梦乡 之乡 入乡 留乡 进村 驻村 入村 出村 到村 在村 回村 下村 各村 每村 本村 全村 新村 城村 市村 区村
    县村 镇村 各镇 每镇 全镇 本镇 各乡 每乡 全乡""".split()
)
# POS tags that never open or sit inside a place name: verbs, prepositions, conjunctions, pronouns,
# numerals, measure words, adverbs, particles (推动良乡, 至良乡, 是吾乡, 赋能镇).
FUNCTION_TAGS = frozenset(
    "v vn vd vi p c r rr rz m mq q d f t y e o ad an u uj ul uz ug uv ud".split()
)
# A division's last character and the next one forming a common word: the name is not there.
GLUED = frozenset("县域 县级 县城 县乡 市级 市场 市域 市民 市区 市县 区域 区级 区县 区位 省级 省域 省市 州市 旗县"
                  .split())
STREET_TAILS = ("路", "道", "街", "巷", "胡同", "大道", "大街", "东路", "西路", "南路", "北路", "中路")
# Descriptive words the genre puts before 村/镇 (样板村, 宜居村, 明星村, 数字乡镇): kinds, not names.
TOWN_MODIFIERS = tuple(
    """样板 示范 宜居 和美 美丽 标杆 新一轮 先进 明星 富裕 文明 生态 数字 智慧 特色 红色 绿色 低碳 零碳 康养 旅游 淘宝
    电商 网红 试点 中心 重点 专业 传统 强 空心 贫困 脱贫 薄弱 搬迁 边境 沿边 抵边 民族 卫星 口岸
    工业 商贸 农业""".split()
)
DIVISION_SUFFIXES = ("自治州", "自治县", "省", "市", "区", "县", "盟", "旗")
# Place words naming mountains, rivers, lakes, streets: 武陵山|区 is a mountain area, 美食街|区 a block.
FEATURE_CHARS = frozenset("山江河湖海街路水岛")
NUMERALS = frozenset("一二三四五六七八九十两百千万")
DIVISION_CHARS = frozenset("省市县区镇乡村")
CJK = re.compile(r"^[\u4e00-\u9fff]+$")


def _user_words() -> list[tuple[str, str]]:
    """Known area forms jieba lacks, as place words (ns), so segmentation keeps 宁河区 and 雄安新区 whole;
    forms jieba already has (天津, 宝坻) are left as they are, which keeps start-up fast."""
    return [(form, "ns") for form in load_divisions().forms() if not known_word(form)]


HOME_MIN = 3  # mentions a province or city needs before an excerpt without a byline counts as its report


@lru_cache(maxsize=1)
def _upper_forms() -> tuple[re.Pattern[str], dict[str, str]]:
    """One pattern over the names and short forms of provinces and prefecture-level cities, and form → the
    province it names or lies in (成都 → 四川省)."""
    lex = load_divisions()
    province: dict[str, str] = {}
    for form, divs in lex.forms().items():
        uppers = {d for d in divs if d.level in ("province", "prefecture")}
        if len(uppers) == 1 and len(form) >= 2:
            div = uppers.pop()
            top = div if div.level == "province" else next(
                (a for a in lex.ancestors(div) if a.level == "province"), None)
            if top is not None:
                province[form] = top.name
    return re.compile("|".join(sorted(map(re.escape, province), key=len, reverse=True))), province


def home_area(doc: Document) -> str | None:
    """The area whose report this is: the byline's issuer, else for an excerpt without one the province it
    names most, its cities counting for it (at least HOME_MIN times, and more than any other), so its counties'
    short forms count."""
    if doc.issuer:
        return doc.issuer
    cached = doc.__dict__.get("_home_area", False)
    if cached is not False:
        return cached
    pattern, province = _upper_forms()
    counts = Counter(province[m.group()] for m in pattern.finditer(doc.match_text))
    ranked = counts.most_common(2)
    home = None
    if ranked and ranked[0][1] >= HOME_MIN and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
        home = ranked[0][0]
    doc.__dict__["_home_area"] = home
    return home


def _mention(doc: Document, lex: DivisionLexicon, start: int, end: int, sent: int,
             next_word: str = "") -> Mention | None:
    """A lexicon mention with its full name, code and parent when the form resolves; None for a county
    short form outside the issuer's area (新建, 惠民, 柳林 are words or streets far more often than
    distant counties, and reports name other places' counties in full)."""
    form = doc.match_text[start:end]
    if next_word in STREET_TAILS:
        return None  # 泰安道, 南京路: a street named after the place
    if next_word == "医院" and all(d.name != form for d in lex.lookup(form)):
        return None  # 中山医院, 华山医院: a hospital named after a short form, not the place
    home = home_area(doc)
    div = lex.resolve(form, issuer=home)
    if all(d.level == "county" and d.name != form for d in lex.lookup(form)):
        if div is None or not lex.within(div, home):
            return None
    if div is None:
        names = {d.name for d in lex.lookup(form)}
        # 通州 is 通州区 in Beijing or in Nantong: the full name is sure, the code is not.
        canonical = names.pop() if len(names) == 1 else None
        return Mention(doc.text[start:end], CLS, Span(start, end), sent, EXTRACTOR, 0.75, canonical=canonical)
    parent = lex.parent(div)
    return Mention(doc.text[start:end], CLS, Span(start, end), sent, EXTRACTOR, 0.9,
                   canonical=div.name if div.name != doc.text[start:end] else None,
                   division_code=div.code, parent_label=parent.name if parent else None)


def lexicon_areas(doc: Document, lex: DivisionLexicon) -> Iterator[Mention]:
    """Known forms, longest first, that start and end on token boundaries inside one sentence; a name
    whose suffix glues to the next character (和县|域, 天津市|场) gives way to a shorter form or none."""
    forms = lex.forms()
    # Most tokens open no known form: the scan stops at the first span that is no form's prefix
    # instead of slicing every candidate end up to MAX_NAME characters.
    prefixes = lex.prefixes()
    tokens = doc.tokens
    sentences = doc.sentences
    k = 0  # tokens only move forward, so the sentence is found by walking, not by a search per token
    i = 0
    while i < len(tokens):
        start = tokens[i].span.start
        while k < len(sentences) and sentences[k].span.end <= start:
            k += 1
        sent = sentences[k] if k < len(sentences) and sentences[k].span.start <= start else None
        ends: list[int] = []
        j = i
        while sent is not None and j < len(tokens) and tokens[j].span.end - start <= MAX_NAME:
            if tokens[j].span.end > sent.span.end:
                break
            piece = doc.match_text[start:tokens[j].span.end]
            if piece not in prefixes:
                break
            if piece in forms:
                ends.append(j)
            j += 1
        found = None
        for j in reversed(ends):
            end = tokens[j].span.end
            if doc.match_text[end - 1:end + 1] in GLUED:
                continue
            following = tokens[j + 1].word if j + 1 < len(tokens) else ""
            found = _mention(doc, lex, start, end, sent.index, following)
            if found:
                i = j + 1
                yield found
            break
        # A token of three characters or fewer holds no nested division and no head form of three or more
        # characters with a rest, so _token_head is not called for it: most tokens are that short.
        if found is None and sent is not None and not ends and (
                len(tokens[i].word) > 3 or tokens[i].span.end - tokens[i].span.start > 3):
            head = _token_head(doc, lex, i, sent.index)
            if head:
                yield head
        if found is None:
            i += 1


def _nested_division(lex: DivisionLexicon, word: str) -> tuple[Division, Division] | None:
    """(province or city, division inside it) when a word is the one's name followed by the other's full name
    (上海浦东新区, 天津滨海新区): a county written after its city."""
    for cut in range(2, len(word) - 1):
        inner = [d for d in lex.lookup(word[cut:]) if d.name == word[cut:]]
        if not inner:
            continue  # nearly every token: no full name inside, so the outer form is not worth resolving
        outer = lex.resolve(word[:cut])
        if outer is not None and outer.level != "county" and any(outer in lex.ancestors(d) for d in inner):
            return outer, next(d for d in inner if outer in lex.ancestors(d))
    return None


def _token_head(doc: Document, lex: DivisionLexicon, i: int, sent: int) -> Mention | None:
    """A full division name or region that opens a longer token another extractor registered
    (京津冀|协同发展, 天津市|政府); short forms never (天津|港 is a port, not 天津)."""
    tok = doc.tokens[i]
    whole = _nested_division(lex, doc.match_text[tok.span.start:tok.span.end])
    if whole is not None:
        outer, inner = whole
        return Mention(tok.word, CLS, tok.span, sent, EXTRACTOR, 0.85, division_code=inner.code,
                       parent_label=outer.name)
    for size in range(min(len(tok.word) - 2, MAX_NAME), 2, -1):
        start, end = tok.span.start, tok.span.start + size
        form = doc.match_text[start:end]
        if doc.match_text[end - 1:end + 1] in GLUED:
            continue
        if any(d.name == form for d in lex.lookup(form)):
            return _mention(doc, lex, start, end, sent)
    return None


def _everyday(word: str) -> bool:
    """A word jieba knows as a non-noun (薄弱 a, 示范 v) or as a frequent non-place noun (重点 n)."""
    tag = dictionary_tag(word)
    if tag is None:
        return False
    return not tag.startswith("n") or (tag != "ns" and word_frequency(word) >= 500)


def _slogan_like(name: str) -> bool:
    """Counted or listed kinds and actions, not names: “三区一村”, 古镇古村, 新建村内道路."""
    return name[0] in NUMERALS or name in LEADING_VERBS or any(ch in DIVISION_CHARS for ch in name)


def _name_like(doc: Document, first: int, start: int, end: int) -> bool:
    """Whether the tokens from index ``first`` covering [start, end) could form a place name: the first
    is no genre verb or function word, and no other whole word inside is a function word."""
    for tok in doc.tokens[first:]:
        if tok.span.start >= end:
            break
        inside = tok.span.end <= end
        if tok.span.start == start and (tok.word in LEADING_VERBS or tok.pos in FUNCTION_TAGS):
            return False
        if inside and tok.pos in FUNCTION_TAGS and (len(tok.word) > 1 or tok.pos[0] in "pcruyeofdm"):
            return False
        if tok.span.end == end and len(tok.word) == 1 and tok.pos == "v":
            return False  # 出村, 围村: a verb before the suffix is an action, not a name
    return True


def town_areas(doc: Document, taken: list[Span]) -> Iterator[Mention]:
    """Towns, townships, subdistricts and villages: the shortest 2–4 character name on a token boundary
    before 镇/乡/街道/村, unless the name is generic or an everyday word (重点镇, 薄弱村, 美丽乡村); right after its
    county or town a name of one-character words is taken whatever their tags."""
    starts = {t.span.start: i for i, t in enumerate(doc.tokens)}
    ends = {t.span.end for t in doc.tokens}
    area_ends = {s.end for s in taken if doc.match_text[s.end - 1] in "县区市旗镇乡"}
    for sent in doc.sentences:
        for found in TOWN_SUFFIX.finditer(doc.match_text, sent.span.start, sent.span.end):
            if found.end() not in ends or doc.match_text[found.start() - 1:found.start() + 1] in GENERIC_TAILS:
                continue
            after_county = [k for k in (2, 3, 4) if found.start() - k in area_ends]
            for size in after_county[:1] or (2, 3, 4):
                start = found.start() - size
                if start < sent.span.start:
                    break
                name = doc.match_text[start:found.start()]
                if start not in starts or not CJK.match(name):
                    continue
                if name.endswith(TOWN_MODIFIERS) or is_generic(name) or _slogan_like(name):
                    break
                # After its county (丹巴县|基卡依村, 郫都区|友爱镇) a name may be an everyday word or a transliteration
                # jieba breaks into grammar words.
                name_like = _name_like(doc, starts[start], start, found.start())
                if start in area_ends:
                    if not name_like and any(len(t.word) > 1 for t in tokens_in(doc, start, found.start())):
                        break
                elif _everyday(name) or not name_like:
                    break
                span = Span(start, found.end())
                if not any(s.start < span.end and span.start < s.end for s in taken):
                    yield Mention(doc.text[start:found.end()], CLS, span, sent.index, EXTRACTOR, 0.6)
                break


def _is_place_word(word: str) -> bool:
    """A word of two or more characters that jieba's dictionary tags as a place (江东 in 江东区, not 文明城)."""
    return len(word) >= 2 and dictionary_tag(word) == "ns"


def _tagged_spans(doc: Document) -> Iterator[tuple[Span, str]]:
    """(span, place word) for an ns token followed by a division suffix (襄樊|市), or one that is a known
    place word plus a suffix (江东区)."""
    for k, tok in enumerate(doc.tokens):
        if tok.pos != "ns":
            continue
        nxt = doc.tokens[k + 1] if k + 1 < len(doc.tokens) else None
        if len(tok.word) >= 2 and nxt is not None and nxt.word in DIVISION_SUFFIXES:
            yield Span(tok.span.start, nxt.span.end), tok.word
            continue
        for suffix in DIVISION_SUFFIXES:
            if tok.word.endswith(suffix) and _is_place_word(tok.word[: -len(suffix)]):
                yield tok.span, tok.word[: -len(suffix)]
                break


def tagged_areas(doc: Document, taken: list[Span]) -> Iterator[Mention]:
    """Divisions missing from the data (renamed, abolished, or fictional in tests) by jieba's place tag,
    when the place word is no generic or everyday word, mountain, river or street (武陵山区, 美食街区)."""
    for span, word in _tagged_spans(doc):
        if doc.match_text[span.end - 1:span.end + 1] in GLUED or word[-1] in FEATURE_CHARS or \
                doc.match_text[span.end - 2:span.end] in ("城市", "都市"):  # 大城|市 is a big city, not 大城县
            continue
        if is_generic(word) or _everyday(word) or jieba_common_word(word, "county"):
            continue
        if any(s.start < span.end and span.start < s.end for s in taken):
            continue
        sent = doc.sentence_at(span.start)
        if sent is not None and span.end <= sent.span.end:
            yield Mention(doc.text[span.start:span.end], CLS, span, sent.index, EXTRACTOR, 0.6)


# A metropolitan area, city cluster or economic region named after an area (哈尔滨都市圈, 成渝现代化城市群), and a
# city's designated secondary centre (北京城市副中心), a district of its own.
AREA_GROUP = re.compile(r"(?:地区)?(?:现代化|双城)?(?:都市圈|城市群|经济区|经济圈)|城市副中心")


def grouped_areas(doc: Document, found: list[Mention]) -> Iterator[Mention]:
    """Standing regions named after an area (成都都市圈, 成渝地区双城经济圈), and a county written after its
    province or city (上海浦东新区), each as one longer area mention."""
    lex = load_divisions()
    for k, m in enumerate(found):
        sent = doc.sentences[m.sentence].span
        group = AREA_GROUP.match(doc.match_text, m.span.end, sent.end)
        if group:
            start = m.span.start - 3 if doc.match_text[m.span.start - 3:m.span.start] == "现代化" else m.span.start
            yield Mention(doc.text[start:group.end()], CLS, Span(start, group.end()), m.sentence, EXTRACTOR, 0.7)
            continue
        nxt = found[k + 1] if k + 1 < len(found) else None
        if nxt is None or nxt.span.start != m.span.end or not (m.division_code and nxt.division_code):
            continue
        outer, inner = lex.by_code(m.division_code), lex.by_code(nxt.division_code)
        if outer and inner and outer in lex.ancestors(inner):
            span = Span(m.span.start, nxt.span.end)
            yield Mention(doc.text[span.start:span.end], CLS, span, m.sentence, EXTRACTOR, 0.85,
                          division_code=nxt.division_code, parent_label=outer.name)


def tagged_groups(doc: Document, taken: list[Span]) -> Iterator[Mention]:
    """Economic regions and city clusters named after a place word that is no division (攀西经济区, 关中城市群), not
    after the tail of a name segmentation broke (天|山北坡城市群)."""
    for k, tok in enumerate(doc.tokens):
        if tok.pos != "ns" or len(tok.word) < 2 or is_generic(tok.word) or tok.word in ("城市", "都市"):
            continue
        prev = doc.tokens[k - 1] if k else None
        if prev is not None and len(prev.word) == 1 and CJK.match(prev.word) and prev.pos[:1] not in "pcuvd":
            continue
        sent = doc.sentence_at(tok.span.start)
        group = AREA_GROUP.match(doc.match_text, tok.span.end, sent.span.end) if sent is not None else None
        if group is None or group.group() == "城市副中心":
            continue
        span = Span(tok.span.start, group.end())
        if not any(s.start < span.end and span.start < s.end for s in taken):
            yield Mention(doc.text[span.start:span.end], CLS, span, sent.index, EXTRACTOR, 0.65)


# Tags of grammar words (prepositions, conjunctions, particles, pronouns) that never stand for a city; one-character
# verbs and measure words may (通|武|廊, 长|株|潭).
GRAMMAR_TAGS = frozenset("p c r rr rz y e o u uj ul uz ug uv ud".split())
# What follows a region named by its cities' first characters (长株潭一体化, 厦漳泉都市圈, 哈大齐国家自主创新示范区).
JOINED_FOLLOW = re.compile(r"国家|交界|一体化|同城化|地区|城市群|都市圈|经济圈|经济区|协同|区域|走廊|示范区|工业走廊")


@lru_cache(maxsize=1)
def _initials() -> tuple[frozenset[str], dict[str, frozenset[str]]]:
    """First characters of prefecture-level divisions anywhere; by province, the first characters of its divisions
    and every character of its cities' names."""
    lex = load_divisions()
    prefecture = frozenset(d.name[0] for d in lex.divisions if d.level in ("province", "prefecture"))
    by_province: dict[str, set[str]] = {}
    for div in lex.divisions:
        top = next((a for a in lex.ancestors(div) if a.level == "province"), None)
        if top is not None:
            own = by_province.setdefault(top.name, set())
            own.add(div.name[0])
            if div.level == "prefecture":  # 长株潭 takes 潭 from 湘潭
                own.update(ch for ch in div.name[1:] if ch not in DIVISION_CHARS and ch not in "州盟自治")
    return prefecture, {k: frozenset(v) for k, v in by_province.items()}


def joined_regions(doc: Document, taken: list[Span]) -> Iterator[Mention]:
    """A region named by one character of each of three or four cities (长株潭, 通武廊): single-character words,
    each a city's initial or a character of a city of the report's own province, two at least of its own (one
    when every one is a city's initial), before a region word."""
    home = home_area(doc)
    if not home:
        return
    lex = load_divisions()
    top = lex.resolve(home)
    if top is not None and top.level != "province":
        top = next((a for a in lex.ancestors(top) if a.level == "province"), top)
    prefecture, by_province = _initials()
    own = by_province.get(top.name, frozenset()) if top else frozenset()
    tokens = doc.tokens
    # One-character words that could stand for a city; the scan then only looks at runs of them.
    initials = prefecture | own
    letter = [len(t.word) == 1 and t.word in initials and t.pos not in GRAMMAR_TAGS for t in tokens]
    for i in range(len(tokens)):
        if not letter[i] or (i and len(tokens[i - 1].word) == 1 and CJK.match(tokens[i - 1].word)):
            continue  # a run starts after a longer word, not inside a longer string of characters
        for size in (4, 3):
            if not all(letter[i:i + size]) or i + size > len(tokens):
                continue
            run = tokens[i:i + size]
            name = "".join(t.word for t in run)
            owned = sum(ch in own for ch in name)
            if len(set(name)) < size or not (owned >= 2 or (owned and all(ch in prefecture for ch in name))):
                continue
            span = Span(run[0].span.start, run[-1].span.end)
            if not JOINED_FOLLOW.match(doc.match_text, span.end) or lex.lookup(name):
                continue
            if any(t.start < span.end and span.start < t.end for t in taken):
                continue
            sent = doc.sentence_at(span.start)
            if sent is not None:
                yield Mention(doc.text[span.start:span.end], CLS, span, sent.index, EXTRACTOR, 0.6)
            break


@component("areas", order=10, user_words=_user_words)
def find_areas(doc: Document) -> list[Mention]:
    """Divisions and regions by lexicon (with code and parent), towns and villages by suffix, other
    place words with a division suffix by POS."""
    lex = load_divisions()
    out = list(lexicon_areas(doc, lex))
    out.extend(list(grouped_areas(doc, out)))
    out.extend(list(tagged_groups(doc, [m.span for m in out])))
    out.extend(list(joined_regions(doc, [m.span for m in out])))
    out.extend(town_areas(doc, [m.span for m in out]))
    out.extend(tagged_areas(doc, [m.span for m in out]))
    return out
