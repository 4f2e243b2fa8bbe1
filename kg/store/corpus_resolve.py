"""The corpus-level alias pass: entities join across documents after extraction.

Within one document kg.extract.resolve merges 天开园 into 天开高教科创园; across documents a short form that one
report uses alone is merged into the one longer name the rest of the corpus knows: by aliases learned
in other documents (a report that writes 天开高教科创园 and 天开园 teaches that 天开园 is the park) and by
kg.extract.resolve's generic-suffix rule (南港 / 南港工业区, 天津 / 天津市). kg.extract.resolve's contraction rule
is not applied across documents: over 80 real reports it joined different things (民营经济促进法 with
民营经济促进法实施办法). A short form that could belong to two longer names is left alone.
Every entity IRI then carries one rdfs:label across the whole corpus; the other surface forms become
skos:altLabel. Only the graphs that change are rewritten, each mention keeping its own document's provenance.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse, serialize

from kg.atomic import write_atomic
from kg.extract.resolve import _is_suffix_variant, name_key
from kg.rdf.graph import XSD_INTEGER
from kg.rdf.namespace import KG_NS, RDF_TYPE, RDFS_LABEL, SKOS_ALT

ENTITY_QUERY = "SELECT ?g ?e ?c ?l WHERE { GRAPH ?g { ?e kg:mentionCount ?n ; a ?c ; rdfs:label ?l } }"
ALIAS_QUERY = "SELECT DISTINCT ?e ?a WHERE { GRAPH ?g { ?e kg:mentionCount ?n ; skos:altLabel ?a } }"
MENTION_COUNT = NamedNode(KG_NS + "mentionCount")
CONFIDENCE = NamedNode(KG_NS + "confidence")
RELATED = NamedNode(KG_NS + "relatedTo")


@dataclass
class CorpusNames:
    """Every entity of the corpus: its class, the labels it has in each graph and the aliases seen for it."""

    cls: dict[str, str] = field(default_factory=dict)
    labels: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    graphs: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    label_in: dict[tuple[str, str], str] = field(default_factory=dict)


NAMES_CACHE = "govkg-names.json"  # in the store's folder: each graph's entity names at a version of the graph


def graph_name_rows(store, graph: NamedNode) -> list[list[str]]:
    """(entity, class, label) of every entity one graph of a pyoxigraph store counts mentions of, sorted."""
    counted = [q.subject for q in store.quads_for_pattern(None, MENTION_COUNT, None, graph)]
    return sorted(row for entity in counted for row in _entity_rows(store, graph, entity))


def _entity_rows(store, graph: NamedNode, entity: NamedNode) -> list[list[str]]:
    """(entity, class, label) for each class and label one entity has in one graph."""
    classes = {t.object.value for t in store.quads_for_pattern(entity, RDF_TYPE, None, graph)}
    return [[entity.value, cls, label.object.value]
            for label in store.quads_for_pattern(entity, RDFS_LABEL, None, graph) for cls in classes]


def triples_name_rows(triples: Iterable[Triple]) -> list[list[str]]:
    """graph_name_rows of a graph not yet stored, from its triples (a worker sends them with the graph)."""
    counted, classes, labels = set(), defaultdict(set), defaultdict(set)
    for t in triples:
        if t.predicate == MENTION_COUNT:
            counted.add(t.subject.value)
        elif t.predicate == RDF_TYPE:
            classes[t.subject.value].add(t.object.value)
        elif t.predicate == RDFS_LABEL:
            labels[t.subject.value].add(t.object.value)
    return sorted([iri, cls, label] for iri in counted for cls in classes[iri] for label in labels[iri])


def name_rows(sink, fresh: dict[str, dict] | None = None) -> Iterator[dict[str, str]]:
    """The rows of ENTITY_QUERY (graph, entity, class, label). A local store is read graph by graph by
    predicate, and a graph whose version (kg.store.graphstore.GraphStore.graph_versions) is the one cached in the
    store's folder is not read again, so an incremental build reads only what changed. ``fresh`` receives each graph's
    cache entry (see remember_rewrites)."""
    graph_store = getattr(sink, "store", None)
    if graph_store is None:
        yield from sink.select(ENTITY_QUERY)
        return
    versions = graph_store.graph_versions()
    cache_path = graph_store.path / NAMES_CACHE if graph_store.path else None
    cached: dict = {}
    if cache_path is not None:
        try:
            cached = json.loads(cache_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            cached = {}
    fresh = {} if fresh is None else fresh
    read_again = False
    given = getattr(sink, "names", {})  # graphs this build put, with the names their workers read
    for graph in graph_store.store.named_graphs():
        entry = cached.get(graph.value) if isinstance(cached, dict) else None
        if graph.value in given and given[graph.value]["version"] == versions.get(graph.value):
            entry, read_again = given[graph.value], True
        elif not (isinstance(entry, dict) and entry.get("version") == versions.get(graph.value)):
            entry = {"version": versions.get(graph.value), "rows": graph_name_rows(graph_store.store, graph)}
            read_again = True
        fresh[graph.value] = entry
        for entity, cls, label in entry["rows"]:
            yield {"g": graph.value, "e": entity, "c": cls, "l": label}
    if cache_path is not None and (read_again or not isinstance(cached, dict) or fresh.keys() != cached.keys()):
        write_atomic(cache_path, json.dumps(fresh, ensure_ascii=False))


def remember_rewrites(sink, fresh: dict[str, dict], rewritten: dict[str, set[str]]) -> None:
    """After the alias pass edited some graphs of a local store, put their names as they are now into the names
    cache, so the next build does not read them again: ``rewritten`` maps each edited graph to the entities it
    merged away or relabelled; the rows of its other entities are unchanged (only their objects may change)."""
    graph_store = getattr(sink, "store", None)
    if graph_store is None or graph_store.path is None or not rewritten:
        return
    versions = graph_store.graph_versions()
    for graph, changed in rewritten.items():
        entry = fresh.get(graph)
        if entry is None:
            continue
        rows = [row for row in entry["rows"] if row[0] not in changed]
        rows += entity_name_rows(graph_store.store, NamedNode(graph), changed)
        fresh[graph] = {"version": versions.get(graph), "rows": sorted(rows)}
    write_atomic(graph_store.path / NAMES_CACHE, json.dumps(fresh, ensure_ascii=False))


def entity_name_rows(store, graph: NamedNode, entities: Iterable[str]) -> list[list[str]]:
    """graph_name_rows of some entities only (those the graph still counts mentions of)."""
    nodes = [NamedNode(iri) for iri in entities]
    return [row for node in nodes if next(iter(store.quads_for_pattern(node, MENTION_COUNT, None, graph)), None)
            for row in _entity_rows(store, graph, node)]


def read_names(sink, fresh: dict[str, dict] | None = None) -> CorpusNames:
    """Entities, labels and aliases of every document in a store (a kg.store.corpus sink); ``fresh`` as in
    name_rows."""
    names = CorpusNames()
    for row in name_rows(sink, fresh):
        if not row["c"].startswith(KG_NS):
            continue
        iri = row["e"]
        names.cls[iri] = row["c"][len(KG_NS):]
        names.labels[iri][row["l"]] += 1
        names.graphs[row["g"]].add(iri)
        names.label_in[(row["g"], iri)] = row["l"]
    graph_store = getattr(sink, "store", None)
    if graph_store is None:
        for row in sink.select(ALIAS_QUERY):
            names.aliases[row["e"]].add(row["a"])
    else:  # only entities have aliases: no join needed
        for q in graph_store.store.quads_for_pattern(None, SKOS_ALT, None, None):
            names.aliases[q.subject.value].add(q.object.value)
    return names


def chosen_label(labels: Counter) -> str:
    """The label an entity gets corpus-wide: the one most documents use, then the longest, then the first."""
    return min(labels, key=lambda lab: (-labels[lab], -len(name_key(lab)), lab))


def alias_targets(names: CorpusNames) -> dict[str, str]:
    """Old entity IRI → the IRI it is merged into, for short forms with exactly one longer name in the corpus."""
    by_class: dict[str, dict[str, str]] = defaultdict(dict)  # class → key → IRI
    for iri, cls in names.cls.items():
        by_class[cls][name_key(chosen_label(names.labels[iri]))] = iri
    target: dict[str, str] = {}
    for cls, keys in by_class.items():
        alias_of: dict[str, set[str]] = defaultdict(set)
        for key, iri in keys.items():
            for alias in names.aliases.get(iri, ()):
                alias_key = name_key(alias)
                if alias_key != key:
                    alias_of[alias_key].add(key)
        buckets: dict[str, list[str]] = defaultdict(list)
        for key in keys:
            buckets[key[:2]].append(key)
        for short, iri in keys.items():
            found = {k for k in alias_of.get(short, ()) if k in keys}
            found.update(k for k in buckets[short[:2]] if k != short and _is_suffix_variant(short, k, cls))
            found.discard(short)
            if len(found) == 1:
                target[iri] = keys[found.pop()]
    resolved: dict[str, str] = {}
    for iri in target:
        root, seen = iri, {iri}
        while root in target and target[root] not in seen:
            root = target[root]
            seen.add(root)
        if root != iri:
            resolved[iri] = root
    return resolved


def rewrite_triples(triples, iri_map: dict[str, str], label_of: dict[str, str]) -> set[Triple]:
    """Triples of one graph with merged IRIs substituted, one label per entity of ``label_of`` and its other
    labels as aliases. Triples that neither name a merged IRI nor have a relabelled subject pass unchanged, so
    this may be given only the triples that do (LocalSink.rewrite) or a whole graph (rewrite_graph)."""

    def sub(term):
        return NamedNode(iri_map[term.value]) if isinstance(term, NamedNode) and term.value in iri_map else term

    kept: set[Triple] = set()
    old_labels: dict[str, set[str]] = defaultdict(set)
    counts: dict[str, int] = defaultdict(int)
    confidence: dict[str, Literal] = {}
    for t in triples:
        s, p, o = sub(t.subject), t.predicate, sub(t.object)
        if s.value in label_of and p == RDFS_LABEL:
            old_labels[s.value].add(o.value)
        elif s.value in label_of and p == MENTION_COUNT:
            counts[s.value] += int(o.value)
        elif s.value in label_of and p == CONFIDENCE:
            if s.value not in confidence or float(o.value) > float(confidence[s.value].value):
                confidence[s.value] = o
        elif not (p == RELATED and s == o):
            kept.add(Triple(s, p, o))
    for iri, labels in old_labels.items():
        node, label = NamedNode(iri), label_of[iri]
        kept.add(Triple(node, RDFS_LABEL, Literal(label, language="zh")))
        kept.discard(Triple(node, SKOS_ALT, Literal(label, language="zh")))
        for old in labels - {label}:
            kept.add(Triple(node, SKOS_ALT, Literal(old, language="zh")))
    for iri, n in counts.items():
        kept.add(Triple(NamedNode(iri), MENTION_COUNT, Literal(str(n), datatype=XSD_INTEGER)))
    for iri, lit in confidence.items():
        kept.add(Triple(NamedNode(iri), CONFIDENCE, lit))
    return kept


def rewrite_graph(ntriples: bytes, iri_map: dict[str, str], label_of: dict[str, str]) -> bytes:
    """One document's graph (N-Triples) rewritten by rewrite_triples, sorted."""
    kept = rewrite_triples(parse(ntriples, format=RdfFormat.N_TRIPLES), iri_map, label_of)
    ordered = sorted(kept, key=lambda t: (str(t.subject), str(t.predicate), str(t.object)))
    return serialize(ordered, format=RdfFormat.N_TRIPLES)


def merged_names(names: CorpusNames, step: dict[str, str]) -> CorpusNames:
    """The corpus names as they are once ``step`` is applied and labels are unified (as the graphs will read
    after the rewrite): one label per entity, the other labels and the merged entities' aliases as aliases."""
    out = CorpusNames()
    labels: dict[str, Counter] = defaultdict(Counter)
    for iri, counter in names.labels.items():
        labels[step.get(iri, iri)].update(counter)
    label_of = {iri: chosen_label(counter) for iri, counter in labels.items()}
    for iri, cls in names.cls.items():
        out.cls.setdefault(step.get(iri, iri), cls)
    for iri, aliases in names.aliases.items():
        out.aliases[step.get(iri, iri)].update(aliases)
    for iri, counter in labels.items():
        out.aliases[iri].update(set(counter) - {label_of[iri]})
    for graph, iris in names.graphs.items():
        out.graphs[graph] = {step.get(i, i) for i in iris}
        for iri in out.graphs[graph]:
            out.label_in[(graph, iri)] = label_of[iri]
            out.labels[iri][label_of[iri]] += 1
    return out


def resolve_corpus(sink, *, rounds: int = 3) -> tuple[int, int]:
    """Merge aliases and unify labels across every document in the sink; return (entities merged, graphs
    rewritten).

    Names are read once; merging runs in memory until nothing changes (at most ``rounds`` passes: a merge can
    reveal another), then each graph that changes is rewritten once (LocalSink edits only the triples
    concerned, so the cost grows with what changes, not with the corpus).
    """
    fresh: dict[str, dict] = {}
    original = names = read_names(sink, fresh)
    iri_map: dict[str, str] = {}
    for _ in range(rounds):
        step = alias_targets(names)
        if not step:
            break
        iri_map = {old: step.get(mid, mid) for old, mid in iri_map.items()} | step
        names = merged_names(names, step)
    final_labels: dict[str, Counter] = defaultdict(Counter)
    for iri, labels in original.labels.items():
        final_labels[iri_map.get(iri, iri)].update(labels)
    label_of = {iri: chosen_label(labels) for iri, labels in final_labels.items()}
    rewritten: dict[str, set[str]] = {}
    for graph, iris in sorted(original.graphs.items()):
        touched = {iri_map.get(i, i) for i in iris
                   if i in iri_map or original.label_in[(graph, i)] != label_of[iri_map.get(i, i)]}
        if not touched:
            continue
        merged = {i: iri_map[i] for i in iris if i in iri_map}
        sink.rewrite(graph, merged, {iri: label_of[iri] for iri in touched})
        rewritten[graph] = set(merged) | touched
    remember_rewrites(sink, fresh, rewritten)
    return len(iri_map), len(rewritten)
