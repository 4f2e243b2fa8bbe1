"""The RDF graph: shape of the data model, determinism, conformance to the project's shapes."""

from __future__ import annotations

import csv

import pyoxigraph

from kg.build import build
from kg.rdf.namespace import KG_NS
from kg.rdf.validate import validate_file
from kg.store.graphstore import GraphStore


def _count(store: GraphStore, sparql: str) -> int:
    return int(next(iter(store.query(sparql)))[0].value)


def test_every_entity_has_one_label_and_a_sentence(sample_build):
    out, _ = sample_build
    store = GraphStore.from_file(out / "graph.trig")
    bad = _count(store, """SELECT (COUNT(?e) AS ?n) WHERE { ?e a/rdfs:subClassOf kg:Entity .
        FILTER NOT EXISTS { ?e kg:mentionedIn ?s . ?s a kg:Sentence } }""")
    assert bad == 0
    labels = _count(store, """SELECT (COUNT(*) AS ?n) WHERE { ?e a/rdfs:subClassOf kg:Entity ; rdfs:label ?a, ?b .
        FILTER (?a != ?b) }""")
    assert labels == 0


def test_document_graph_holds_the_provenance(sample_build):
    out, _ = sample_build
    store = GraphStore.from_file(out / "graph.trig")
    rows = list(store.query("""SELECT ?doc ?title ?year ?issuer WHERE { GRAPH ?doc { ?doc a kg:Document ;
        dcterms:title ?title ; kg:year ?year ; kg:issuer ?issuer } }"""))
    assert len(rows) == 1
    assert rows[0]["title"].value == "2025年天津市政府工作报告"
    assert rows[0]["year"].value == "2025"
    assert rows[0]["issuer"].value.endswith("AdministrativeArea/天津市")
    # the sentence of a mention slices its text out of the document
    row = next(iter(store.query("""SELECT ?t ?st ?s ?e ?ms ?me WHERE { ?m a kg:Mention ; kg:text ?t ; kg:start ?ms ;
        kg:end ?me ; kg:inSentence ?sent . ?sent kg:text ?st ; kg:start ?s ; kg:end ?e } LIMIT 1""")))
    start = int(row["ms"].value) - int(row["s"].value)
    end = int(row["me"].value) - int(row["s"].value)
    assert row["st"].value[start:end] == row["t"].value


def test_ontology_lives_in_its_own_graph(sample_build):
    out, _ = sample_build
    store = GraphStore.from_file(out / "graph.trig")
    graphs = {r["g"].value for r in store.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert "https://w3id.org/govkg/ontology" in graphs and "https://w3id.org/govkg/summary" in graphs
    assert len(graphs) == 3  # the document, the ontology and the whole-store summary (kg.store.summary)


def test_build_is_byte_identical_across_runs(tmp_path, genre_file):
    build([genre_file], tmp_path / "a", page=False)
    build([genre_file], tmp_path / "b", page=False)
    for name in ("graph.ttl", "graph.trig", "entities.csv"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_sample_graph_conforms_to_the_shapes(sample_build):
    out, _ = sample_build
    report = validate_file(out / "graph.ttl")
    assert report.conforms, report.violations[:5]


def test_a_broken_graph_is_caught_by_the_shapes(tmp_path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(f"<https://w3id.org/govkg/id/Enterprise/x> a <{KG_NS}Enterprise> .\n", encoding="utf-8")
    report = validate_file(bad)
    assert not report.conforms
    assert any("label" in v or "mentionedIn" in v for v in report.violations)


def test_relatedTo_links_entities_of_one_sentence(sample_build):
    out, _ = sample_build
    store = GraphStore.from_file(out / "graph.ttl")
    assert _count(store, "SELECT (COUNT(*) AS ?n) WHERE { ?a kg:relatedTo ?b }") > 100
    parsed = list(pyoxigraph.parse(path=str(out / "graph.ttl")))
    assert len(parsed) > 5000


def test_area_parents_are_linked_even_when_the_report_never_names_them(tmp_path):
    report = tmp_path / "河南省.txt"
    report.write_text("2026年河南省政府工作报告\n一、2025年工作回顾\n林州市新增企业30家，郑州市持续发展。\n",
                      encoding="utf-8")
    build([report], tmp_path / "out", page=False)
    store = GraphStore.from_file(tmp_path / "out" / "graph.trig")
    rows = {(r["a"].value, r["p"].value) for r in store.query(
        "SELECT ?a ?p WHERE { ?e a kg:AdministrativeArea ; rdfs:label ?a ; kg:partOf ?x . ?x rdfs:label ?p }")}
    assert {("林州市", "安阳市"), ("郑州市", "河南省")} <= rows
    # every partOf is stated, and the unnamed parent is no entity of the document
    assert _count(store, """SELECT (COUNT(*) AS ?n) WHERE { ?a kg:partOf ?p FILTER NOT EXISTS {
        ?st a kg:Statement ; rdf:subject ?a ; rdf:predicate kg:partOf ; rdf:object ?p } }""") == 0
    assert _count(store, 'SELECT (COUNT(*) AS ?n) WHERE { ?p rdfs:label "安阳市"@zh ; a ?c }') == 0
    assert validate_file(tmp_path / "out" / "graph.ttl").conforms


def test_a_documents_triples_are_distinct_sorted_and_serialised_once(pipeline, genre_file, monkeypatch):
    from kg.build import load_document
    from kg.rdf import graph
    from kg.rdf.graph import extraction_ntriples, extraction_quads

    result = pipeline(load_document(genre_file))
    made = graph._triples(result, graph.DEFAULT_BASE)
    monkeypatch.setattr(graph, "_triples", lambda result, base: made + made[:7])  # some made twice
    triples, lines = extraction_ntriples(result)
    assert len(triples) == len(set(triples)) == len(made) > 100
    assert lines == pyoxigraph.serialize(triples, format=pyoxigraph.RdfFormat.N_TRIPLES)
    assert lines.splitlines() == sorted(lines.splitlines())
    assert {q.triple for q in pyoxigraph.parse(lines, format=pyoxigraph.RdfFormat.N_TRIPLES)} == set(triples)
    quads = extraction_quads(result)
    assert [q.triple for q in quads] == triples and len({q.graph_name for q in quads}) == 1


def test_the_issuer_area_is_an_entity_even_when_the_text_never_names_it(tmp_path):
    # A span saved without its title: the issuer comes from the file name, and acts as its area (issue 18).
    report = tmp_path / "zhejiang-2026-plan.txt"
    report.write_text("三、2026年重点工作\n深入实施“千万工程”，健全长期护理保险制度。\n", encoding="utf-8")
    build([report], tmp_path / "out", page=False)
    store = GraphStore.from_file(tmp_path / "out" / "graph.trig")
    rows = [(r["label"].value, r["x"].value) for r in store.query(
        "SELECT ?label ?x WHERE { ?d a kg:Document ; kg:issuer ?a . ?a a kg:AdministrativeArea ; rdfs:label ?label ;"
        " kg:extractor ?x FILTER NOT EXISTS { ?a kg:mentionedIn ?s } }")]
    assert rows == [("浙江省", "metadata.issuer")]
    assert _count(store, 'SELECT (COUNT(*) AS ?n) WHERE { ?a rdfs:label "浙江省"@zh ; kg:implements ?p }') >= 1
    assert validate_file(tmp_path / "out" / "graph.ttl").conforms


def test_the_page_of_a_large_store_draws_an_unmentioned_issuer_area(tmp_path, monkeypatch):
    # A large store's page picks the most connected entities; the issuer area, the hub of kg:implements, may
    # have no mention at all (issue 18) and must still be drawn.
    import importlib

    kb = importlib.import_module("kg.build")  # the module (kg.build is also the function kg exports)

    report = tmp_path / "zhejiang-2026-plan.txt"
    report.write_text("三、2026年重点工作\n深入实施“千万工程”，健全长期护理保险制度。\n", encoding="utf-8")
    build([report], tmp_path / "out", page=False)
    store = GraphStore.open_read_only(tmp_path / "out" / "store")
    rows = kb.entity_rows(store)
    monkeypatch.setattr(kb, "PAGE_WHOLE_LIMIT", 0)
    quads = kb.page_quads(store, top=10, mentions={row["iri"]: int(row["mentions"]) for row in rows})
    labels = {q.object.value for q in quads if q.predicate.value.endswith("#label")}
    assert "浙江省" in labels


def test_entities_csv_lists_an_unmentioned_issuer_with_its_relations(tmp_path):
    # The issuer is the actor of the report's implements even when the text never names it, so the table a
    # researcher opens first lists it, with its relations and the document it issued.
    report = tmp_path / "zhejiang-2026-plan.txt"
    report.write_text("三、2026年重点工作\n深入实施“千万工程”，健全长期护理保险制度。\n", encoding="utf-8")
    build([report], tmp_path / "out", page=False)
    with (tmp_path / "out" / "entities.csv").open(encoding="utf-8") as f:
        rows = {row["label"]: row for row in csv.DictReader(f)}
    issuer = rows["浙江省"]
    assert (issuer["class"], issuer["mentions"], issuer["documents"]) == ("AdministrativeArea", "0", "1")
    assert "implements “千万工程”" in issuer["relations"].split("|")


def test_an_area_is_part_of_a_parent_the_text_never_names_but_not_of_one_named_apart(tmp_path):
    # 若尔盖县's prefecture is never named: the lexicon states the link. 红原县's prefecture is named in another
    # sentence, not before it: no sentence states the link, so none is made (the reader checks each one).
    report = tmp_path / "sichuan-2026-plan.txt"
    report.write_text("三、2026年重点工作\n推进若尔盖县湿地保护。\n", encoding="utf-8")
    build([report], tmp_path / "a", page=False)
    report.write_text("三、2026年重点工作\n支持阿坝州建设生态示范区。\n推进红原县湿地保护。\n", encoding="utf-8")
    build([report], tmp_path / "b", page=False)
    query = ('SELECT ?c ?x WHERE { ?st rdf:subject ?s ; rdf:predicate kg:partOf ; rdf:object ?a ; kg:extractor ?x .'
             ' ?s rdfs:label ?c . ?a rdfs:label "阿坝藏族羌族自治州"@zh }')
    linked = {(r["c"].value, r["x"].value) for out in ("a", "b")
              for r in GraphStore.from_file(tmp_path / out / "graph.trig").query(query)}
    assert linked == {("若尔盖县", "lexicon.divisions")}
