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

The summary describes the store as it is when computed: `refresh_summary` brings it up to date after the documents
change (kg build calls it), and the summary graph is mirrored into the materialised default graph like any
other named graph.
"""

from __future__ import annotations

import time

from pyoxigraph import Literal, NamedNode, Quad

from kg.rdf.namespace import KG, RDF_TYPE, SUMMARY_GRAPH, XSD_NS
from kg.store.graph_stats import Shares, graph_sizes, neighbour_counts, sentence_counts, store_shares, top_pairs
from kg.store.graphstore import GraphStore

TOP_PAIRS = 100  # co-mention pairs kept; the co-occurring query shows the first 20

SUMMARY, CO_MENTION, MEMBER = KG.Summary, KG.CoMention, KG.member
NEIGHBOUR_COUNT, MENTIONED_IN_COUNT = KG.neighbourCount, KG.mentionedInCount
SHARED_SENTENCE_COUNT, ENTITY_COUNT = KG.sharedSentenceCount, KG.entityCount
# Per-document counts of the nodes of one class, in the document's own graph.
DOCUMENT_COUNTS = {"Section": "sectionCount", "Sentence": "sentenceCount", "Statement": "relationCount",
                   "Indicator": "indicatorCount"}
XSD_INTEGER = NamedNode(XSD_NS + "integer")

def _integer(n: int) -> Literal:
    return Literal(str(n), datatype=XSD_INTEGER)


def summary_quads(store: GraphStore, shares: Shares | None = None) -> list[Quad]:
    """The summary of a store (the union of its graphs) as quads in SUMMARY_GRAPH, from its graphs' shares
    (kg.store.graph_stats; read from the store when not given)."""
    shares = store_shares(store) if shares is None else shares
    graph = NamedNode(SUMMARY_GRAPH)
    out = [Quad(graph, RDF_TYPE, SUMMARY, graph)]
    for counts, predicate in ((neighbour_counts(shares), NEIGHBOUR_COUNT),
                              (sentence_counts(shares), MENTIONED_IN_COUNT)):
        out += [Quad(NamedNode(iri), predicate, _integer(n), graph) for iri, n in counts.items()]
    for document, sizes in graph_sizes(shares).items():
        if not sizes["document"]:
            continue
        for cls, name in DOCUMENT_COUNTS.items():
            if sizes[cls]:
                out.append(Quad(NamedNode(document), KG[name], _integer(sizes[cls]), graph))
        if sizes["entities"]:
            out.append(Quad(NamedNode(document), ENTITY_COUNT, _integer(sizes["entities"]), graph))
    for rank, (a, b, n) in enumerate(top_pairs(shares, TOP_PAIRS), start=1):
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


def refresh_summary(store: GraphStore, shares: Shares | None = None) -> float:
    """Make the summary graph of a store the one computed now; the seconds it took.

    Only the triples that changed are written: a build that changed one report changes a few counts, and
    replacing the whole graph meant checking each of its triples against every graph (tens of seconds when the
    store's pages are not in the OS cache). A materialised default graph follows (see GraphStore.change_graph):
    call this after GraphStore.materialize_union, which copied the previous summary graph there.
    """
    started = time.perf_counter()
    graph = NamedNode(SUMMARY_GRAPH)
    new = {q.triple for q in summary_quads(store, shares)}
    old = {q.triple for q in store.store.quads_for_pattern(None, None, None, graph)}
    if new != old:
        store.change_graph(SUMMARY_GRAPH, removed=old - new, added=new - old, keep_union=store.has_default_graph())
    return time.perf_counter() - started
