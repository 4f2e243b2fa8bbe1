"""The saved query library: headers, parameter binding, and the answers of every query on the sample and on
small hand-made graphs holding the relations and indicators of DATA-MODEL.md."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from decimal import Decimal

import pytest
from pyoxigraph import NamedNode, QueryBoolean, QuerySolutions, QueryTriples, RdfFormat

from kg.errors import UsageError
from kg.queries.library import (
    Param,
    declared_prefixes,
    get_query,
    parse_header,
    restore_error_position,
    saved_queries,
    strip_comments_and_strings,
    term_for,
    with_prefixes,
)
from kg.rdf.namespace import KG_NS, RDF_NS, RDFS_NS, XSD_NS
from kg.store.graphstore import GraphStore

ENTITY_CLASSES = ("Enterprise", "AdministrativeArea", "Zone", "Project", "Policy", "Organization", "Event",
                  "Industry")
# Saved queries over typed relations and indicators: the sample may not have them yet; SMALL below has.
NEEDS_RELATIONS_OR_INDICATORS = {"enterprises-in-area", "enterprise-locations", "projects-and-policies",
                                 "policies-by-projects", "targets", "actual-vs-target", "indicators-about",
                                 "relation-evidence"}
# The comparisons need two reports; tests/explore/test_compare.py runs them on two.
NEEDS_TWO_DOCUMENTS = {"compare-entities", "compare-indicators", "compare-targets"}
TYPE, LABEL = RDF_NS + "type", RDFS_NS + "label"


@pytest.fixture(scope="module")
def sample(sample_build):
    """The built sample in an in-memory store, and its quads."""
    out, _ = sample_build
    store = GraphStore.from_file(out / "graph.trig")
    return store, store.quads()


def run(store: GraphStore, query_name: str, /, **params: str):
    """A saved query's answer as a list of dicts of plain strings (SELECT), a bool (ASK) or triples."""
    results = store.query(get_query(query_name).bind(params))
    if isinstance(results, QueryBoolean):
        return bool(results)
    if isinstance(results, QueryTriples):
        return list(results)
    assert isinstance(results, QuerySolutions)
    names = [v.value for v in results.variables]
    return [{n: (sol[n].value if sol[n] is not None else None) for n in names} for sol in results]


def labels_of(quads, cls: str) -> set[str]:
    """Labels of the entities of one class, computed from the quads directly."""
    typed = {q.subject for q in quads if q.predicate.value == TYPE and q.object.value == KG_NS + cls}
    return {q.object.value for q in quads if q.predicate.value == LABEL and q.subject in typed}


def iri_of(quads, label: str) -> NamedNode:
    """The entity with that rdfs:label (one with mentions)."""
    mentioned = {q.subject for q in quads if q.predicate.value == KG_NS + "mentionedIn"}
    found = {q.subject for q in quads
             if q.predicate.value == LABEL and q.object.value == label and q.subject in mentioned}
    assert len(found) == 1, (label, found)
    return found.pop()


def most_mentioned(quads, cls: str) -> str:
    """The label of the entity of a class mentioned in the most sentences (ties: the smallest label)."""
    typed = {q.subject for q in quads if q.predicate.value == TYPE and q.object.value == KG_NS + cls}
    mentions = Counter(q.subject for q in quads if q.predicate.value == KG_NS + "mentionedIn" and q.subject in typed)
    labels = {q.subject: q.object.value for q in quads if q.predicate.value == LABEL and q.subject in typed}
    return labels[min(mentions, key=lambda e: (-mentions[e], labels[e]))]


# --- the library itself -----------------------------------------------------------------------------------------

def test_library_has_at_least_15_queries_each_stating_its_question_in_chinese_and_english():
    queries = saved_queries()
    assert len(queries) >= 15
    for q in queries:
        assert re.search(r"[\u4e00-\u9fff]", q.question_zh), q.name
        assert q.question_en.isascii() and q.question_en.endswith((".", "?", ")")), q.name
        assert q.text.lstrip().startswith("# zh:"), q.name
    assert {q.form for q in queries} == {"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"}


def test_the_required_questions_are_all_in_the_library():
    names = {q.name for q in saved_queries()}
    assert {"entities-by-class", "entity-profile", "enterprises-in-area", "enterprise-locations",
            "projects-and-policies", "targets", "actual-vs-target", "most-connected", "areas-with-codes",
            "sections-mentioning", "co-occurring", "indicators-about", "policies-by-projects", "relation-evidence",
            "documents", "entity-subgraph"} <= names


@pytest.mark.parametrize("name", [q.name for q in saved_queries()])
def test_every_saved_query_runs_on_the_sample_with_no_parameter(sample, name):
    store, _ = sample
    answer = run(store, name)
    form = get_query(name).form
    if form == "ASK":
        assert answer is True
    elif form == "SELECT":
        assert isinstance(answer, list)
        if name not in NEEDS_RELATIONS_OR_INDICATORS | NEEDS_TWO_DOCUMENTS:
            assert answer and all(isinstance(row, dict) for row in answer), name
    else:
        assert answer and all(t.subject.value.startswith("https://w3id.org/govkg/id/") for t in answer)


def test_parameters_bind_by_rewriting_their_values_block():
    q = get_query("relation-evidence")
    text = q.bind({"subject": "联想", "relation": "locatedIn"})
    assert 'VALUES ?subject { "联想"@zh }' in text
    assert f"VALUES ?relation {{ <{KG_NS}locatedIn> }}" in text
    assert "VALUES ?object { UNDEF }" in text
    assert get_query("entity-profile").bind({"name": ""}).count("UNDEF") == 1
    # A parameter may be held by several VALUES blocks (one per branch): binding rewrites all of them.
    connected = get_query("most-connected")
    copies = connected.text.count("VALUES ?class { UNDEF }")
    assert copies > 1 and connected.bind({"class": "Zone"}).count(f"VALUES ?class {{ <{KG_NS}Zone> }}") == copies
    assert [p.default for p in connected.params] == ["UNDEF"]
    with pytest.raises(ValueError, match="different defaults"):
        parse_header("x", "# zh: 问\n# en: Q?\n# param a iri: a\nSELECT * { VALUES ?a { UNDEF } VALUES ?a { <x:y> } }")
    with pytest.raises(UsageError, match="no parameter colour"):
        q.bind({"colour": "red"})
    with pytest.raises(UsageError, match="no saved query"):
        get_query("no-such-query")


@pytest.mark.parametrize(("kind", "raw", "term"), [
    ("zh", '滨海"新区', '"滨海\\"新区"@zh'),
    ("string", "天开", '"天开"'),
    ("year", "2024", f'"2024"^^<{XSD_NS}gYear>'),
    ("integer", "20", f'"20"^^<{XSD_NS}integer>'),
    ("decimal", "5.5", f'"5.5"^^<{XSD_NS}decimal>'),
    ("iri", "Zone", f"<{KG_NS}Zone>"),
    ("iri", "kg:Zone", f"<{KG_NS}Zone>"),
    ("iri", "rdfs:label", f"<{RDFS_NS}label>"),
    ("iri", "https://example.org/a", "<https://example.org/a>"),
    ("zh", "", "UNDEF"),
])
def test_command_line_values_become_sparql_terms(kind, raw, term):
    assert term_for(Param("p", kind, "", ""), raw) == term


@pytest.mark.parametrize(("kind", "raw"), [("year", "25"), ("integer", "x"), ("decimal", "five"),
                                           ("iri", "a b"), ("iri", "foo:bar:baz{")])
def test_bad_values_are_usage_errors(kind, raw):
    with pytest.raises(UsageError):
        term_for(Param("p", kind, "", ""), raw)


def test_prefixes_are_predeclared_on_the_first_line_unless_the_query_declares_them():
    text = "PREFIX kg: <http://other/>\n# a comment mentioning PREFIX rdf: <x>\nSELECT * WHERE { ?s ?p 'PREFIX owl:' }"
    assert declared_prefixes(text) == {"kg"}
    full = with_prefixes(text)
    assert full.count("\n") == text.count("\n") and full.endswith(text)
    assert "PREFIX kg: <https://w3id.org" not in full and "PREFIX owl:" in full.splitlines()[0]
    added = len(full) - len(text)
    assert restore_error_position(f"error at 1:{added + 9}: x", added) == "error at 1:9: x"
    assert strip_comments_and_strings('SELECT "a#b" <http://x#y> # c\n') == 'SELECT "" <http://x#y> \n'


# --- answers on the sample --------------------------------------------------------------------------------------

def test_class_counts_match_the_entities_in_the_graph(sample):
    store, quads = sample
    got = {row["class"].removeprefix(KG_NS): int(row["entities"]) for row in run(store, "class-counts")}
    expected = {c: len({q.subject for q in quads if q.predicate.value == TYPE and q.object.value == KG_NS + c})
                for c in ENTITY_CLASSES}
    assert got == {c: n for c, n in expected.items() if n}
    assert sum(got.values()) > 100


def test_entities_by_class_default_is_enterprises_and_the_class_parameter_switches(sample):
    store, quads = sample
    assert {r["label"] for r in run(store, "entities-by-class")} == labels_of(quads, "Enterprise")
    zones = run(store, "entities-by-class", **{"class": "Zone"})
    assert {r["label"] for r in zones} == labels_of(quads, "Zone") and len(zones) >= 3
    counts = [int(r["sentences"]) for r in zones]
    assert counts == sorted(counts, reverse=True) and counts[0] >= 1


def test_entity_profile_gives_every_sentence_that_mentions_the_entity(sample):
    store, quads = sample
    entity = iri_of(quads, "滨海新区")
    sentences = {q.object for q in quads if q.subject == entity and q.predicate.value == KG_NS + "mentionedIn"}
    texts = {q.object.value for q in quads if q.subject in sentences and q.predicate.value == KG_NS + "text"}
    rows = run(store, "entity-profile")
    assert {r["evidence"] for r in rows if r["property"] == KG_NS + "mentionedIn"} == texts
    assert {"滨海新区"} == {r["value"] for r in rows if r["property"] == LABEL}
    assert {r["entity"] for r in rows} == {entity.value}
    assert run(store, "entity-profile", name="不存在的实体") == []


def test_sections_mentioning_count_the_sentences_per_section(sample):
    store, quads = sample
    name = most_mentioned(quads, "Zone")
    entity = iri_of(quads, name)
    sentences = {q.object for q in quads if q.subject == entity and q.predicate.value == KG_NS + "mentionedIn"}
    rows = run(store, "sections-mentioning", name=name)
    assert len(sentences) >= 2
    assert sum(int(r["sentences"]) for r in rows) == len(sentences)
    assert all(r["heading"] and r["document"].startswith("https://w3id.org/govkg/id/doc/") for r in rows)


def test_is_mentioned_answers_yes_and_no(sample):
    store, _ = sample
    assert run(store, "is-mentioned") is True
    assert run(store, "is-mentioned", name="火星基地") is False


def test_describe_and_construct_return_the_entity_and_its_surroundings(sample):
    store, quads = sample
    entity = iri_of(quads, "滨海新区")
    described = run(store, "describe-entity")
    assert {t.subject for t in described} == {entity}
    assert {(t.predicate.value, t.object.value) for t in described} >= {(LABEL, "滨海新区")}
    sub = run(store, "entity-subgraph")
    own = {(q.predicate, q.object) for q in quads if q.subject == entity}
    assert own <= {(t.predicate, t.object) for t in sub if t.subject == entity}
    assert any(t.predicate.value == KG_NS + "text" and "滨海新区" in t.object.value for t in sub)


def test_documents_lists_the_sample_with_its_counts(sample):
    store, quads = sample
    [row] = run(store, "documents")
    doc_quads = [q for q in quads if q.graph_name.value == row["document"]]
    assert int(row["sentences"]) == sum(1 for q in doc_quads if q.predicate.value == TYPE
                                        and q.object.value == KG_NS + "Sentence")
    assert int(row["entities"]) == len({q.subject for q in doc_quads if q.predicate.value == KG_NS + "mentionedIn"})
    assert row["title"] == "2025年天津市政府工作报告" and row["year"] == "2025"


def test_most_connected_ranks_by_distinct_neighbours(sample):
    store, quads = sample
    relations = {KG_NS + p for p in ("relatedTo", "locatedIn", "partOf", "cooperatesWith", "implements", "invests",
                                     "hosts")}
    neighbours: dict[str, set[str]] = defaultdict(set)
    for q in quads:
        if q.predicate.value in relations:
            neighbours[q.subject.value].add(q.object.value)
            neighbours[q.object.value].add(q.subject.value)
    rows = run(store, "most-connected")
    assert len(rows) == min(20, len(neighbours))
    assert int(rows[0]["neighbours"]) == max(len(v) for v in neighbours.values())
    for row in rows:
        assert int(row["neighbours"]) == len(neighbours[row["entity"]])
    zones = run(store, "most-connected", **{"class": "Zone"})
    assert zones and all(r["class"] == KG_NS + "Zone" for r in zones)


def test_co_occurring_counts_shared_sentences(sample):
    store, quads = sample
    sentences: dict[str, set[str]] = defaultdict(set)
    for q in quads:
        if q.predicate.value == KG_NS + "mentionedIn":
            sentences[q.subject.value].add(q.object.value)
    rows = run(store, "co-occurring")
    assert rows
    for row in rows:
        assert int(row["sentences"]) == len(sentences[row["a"]] & sentences[row["b"]]) >= 1
    assert int(rows[0]["sentences"]) >= int(rows[-1]["sentences"])


def test_search_areas_and_events(sample):
    store, quads = sample
    found = run(store, "search-entities", text="港")
    assert found and all("港" in r["label"] for r in found)
    assert all("天开" in r["label"] for r in run(store, "search-entities"))
    zone = most_mentioned(quads, "Zone")
    assert zone in {r["label"] for r in run(store, "search-entities", text=zone[:2])}
    assert {r["name"] for r in run(store, "areas-with-codes")} == labels_of(quads, "AdministrativeArea")
    assert {r["eventName"] for r in run(store, "events-and-hosts")} == labels_of(quads, "Event")


# --- answers on hand-made graphs with typed relations and indicators --------------------------------------------

SMALL = """
@prefix kg: <https://w3id.org/govkg/ontology#> . @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> . @prefix id: <https://w3id.org/govkg/id/> .

id:doc-a {
  id:doc-a a kg:Document ; dcterms:title "江北市2025年政府工作报告"@zh ; kg:year "2025"^^xsd:gYear ; kg:issuer id:jb .
  id:doc-a-sec a kg:Section ; kg:heading "一、工作回顾"@zh ; kg:order 1 ; dcterms:isPartOf id:doc-a .
  id:doc-a-s1 a kg:Sentence ; kg:text "华星集团落户青山开发区。"@zh ; dcterms:isPartOf id:doc-a-sec .
  id:doc-a-s2 a kg:Sentence ; kg:text "地铁3号线落实数智江北行动。"@zh ; dcterms:isPartOf id:doc-a-sec .
  id:doc-a-s3 a kg:Sentence ; kg:text "地区生产总值增长6.2％，今年预期增长5.5％左右。"@zh ;
     dcterms:isPartOf id:doc-a-sec .
  id:jb a kg:AdministrativeArea ; rdfs:label "江北市"@zh ; kg:divisionCode "990100" ; kg:mentionedIn id:doc-a-s3 .
  id:qs a kg:AdministrativeArea ; rdfs:label "青山区"@zh ; kg:divisionCode "990102" ; kg:partOf id:jb ;
     kg:mentionedIn id:doc-a-s1 .
  id:zone a kg:Zone ; rdfs:label "青山开发区"@zh ; kg:partOf id:qs ; kg:mentionedIn id:doc-a-s1 .
  id:hx a kg:Enterprise ; rdfs:label "华星集团"@zh ; kg:locatedIn id:zone ; kg:mentionedIn id:doc-a-s1 .
  id:lx a kg:Enterprise ; rdfs:label "联星公司"@zh ; kg:locatedIn id:other ; kg:mentionedIn id:doc-a-s1 .
  id:other a kg:AdministrativeArea ; rdfs:label "河西区"@zh ; kg:mentionedIn id:doc-a-s1 .
  id:m3 a kg:Project ; rdfs:label "地铁3号线"@zh ; kg:implements id:szjb ; kg:mentionedIn id:doc-a-s2 .
  id:m4 a kg:Project ; rdfs:label "地铁4号线"@zh ; kg:implements id:szjb ; kg:mentionedIn id:doc-a-s2 .
  id:szjb a kg:Policy ; rdfs:label "数智江北"@zh ; kg:mentionedIn id:doc-a-s2 .
  id:st1 a kg:Statement ; rdf:subject id:hx ; rdf:predicate kg:locatedIn ; rdf:object id:zone ;
     kg:evidence id:doc-a-s1 ; kg:extractor "rules" ; kg:confidence 0.9 .
  id:st2 a kg:Statement ; rdf:subject id:m3 ; rdf:predicate kg:implements ; rdf:object id:szjb ;
     kg:evidence id:doc-a-s2 ; kg:extractor "rules" .
  id:i1 a kg:Indicator ; kg:metric "地区生产总值增长"@zh ; kg:value 6.2 ; kg:unit "%"@zh ; kg:year "2024"^^xsd:gYear ;
     kg:valueKind kg:Actual ; kg:about id:jb ; kg:evidence id:doc-a-s3 .
  id:i2 a kg:Indicator ; kg:metric "地区生产总值增长"@zh ; kg:value 5.5 ; kg:unit "%"@zh ; kg:qualifier "左右"@zh ;
     kg:year "2025"^^xsd:gYear ; kg:valueKind kg:Target ; kg:about id:jb ; kg:evidence id:doc-a-s3 .
}
id:doc-b {
  id:doc-b a kg:Document ; dcterms:title "江北市2024年政府工作报告"@zh ; kg:year "2024"^^xsd:gYear ; kg:issuer id:jb .
  id:doc-b-s1 a kg:Sentence ; kg:text "今年地区生产总值预期增长6％。"@zh .
  id:i3 a kg:Indicator ; kg:metric "地区生产总值增长"@zh ; kg:value 6.0 ; kg:unit "%"@zh ; kg:year "2024"^^xsd:gYear ;
     kg:valueKind kg:Target ; kg:evidence id:doc-b-s1 .
}
id:doc-c {
  id:doc-c a kg:Document ; kg:year "2024"^^xsd:gYear ; kg:issuer id:other .
  id:i4 a kg:Indicator ; kg:metric "地区生产总值增长"@zh ; kg:value 4.0 ; kg:unit "%"@zh ; kg:year "2024"^^xsd:gYear ;
     kg:valueKind kg:Actual .
}
"""


@pytest.fixture(scope="module")
def small() -> GraphStore:
    """Three documents with typed relations, statements and indicators, as DATA-MODEL.md describes them."""
    store = GraphStore()
    store.store.load(SMALL.encode("utf-8"), format=RdfFormat.TRIG)
    return store


def test_enterprises_in_area_follow_part_of_down_to_zones(small):
    rows = run(small, "enterprises-in-area", area="江北市")
    assert [(r["name"], r["placeName"], r["evidence"]) for r in rows] == [
        ("华星集团", "青山开发区", "华星集团落户青山开发区。")]
    assert [r["name"] for r in run(small, "enterprises-in-area", area="河西区")] == ["联星公司"]
    assert run(small, "enterprises-in-area") == []  # 滨海新区 is not in this graph


def test_enterprise_locations_group_enterprises_by_place(small):
    rows = {r["placeName"]: (int(r["enterprises"]), r["names"]) for r in run(small, "enterprise-locations")}
    assert rows == {"青山开发区": (1, "华星集团"), "河西区": (1, "联星公司")}


def test_projects_and_policies_with_evidence(small):
    rows = run(small, "projects-and-policies")
    assert [(r["project"], r["policy"], r["evidence"]) for r in rows] == [
        ("地铁3号线", "数智江北", "地铁3号线落实数智江北行动。"), ("地铁4号线", "数智江北", None)]
    assert run(small, "projects-and-policies", policy="别的政策") == []
    [top] = run(small, "policies-by-projects")
    assert (top["policyName"], top["projects"]) == ("数智江北", "2")
    assert set(top["projectNames"].split("、")) == {"地铁3号线", "地铁4号线"}


def test_targets_of_a_year_with_values(small):
    rows = run(small, "targets")
    assert [(r["metric"], r["value"], r["unit"], r["qualifier"], r["about"]) for r in rows] == [
        ("地区生产总值增长", "5.5", "%", "左右", "江北市")]
    assert rows[0]["document"].endswith("doc-a")
    assert [Decimal(r["value"]) for r in run(small, "targets", year="2024")] == [6]


def test_actual_vs_target_pairs_within_a_report_and_across_reports_of_one_issuer(small):
    rows = run(small, "actual-vs-target")
    pairs = sorted((Decimal(r["actual"]), r["actualYear"], Decimal(r["target"]), r["targetYear"]) for r in rows)
    # doc-a: 2024 actual against its 2025 target; doc-b's 2024 target against doc-a's 2024 actual (same issuer);
    # doc-c's actual belongs to another issuer and pairs with nothing.
    assert pairs == [(Decimal("6.2"), "2024", Decimal("5.5"), "2025"), (Decimal("6.2"), "2024", 6, "2024")]
    assert {r["metric"] for r in rows} == {"地区生产总值增长"}  # the default metric
    assert run(small, "actual-vs-target", metric="城镇新增就业") == []
    every_metric = run(small, "actual-vs-target", metric="")
    assert sorted((Decimal(r["actual"]), Decimal(r["target"])) for r in every_metric) == [
        (Decimal("6.2"), Decimal("5.5")), (Decimal("6.2"), 6)]


def test_comparisons_run_as_they_are_compare_the_newest_report_with_the_previous_one(small):
    # doc-a (2025) and doc-b (2024) share their issuer; doc-c (2024) has another one.
    [target] = run(small, "compare-targets")
    assert (target["targetDoc"].rsplit("/", 1)[1], target["actualDoc"].rsplit("/", 1)[1], target["year"]) == (
        "doc-b", "doc-a", "2024")
    assert Decimal(target["difference"]) == Decimal("0.2")


def test_indicators_about_an_entity(small):
    rows = run(small, "indicators-about", name="江北市")
    assert sorted((r["value"], r["kind"].removeprefix(KG_NS)) for r in rows) == [("5.5", "Target"), ("6.2", "Actual")]


def test_relation_evidence_with_and_without_parameters(small):
    everything = run(small, "relation-evidence")  # no parameter: the statements of the newest report (doc-a)
    assert {(r["subject"], r["relation"].removeprefix(KG_NS), r["object"]) for r in everything} == {
        ("华星集团", "locatedIn", "青山开发区"), ("地铁3号线", "implements", "数智江北")}
    assert {r["document"].rsplit("/", 1)[1] for r in everything} == {"doc-a"}
    [one] = run(small, "relation-evidence", subject="华星集团", relation="kg:locatedIn")
    assert (one["evidence"], one["extractor"], one["confidence"]) == ("华星集团落户青山开发区。", "rules", "0.9")
    assert run(small, "relation-evidence", relation="invests") == []


def test_areas_with_codes_and_parents(small):
    rows = {r["name"]: (r["code"], r["parentName"], r["parentCode"]) for r in run(small, "areas-with-codes")}
    assert rows["青山区"] == ("990102", "江北市", "990100")
    assert rows["江北市"] == ("990100", None, None)
    assert list(rows)[:2] == ["江北市", "青山区"]  # coded areas first, by code


def test_documents_count_relations_and_indicators(small):
    rows = {r["document"].rsplit("/", 1)[1]: r for r in run(small, "documents")}
    assert set(rows) == {"doc-a", "doc-b", "doc-c"}
    counts = {d: tuple(int(r[k]) for k in ("sections", "sentences", "entities", "relations", "indicators"))
              for d, r in rows.items()}
    assert counts == {"doc-a": (1, 3, 9, 2, 2), "doc-b": (0, 1, 0, 0, 1), "doc-c": (0, 0, 0, 0, 1)}
    assert [r["document"].rsplit("/", 1)[1] for r in run(small, "documents")][0] in ("doc-b", "doc-c")


def test_the_default_graph_is_the_union_of_documents(small):
    counts = Counter(r["metric"] for r in run(small, "targets", year="2024"))
    assert counts == {"地区生产总值增长": 1}
    assert len(list(small.query("SELECT ?d WHERE { ?d a kg:Document }"))) == 3
