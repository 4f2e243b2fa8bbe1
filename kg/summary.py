"""A precomputed summary of the whole store, kept in its own named graph for the saved queries.

Some saved questions aggregate over every document (which entities have the most neighbours, which pairs are
named together most often, which entities are mentioned in the most sentences). On a store of a million triples
no rewriting brings those under 100 ms, because the answer depends on every kg:relatedTo and kg:mentionedIn
triple. So a build computes them once, after the union default graph is materialised, into the graph
``SUMMARY_GRAPH``:

- ``<SUMMARY_GRAPH> a kg:Summary`` marks the graph as present (the saved queries fall back to computing the
  answer themselves when a store has no summary, e.g. a graph file written by an older version);
- every entity of one of the eight classes gets ``kg:neighbourCount`` (distinct entities linked to it by a
  typed relation or kg:relatedTo, in either direction, in any document) and ``kg:mentionedInCount`` (distinct
  sentences that mention it);
- every document gets its counts of sections, sentences, entities, relations (kg:Statement nodes) and
  indicators (``kg:sectionCount``, ``kg:sentenceCount``, ``kg:entityCount``, ``kg:relationCount``,
  ``kg:indicatorCount``, written when not zero);
- the ``TOP_PAIRS`` pairs of entities named together in the most sentences become ``kg:CoMention`` nodes with
  two ``kg:member`` values and ``kg:sharedSentenceCount``. They are ranked as the co-occurring query ranks
  them (most sentences first, then by IRI), so its top 20 read from the summary equal the top 20 over all pairs.

The summary describes the store as it is when computed: `refresh_summary` replaces it after the documents
change (kg build calls it), and the summary graph is mirrored into the materialised default graph like any
other named graph.
"""

from __future__ import annotations

import time
from collections import Counter
from itertools import combinations

from pyoxigraph import Literal, NamedNode, Quad

from kg.model import ENTITY_CLASSES, RELATION_TYPES
from kg.namespace import KG, KG_NS, RDF_TYPE, XSD_NS
from kg.store import GraphStore

SUMMARY_GRAPH = "https://w3id.org/govkg/summary"
TOP_PAIRS = 100  # co-mention pairs kept; the co-occurring query shows the first 20

SUMMARY, CO_MENTION, MEMBER = KG.Summary, KG.CoMention, KG.member
NEIGHBOUR_COUNT, MENTIONED_IN_COUNT = KG.neighbourCount, KG.mentionedInCount
SHARED_SENTENCE_COUNT, ENTITY_COUNT = KG.sharedSentenceCount, KG.entityCount
# Per-document counts of the nodes of one class, in the document's own graph.
DOCUMENT_COUNTS = {"Section": "sectionCount", "Sentence": "sentenceCount", "Statement": "relationCount",
                   "Indicator": "indicatorCount"}
XSD_INTEGER = NamedNode(XSD_NS + "integer")

_CLASSES = " ".join(f"kg:{c}" for c in ENTITY_CLASSES)
_RELATIONS = " ".join(f"kg:{p}" for p in (*RELATION_TYPES, "relatedTo"))
# Distinct neighbours per entity, aggregated inside the engine so that only one row per entity is decoded.
NEIGHBOURS_QUERY = f"""SELECT ?entity ?n WHERE {{
  {{ SELECT ?entity (COUNT(DISTINCT ?other) AS ?n) WHERE {{
      VALUES ?relation {{ {_RELATIONS} }}
      {{ ?entity ?relation ?other }} UNION {{ ?other ?relation ?entity }}
    }} GROUP BY ?entity }}
  ?entity a ?class .
  FILTER(?class IN ({_CLASSES.replace(" ", ", ")}))
}}"""
MENTIONS_QUERY = """SELECT ?entity (COUNT(DISTINCT ?sentence) AS ?n)
WHERE { ?entity kg:mentionedIn ?sentence } GROUP BY ?entity"""
DOCUMENT_COUNTS_QUERY = f"""SELECT ?document ?class (COUNT(*) AS ?n) WHERE {{
  VALUES ?class {{ {" ".join(f"kg:{c}" for c in DOCUMENT_COUNTS)} }}
  GRAPH ?document {{ ?x a ?class }}
  FILTER EXISTS {{ GRAPH ?document {{ ?document a kg:Document }} }}
}} GROUP BY ?document ?class"""
DOCUMENT_ENTITIES_QUERY = """SELECT ?document (COUNT(DISTINCT ?entity) AS ?n) WHERE {
  GRAPH ?document { ?entity kg:mentionedIn ?sentence }
  FILTER EXISTS { GRAPH ?document { ?document a kg:Document } }
} GROUP BY ?document"""
# The entities of each sentence naming two or more, one row per sentence (the sentence IRI is never decoded).
SENTENCE_ENTITIES_QUERY = """SELECT (GROUP_CONCAT(DISTINCT STR(?entity); separator=" ") AS ?entities)
WHERE { ?entity kg:mentionedIn ?sentence } GROUP BY ?sentence HAVING (COUNT(DISTINCT ?entity) > 1)"""


def _integer(n: int) -> Literal:
    return Literal(str(n), datatype=XSD_INTEGER)


def top_pairs(store: GraphStore, k: int = TOP_PAIRS) -> list[tuple[str, str, int]]:
    """The k pairs (a, b) with a < b named together in the most sentences: (a, b, sentences), best first."""
    pairs: Counter[tuple[str, str]] = Counter()
    for row in store.query(SENTENCE_ENTITIES_QUERY):
        entities = sorted(row["entities"].value.split(" "))
        pairs.update(combinations(entities, 2))
    # Same order as the co-occurring query: most sentences first, then by IRI (code point order in both).
    ranked = sorted(pairs.items(), key=lambda item: (-item[1], item[0]))
    return [(a, b, n) for (a, b), n in ranked[:k]]


def summary_quads(store: GraphStore) -> list[Quad]:
    """The summary of a store's default graph (the union of its documents) as quads in SUMMARY_GRAPH."""
    graph = NamedNode(SUMMARY_GRAPH)
    out = [Quad(graph, RDF_TYPE, SUMMARY, graph)]
    for query, predicate in ((NEIGHBOURS_QUERY, NEIGHBOUR_COUNT), (MENTIONS_QUERY, MENTIONED_IN_COUNT)):
        out += [Quad(row["entity"], predicate, _integer(int(row["n"].value)), graph) for row in store.query(query)]
    for row in store.query(DOCUMENT_COUNTS_QUERY):
        predicate = NamedNode(KG_NS + DOCUMENT_COUNTS[row["class"].value.removeprefix(KG_NS)])
        out.append(Quad(row["document"], predicate, _integer(int(row["n"].value)), graph))
    out += [Quad(row["document"], ENTITY_COUNT, _integer(int(row["n"].value)), graph)
            for row in store.query(DOCUMENT_ENTITIES_QUERY)]
    for rank, (a, b, n) in enumerate(top_pairs(store), start=1):
        node = NamedNode(f"{SUMMARY_GRAPH}/co-mention/{rank}")
        out += [Quad(node, RDF_TYPE, CO_MENTION, graph), Quad(node, MEMBER, NamedNode(a), graph),
                Quad(node, MEMBER, NamedNode(b), graph), Quad(node, SHARED_SENTENCE_COUNT, _integer(n), graph)]
    return out


def drop_summary(store: GraphStore) -> None:
    """Remove the summary graph, and from a materialised default graph its triples that no other graph states."""
    graph = NamedNode(SUMMARY_GRAPH)
    if store.store.contains_named_graph(graph):
        if store.has_default_graph():  # e.g. kg:sentenceCount is also in the document's own graph: it stays
            store.store.update(f"""DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?s ?p ?o }}
                FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != <{SUMMARY_GRAPH}>) }} }}""")
        store.store.remove_graph(graph)


def refresh_summary(store: GraphStore) -> float:
    """Replace the summary graph of a store with one computed now; the seconds it took.

    Call it after GraphStore.materialize_union: it reads the default graph, and it also replaces the summary's
    triples in a materialised default graph (materialize_union copied the previous summary graph there).
    """
    started = time.perf_counter()
    drop_summary(store)
    materialised = store.has_default_graph()
    store.store.extend(summary_quads(store))
    if materialised:  # copied inside the engine: no decoding into Python objects and back
        store.store.update(f"INSERT {{ ?s ?p ?o }} WHERE {{ GRAPH <{SUMMARY_GRAPH}> {{ ?s ?p ?o }} }}")
    return time.perf_counter() - started
