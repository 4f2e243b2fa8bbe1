"""The networkx view: nodes, typed and co-mention edges, evidence, documents, exports."""

from __future__ import annotations

from itertools import combinations

import networkx as nx
from pyoxigraph import Literal, NamedNode, Quad

from kg.explore.network import EntityNetwork, to_networkx
from kg.rdf.namespace import DCT_TITLE, KG, RDF_OBJECT, RDF_PREDICATE, RDF_SUBJECT, RDF_TYPE, RDFS_LABEL, SKOS_ALT

BASE = "https://example.org/"
XSD_INT = NamedNode("http://www.w3.org/2001/XMLSchema#integer")


def iri(label: str) -> str:
    """The test IRI of an entity."""
    return BASE + "e/" + label


def doc_quads(doc: str, entities: dict[str, str], sentences: list[str], *, typed=(), aliases=None,
              title: str | None = None) -> list[Quad]:
    """Quads of one small document: every entity named in a sentence is mentioned there (co-mentions follow),
    and each typed relation (subject, kind, object, sentence index) gets a kg:Statement with its evidence."""
    g = NamedNode(BASE + doc)
    out = [Quad(g, RDF_TYPE, KG.Document, g), Quad(g, DCT_TITLE, Literal(title or doc, language="zh"), g)]
    mentioned: dict[str, set[int]] = {}
    for k, text in enumerate(sentences):
        s = NamedNode(f"{BASE}{doc}/sentence/{k}")
        out += [Quad(s, RDF_TYPE, KG.Sentence, g), Quad(s, KG.text, Literal(text, language="zh"), g)]
        for label in entities:
            if label in text:
                mentioned.setdefault(label, set()).add(k)
    for label, cls in entities.items():
        e = NamedNode(iri(label))
        out += [Quad(e, RDF_TYPE, KG[cls], g), Quad(e, RDFS_LABEL, Literal(label, language="zh"), g),
                Quad(e, KG.mentionCount, Literal(str(len(mentioned.get(label, ())) or 1), datatype=XSD_INT), g)]
        out += [Quad(e, KG.mentionedIn, NamedNode(f"{BASE}{doc}/sentence/{k}"), g) for k in mentioned.get(label, ())]
        out += [Quad(e, SKOS_ALT, Literal(a, language="zh"), g) for a in (aliases or {}).get(label, ())]
    for text in sentences:
        named = sorted(iri(label) for label in entities if label in text)
        out += [Quad(NamedNode(a), KG.relatedTo, NamedNode(b), g) for a, b in combinations(named, 2)]
    for n, (s, kind, o, k) in enumerate(typed):
        stmt = NamedNode(f"{BASE}{doc}/statement/{n}")
        out += [Quad(NamedNode(iri(s)), KG[kind], NamedNode(iri(o)), g), Quad(stmt, RDF_TYPE, KG.Statement, g),
                Quad(stmt, RDF_SUBJECT, NamedNode(iri(s)), g), Quad(stmt, RDF_PREDICATE, KG[kind], g),
                Quad(stmt, RDF_OBJECT, NamedNode(iri(o)), g),
                Quad(stmt, KG.evidence, NamedNode(f"{BASE}{doc}/sentence/{k}"), g)]
    return out


TWO_DOCS = (
    doc_quads("甲市", {"华星集团": "Enterprise", "青山区": "AdministrativeArea", "数智行动": "Policy"},
              ["华星集团总部落户青山区。", "青山区实施数智行动。"], typed=[("华星集团", "locatedIn", "青山区", 0)],
              aliases={"华星集团": ["华星"]}, title="2026年甲市政府工作报告")
    + doc_quads("乙市", {"数智行动": "Policy", "江北港": "Zone"}, ["江北港推进数智行动。"],
                title="2026年乙市政府工作报告")
)


def test_nodes_carry_class_label_aliases_and_documents():
    net = EntityNetwork.from_quads(TWO_DOCS)
    assert net.graph.number_of_nodes() == 4
    node = net.graph.nodes[iri("华星集团")]
    assert (node["cls"], node["label"], node["aliases"]) == ("Enterprise", "华星集团", ["华星"])
    shared = net.graph.nodes[iri("数智行动")]
    assert shared["documents"] == [BASE + "乙市", BASE + "甲市"]
    assert shared["mentions"] == 2  # one mention in each document, summed


def test_typed_and_comention_relations_on_one_edge_with_weight():
    net = EntityNetwork.from_quads(TWO_DOCS)
    rels = net.relations(iri("青山区"), iri("华星集团"))
    assert [r.kind for r in rels] == ["locatedIn", "relatedTo"]
    assert rels[0].source == iri("华星集团") and rels[0].target == iri("青山区")
    assert net.graph[iri("华星集团")][iri("青山区")]["weight"] == 3  # typed 2 + co-mentioned in 1 document
    assert set(net.typed_view().edges()) == {(iri("华星集团"), iri("青山区"))} or \
        set(net.typed_view().edges()) == {(iri("青山区"), iri("华星集团"))}


def test_evidence_of_typed_relation_is_its_statement_sentence():
    net = EntityNetwork.from_quads(TWO_DOCS)
    typed, _ = net.relations(iri("华星集团"), iri("青山区"))
    [ev] = net.evidence(typed)
    assert ev.text == "华星集团总部落户青山区。"
    assert ev.document == BASE + "甲市" and ev.title == "2026年甲市政府工作报告"


def test_evidence_of_comention_is_the_shared_sentences_in_the_right_document():
    net = EntityNetwork.from_quads(TWO_DOCS)
    [rel] = net.relations(iri("数智行动"), iri("江北港"))
    assert [(e.text, e.title) for e in net.evidence(rel)] == [("江北港推进数智行动。", "2026年乙市政府工作报告")]


def test_document_filter_keeps_one_report():
    net = EntityNetwork.from_quads(TWO_DOCS, documents=[BASE + "乙市"])
    assert sorted(net.label(n) for n in net.graph) == ["数智行动", "江北港"]


def test_to_networkx_export_has_plain_attributes_and_evidence(tmp_path):
    graph = to_networkx(TWO_DOCS, for_export=True)
    assert isinstance(graph, nx.MultiDiGraph)
    data = graph.get_edge_data(iri("华星集团"), iri("青山区"))["locatedIn"]
    assert data["kind"] == "locatedIn" and data["evidence"] == "华星集团总部落户青山区。"
    nx.write_graphml(graph, tmp_path / "g.graphml")  # raises on list-valued attributes
    back = nx.read_graphml(tmp_path / "g.graphml")
    assert back.nodes[iri("华星集团")]["aliases"] == "华星"


def test_to_networkx_default_keeps_lists():
    graph = to_networkx(TWO_DOCS)
    assert graph.nodes[iri("数智行动")]["aliases"] == []
    assert graph.get_edge_data(iri("数智行动"), iri("江北港"))["relatedTo"]["evidence"] == ["江北港推进数智行动。"]


def test_subgraph_quads_hold_only_the_chosen_entities_and_their_sentences():
    net = EntityNetwork.from_quads(TWO_DOCS)
    quads = net.subgraph_quads([iri("华星集团"), iri("青山区")])
    subjects = {q.subject.value for q in quads}
    assert iri("数智行动") not in subjects
    assert any(q.predicate == KG.locatedIn for q in quads)
    assert any(q.predicate == KG.text and q.object.value == "华星集团总部落户青山区。" for q in quads)
    assert EntityNetwork.from_quads(quads).graph.number_of_nodes() == 2


def test_sample_view_matches_the_build(sample_build):
    from kg.explore.network_cache import load_network
    from kg.store.graphstore import GraphStore

    out = sample_build[0]
    net = load_network(out / "graph.trig")
    rows = GraphStore.from_file(out / "graph.trig").query(
        "SELECT ?e ?c WHERE { ?e a ?c . ?c rdfs:subClassOf kg:Entity }")
    expected = {(row["e"].value, row["c"].value.rsplit("#", 1)[-1]) for row in rows}
    assert {(n, d["cls"]) for n, d in net.graph.nodes(data=True)} == expected
    assert net.graph.number_of_edges() > 100
    a, b = next(iter(net.graph.edges()))
    assert all(net.evidence(r) for r in net.relations(a, b))


def test_a_store_with_a_merged_union_counts_each_mention_once(tmp_path):
    """kg build copies the union of the documents into the default graph; the network must not count it twice."""
    from kg.build import build
    from kg.explore.network_cache import load_network

    report = tmp_path / "江北市.txt"
    report.write_text("2026年江北市政府工作报告\n一、2025年工作回顾\n青山工业区扩区。青山工业区新增企业20家。\n",
                      encoding="utf-8")
    build([report], tmp_path / "out", page=False, model="none")  # the rules alone find the zone in two sentences
    net = load_network(store=tmp_path / "out" / "store")
    zone = next(d for _, d in net.graph.nodes(data=True) if d.get("label") == "青山工业区")
    assert zone["mentions"] == 2


def test_labels_and_literals_with_spaces_quotes_and_typed_counts_are_read_exactly():
    """The reader splits serialised results as text: odd literals must neither shift nor lose values."""
    g = NamedNode(BASE + "丙市")
    a, b = NamedNode(iri("甲乙")), NamedNode(iri("丙"))
    xsd_int = NamedNode("http://www.w3.org/2001/XMLSchema#int")
    quads = [Quad(a, RDF_TYPE, KG.Zone, g), Quad(a, RDFS_LABEL, Literal('甲 "乙"\t区, 一号', language="zh"), g),
             Quad(a, SKOS_ALT, Literal("甲,乙\n区"), g), Quad(a, KG.mentionCount, Literal("3", datatype=xsd_int), g),
             Quad(b, RDF_TYPE, KG.Project, g), Quad(b, KG.relatedTo, a, g),
             Quad(b, KG.relatedTo, Literal("不是 实体"), g), Quad(a, KG.locatedIn, Literal("某 地"), g)]
    net = EntityNetwork.from_quads(quads)
    assert net.label(iri("甲乙")) == '甲 "乙"\t区, 一号'
    assert net.aliases(iri("甲乙")) == ["甲,乙\n区"]
    assert net.mentions(iri("甲乙")) == 3 and net.mentions(iri("丙")) == 1  # no count stated: 1
    assert net.label(iri("丙")) == "丙"  # no label: the IRI's last segment
    assert net.number_of_edges() == 1 and [r.kind for r in net.relations(iri("丙"), iri("甲乙"))] == ["relatedTo"]


def test_relations_keep_direction_kind_and_documents():
    a, b = NamedNode(iri("甲")), NamedNode(iri("乙"))
    quads = []
    for doc in ("一", "二"):
        g = NamedNode(BASE + doc)
        quads += [Quad(a, RDF_TYPE, KG.Enterprise, g), Quad(b, RDF_TYPE, KG.Zone, g), Quad(a, KG.locatedIn, b, g)]
    quads += [Quad(a, KG.relatedTo, b, NamedNode(BASE + "一")), Quad(b, KG.relatedTo, a, NamedNode(BASE + "二")),
              Quad(a, KG.relatedTo, a, NamedNode(BASE + "一"))]  # a self-loop is no edge
    net = EntityNetwork.from_quads(quads)
    assert net.relations(iri("乙"), iri("甲")) == [
        ("locatedIn", iri("甲"), iri("乙"), (BASE + "一", BASE + "二")),
        ("relatedTo", iri("乙"), iri("甲"), (BASE + "二",)),  # same kind: by source IRI
        ("relatedTo", iri("甲"), iri("乙"), (BASE + "一",))]
    assert net.weight(iri("甲"), iri("乙")) == 2 + 1 + 1 and net.typed(iri("甲"), iri("乙"))
    assert net.degree(iri("甲")) == 1 and not net.has_edge(iri("甲"), iri("甲"))
    assert net.documents(iri("甲")) == [BASE + "一", BASE + "二"]


def test_a_default_graph_store_is_one_document_named_default():
    quads = [Quad(q.subject, q.predicate, q.object) for q in TWO_DOCS]  # as a Turtle file loads: no graphs
    net = EntityNetwork.from_quads(quads)
    assert net.documents(iri("数智行动")) == ["default"]
    assert net.mentions(iri("数智行动")) == 1  # one triple per count in a merged graph
    [rel] = net.relations(iri("数智行动"), iri("江北港"))
    assert rel.documents == ("default",) and net.evidence(rel)[0].text == "江北港推进数智行动。"


def test_networkx_view_and_arrays_agree():
    net = EntityNetwork.from_quads(TWO_DOCS)
    graph = net.graph
    assert list(graph.nodes) == net.nodes
    assert all(graph.nodes[n] == net.attributes(n) for n in net.nodes)
    assert graph.number_of_edges() == net.number_of_edges()
    for a, b, data in graph.edges(data=True):
        assert data["weight"] == net.weight(a, b) and data["typed"] == net.typed(a, b)
        assert sorted(data["relations"]) == sorted(net.relations(a, b))
    assert sorted(net.adjacent(iri("数智行动"))) == sorted((n, graph[iri("数智行动")][n]["weight"])
                                                           for n in graph[iri("数智行动")])
    weighted = net.weighted_graph()
    assert sorted(weighted.edges(data="weight")) == sorted(graph.edges(data="weight"))
    indptr, indices, _ = net.csr()
    rows = [indices[indptr[i]:indptr[i + 1]].tolist() for i in range(len(net))]
    assert all(row == sorted(row) for row in rows)  # neighbours in node order: edges are found by bisection
    assert [net.nodes[j] for j in rows[net.index[iri("数智行动")]]] == sorted(graph[iri("数智行动")])
