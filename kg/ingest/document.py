"""The document model: normalised text, metadata, sections from the report's own headings, and sentences.

>>> doc = parse_document("2025年某市政府工作报告\\n一、2024年工作回顾\\n经济增长5％。就业稳定！", source="x.txt")
>>> [s.text for s in doc.sentences]
['2025年某市政府工作报告', '一、2024年工作回顾', '经济增长5％。', '就业稳定！']
>>> doc.issuer, doc.year
('某市', 2025)
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from hashlib import sha256

from kg.model import Section, Sentence, Span, Token

CN_DIGITS = "一二三四五六七八九十"
LEVEL1_HEADING = re.compile(rf"^[{CN_DIGITS}]{{1,3}}、")
LEVEL2_HEADING = re.compile(rf"^[（(][{CN_DIGITS}]{{1,3}}[）)]")
DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
TITLE_YEAR = re.compile(r"(\d{4})\s*年")
ISSUER = re.compile(
    r"(?:\d{4}年)?(?:度)?\s*(.{2,12}?(?:省|市|自治区|特别行政区|自治州|地区|州|盟|县|区|旗))(?:人民)?政府工作报告"
)
BYLINE_ISSUER = re.compile(
    r"在(.{2,12}?(?:省|市|自治区|特别行政区|自治州|地区|州|盟|县|区|旗))(?:第|[一二三四五六七八九十]+届)"
)
SENTENCE_END = "。！？；!?;"
CLOSERS = "”’」』）)》】"
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_RE = re.compile(f"[{CJK}]")
# Zero-width and bidirectional-control characters: invisible, and able to make a label read other than it is.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_ZERO_WIDTH = dict.fromkeys(map(ord, _INVISIBLE), None)
_INVISIBLE_LINE = re.compile(f"^[{_INVISIBLE} \t]*[{_INVISIBLE}][{_INVISIBLE} \t]*\n", re.M)
_NEWLINES = re.compile("\r\n|[\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1b\x1f\x7f-\x84\x86-\x9f]")
_UNENCODABLE = re.compile("[\ud800-\udfff\ufffe\uffff]")  # lone surrogates cannot be written as UTF-8
_FULLWIDTH_ALNUM = re.compile("[\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_FULLWIDTH_POINT = re.compile("(?<=[0-9])\uff0e(?=[0-9])")
# Letter-spaced numbers of old typesetting (1 9 8 0 年, 8 ．8 ％): a run of single digits and points set one
# space apart, with the space before the unit that closes it (not a digit before a number: 0 2025年).
_SPACED_DIGITS = re.compile("(?<![0-9.\uff0e])[0-9](?: (?:[0-9](?![0-9])|[.\uff0e]))+(?: (?=[%\uff05年月日万亿]))?"
                            "|(?<=[0-9]) (?=[%\uff05年月日])")
# Letter-spaced Chinese (政 府 工 作 报 告): single characters separated by one or two spaces.
_SPACED_RUN = re.compile(f"(?<![{CJK}])[{CJK}](?:[ \u3000]{{1,2}}[{CJK}](?![{CJK}])){{1,}}")
_SPACES = re.compile("[ \u3000]+")
# Lines that are complete: end in a full stop, question, exclamation, semicolon or colon (closers may follow).
_COMPLETE = re.compile(f"[。！？；!?;：:…][{CLOSERS}]*$")
_OPEN_END = tuple("，,、（(《“‘〈「『—－-·/+")
_CONTINUES = tuple("，,、。！？；：:）)》”’」』%％…")
_ITEM_START = re.compile(r"^(?:——|――|—|[-*•·]|\d{1,3}[.、．)）]|[（(]\d{1,3}[）)]|[①-⑳]|"
                         rf"[{CN_DIGITS}]+是|第[{CN_DIGITS}]+[，、]|各位代表)")
_BYLINE = re.compile(r"^[—―-]{1,2}.*日.*会议")
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


def _spaced(match: re.Match) -> str:
    """Letter-spaced Chinese joined up, kept when a 2-character run is not set apart by spaces or line ends."""
    run = match.group()
    chars = _SPACES.sub("", run)
    if len(chars) >= 3:
        return chars
    text, start, end = match.string, match.start(), match.end()
    before = text[start - 1] if start else "\n"
    after = text[end] if end < len(text) else "\n"
    return chars if before in " \u3000\n\t" and after in " \u3000\n\t" else run


def is_english(text: str) -> bool:
    """True for text with no Chinese characters and at least three Latin words (a translation paragraph).

    >>> is_english("The economy grew by 5 percent."), is_english("经济增长5%。"), is_english("GDP")
    (True, False, False)
    """
    return not _CJK_RE.search(text) and len(_LATIN_WORD.findall(text)) >= 3


def _head_end(lines: list[str]) -> int:
    """Index of the first body line (the salutation, else the first complete line); title lines come before."""
    first = next((i for i, line in enumerate(lines) if line.strip()), 0)
    for i, line in enumerate(lines[:60]):
        if line.strip().startswith("各位代表"):
            return max(i, first + 1)
    for i, line in enumerate(lines[:60]):
        if _COMPLETE.search(line):
            return max(i, first + 1)
    return first + 1


def _joins(a: str, b: str, *, paragraphs_by_blank_lines: bool) -> bool:
    """True when line b continues the sentence that line a leaves open (a hard line break inside a sentence)."""
    if not a.strip() or not b.strip() or _COMPLETE.search(a):
        return False
    if heading_level(a) or heading_level(b) or _BYLINE.match(a.strip()):
        return False
    if b[:1] in " \u3000\t" or _ITEM_START.match(b):
        return False  # an indented or bulleted line starts a new paragraph
    if is_english(a) != is_english(b):
        return False  # never glue a translation onto Chinese
    stripped = a.strip()
    return paragraphs_by_blank_lines or len(stripped) >= 30 or stripped.endswith(_OPEN_END) or b.startswith(_CONTINUES)


def _join_broken_lines(text: str) -> str:
    """Join lines broken inside a sentence (copied web pages, PDFs); titles, headings and paragraphs stay apart."""
    lines = text.split("\n")
    nonempty = [i for i, line in enumerate(lines) if line.strip()]
    if len(nonempty) < 2:
        return text
    by_blank = sum(1 for i in nonempty if i + 1 < len(lines) and not lines[i + 1].strip()) >= 0.3 * len(nonempty)
    head = _head_end(lines)
    out = lines[:head]
    for line in lines[head:]:
        if out and len(out) > head and _joins(out[-1], line, paragraphs_by_blank_lines=by_blank):
            prev = out[-1]
            sep = " " if prev[-1:].isascii() and prev[-1:].isalnum() and line[:1].isascii() and line[:1].isalnum() \
                else ""
            out[-1] = prev + sep + line.lstrip()
        else:
            out.append(line)
    return "\n".join(out)


def first_date(lines: list[str]) -> tuple[str | None, int | None]:
    """The first valid date written in these lines (2025年1月14日 → ("2025-01-14", 2025)), else (None, None)."""
    for line in lines:
        found = DATE.search(line)
        if found:
            y, m, d = (int(g) for g in found.groups())
            if 1 <= m <= 12 and 1 <= d <= 31:
                return f"{y:04d}-{m:02d}-{d:02d}", y
    return None, None


def normalise(text: str) -> str:
    """The stored text of a document; every offset in the graph points into it.

    Line ends unified; invisible, control and unencodable characters dropped; full-width ASCII letters and
    digits made half-width (５．１ → 5.1); letter-spaced Chinese and digits joined (政 府 → 政府, 1 9 8 0 年 → 1980年);
    lines broken inside a sentence joined; trailing spaces and blank lines at both ends removed.

    >>> normalise("政 府 工 作 报 告\\r\\n各位代表：\\n增长５．１％，\\n就业稳定。")
    '政府工作报告\\n各位代表：\\n增长5.1％，就业稳定。'
    """
    text = _UNENCODABLE.sub("\ufffd", text)
    text = _NEWLINES.sub("\n", text)
    text = _INVISIBLE_LINE.sub("", text + "\n")[:-1]
    text = _CONTROLS.sub("", text.translate(_ZERO_WIDTH)).replace("\xa0", " ")
    text = _FULLWIDTH_ALNUM.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    # joining lines can set digits or characters one space apart (0⏎2 → 0 2) and joining spaced ones changes the
    # line statistics _join_broken_lines decides by, so tidy until nothing changes: the stored text must
    # normalise to itself (offsets are recomputed from it); each pass only removes spaces and line breaks
    while (tidied := _tidy_spacing(text)) != text:
        text = tidied
    return text


def _tidy_spacing(text: str) -> str:
    """One pass of joining letter-spaced digits and characters, trimming lines and joining broken ones."""
    text = _SPACED_DIGITS.sub(lambda m: m.group().replace(" ", ""), text)
    text = _FULLWIDTH_POINT.sub(".", text)
    text = _SPACED_RUN.sub(_spaced, text)
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines).strip("\n")
    while (joined := _join_broken_lines(text)) != text:
        text = joined
    return text


@dataclass
class Document:
    """A normalised report: text, metadata, sections, sentences and (filled by the pipeline) tokens."""

    text: str
    source: str
    title: str | None = None
    issuer: str | None = None
    date: str | None = None
    year: int | None = None
    sections: list[Section] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    tokens: list[Token] = field(default_factory=list)
    # Text for matching: same length as ``text`` (traditional → simplified, char for char; English
    # translation paragraphs blanked); extractors search this and take surfaces from ``text``.
    match_text: str = ""
    # English translation paragraphs of a bilingual edition: kept in ``text``, left out of sentences.
    translations: list[Span] = field(default_factory=list)
    # What normalisation had to do that a user should know (long sentences split, …).
    warnings: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        if len(self.match_text) != len(self.text):
            self.match_text = self.text

    @property
    def sha256(self) -> str:
        """Hash of the normalised text, used to skip unchanged documents."""
        return sha256(self.text.encode("utf-8")).hexdigest()

    def section_of(self, sent: Sentence) -> Section:
        """The section a sentence belongs to."""
        return self.sections[sent.section]

    def sentence_at(self, offset: int) -> Sentence | None:
        """The sentence containing a character offset, by binary search."""
        lo, hi = 0, len(self.sentences) - 1
        while lo <= hi:
            mid = (lo + hi) // 2
            sent = self.sentences[mid]
            if offset < sent.span.start:
                hi = mid - 1
            elif offset >= sent.span.end:
                lo = mid + 1
            else:
                return sent
        return None


def _lines(text: str) -> list[tuple[int, str]]:
    """Every line with its start offset."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, line))
        pos += len(line) + 1
    return out


def heading_level(line: str) -> int | None:
    """1 for 一、…, 2 for （一）…, None for body text.

    >>> heading_level("二、2025年工作安排"), heading_level("（三）坚持创新"), heading_level("我们要。")
    (1, 2, None)
    """
    stripped = line.strip()
    if LEVEL1_HEADING.match(stripped) and len(stripped) <= 60:
        return 1
    if LEVEL2_HEADING.match(stripped):
        return 2
    return None


def _heading_text(line: str) -> str:
    """A heading is the line up to its first full stop (some reports run the body on)."""
    stripped = line.strip()
    cut = re.search(r"[。！？]", stripped)
    return stripped[: cut.start()] if cut else stripped


def split_sections(text: str, title: str | None) -> list[Section]:
    """Sections: 0 is the title part, then one per 一、 heading and one per （一） heading inside it."""
    sections = [Section(0, title or "", 0, Span(0, len(text)), None)]
    starts: list[tuple[int, int, str]] = []
    for start, line in _lines(text):
        level = heading_level(line)
        if level:
            lead = len(line) - len(line.lstrip())
            starts.append((start + lead, level, _heading_text(line)))
    current_top: int | None = None
    for i, (start, level, heading) in enumerate(starts):
        end = len(text)
        for later_start, later_level, _ in starts[i + 1 :]:
            if later_level <= level:
                end = later_start
                break
        if level == 1:
            parent = 0
            current_top = len(sections)
        else:
            parent = current_top if current_top is not None else 0
        sections.append(Section(len(sections), heading, level, Span(start, end), parent))
    first = starts[0][0] if starts else len(text)
    sections[0] = Section(0, title or "", 0, Span(0, first if starts else len(text)), None)
    return sections


def _section_index(sections: list[Section], offset: int, starts: list[int] | None = None) -> int:
    """The innermost section containing an offset: the last section starting at or before it."""
    starts = starts if starts is not None else [sec.span.start for sec in sections[1:]]
    i = bisect.bisect_right(starts, offset)
    return sections[i].index if i else 0


def _pieces(body: str, limit: int) -> list[tuple[int, int]]:
    """Offsets of pieces of at most ``limit`` characters, cut after the last comma or space before the limit."""
    out, pos = [], 0
    while len(body) - pos > limit:
        window = body[pos:pos + limit]
        cut = max(window.rfind(ch) for ch in "，、,：: \u3000")
        cut = cut + 1 if cut >= limit // 2 else limit
        out.append((pos, pos + cut))
        pos += cut
    out.append((pos, len(body)))
    return out


def split_sentences(text: str, sections: list[Section], *, max_chars: int | None = None,
                    warnings: list[str] | None = None, skip: list[Span] | None = None) -> list[Sentence]:
    """Sentences end at 。！？； (with any closing quote after them) and at line ends; offsets are exact.

    A sentence longer than ``max_chars`` is split at commas (a warning is added to ``warnings``); English
    sentences of a bilingual Chinese document are left out and their spans added to ``skip``.
    """
    if max_chars is None:
        from kg.ingest.limits import current_limits

        max_chars = current_limits().max_sentence_chars
    starts = [sec.span.start for sec in sections[1:]]
    chinese = len(_CJK_RE.findall(text)) >= 0.2 * max(1, len(_LATIN_WORD.findall(text)) + len(_CJK_RE.findall(text)))
    out: list[Sentence] = []
    long_ones = 0
    for line_start, line in _lines(text):
        pos = 0
        while pos < len(line):
            end = pos
            while end < len(line) and line[end] not in SENTENCE_END:
                end += 1
            if end < len(line):
                end += 1
                while end < len(line) and line[end] in CLOSERS:
                    end += 1
            chunk = line[pos:end]
            lead = len(chunk) - len(chunk.lstrip())
            body = chunk.strip()
            if body:
                start = line_start + pos + lead
                if chinese and is_english(body):
                    if skip is not None:
                        skip.append(Span(start, start + len(body)))
                else:
                    pieces = _pieces(body, max_chars)
                    long_ones += len(pieces) > 1
                    for a, b in pieces:
                        piece = body[a:b]
                        inner = len(piece) - len(piece.lstrip())
                        piece = piece.strip()
                        if piece:
                            span = Span(start + a + inner, start + a + inner + len(piece))
                            out.append(Sentence(len(out), piece, span, _section_index(sections, span.start, starts)))
            pos = end
    if long_ones and warnings is not None:
        warnings.append(f"{long_ones} sentence(s) longer than {max_chars} characters were split at commas "
                        "(set KG_MAX_SENTENCE_CHARS to change the limit)")
    return out


def _metadata(text: str) -> tuple[str | None, str | None, str | None, int | None]:
    """Title, issuer area, ISO date and year from the first lines of the report."""
    head = [line.strip() for _, line in _lines(text)[:6] if line.strip()]
    title = head[0] if head else None
    if title and (len(title) > 60 or heading_level(title)):
        title = None
    issuer = None
    if title:
        found = ISSUER.search(title.replace(" ", ""))
        if found:
            issuer = re.sub(r"^\d{4}年度?", "", found.group(1))
        else:  # 政府工作报告 alone: the byline names the congress (在青海省第十四届人民代表大会…)
            byline = next((BYLINE_ISSUER.search(line) for line in head[1:4] if BYLINE_ISSUER.search(line)), None)
            if byline:
                issuer = byline.group(1)
            elif "政府工作报告" in title:
                issuer = "中华人民共和国"
    date, year = first_date(head[:4])
    if year is None and title:
        found = TITLE_YEAR.search(title)
        if found:
            year = int(found.group(1))
    return title, issuer, date, year


@lru_cache(maxsize=1)
def _t2s():
    """The OpenCC traditional → simplified converter (loaded once)."""
    import opencc

    return opencc.OpenCC("t2s")


def simplified(text: str) -> str:
    """Traditional characters made simplified, character for character (same length as the input).

    Applied to the whole text when traditional characters are common (over 0.5% of Chinese characters), else
    only to lines with several of them, so a simplified report keeps rare characters of its own (乾县, 濛溪河).

    >>> simplified("我們第一屆全國人民代表大會")
    '我们第一届全国人民代表大会'
    """
    if not _CJK_RE.search(text):
        return text
    converter = _t2s()
    lines = text.split("\n")
    converted = []
    for line in lines:
        out = converter.convert(line)
        if len(out) != len(line):  # a phrase mapping changed the length: fall back to one character at a time
            out = "".join(c if len(c := converter.convert(ch)) == 1 else ch for ch in line)
        converted.append(out)
    changed = [sum(a != b for a, b in zip(x, y, strict=True)) for x, y in zip(lines, converted, strict=True)]
    cjk = len(_CJK_RE.findall(text))
    if sum(changed) >= 0.005 * cjk:
        return "\n".join(converted)
    return "\n".join(
        new if n >= 2 and n >= 0.05 * len(_CJK_RE.findall(old)) else old
        for old, new, n in zip(lines, converted, changed, strict=True)
    )


def _blank(text: str, spans: list[Span]) -> str:
    """The text with the given spans replaced by spaces (same length)."""
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        chars[span.start:span.end] = " " * (span.end - span.start)
    return "".join(chars)


def _read_metadata(text: str, match_text: str) -> tuple[str | None, str | None, str | None, int | None]:
    """Title, issuer, date and year of a normalised text (read on its simplified form)."""
    title, issuer, date, year = _metadata(match_text)
    if title is not None:  # metadata is read on the simplified text; labels keep the document's own characters
        first = next(i for i, line in _lines(text) if line.strip())
        title = text[first:].split("\n", 1)[0].strip()
    return title, issuer, date, year


def document_metadata(text: str, *, source: str) -> Document:
    """A document with only its metadata (title, issuer, date, year): no sections or sentences, for planning."""
    text = normalise(text)
    title, issuer, date, year = _read_metadata(text, simplified(text))
    return Document(text=text, source=source, title=title, issuer=issuer, date=date, year=year)


def parse_document(text: str, *, source: str) -> Document:
    """Normalise a report's text and build its document model (metadata, sections, sentences, match text)."""
    text = normalise(text)
    match_text = simplified(text)
    title, issuer, date, year = _read_metadata(text, match_text)
    sections = split_sections(text, title)
    warnings: list[str] = []
    translations: list[Span] = []
    sentences = split_sentences(text, sections, warnings=warnings, skip=translations)
    return Document(text=text, source=source, title=title, issuer=issuer, date=date, year=year,
                    sections=sections, sentences=sentences, match_text=_blank(match_text, translations),
                    translations=translations, warnings=warnings)
