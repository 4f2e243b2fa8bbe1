"""The saved query library (kg/queries/*.rq): listing, headers, parameter binding and prefix declaration.

Each .rq file opens with comment lines::

    # zh: 某一类有哪些实体？
    # en: Which entities belong to one class?
    # param class iri: 实体类，如 kg:Zone / the class, e.g. kg:Zone

and binds each parameter in its body with a ``VALUES ?class { kg:Enterprise }`` block holding the default
(``UNDEF`` leaves the variable unbound). Binding rewrites that block, so a bound query is still plain SPARQL
that runs on any endpoint. A query may repeat the block, with the same default, in several groups (e.g. in each
branch of a UNION, or beside a ``FILTER(BOUND(?class))`` guard that lets the engine drop the branch written
for the other case before it runs): binding rewrites every copy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from kg.errors import UsageError
from kg.rdf.namespace import PREFIXES, XSD_NS

QUERY_DIR = Path(__file__).parent  # the saved .rq files sit beside this module
PARAM_KINDS = ("zh", "string", "iri", "integer", "decimal", "year")
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_PARAM_RE = re.compile(r"^#\s*param\s+(\w+)\s+(\w+)\s*:\s*(.*)$")
_PREFIX_DECL_RE = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
_FORM_RE = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Param:
    """One parameter of a saved query: its variable name, kind, description and default as written."""

    name: str
    kind: str
    description: str
    default: str


@dataclass(frozen=True)
class SavedQuery:
    """A query of the library with the question it answers in Chinese and English."""

    name: str
    text: str
    question_zh: str
    question_en: str
    params: tuple[Param, ...] = field(default_factory=tuple)

    @property
    def form(self) -> str:
        """SELECT, ASK, CONSTRUCT or DESCRIBE."""
        match = _FORM_RE.search(strip_comments_and_strings(self.text))
        return match.group(1).upper() if match else "SELECT"

    def bind(self, values: dict[str, str] | None = None) -> str:
        """The query text with the given parameters bound (the others keep their defaults)."""
        values = dict(values or {})
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            have = ", ".join(known) or "none"
            raise UsageError(f"query {self.name} has no parameter {', '.join(unknown)} (parameters: {have})")
        text = self.text
        for key, raw in values.items():
            term = term_for(known[key], raw)
            text = _values_block(key).sub(lambda m, term=term: f"{m.group(1)} {term} {m.group(2)}", text)
        return text


def _values_block(name: str) -> re.Pattern[str]:
    return re.compile(r"(VALUES\s+\?" + re.escape(name) + r"\s*\{)[^}]*(\})", re.IGNORECASE)


def _quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r") + '"'


def term_for(param: Param, raw: str) -> str:
    """The SPARQL term for a value typed on the command line; an empty value leaves the variable unbound."""
    raw = raw.strip()
    if raw == "" or raw.upper() == "UNDEF":
        return "UNDEF"
    kind = param.kind
    if kind == "zh":
        return _quote(raw) + "@zh"
    if kind == "string":
        return _quote(raw)
    if kind == "year":
        if not re.fullmatch(r"\d{4}", raw):
            raise UsageError(f"parameter {param.name}: {raw!r} is not a year; write four digits, e.g. 2025")
        return f'"{raw}"^^<{XSD_NS}gYear>'
    if kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", raw):
            raise UsageError(f"parameter {param.name}: {raw!r} is not an integer, e.g. 20")
        return f'"{int(raw)}"^^<{XSD_NS}integer>'
    if kind == "decimal":
        try:
            number = Decimal(raw)
        except InvalidOperation:
            raise UsageError(f"parameter {param.name}: {raw!r} is not a number, e.g. 5.5") from None
        return f'"{number}"^^<{XSD_NS}decimal>'
    return _iri_term(param, raw)


def _iri_term(param: Param, raw: str) -> str:
    if raw.startswith("<") and raw.endswith(">"):
        raw = raw[1:-1]
    if re.match(r"^[a-zA-Z][\w+.-]*://", raw):
        iri = raw
    elif ":" in raw and raw.split(":", 1)[0] in PREFIXES:
        prefix, local = raw.split(":", 1)
        iri = PREFIXES[prefix] + local
    elif re.fullmatch(r"[A-Za-z]\w*", raw):
        iri = PREFIXES["kg"] + raw
    else:
        raise UsageError(f"parameter {param.name}: {raw!r} is not an IRI; write kg:Zone, Zone or <https://…>")
    if re.search(r'[\s<>"{}|^`\\]', iri):
        raise UsageError(f"parameter {param.name}: {raw!r} contains characters not allowed in an IRI")
    return f"<{iri}>"


def parse_header(name: str, text: str) -> SavedQuery:
    """A SavedQuery from the text of an .rq file; raise ValueError when the header is incomplete."""
    question_zh = question_en = ""
    params: list[Param] = []
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped.startswith("#"):
            if stripped:
                break
            continue
        body = stripped.lstrip("#").strip()
        if body.startswith("zh:"):
            question_zh = body[3:].strip()
        elif body.startswith("en:"):
            question_en = body[3:].strip()
        elif (m := _PARAM_RE.match(stripped)) is not None:
            pname, kind, description = m.groups()
            if kind not in PARAM_KINDS:
                raise ValueError(f"{name}.rq: parameter {pname} has unknown kind {kind}; use one of {PARAM_KINDS}")
            defaults = {" ".join(text[b.end(1):b.start(2)].split()) for b in _values_block(pname).finditer(text)}
            if not defaults:
                raise ValueError(f"{name}.rq: parameter {pname} has no VALUES ?{pname} {{ … }} block")
            if len(defaults) > 1:
                raise ValueError(f"{name}.rq: the VALUES ?{pname} blocks hold different defaults: {sorted(defaults)}")
            default = defaults.pop()
            params.append(Param(pname, kind, description.strip(), default))
    if not question_zh or not question_en:
        raise ValueError(f"{name}.rq: the header must state the question with '# zh:' and '# en:' lines")
    return SavedQuery(name, text, question_zh, question_en, tuple(params))


def has_header(text: str) -> bool:
    """Whether an .rq file opens with the library's '# zh:' line (other .rq files serve other commands)."""
    return text.lstrip().startswith("# zh:")


@lru_cache(maxsize=1)
def _library() -> dict[str, SavedQuery]:
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(QUERY_DIR.glob("*.rq"))}
    return {name: parse_header(name, text) for name, text in texts.items() if has_header(text)}


def saved_queries() -> list[SavedQuery]:
    """Every saved query, sorted by name."""
    return list(_library().values())


def get_query(name: str) -> SavedQuery:
    """The saved query of that name; raise UsageError naming the alternatives otherwise."""
    library = _library()
    if name not in library:
        raise UsageError(f"no saved query named {name!r}; `kg query --list` shows the {len(library)} saved queries")
    return library[name]


def is_query_name(text: str) -> bool:
    """Whether an argument looks like the name of a saved query rather than SPARQL text."""
    return bool(NAME_RE.match(text))


def library_listing() -> str:
    """A human listing of the library: name, parameters with defaults, and the question in both languages."""
    lines = []
    for q in saved_queries():
        params = " ".join(f"{p.name}={p.default}" for p in q.params)
        lines.append(f"{q.name}  [{q.form}]" + (f"  {params}" if params else ""))
        lines.append(f"    {q.question_zh}")
        lines.append(f"    {q.question_en}")
    return "\n".join(lines)


def strip_comments_and_strings(text: str) -> str:
    """The query with comments removed and string literals emptied; IRIs are kept whole."""
    out: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "#":
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif ch == "<":
            m = re.compile(r'<[^<>"{}|^`\\\s]*>').match(text, i)
            if m:
                out.append(m.group(0))
                i = m.end()
            else:
                out.append(ch)
                i += 1
        elif ch in "\"'":
            quote = ch * 3 if text.startswith(ch * 3, i) else ch
            j = i + len(quote)
            while j < n and not text.startswith(quote, j):
                j += 2 if text[j] == "\\" else 1
            out.append('""')
            i = j + len(quote)
        else:
            out.append(ch)
            i += 1
    return "".join(out)


def declared_prefixes(text: str) -> set[str]:
    """Prefixes the query declares itself (the empty prefix as '')."""
    return {m.group(1) or "" for m in _PREFIX_DECL_RE.finditer(strip_comments_and_strings(text))}


def with_prefixes(text: str) -> str:
    """The query with the standard prefixes it does not declare itself prepended on its first line.

    The declarations go on the same line as the query's first character, so line numbers in error messages
    still match the text the user wrote.
    """
    have = declared_prefixes(text)
    decls = " ".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p not in have)
    return f"{decls} {text}" if decls else text


def restore_error_position(message: str, added: int) -> str:
    """A parser message about a query that got ``added`` characters of prefixes on line 1, as the user wrote it.

    >>> restore_error_position("error at 1:460: expected ...", 451)
    'error at 1:9: expected ...'
    """
    def shift(match: re.Match[str]) -> str:
        column = int(match.group(1)) - added
        return f"error at 1:{column}" if column > 0 else match.group(0)

    return re.sub(r"error at 1:(\d+)", shift, message) if added else message
