"""The summary graph (kg/store/summary.py): its counts match the graph, refreshing replaces it, and the saved queries
that read it give the same answers with the summary as without it (when they count for themselves)."""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations

import pytest
from pyoxigraph import DefaultGraph, NamedNode, QuerySolutions, RdfFormat

from kg.queries.library import get_query
from kg.rdf.namespace import KG_NS, RDF_NS
from kg.rdf.validate import validate_file
from kg.store.graphstore import GraphStore
from kg.store.summary import SUMMARY_GRAPH, TOP_PAIRS, drop_summary, refresh_summary, summary_quads

RELATIONS = {KG_NS + p for p in ("relatedTo", "locatedIn", "partOf", "cooperatesWith", "implements", "invests",
                                 "hosts")}
ENTITY_CLASSES = {KG_NS + c for c in ("Enterprise", "AdministrativeArea", "Zone", "Project", "Policy",
                                      "Organization", "Event", "Industry")}
SUMMARY = NamedNode(SUMMARY_GRAPH)
# The saved queries that read the summary, with the parameters to try them with.
SUMMARY_QUERIES = [("most-connected", {}), ("most-connected", {"class": "Zone"}), ("co-occurring", {}),
                   ("entities-by-class", {}), ("entities-by-class", {"class": "Policy"}), ("events-and-hosts", {}),
                   ("documents", {})]


def answer(store: GraphStore, name: str, params: dict[str, str]) -> list[tuple]:
    """A SELECT saved query's rows as tuples of plain strings."""
    results = store.query(get_query(name).bind(params))
    assert isinstance(results, QuerySolutions)
    names = [v.value for v in results.variables]
    return [tuple(row[n].value if row[n] is not None else None for n in names) for row in results]


@pytest.fixture(scope="module")
def stores(sample_build):
    """The sample twice: without a summary graph, and with one computed now."""
    out, _ = sample_build
    without = GraphStore.from_file(out / "graph.trig")
    drop_summary(without)
    with_summary = GraphStore.from_file(out / "graph.trig")
    refresh_summary(with_summary)
    return without, with_summary


def summary_values(store: GraphStore, predicate: str) -> dict[str, int]:
    """Entity → integer value of one summary predicate."""
    return {q.subject.value: int(q.object.value)
            for q in store.store.quads_for_pattern(None, NamedNode(KG_NS + predicate), None, SUMMARY)}


def test_counts_match_the_relations_and_mentions_of_the_graph(stores):
    without, with_summary = stores
    quads = without.quads()
    typed = {q.subject.value for q in quads
             if q.predicate.value == RDF_NS + "type" and q.object.value in ENTITY_CLASSES}
    neighbours: dict[str, set[str]] = defaultdict(set)
    sentences: dict[str, set[str]] = defaultdict(set)
    for q in quads:
        if q.predicate.value in RELATIONS:
            neighbours[q.subject.value].add(q.object.value)
            neighbours[q.object.value].add(q.subject.value)
        elif q.predicate.value == KG_NS + "mentionedIn":
            sentences[q.subject.value].add(q.object.value)
    assert summary_values(with_summary, "neighbourCount") == {e: len(n) for e, n in neighbours.items() if e in typed}
    assert summary_values(with_summary, "mentionedInCount") == {e: len(s) for e, s in sentences.items()}

    by_sentence: dict[str, set[str]] = defaultdict(set)
    for entity, found in sentences.items():
        for sentence in found:
            by_sentence[sentence].add(entity)
    pairs = Counter(pair for names in by_sentence.values() for pair in combinations(sorted(names), 2))
    expected = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))[:TOP_PAIRS]
    stored = answer(with_summary, "co-occurring", {})
    assert [(a, b, int(n)) for a, _, b, _, n in stored] == [(a, b, n) for (a, b), n in expected[:20]]


@pytest.mark.parametrize(("name", "params"), SUMMARY_QUERIES)
def test_queries_give_the_same_answer_with_and_without_the_summary(stores, name, params):
    without, with_summary = stores
    assert not without.store.contains_named_graph(SUMMARY)
    counted = answer(without, name, params)
    assert counted
    assert answer(with_summary, name, params) == counted


def test_refreshing_replaces_the_summary_in_its_graph_and_in_the_union(stores):
    _, with_summary = stores
    before = sorted(map(str, with_summary.store.quads_for_pattern(None, None, None, SUMMARY)))
    default_before = len(with_summary.store) - sum(
        1 for g in with_summary.store.named_graphs() for _ in with_summary.store.quads_for_pattern(None, None, None, g))
    refresh_summary(with_summary)
    assert sorted(map(str, with_summary.store.quads_for_pattern(None, None, None, SUMMARY))) == before
    default_after = len(with_summary.store) - sum(
        1 for g in with_summary.store.named_graphs() for _ in with_summary.store.quads_for_pattern(None, None, None, g))
    assert default_after == default_before
    marker = next(iter(with_summary.store.quads_for_pattern(SUMMARY, None, None, DefaultGraph())), None)
    assert marker is not None and marker.object.value == KG_NS + "Summary"


def test_summary_quads_of_a_store_without_a_union_graph():
    store = GraphStore()
    store.store.update(f"""INSERT DATA {{ GRAPH <https://w3id.org/govkg/id/doc/a> {{
        <https://w3id.org/govkg/id/Zone/z> a <{KG_NS}Zone> ; <{KG_NS}relatedTo> <https://w3id.org/govkg/id/Project/p> ;
            <{KG_NS}mentionedIn> <https://w3id.org/govkg/id/doc/a/sentence/0> .
        <https://w3id.org/govkg/id/Project/p> a <{KG_NS}Project> ;
            <{KG_NS}mentionedIn> <https://w3id.org/govkg/id/doc/a/sentence/0> . }} }}""")
    quads = summary_quads(store)
    assert all(q.graph_name == SUMMARY for q in quads)
    assert {(q.subject.value.rsplit("/", 1)[1], q.predicate.value.removeprefix(KG_NS), q.object.value)
            for q in quads if q.predicate.value.endswith("Count") and "co-mention" not in q.subject.value} == {
        ("z", "neighbourCount", "1"), ("p", "neighbourCount", "1"),
        ("z", "mentionedInCount", "1"), ("p", "mentionedInCount", "1")}
    assert sum(1 for q in quads if q.predicate.value == KG_NS + "member") == 2


def test_the_union_with_the_summary_conforms_to_the_shapes(stores, tmp_path):
    _, with_summary = stores
    union = tmp_path / "union.ttl"
    union.write_bytes(with_summary.store.dump(format=RdfFormat.TURTLE, from_graph=DefaultGraph()))
    report = validate_file(union)
    assert report.conforms, report.violations[:5]


def test_dropping_the_summary_keeps_the_triples_documents_state_themselves(sample_build):
    out, _ = sample_build
    store = GraphStore.from_file(out / "graph.trig")
    refresh_summary(store)
    count = "SELECT ?n WHERE { ?d a kg:Document ; kg:sentenceCount ?n }"
    assert len(list(store.query(count))) == 1
    drop_summary(store)
    assert not store.store.contains_named_graph(SUMMARY)
    assert len(list(store.query(count))) == 1  # stated by the document's graph too
    assert not list(store.query("SELECT ?e WHERE { ?e kg:neighbourCount ?n }"))


def test_refreshing_after_a_change_writes_only_the_counts_that_changed(sample_build, monkeypatch):
    out, _ = sample_build
    store = GraphStore.from_file(out / "graph.trig")
    refresh_summary(store)
    written = []
    real = store.change_graph
    monkeypatch.setattr(store, "change_graph", lambda iri, **kw: written.append(kw) or real(iri, **kw))
    refresh_summary(store)
    assert written == []  # nothing changed: nothing written
    # a new document names 滨海新区 once more, in one sentence of its own
    doc, sentence = "https://w3id.org/govkg/id/doc/new", "https://w3id.org/govkg/id/doc/new/sentence/0"
    area = next(q.subject for q in store.store.quads_for_pattern(None, None, None, DefaultGraph())
                if q.predicate.value.endswith("label") and q.object.value == "滨海新区")
    store.store.update(f"""INSERT DATA {{ GRAPH <{doc}> {{ <{doc}> a <{KG_NS}Document> .
        <{sentence}> a <{KG_NS}Sentence> . <{area.value}> <{KG_NS}mentionedIn> <{sentence}> ;
        <{KG_NS}mentionCount> 1 }} }}""")
    store.materialize_union()
    refresh_summary(store)
    (change,) = written
    summary = {q.triple for q in summary_quads(store)}
    assert {q.triple for q in store.store.quads_for_pattern(None, None, None, SUMMARY)} == summary
    # its mentionedInCount 5 → 6, and the new document's sentence and entity counts
    assert len(change["added"]) == 3 and len(change["removed"]) == 1 and len(summary) > 100
    union = {q.triple for q in store.store.quads_for_pattern(None, None, None, DefaultGraph())}
    assert summary <= union and not set(change["removed"]) & union
