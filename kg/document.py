"""The document model: normalised text, metadata, sections from the report's own headings, and sentences.

>>> doc = parse_document("2025年某市政府工作报告\\n一、2024年工作回顾\\n经济增长5％。就业稳定！", source="x.txt")
>>> [s.text for s in doc.sentences]
['2025年某市政府工作报告', '一、2024年工作回顾', '经济增长5％。', '就业稳定！']
>>> doc.issuer, doc.year
('某市', 2025)
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
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
SENTENCE_END = "。！？；!?;"
CLOSERS = "”’」』）)》】"
_ZERO_WIDTH = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"), None)


def normalise(text: str) -> str:
    """Normalise line ends, zero-width characters, full-width ASCII letters/digits and trailing spaces."""
    text = text.translate(_ZERO_WIDTH).replace("\r\n", "\n").replace("\r", "\n")
    text = "".join(
        unicodedata.normalize("NFKC", ch) if ("\uff10" <= ch <= "\uff19" or "\uff21" <= ch <= "\uff3a"
                                              or "\uff41" <= ch <= "\uff5a") else ch
        for ch in text
    )
    lines = [line.rstrip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")


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
    # Text for matching: same length as ``text`` (e.g. traditional → simplified, char for char);
    # extractors search this and take surfaces from ``text``.
    match_text: str = ""

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


def _section_index(sections: list[Section], offset: int) -> int:
    """The innermost section containing an offset."""
    best = 0
    for sec in sections[1:]:
        if sec.span.start <= offset < sec.span.end:
            best = sec.index
    return best


def split_sentences(text: str, sections: list[Section]) -> list[Sentence]:
    """Sentences end at 。！？； (with any closing quote after them) and at line ends; offsets are exact."""
    out: list[Sentence] = []
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
                span = Span(start, start + len(body))
                out.append(Sentence(len(out), body, span, _section_index(sections, start)))
            pos = end
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
        elif "政府工作报告" in title:
            issuer = "中华人民共和国"
    date = year = None
    for line in head[:4]:
        found = DATE.search(line)
        if found:
            y, m, d = (int(g) for g in found.groups())
            if 1 <= m <= 12 and 1 <= d <= 31:
                date, year = f"{y:04d}-{m:02d}-{d:02d}", y
                break
    if year is None and title:
        found = TITLE_YEAR.search(title)
        if found:
            year = int(found.group(1))
    return title, issuer, date, year


def parse_document(text: str, *, source: str) -> Document:
    """Normalise a report's text and build its document model (metadata, sections, sentences)."""
    text = normalise(text)
    title, issuer, date, year = _metadata(text)
    sections = split_sections(text, title)
    sentences = split_sentences(text, sections)
    return Document(text=text, source=source, title=title, issuer=issuer, date=date, year=year,
                    sections=sections, sentences=sentences)
