"""Centrality and communities of the entity network, and the kg:degree / kg:pagerank / kg:community quads.

Every measure is computed on the undirected, weighted view of `EntityNetwork.graph` and is reproducible: the
node order is sorted and every randomised algorithm is seeded. The cheap measures (degree, PageRank) are
linear in the edges; betweenness samples pivots and Louvain is used only up to `LOUVAIN_MAX_EDGES` edges under
``method="auto"`` (label propagation beyond), so no default path runs an algorithm that is slow on a corpus.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterable
from operator import mul

import networkx as nx
from pyoxigraph import DefaultGraph, NamedNode, Quad

from kg.errors import UsageError
from kg.graph import decimal, integer
from kg.namespace import KG
from kg.network import EntityNetwork

MEASURES: tuple[str, ...] = ("degree", "pagerank", "betweenness")
METHODS: tuple[str, ...] = ("auto", "louvain", "greedy", "label")
SEED = 42
LOUVAIN_MAX_EDGES = 50_000
BETWEENNESS_EXACT_MAX_NODES = 2_000
BETWEENNESS_SAMPLES = 64


def degree(net: EntityNetwork) -> dict[str, float]:
    """The number of distinct entities each entity is connected to (typed relations or co-mentions)."""
    return {n: float(d) for n, d in net.graph.degree()}


def pagerank(net: EntityNetwork, *, alpha: float = 0.85, tol: float = 1e-8, max_iter: int = 100) -> dict[str, float]:
    """Weighted PageRank on the undirected view (power iteration in plain Python; no numpy needed)."""
    graph = net.graph
    nodes = list(graph.nodes())
    n = len(nodes)
    if n == 0:
        return {}
    index = {node: i for i, node in enumerate(nodes)}
    strength = [float(s) for _, s in graph.degree(weight="weight")]
    sources: list[list[int]] = [[] for _ in range(n)]
    shares: list[list[float]] = [[] for _ in range(n)]
    for a, b, w in graph.edges(data="weight"):
        i, j = index[a], index[b]
        sources[j].append(i)
        shares[j].append(w / strength[i])
        sources[i].append(j)
        shares[i].append(w / strength[j])
    dangling = [i for i in range(n) if strength[i] == 0]
    rank = [1.0 / n] * n
    for _ in range(max_iter):
        base = (1.0 - alpha) / n + alpha * sum(rank[i] for i in dangling) / n
        get = rank.__getitem__
        new = [base + alpha * sum(map(mul, map(get, src), sh)) for src, sh in zip(sources, shares, strict=True)]
        err = sum(abs(x - y) for x, y in zip(new, rank, strict=True))
        rank = new
        if err < n * tol:
            break
    return dict(zip(nodes, rank, strict=True))


def betweenness(net: EntityNetwork, *, samples: int | None = None) -> dict[str, float]:
    """Betweenness centrality: exact up to 2,000 entities; beyond, estimated from seeded sample pivots, as many as
    keep the work near a few million steps (8 to 64)."""
    graph = net.graph
    n = graph.number_of_nodes()
    if samples is None and n <= BETWEENNESS_EXACT_MAX_NODES:
        k = None
    else:
        size = n + graph.number_of_edges()
        k = min(n, samples or max(8, min(BETWEENNESS_SAMPLES, 4_000_000 // max(size, 1))))
    return nx.betweenness_centrality(graph, k=k, seed=SEED)


def label_propagation(net: EntityNetwork, *, rounds: int = 8) -> list[set[str]]:
    """Weighted asynchronous label propagation (seeded order, ties to the smallest label): linear per round."""
    graph = net.graph
    nodes = list(graph)
    index = {node: i for i, node in enumerate(nodes)}
    adjacency = [[(index[b], w) for b, w in ((b, d["weight"]) for b, d in graph[a].items())] for a in nodes]
    labels = list(range(len(nodes)))
    order = list(range(len(nodes)))
    rng = random.Random(SEED)
    for _ in range(rounds):
        rng.shuffle(order)
        changed = 0
        for i in order:
            if not adjacency[i]:
                continue
            score: dict[int, float] = {}
            for j, w in adjacency[i]:
                score[labels[j]] = score.get(labels[j], 0) + w
            best = max(score.values())
            if score.get(labels[i]) == best:
                continue
            labels[i] = min(label for label, s in score.items() if s == best)
            changed += 1
        if not changed:
            break
    groups: dict[int, set[str]] = {}
    for i, label in enumerate(labels):
        groups.setdefault(label, set()).add(nodes[i])
    return list(groups.values())


def centrality(net: EntityNetwork, by: str) -> dict[str, float]:
    """One of the measures by name (degree, pagerank, betweenness)."""
    if by == "degree":
        return degree(net)
    if by == "pagerank":
        return pagerank(net)
    if by == "betweenness":
        return betweenness(net)
    raise UsageError(f"unknown measure {by!r}; choose one of {', '.join(MEASURES)}")


def communities(net: EntityNetwork, *, method: str = "auto") -> list[list[str]]:
    """Clusters of entities, largest first, each sorted by internal weighted degree (its most central first).

    Every entity is in exactly one community (an isolated entity forms its own); numbering is reproducible.
    """
    graph = net.graph
    if method == "auto":
        method = "louvain" if graph.number_of_edges() <= LOUVAIN_MAX_EDGES else "label"
    if method == "louvain":
        found = nx.community.louvain_communities(graph, weight="weight", seed=SEED)
    elif method == "greedy":
        found = nx.community.greedy_modularity_communities(graph, weight="weight")
    elif method == "label":
        found = label_propagation(net)
    else:
        raise UsageError(f"unknown community method {method!r}; choose one of {', '.join(METHODS)}")
    ordered = []
    for members in found:
        sub = graph.subgraph(members)
        strength = dict(sub.degree(weight="weight"))
        ordered.append(sorted(members, key=lambda m: (-strength[m], -graph.nodes[m]["mentions"], m)))
    return sorted(ordered, key=lambda c: (-len(c), c[0]))


def community_of(groups: Iterable[list[str]]) -> dict[str, int]:
    """Each entity's community number, from the list `communities` returns."""
    return {node: k for k, members in enumerate(groups) for node in members}


def class_mix(net: EntityNetwork, members: Iterable[str]) -> str:
    """The classes of a group of entities with counts, most frequent first (e.g. "Policy 5, Industry 2")."""
    counts = Counter(net.cls(m) for m in members)
    return ", ".join(f"{c} {k}" for c, k in sorted(counts.items(), key=lambda t: (-t[1], t[0])))


def analytics_quads(quads: Iterable[Quad], *, measure: str = "pagerank", method: str = "auto") -> list[Quad]:
    """The kg:degree, kg:pagerank (or the measure chosen, written as kg:pagerank) and kg:community quads of every
    entity, each placed in the document graph(s) the entity is typed in."""
    net = quads if isinstance(quads, EntityNetwork) else EntityNetwork.from_quads(quads)
    return network_quads(net, measure=measure, method=method)


def network_quads(net: EntityNetwork, *, measure: str = "pagerank", method: str = "auto") -> list[Quad]:
    """The analytics quads of an already built network (see `analytics_quads`)."""
    if measure not in ("pagerank", "betweenness"):
        raise UsageError(f"unknown measure {measure!r} for kg:pagerank; choose pagerank or betweenness")
    score = centrality(net, measure)
    group = community_of(communities(net, method=method))
    out: list[Quad] = []
    for node, data in net.graph.nodes(data=True):
        subject = NamedNode(node)
        values = ((KG.degree, integer(net.graph.degree(node))),
                  (KG.pagerank, decimal(round(score.get(node, 0.0), 8))),
                  (KG.community, integer(group[node])))
        for doc in data["documents"]:
            graph = DefaultGraph() if doc == "default" else NamedNode(doc)
            out.extend(Quad(subject, p, o, graph) for p, o in values)
    return sorted(out, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate)))
