"""HTML pages: the text of the main content, one line per block; scripts, styles, navigation and forms dropped.

>>> html_to_text("<html><body><nav>Home</nav><h1>2025年某市政府工作报告</h1><p>经济增长5%。</p></body></html>".encode())
'2025年某市政府工作报告\\n经济增长5%。'
"""

from __future__ import annotations

import re

from kg.errors import InputError
from kg.ingest.readers.text import decode_text

DROP_TAGS = {"script", "style", "noscript", "nav", "header", "footer", "aside", "form", "iframe", "template",
             "svg", "button", "select", "input", "textarea", "object", "embed", "canvas", "video", "audio", "map",
             "head", "menu"}
BLOCK_TAGS = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "tr", "table", "section",
              "article", "main", "blockquote", "pre", "dd", "dt", "dl", "hr", "center", "title", "td", "th",
              "figcaption", "address", "body"}
# class/id words of page furniture (breadcrumbs, share bars, menus, footers) on government and news sites.
CHROME_CLASS = re.compile(r"(?:^|[\s_-])(?:nav|navbar|menu|breadcrumb|crumbs?|share|sharing|footer|header|sidebar|"
                          r"toolbar|topbar|login|search|comment|comments|related|ads?|advert|banner|copyright|"
                          r"position|location|fontsize|print)(?:$|[\s_-])", re.I)
CONTENT_HINT = re.compile(r"(?:^|[\s_-])(?:content|article|main|text|body|trs_editor|detail|zoom|pages?_content)"
                          r"(?:$|[\s_-])", re.I)
META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_-]+)""", re.I)
_CJK = re.compile(r"[\u3400-\u9fff]")


def _decode(data: bytes, name: str) -> str:
    """Decode by BOM, then a declared <meta charset>, then detection."""
    declared = META_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        encoding = declared.group(1).decode("ascii").lower()
        if encoding in ("gb2312", "gbk", "gb_2312-80", "x-gbk"):
            encoding = "gb18030"
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            pass
    return decode_text(data, name=name)


def _is_chrome(el) -> bool:
    """True for an element that is page furniture by tag, role, class or id."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag.lower() in DROP_TAGS:
        return True
    if el.get("role") in ("navigation", "banner", "contentinfo", "search", "menu"):
        return True
    if el.get("hidden") is not None or "display:none" in (el.get("style") or "").replace(" ", ""):
        return True
    marks = f"{el.get('class') or ''} {el.get('id') or ''}"
    return bool(CHROME_CLASS.search(marks)) and not CONTENT_HINT.search(marks)


def _text_lines(root) -> list[str]:
    """The element's text with a line break at every block boundary, chrome subtrees skipped."""
    parts: list[str] = []

    def walk(el) -> None:
        if not isinstance(el.tag, str):  # comments and processing instructions
            if el.tail:
                parts.append(el.tail)
            return
        if _is_chrome(el):
            if el.tail:
                parts.append(el.tail)
            return
        block = el.tag.lower() in BLOCK_TAGS
        if block:
            parts.append("\n")
        if el.text:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(root)
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in "".join(parts).split("\n"))
    return [line for line in lines if line]


def _cjk_count(el) -> int:
    """Chinese characters in an element's text."""
    return len(_CJK.findall(el.text_content()))


def _main_content(body):
    """The element holding the report: <article>/<main>, else the block with most Chinese text in its own <p>s."""
    for tag in ("article", "main"):
        found = [el for el in body.iter(tag) if not _is_chrome(el)]
        if found:
            return max(found, key=_cjk_count)
    best, best_score = body, 0
    for el in body.iter("div", "section", "td"):
        if _is_chrome(el):
            continue
        score = sum(_cjk_count(p) for p in el if isinstance(p.tag, str) and p.tag.lower() in ("p", "div", "br"))
        if score > best_score:
            best, best_score = el, score
    total = _cjk_count(body)
    # Only narrow down when that block holds most of the page's text; else keep the whole body.
    return best if total and best_score >= 0.6 * total else body


def html_to_text(data: bytes, *, name: str = "<html>") -> str:
    """The main text of an HTML page, title first when the content lacks it; raise InputError when unparsable."""
    import lxml.etree
    import lxml.html

    text = _decode(data, name)
    text = re.sub(r"^\s*<\?xml[^>]*>", "", text)  # lxml refuses str input with an encoding declaration
    if not text.strip():
        raise InputError(f"{name}: empty HTML page; pass a page with the report's text")
    try:
        root = lxml.html.document_fromstring(text)
    except (lxml.etree.ParserError, ValueError) as err:
        raise InputError(f"{name}: cannot parse as HTML ({err}); save the page as text or pass the original") from None
    body = root.find("body")
    if body is None:
        body = root
    lines = _text_lines(_main_content(body))
    title_el = root.find(".//title")
    h1 = next(iter(body.iter("h1")), None)
    title = h1.text_content() if h1 is not None else ""
    if not title.strip() and title_el is not None:  # <title> often ends with the site name: 报告_中国政府网
        title = re.split(r"\s*[_|｜]\s*|\s+-\s+", title_el.text_content().strip())[0]
    title = re.sub(r"\s+", " ", title).strip()
    if title and _CJK.search(title) and not any(title in line for line in lines[:5]):
        lines.insert(0, title)
    return "\n".join(lines)
