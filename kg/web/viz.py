"""The interactive page: a self-contained vis.js network of the entities, with search, filters and evidence.

Everything the page needs is in-lined (vis-network 9.1.2 as bundled with pyvis, the page's own CSS/JS from
``kg/web/page/``), so it works offline and from ``file://``. A Content-Security-Policy allows only the page's own
scripts (by hash) and no host at all. Document strings reach the page only as JSON inside a
``<script type="application/json">`` block with ``<``, ``>`` and ``&`` escaped, and the page's script puts them
into the DOM with ``textContent`` (vis.js draws labels on a canvas and tooltips with ``innerText``).
"""

from __future__ import annotations

import base64
import hashlib
import html
import importlib
import importlib.util
import json
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from pyoxigraph import NamedNode, Quad

from kg.atomic import write_atomic
from kg.errors import UsageError
from kg.model import ENTITY_CLASSES, RELATION_TYPES
from kg.rdf.namespace import (
    DCT_PART_OF,
    DCT_TITLE,
    KG_NS,
    RDF_PREDICATE,
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_ALT,
)

CLASS_STYLE: dict[str, tuple[str, str, str]] = {
    # class: (colour, vis.js shape, 中文)
    "Enterprise": ("#e6194b", "dot", "企业"),
    "AdministrativeArea": ("#3cb44b", "square", "行政区域"),
    "Zone": ("#4363d8", "diamond", "园区"),
    "Project": ("#f58231", "triangle", "项目"),
    "Policy": ("#911eb4", "star", "政策"),
    "Organization": ("#0fa3b1", "hexagon", "机构"),
    "Event": ("#f032e6", "triangleDown", "活动"),
    "Industry": ("#9a6324", "pentagon", "产业"),  # drawn by the page as an in-line SVG image
}

RELATION_STYLE: dict[str, tuple[str, str, bool]] = {
    # relation: (colour, 中文, directed)
    "locatedIn": ("#2f6f3e", "位于", True),
    "partOf": ("#555555", "隶属", True),
    "cooperatesWith": ("#c0392b", "合作", False),
    "implements": ("#6c3483", "实施", True),
    "invests": ("#b9770e", "投资", True),
    "hosts": ("#1f618d", "举办", True),
}
RELATED = "relatedTo"
RELATED_STYLE = ("#b8b8b8", "共现", False)

# Without --top, a corpus larger than this shows its best-connected entities only, so the page opens in seconds.
DEFAULT_MAX_NODES = 800
# Evidence sentences (and indicators) an entity or relation carries into the page at most; a corpus's capital
# is named in thousands of sentences. The panel says how many there are in all.
MAX_EVIDENCE = 100
# Co-mention edges kept at most per shown entity (strongest first: co-mentioned in the most documents).
RELATED_PER_NODE = 6

VIS_DIR = "templates/lib/vis-9.1.2"
_K = {name: KG_NS + name for name in (
    "mentionedIn", "mentionCount", "divisionCode", "text", "heading", "order", "evidence", "metric", "value",
    "unit", "qualifier", "year", "valueKind", "about", "direction", "Sentence", "Section", "Document",
    "Statement", "Indicator", "Target", RELATED)}
_CLASS_OF = {KG_NS + c: c for c in ENTITY_CLASSES}
_ZH_CLASS = {zh: cls for cls, (_, _, zh) in CLASS_STYLE.items()}


@dataclass
class PageData:
    """What the page shows: vis.js-ready nodes and edges plus the detail tables the side panel reads."""

    title: str
    nodes: list[dict] = field(default_factory=list)
    edges: list[dict] = field(default_factory=list)
    indicators: list[dict] = field(default_factory=list)
    sentences: list[list] = field(default_factory=list)
    sections: list[list] = field(default_factory=list)
    documents: list[str] = field(default_factory=list)
    stats: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        """The JSON object embedded in the page."""
        classes = [{"id": c, "zh": zh, "color": col, "shape": shape} for c, (col, shape, zh) in CLASS_STYLE.items()]
        kinds = sorted({e["kind"] for e in self.edges} - {RELATED}, key=_relation_order)
        relations = [{"id": k, "zh": _relation_style(k)[1], "color": _relation_style(k)[0],
                      "typed": k != RELATED} for k in [*kinds, RELATED]]
        return {"title": self.title, "classes": classes, "relations": relations, "nodes": self.nodes,
                "edges": self.edges, "indicators": self.indicators, "sentences": self.sentences,
                "sections": self.sections, "documents": self.documents, "stats": self.stats}


def parse_classes(values: Iterable[str] | None) -> list[str] | None:
    """Class names from the command line (English or Chinese, comma or space separated); None for all."""
    if not values:
        return None
    found: list[str] = []
    for value in values:
        for name in filter(None, re.split(r"[,，\s]+", value)):
            cls = _ZH_CLASS.get(name) or next((c for c in ENTITY_CLASSES if c.lower() == name.lower()), None)
            if cls is None:
                known = ", ".join(f"{c} ({CLASS_STYLE[c][2]})" for c in ENTITY_CLASSES)
                raise UsageError(f"unknown class {name!r}; use one of {known}")
            if cls not in found:
                found.append(cls)
    return found


def check_options(min_mentions: int, top: int | None, max_evidence: int = 0) -> None:
    """Raise UsageError for a threshold that cannot be met."""
    if max_evidence < 0:
        raise UsageError(f"--evidence {max_evidence}: must be 0 (all) or more")
    if min_mentions < 1:
        raise UsageError(f"--min-mentions {min_mentions}: must be 1 or more")
    if top is not None and top < 0:
        raise UsageError(f"--top {top}: must be 0 (no limit) or more")


def default_title(store) -> str:
    """The page heading of a store: the title of its one document, else the number of documents."""
    rows = list(store.query("SELECT DISTINCT ?doc ?title WHERE { ?doc a kg:Document "
                            "OPTIONAL { ?doc dcterms:title ?title } }"))
    docs = {row["doc"].value: row["title"].value if row["title"] else "" for row in rows}
    if len(docs) == 1 and next(iter(docs.values())):
        return next(iter(docs.values()))
    return f"GovKG: {len(docs)} documents" if docs else "GovKG"


def _relation_order(kind: str) -> tuple[int, str]:
    return (RELATION_TYPES.index(kind) if kind in RELATION_TYPES else len(RELATION_TYPES), kind)


def _relation_style(kind: str) -> tuple[str, str, bool]:
    if kind == RELATED:
        return RELATED_STYLE
    return RELATION_STYLE.get(kind, ("#34495e", kind, True))


def node_size(mentions: int) -> float:
    """Node radius from the number of mentions: logarithmic, so a corpus's most-cited area stays readable."""
    return round(min(80.0, 10 + 7 * math.log2(1 + max(1, mentions))), 1)


class _Index:
    """One pass over the quads: what the page needs, keyed by IRI string."""

    def __init__(self, quads: Iterable[Quad]) -> None:
        self.cls: dict[str, str] = {}
        self.types: dict[str, set[str]] = defaultdict(set)
        self.label: dict[str, str] = {}
        self.aliases: dict[str, set[str]] = defaultdict(set)
        self.mentions: dict[str, int] = defaultdict(int)
        self.code: dict[str, str] = {}
        self.mentioned_in: dict[str, set[str]] = defaultdict(set)
        self.text: dict[str, str] = {}
        self.heading: dict[str, str] = {}
        self.order: dict[str, int] = {}
        self.part_of: dict[str, str] = {}
        self.title: dict[str, str] = {}
        self.props: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        self.typed: dict[tuple[str, str, str], set[str]] = {}
        self.related: dict[tuple[str, str], set[str]] = defaultdict(set)
        typed_iris = {KG_NS + r for r in RELATION_TYPES}
        statement_props = {_K["evidence"], RDF_PREDICATE.value, "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject",
                           "http://www.w3.org/1999/02/22-rdf-syntax-ns#object"}
        indicator_props = {_K[k] for k in ("metric", "value", "unit", "qualifier", "year", "valueKind", "about",
                                           "direction")}
        raw_typed: list[tuple[str, str, str]] = []
        for q in quads:
            s, p, o = q.subject.value, q.predicate.value, q.object
            if p == RDF_TYPE.value:
                self.types[s].add(o.value)
                if o.value in _CLASS_OF:
                    self.cls.setdefault(s, _CLASS_OF[o.value])
            elif p == RDFS_LABEL.value:
                self.label.setdefault(s, o.value)
            elif p == SKOS_ALT.value:
                self.aliases[s].add(o.value)
            elif p == _K["mentionCount"]:
                self.mentions[s] += int(o.value)
            elif p == _K["divisionCode"]:
                self.code[s] = o.value
            elif p == _K["mentionedIn"]:
                self.mentioned_in[s].add(o.value)
            elif p == _K["heading"]:
                self.heading[s] = o.value
            elif p == _K["order"]:
                self.order[s] = int(o.value)
            elif p == DCT_PART_OF.value:
                self.part_of[s] = o.value
            elif p == DCT_TITLE.value:
                self.title.setdefault(s, o.value)
            elif p == _K[RELATED] and isinstance(o, NamedNode):
                a, b = sorted((s, o.value))
                self.related[(a, b)].add(q.graph_name.value if isinstance(q.graph_name, NamedNode) else "")
            elif p in typed_iris and isinstance(o, NamedNode):
                raw_typed.append((s, p, o.value))
            if p == _K["text"]:
                self.text[s] = o.value
            if p in statement_props or p in indicator_props:
                self.props[s][p].append(o)
        for s, p, o in raw_typed:
            self.typed.setdefault((s, p.removeprefix(KG_NS), o), set())
        for stmt, props in self.props.items():
            if _K["Statement"] not in self.types.get(stmt, ()):
                continue
            subj = props.get("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")
            pred = props.get(RDF_PREDICATE.value)
            obj = props.get("http://www.w3.org/1999/02/22-rdf-syntax-ns#object")
            if subj and pred and obj and pred[0].value.startswith(KG_NS):
                key = (subj[0].value, pred[0].value.removeprefix(KG_NS), obj[0].value)
                self.typed.setdefault(key, set()).update(o.value for o in props.get(_K["evidence"], []))
        self._doc_of: dict[str, str] = {}

    def document_of(self, section: str) -> str:
        """The document a section belongs to (following dcterms:isPartOf up to a kg:Document)."""
        node, seen = section, set()
        while node not in seen:
            seen.add(node)
            if node in self._doc_of:
                return self._doc_of[node]
            if _K["Document"] in self.types.get(node, ()):
                break
            parent = self.part_of.get(node)
            if parent is None:
                break
            node = parent
        self._doc_of[section] = node
        return node


class _Tables:
    """Sentences, sections and documents, numbered in order of first use."""

    def __init__(self, index: _Index) -> None:
        self.index = index
        self.sentence_id: dict[str, int] = {}
        self.section_id: dict[str, int] = {}
        self.document_id: dict[str, int] = {}
        self.sentences: list[list] = []
        self.orders: list[int] = []
        self.sections: list[list] = []
        self.documents: list[str] = []

    def sentence(self, iri: str) -> int:
        """The number of a sentence: [text, section number]."""
        if iri not in self.sentence_id:
            section = self.index.part_of.get(iri, "")
            self.sentence_id[iri] = len(self.sentences)
            self.sentences.append([self.index.text.get(iri, ""), self.section(section)])
            self.orders.append(self.index.order.get(iri, 0))
        return self.sentence_id[iri]

    def section(self, iri: str) -> int:
        """The number of a section: [heading, document number]."""
        if iri not in self.section_id:
            self.section_id[iri] = len(self.sections)
            doc = self.index.document_of(iri) if iri else ""
            self.sections.append([self.index.heading.get(iri, ""), self.document(doc)])
        return self.section_id[iri]

    def document(self, iri: str) -> int:
        """The number of a document: its title."""
        if iri not in self.document_id:
            self.document_id[iri] = len(self.documents)
            self.documents.append(self.index.title.get(iri, iri.rsplit("/", 1)[-1]))
        return self.document_id[iri]

    def document_of_sentence(self, iri: str) -> str:
        """The IRI of the document a sentence belongs to."""
        return self.index.document_of(self.index.part_of.get(iri, ""))

    def spread(self, items: Iterable[str], cap: int, sentence_of=lambda item: item) -> list[str]:
        """At most ``cap`` items (0: all), taken in turn from every document: each one's first, then second…"""
        items = list(items)
        if not cap or len(items) <= cap:
            return items
        by_doc: dict[str, list[str]] = defaultdict(list)
        for item in items:
            by_doc[self.document_of_sentence(sentence_of(item))].append(item)
        ranked = []
        for doc, group in by_doc.items():
            group.sort(key=lambda item: (self.index.order.get(sentence_of(item), 0), item))
            ranked.extend((rank, doc, item) for rank, item in enumerate(group))
        return [item for _, _, item in sorted(ranked)[:cap]]

    def evidence(self, iris: Iterable[str], cap: int) -> list[int]:
        """Sentence numbers in reading order (document, then position), at most ``cap`` of them."""
        ids = [self.sentence(i) for i in self.spread(iris, cap)]
        return sorted(ids, key=lambda k: (self.sections[self.sentences[k][1]][1], self.orders[k]))


def page_data(quads: Iterable[Quad], *, title: str = "GovKG", classes: Sequence[str] | None = None,
              min_mentions: int = 1, top: int | None = None, max_evidence: int = MAX_EVIDENCE) -> PageData:
    """The entities, relations, indicators and evidence a page shows, after the class, mention and top-N filters.

    ``top=None`` keeps everything up to DEFAULT_MAX_NODES entities (the best-connected ones beyond that);
    ``top=0`` keeps everything. Each entity and relation carries at most ``max_evidence`` sentences and
    indicators (0: all), taken in turn from every document; the totals are kept.
    """
    check_options(min_mentions, top, max_evidence)
    index = _Index(quads)
    wanted = set(classes) if classes else set(ENTITY_CLASSES)
    total_entities = len(index.cls)
    keep = {e for e, c in index.cls.items() if c in wanted and max(1, index.mentions.get(e, 1)) >= min_mentions}

    neighbours: dict[str, set[str]] = defaultdict(set)
    for (s, _, o) in index.typed:
        if s in keep and o in keep and s != o:
            neighbours[s].add(o)
            neighbours[o].add(s)
    for (a, b) in index.related:
        if a in keep and b in keep and a != b:
            neighbours[a].add(b)
            neighbours[b].add(a)
    limit = DEFAULT_MAX_NODES if top is None else top
    if limit and len(keep) > limit:
        ranked = sorted(keep, key=lambda e: (-len(neighbours[e]), -index.mentions.get(e, 1), index.label.get(e, e), e))
        keep = set(ranked[:limit])

    data = PageData(title=title)
    tables = _Tables(index)
    order = sorted(keep, key=lambda e: (ENTITY_CLASSES.index(index.cls[e]), index.label.get(e, e), e))
    node_id = {iri: n for n, iri in enumerate(order)}
    for iri in order:
        cls = index.cls[iri]
        colour, shape, zh_class = CLASS_STYLE[cls]
        mentions = max(1, index.mentions.get(iri, 1))
        data.nodes.append({
            "id": node_id[iri], "iri": iri, "label": index.label.get(iri, iri.rsplit("/", 1)[-1]), "cls": cls,
            "aliases": sorted(index.aliases.get(iri, ())), "mentions": mentions, "size": node_size(mentions),
            "code": index.code.get(iri, ""), "degree": len(neighbours[iri] & keep),
            "evidence": tables.evidence(index.mentioned_in.get(iri, ()), max_evidence),
            "evidenceTotal": len(index.mentioned_in.get(iri, ())), "indicators": [], "indicatorsTotal": 0,
        })

    for (s, kind, o), evidence in sorted(index.typed.items()):
        if s in node_id and o in node_id and s != o:
            data.edges.append({"from": node_id[s], "to": node_id[o], "kind": kind,
                               "evidence": tables.evidence(evidence, max_evidence), "evidenceTotal": len(evidence)})
    data.edges.extend(_related_edges(index, node_id))

    unattached = 0
    about_node: dict[int, list[str]] = defaultdict(list)
    for iri, props in sorted(index.props.items()):
        if _K["Indicator"] not in index.types.get(iri, ()):
            continue
        about = [o.value for o in props.get(_K["about"], [])]
        unattached += not about
        for a in about:
            if a in node_id:
                about_node[node_id[a]].append(iri)
    ind_id: dict[str, int] = {}

    def evidence_of(indicator: str) -> str:
        found = index.props[indicator].get(_K["evidence"])
        return found[0].value if found else ""

    for n, indicators in sorted(about_node.items()):
        data.nodes[n]["indicatorsTotal"] = len(indicators)
        for iri in sorted(tables.spread(indicators, max_evidence, evidence_of)):
            if iri not in ind_id:
                ind_id[iri] = len(data.indicators)
                data.indicators.append(_indicator(index.props[iri], tables, index.text.get(iri, "")))
            data.nodes[n]["indicators"].append(ind_id[iri])

    data.sentences, data.sections, data.documents = tables.sentences, tables.sections, tables.documents
    data.stats = {"entities": total_entities, "shown": len(data.nodes), "edges": len(data.edges),
                  "relatedPossible": sum(1 for a, b in index.related if a in node_id and b in node_id),
                  "indicators": len(data.indicators), "unattachedIndicators": unattached,
                  "minMentions": min_mentions, "top": limit or 0, "classes": sorted(wanted, key=ENTITY_CLASSES.index)}
    return data


def _related_edges(index: _Index, node_id: dict[str, int]) -> list[dict]:
    """Co-mention edges between shown entities, at most RELATED_PER_NODE strongest per entity."""
    candidates = [(a, b, len(graphs)) for (a, b), graphs in index.related.items()
                  if a in node_id and b in node_id and a != b]
    if len(candidates) > RELATED_PER_NODE * len(node_id):
        candidates.sort(key=lambda t: (-t[2], node_id[t[0]], node_id[t[1]]))
        used: dict[str, int] = defaultdict(int)
        chosen = []
        for a, b, w in candidates:
            if used[a] < RELATED_PER_NODE or used[b] < RELATED_PER_NODE:
                used[a] += 1
                used[b] += 1
                chosen.append((a, b, w))
        candidates = chosen
    candidates.sort(key=lambda t: (node_id[t[0]], node_id[t[1]]))
    return [{"from": node_id[a], "to": node_id[b], "kind": RELATED, "weight": w} for a, b, w in candidates]


def _indicator(props: dict[str, list], tables: _Tables, text: str) -> dict:
    """One indicator as the side panel shows it."""
    def first(name: str) -> str:
        values = props.get(_K[name])
        return values[0].value if values else ""

    evidence = [tables.sentence(o.value) for o in props.get(_K["evidence"], [])]
    return {"metric": first("metric"), "value": first("value"), "unit": first("unit"),
            "qualifier": first("qualifier"), "year": first("year"), "direction": first("direction"),
            "kind": "Target" if first("valueKind") == _K["Target"] else "Actual", "text": text,
            "evidence": evidence[0] if evidence else None}


@cache
def _asset(package: str, name: str) -> str:
    """A text file shipped with a package: kg's page templates or pyvis's bundled vis-network."""
    if package == "kg":
        root = Path(__file__).parent
    else:  # locate the package without importing it (importing pyvis pulls in jinja2 and more: ~0.25 s)
        spec = importlib.util.find_spec(package)
        root = Path(spec.submodule_search_locations[0]) if spec and spec.submodule_search_locations else Path(
            importlib.import_module(package).__file__).parent
    return (root / name).read_text(encoding="utf-8")


def _json_for_html(obj: object) -> str:
    """JSON that cannot end its <script> element or open a comment: <, >, & and line separators escaped."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for raw, esc in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("\u2028", "\\u2028"),
                     ("\u2029", "\\u2029")):
        text = text.replace(raw, esc)
    return text


def _script_hash(code: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(code.encode("utf-8")).digest()).decode("ascii") + "'"


def _inline_script(code: str) -> str:
    if re.search(r"</script|<!--", code, re.IGNORECASE):
        raise ValueError("in-lined script contains </script or <!--")
    return code


def html_page(data: PageData) -> str:
    """The complete HTML of a page for the given data."""
    vis_js = _inline_script(_asset("pyvis", f"{VIS_DIR}/vis-network.min.js"))
    app_js = _inline_script(_asset("kg", "page/page.js"))
    csp = ("default-src 'none'; " f"script-src {_script_hash(vis_js)} {_script_hash(app_js)}; "
           "style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'")
    parts = {
        "TITLE": html.escape(data.title),
        "CSP": html.escape(csp),
        "VIS_CSS": _asset("pyvis", f"{VIS_DIR}/vis-network.css").replace("</", "<\\/"),
        "PAGE_CSS": _asset("kg", "page/page.css").replace("</", "<\\/"),
        "VIS_JS": vis_js,
        "APP_JS": app_js,
        "DATA": _json_for_html(data.to_json()),
    }
    return re.sub(r"\{\{([A-Z_]+)\}\}", lambda m: parts[m.group(1)], _asset("kg", "page/page.html"))


def render_page(quads: Iterable[Quad], *, title: str = "GovKG", classes: Sequence[str] | None = None,
                min_mentions: int = 1, top: int | None = None, max_evidence: int = MAX_EVIDENCE) -> str:
    """The page's HTML for a graph: self-contained (vis.js in-lined), every document string escaped."""
    return html_page(page_data(quads, title=title, classes=classes, min_mentions=min_mentions, top=top,
                               max_evidence=max_evidence))


def write_page(quads: Iterable[Quad], path: str | Path, *, title: str = "GovKG", classes: Sequence[str] | None = None,
               min_mentions: int = 1, top: int | None = None, max_evidence: int = MAX_EVIDENCE) -> PageData:
    """Render the page and write it atomically; return the data it shows."""
    data = page_data(quads, title=title, classes=classes, min_mentions=min_mentions, top=top,
                     max_evidence=max_evidence)
    write_atomic(path, html_page(data))
    return data
