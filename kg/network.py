"""The networkx view of a graph: entities as nodes (class, label), typed relations and co-mentions as edges."""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
from pyoxigraph import NamedNode, Quad

from kg.model import ENTITY_CLASSES, RELATION_TYPES
from kg.namespace import KG_NS, RDF_TYPE, RDFS_LABEL, SKOS_ALT

_CLASS_IRIS = {KG_NS + c: c for c in ENTITY_CLASSES}
_EDGE_KINDS = {KG_NS + r: r for r in (*RELATION_TYPES, "relatedTo")}


def to_networkx(quads: Iterable[Quad], *, for_export: bool = False) -> nx.MultiDiGraph:
    """Entities become nodes with class, label, aliases and mention count; relations become edges with kind."""
    graph = nx.MultiDiGraph()
    quads = list(quads)
    labels: dict[str, str] = {}
    aliases: dict[str, set[str]] = {}
    counts: dict[str, int] = {}
    codes: dict[str, str] = {}
    for q in quads:
        s, p, o = q.subject, q.predicate, q.object
        if p == RDF_TYPE and isinstance(o, NamedNode) and o.value in _CLASS_IRIS:
            graph.add_node(s.value, cls=_CLASS_IRIS[o.value])
        elif p == RDFS_LABEL:
            labels.setdefault(s.value, o.value)
        elif p == SKOS_ALT:
            aliases.setdefault(s.value, set()).add(o.value)
        elif p.value == KG_NS + "mentionCount":
            counts[s.value] = counts.get(s.value, 0) + int(o.value)
        elif p.value == KG_NS + "divisionCode":
            codes[s.value] = o.value
    for node, data in graph.nodes(data=True):
        data["label"] = labels.get(node, node.rsplit("/", 1)[-1])
        data["aliases"] = "|".join(sorted(aliases.get(node, ()))) if for_export else sorted(aliases.get(node, ()))
        data["mentions"] = counts.get(node, 1)
        if node in codes:
            data["divisionCode"] = codes[node]
    seen: set[tuple[str, str, str]] = set()
    for q in quads:
        kind = _EDGE_KINDS.get(q.predicate.value)
        if kind and q.subject.value in graph and isinstance(q.object, NamedNode) and q.object.value in graph:
            key = (q.subject.value, kind, q.object.value)
            if key not in seen:
                seen.add(key)
                graph.add_edge(q.subject.value, q.object.value, key=kind, kind=kind)
    return graph
