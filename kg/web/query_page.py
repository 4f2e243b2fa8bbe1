"""The query page `kg serve` shows at /: YASGUI (vendored in kg/web/static/yasgui) set up for GovKG.

The page declares the project's prefixes, lists the saved queries with their Chinese and English questions and
opens each in the editor with its parameters bound (``/saved/NAME.rq?param=value``, bound by kg.queries.library as
``kg query NAME --param`` binds). Its scripts and styles are files served by kg serve itself, and its
Content-Security-Policy lets the browser reach nothing but this endpoint.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from kg.queries.library import declared_prefixes, get_query, saved_queries, strip_comments_and_strings
from kg.rdf.namespace import PREFIXES

STATIC_DIR = Path(__file__).parent / "static"
CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; "
       "img-src 'self' data:; font-src 'self' data:; base-uri 'none'; form-action 'none'")
HEADER_CSP = CSP + "; frame-ancestors 'none'"  # frame-ancestors works only as a header, not in the page's <meta>
MEDIA_TYPES = {".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
               ".html": "text/html; charset=utf-8"}


def page_data() -> dict:
    """What the page's script gets: the prefixes, and each saved query with its questions and parameters."""
    return {"prefixes": dict(PREFIXES),
            "queries": [{"name": q.name, "zh": q.question_zh, "en": q.question_en, "form": q.form,
                         "params": [{"name": p.name, "kind": p.kind, "description": p.description,
                                     "default": p.default} for p in q.params]} for q in saved_queries()]}


@cache
def page_html() -> str:
    """The complete HTML of the query page (document strings only as escaped JSON)."""
    import html

    from kg.web.viz import json_for_html  # the graph page's escaping: the JSON cannot end its <script> element

    template = (STATIC_DIR / "query.html").read_text(encoding="utf-8")
    parts = {"CSP": html.escape(CSP), "DATA": json_for_html(page_data())}
    return re.sub(r"\{\{([A-Z]+)\}\}", lambda m: parts[m.group(1)], template)


def static_file(name: str) -> tuple[bytes, str] | None:
    """The bytes and media type of a script or style under kg/web/static, or None (unknown, or outside it)."""
    suffix = Path(name).suffix
    if suffix not in (".js", ".css") or "\\" in name or any(part in ("", ".", "..") for part in name.split("/")):
        return None
    path = STATIC_DIR / name
    if not path.is_file() or STATIC_DIR.resolve() not in path.resolve().parents:
        return None
    return path.read_bytes(), MEDIA_TYPES[suffix]


def used_prefixes(text: str) -> list[str]:
    """The project prefixes a query uses without declaring them, in the project's order."""
    bare = re.sub(r"<[^<>\s]*>", "<>", strip_comments_and_strings(text))  # IRIs may hold "rdf:" too
    have = declared_prefixes(text)
    return [p for p in PREFIXES if p not in have and re.search(rf"(?<![\w.:<-]){re.escape(p)}:", bare)]


def saved_query_text(name: str, params: dict[str, str]) -> str:
    """A saved query with its parameters bound and PREFIX lines for the prefixes it uses, as the editor shows
    it (the editor checks prefixed names against the query's own declarations)."""
    text = get_query(name).bind(params)
    lines = [f"PREFIX {p}: <{PREFIXES[p]}>" for p in used_prefixes(text)]
    return "\n".join(lines) + ("\n\n" if lines else "") + text
