"""The page's data and HTML without a browser: encoding, filters, escaping, self-containment, `kg viz`."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest
from pyoxigraph import NamedNode, Quad

from kg.cli import main
from kg.errors import UsageError
from kg.rdf.namespace import KG, RDF_TYPE
from kg.store.graphstore import GraphStore
from kg.web.viz import node_size, page_data, parse_classes, render_page
from tests.web.browser.graphs import (
    CITY,
    XSS_ALIAS,
    XSS_ENTERPRISE,
    XSS_EVENT,
    XSS_HEADING,
    XSS_SENTENCE,
    XSS_TITLE,
    entity,
    small_graph,
)


class _Page(HTMLParser):
    """Every element with its attributes, and the text of every <script> and <title>."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[tuple[dict, str]] = []
        self.title = ""
        self._in: tuple[str, dict] | None = None

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag in ("script", "title"):
            self._in = (tag, dict(attrs))
            if tag == "script":
                self.scripts.append((dict(attrs), ""))

    def handle_endtag(self, tag):
        self._in = None

    def handle_data(self, data):
        if self._in and self._in[0] == "script":
            attrs, text = self.scripts[-1]
            self.scripts[-1] = (attrs, text + data)
        elif self._in and self._in[0] == "title":
            self.title += data


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


def _embedded(page: str) -> dict:
    parsed = _parse(page)
    (data,) = [text for attrs, text in parsed.scripts if attrs.get("type") == "application/json"]
    return json.loads(data)


def _by_label(data: dict) -> dict[str, dict]:
    return {n["label"]: n for n in data["nodes"]}


def test_entities_become_styled_nodes_and_indicators_stay_on_their_entity():
    data = page_data(small_graph(), title="t").to_json()
    nodes = _by_label(data)
    assert len(nodes) == 6
    assert nodes["江北市"]["cls"] == "AdministrativeArea" and nodes["江北市"]["code"] == "990100"
    assert nodes["江北市"]["aliases"] == ["江北"]
    assert nodes["江北市"]["size"] > nodes["华星光电集团"]["size"] > nodes["青山区"]["size"]  # 3 > 2 > 1 mentions
    # the indicator is not a node: it sits on the city, with its evidence sentence
    (k,) = nodes["江北市"]["indicators"]
    ind = data["indicators"][k]
    assert (ind["metric"], ind["value"], ind["unit"], ind["year"], ind["kind"]) == ("地区生产总值增长", "6.2", "%",
                                                                                   "2025", "Actual")
    assert data["sentences"][ind["evidence"]][0] == "全市地区生产总值增长6.2％。"
    assert data["stats"]["unattachedIndicators"] == 1
    assert all(n["label"] != "地区生产总值增长" for n in data["nodes"])
    # every evidence sentence carries its section heading
    texts = [data["sentences"][s] for s in nodes["江北市"]["evidence"]]
    assert [t[0] for t in texts] == ["江北市青山区华星光电集团投资建设青山经济技术开发区。",
                                     "全市地区生产总值增长6.2％。"]
    assert {data["sections"][t[1]][0] for t in texts} == {XSS_HEADING}


def test_typed_relations_carry_their_evidence_and_co_mentions_stay_apart():
    data = page_data(small_graph()).to_json()
    label = {n["id"]: n["label"] for n in data["nodes"]}
    typed = {(label[e["from"]], e["kind"], label[e["to"]]) for e in data["edges"] if e["kind"] != "relatedTo"}
    assert typed == {("青山区", "partOf", "江北市"), ("华星光电集团", "invests", "青山经济技术开发区"),
                     ("青山经济技术开发区", "locatedIn", "青山区")}
    for e in data["edges"]:
        if e["kind"] != "relatedTo":
            assert [data["sentences"][s][0] for s in e["evidence"]] == [
                "江北市青山区华星光电集团投资建设青山经济技术开发区。"]
    assert sum(e["kind"] == "relatedTo" for e in data["edges"]) == 5
    relations = [r["id"] for r in data["relations"]]
    assert relations == ["locatedIn", "partOf", "invests", "relatedTo"]  # model order, co-mentions last
    assert [r["typed"] for r in data["relations"]] == [True, True, True, False]


def test_node_size_grows_with_mentions_and_is_capped():
    sizes = [node_size(m) for m in (1, 2, 5, 50, 500)]
    assert sizes == sorted(set(sizes))  # strictly growing
    assert node_size(0) == node_size(1) and node_size(100_000) == node_size(10**9) == 80.0


def test_filters_by_class_mentions_and_top_degree(monkeypatch):
    quads = small_graph()
    only = page_data(quads, classes=["Enterprise"])
    assert {n["label"] for n in only.nodes} == {"华星光电集团", XSS_ENTERPRISE}
    assert only.edges == []  # no relation joins the two enterprises
    frequent = page_data(quads, min_mentions=2)
    assert {n["label"] for n in frequent.nodes} == {"江北市", "华星光电集团"}
    assert [e["kind"] for e in frequent.edges] == ["relatedTo"]
    top = page_data(quads, top=2)
    # degree 3 for four entities; ties broken by mentions: 江北市 (3), then 华星光电集团 (2)
    assert {n["label"] for n in top.nodes} == {"江北市", "华星光电集团"}
    assert top.stats["entities"] == 6 and top.stats["shown"] == 2
    assert len(page_data(quads, top=0).nodes) == 6
    import kg.web.viz

    monkeypatch.setattr(kg.web.viz, "DEFAULT_MAX_NODES", 3)
    assert len(page_data(quads).nodes) == 3
    assert len(page_data(quads, top=0).nodes) == 6
    with pytest.raises(UsageError):
        page_data(quads, min_mentions=0)
    with pytest.raises(UsageError):
        page_data(quads, top=-1)


def test_co_mentions_are_thinned_to_the_strongest_per_entity():
    doc_a, doc_b = NamedNode("https://w3id.org/govkg/id/document/a"), NamedNode("https://w3id.org/govkg/id/document/b")
    names = [entity("Industry", f"产业{i:02d}") for i in range(20)]
    quads = [Quad(n, RDF_TYPE, KG.Industry, doc_a) for n in names]
    for i, a in enumerate(names):
        for b in names[i + 1:]:
            quads.append(Quad(a, KG.relatedTo, b, doc_a))
    quads.append(Quad(names[18], KG.relatedTo, names[19], doc_b))  # co-mentioned in two documents
    data = page_data(quads)
    related = [e for e in data.edges if e["kind"] == "relatedTo"]
    assert data.stats["relatedPossible"] == 190
    assert len(related) < 190
    assert all(sum(e["from"] == n["id"] or e["to"] == n["id"] for e in related) >= 1 for n in data.nodes)
    strongest = max(related, key=lambda e: e["weight"])
    assert strongest["weight"] == 2
    assert len(page_data(quads, top=0).edges) == len(related)


def test_hostile_strings_stay_text_in_the_html():
    page = render_page(small_graph(), title=XSS_TITLE)
    parsed = _parse(page)
    assert [t for t, _ in parsed.tags if t in ("img", "iframe", "object", "embed", "link", "base")] == []
    assert not [(t, a) for t, a in parsed.tags if any(k.startswith("on") for k in a)]
    assert len(parsed.scripts) == 3  # the data block, vis-network, the page's script
    assert parsed.title == XSS_TITLE  # html-escaped in the source, the literal string once parsed
    for raw in ("<script>window.__xss", "<img src=x", "</script><script>"):
        assert raw not in page
    data = _embedded(page)
    labels = {n["label"] for n in data["nodes"]}
    assert {XSS_ENTERPRISE, XSS_EVENT} <= labels
    assert XSS_ALIAS in _by_label(data)[XSS_ENTERPRISE]["aliases"]
    assert XSS_SENTENCE in [s[0] for s in data["sentences"]]
    assert data["title"] == XSS_TITLE and data["sections"][0][0] == XSS_HEADING


def test_page_is_self_contained_and_its_csp_admits_exactly_its_scripts():
    page = render_page(small_graph(hostile=False), title="江北")
    parsed = _parse(page)
    for tag, attrs in parsed.tags:
        assert "src" not in attrs and "href" not in attrs, (tag, attrs)
    assert not re.search(r"""(?:src|href)\s*=\s*["']?https?:""", page)
    assert "cdn.jsdelivr" not in page and "cdnjs.cloudflare" not in page
    (csp,) = [a["content"] for t, a in parsed.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    code = [text for attrs, text in parsed.scripts if "type" not in attrs]
    assert len(code) == 2 and "vis.Network" in code[1] and len(code[0]) > 100_000
    for text in code:
        digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
        assert f"'sha256-{digest}'" in csp


def test_parse_classes_reads_english_and_chinese():
    assert parse_classes(None) is None
    assert parse_classes(["企业,园区", "industry"]) == ["Enterprise", "Zone", "Industry"]
    assert parse_classes(["Enterprise Enterprise"]) == ["Enterprise"]
    with pytest.raises(UsageError, match="unknown class '公司'"):
        parse_classes(["公司"])


def test_build_page_and_kg_viz_show_the_same_graph(sample_build, tmp_path, capsys):
    out, _ = sample_build
    built = _embedded((out / "graph.html").read_text(encoding="utf-8"))
    assert built["title"] == "2025年天津市政府工作报告"
    target = tmp_path / "页面.html"
    assert main(["viz", str(out / "graph.trig"), "-o", str(target)]) == 0
    shown = _embedded(target.read_text(encoding="utf-8"))
    assert len(shown["nodes"]) == len(built["nodes"]) > 100
    assert len(shown["edges"]) == len(built["edges"]) > 100
    assert shown["title"] == built["title"]
    store = GraphStore.from_file(out / "graph.trig")
    rows = store.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a/rdfs:subClassOf kg:Entity }")
    entities = int(next(iter(rows))[0].value)
    assert len(shown["nodes"]) == entities
    assert f"{entities} of {entities} entities" in capsys.readouterr().out
    # every node's evidence is a sentence of the report, with its section
    for node in shown["nodes"]:
        assert node["evidence"]
        assert all(shown["sentences"][s][0] for s in node["evidence"])


def test_kg_viz_options_and_errors(sample_build, tmp_path, capsys):
    out, _ = sample_build
    target = tmp_path / "企业.html"
    assert main(["viz", str(out / "graph.trig"), "-o", str(target), "--classes", "企业", "--top", "5"]) == 0
    data = _embedded(target.read_text(encoding="utf-8"))
    assert {n["cls"] for n in data["nodes"]} == {"Enterprise"} and len(data["nodes"]) == 5
    assert main(["viz", str(out / "graph.trig"), "-o", str(tmp_path / "x.html"), "--min-mentions", "3"]) == 0
    data = _embedded((tmp_path / "x.html").read_text(encoding="utf-8"))
    assert data["nodes"] and min(n["mentions"] for n in data["nodes"]) >= 3
    capsys.readouterr()
    assert main(["viz", str(out / "graph.trig"), "--classes", "公司"]) == 2
    assert "unknown class" in capsys.readouterr().err
    assert main(["viz", str(out / "graph.trig"), "--top", "-1"]) == 2
    assert main(["viz", str(tmp_path / "missing.trig")]) == 2
    assert "no such graph file" in capsys.readouterr().err
    assert not (tmp_path / "graph.html").exists()


def test_default_output_is_beside_the_graph(tmp_path, capsys):
    from kg.rdf.export import serialize_rdf

    graph = tmp_path / "g.trig"
    graph.write_bytes(serialize_rdf(small_graph(hostile=False), "trig"))
    assert main(["viz", str(graph)]) == 0
    page = (tmp_path / "graph.html").read_text(encoding="utf-8")
    data = _embedded(page)
    assert data["title"] == "2026年江北市政府工作报告"
    assert _by_label(data)["江北市"]["iri"] == CITY.value
    assert "wrote" in capsys.readouterr().out


def test_evidence_is_capped_per_entity_and_drawn_from_every_document():
    from pyoxigraph import Literal

    from kg.rdf.namespace import DCT_PART_OF, DCT_TITLE

    area = entity("AdministrativeArea", "江北市")
    quads = []
    for d in range(3):
        doc = NamedNode(f"https://w3id.org/govkg/id/document/{d}")
        section = NamedNode(doc.value + "/section/0")
        quads += [Quad(doc, RDF_TYPE, KG.Document, doc), Quad(doc, DCT_TITLE, Literal(f"报告{d}"), doc),
                  Quad(section, DCT_PART_OF, doc, doc), Quad(area, RDF_TYPE, KG.AdministrativeArea, doc)]
        for k in range(5):
            sent = NamedNode(f"{doc.value}/sentence/{k}")
            quads += [Quad(sent, KG.text, Literal(f"报告{d}第{k}句"), doc), Quad(sent, KG.order, Literal(str(k)), doc),
                      Quad(sent, DCT_PART_OF, section, doc), Quad(area, KG.mentionedIn, sent, doc)]
    data = page_data(quads, max_evidence=4).to_json()
    (node,) = data["nodes"]
    assert node["evidenceTotal"] == 15
    texts = [data["sentences"][s][0] for s in node["evidence"]]
    assert texts == ["报告0第0句", "报告0第1句", "报告1第0句", "报告2第0句"]  # each report's first, in reading order
    assert [data["documents"][data["sections"][data["sentences"][s][1]][1]] for s in node["evidence"]][-1] == "报告2"
    everything = page_data(quads, max_evidence=0).to_json()
    assert len(everything["nodes"][0]["evidence"]) == 15 == len(everything["sentences"])
    with pytest.raises(UsageError):
        page_data(quads, max_evidence=-1)
