"""Centrality and communities of the entity network, and the kg:degree / kg:pagerank / kg:community quads.

Every measure is computed on the undirected, weighted view of an `EntityNetwork` and is reproducible: the node
order is sorted and every randomised algorithm is seeded. The measures run on the network's sparse arrays
(numpy/scipy), so a 1,000-report corpus (~130,000 entities, ~500,000 edges) takes seconds: PageRank is a
sparse power iteration; betweenness is Brandes' algorithm run for a batch of sources at once as sparse
matrix products, exact up to `BETWEENNESS_EXACT_MAX_NODES` entities and estimated from seeded sample pivots
beyond; label propagation updates a seeded shuffle of the entities in a few batches per round. Louvain and
greedy modularity (networkx, pure Python) run only when asked for, or under ``method="auto"`` up to
`LOUVAIN_MAX_EDGES` edges, so no default path runs an algorithm that is slow on a corpus.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

import numpy as np
from pyoxigraph import DefaultGraph, NamedNode, Quad

from kg.errors import UsageError
from kg.explore.network import EntityNetwork, gather
from kg.model import ENTITY_CLASSES
from kg.rdf.graph import decimal, integer
from kg.rdf.namespace import KG

MEASURES: tuple[str, ...] = ("degree", "pagerank", "betweenness")
METHODS: tuple[str, ...] = ("auto", "louvain", "greedy", "label")
SEED = 42
LOUVAIN_MAX_EDGES = 20_000  # networkx Louvain takes ~2 s here, and grows faster than linearly beyond
BETWEENNESS_EXACT_MAX_NODES = 2_000
BETWEENNESS_SAMPLES = 32  # at most this many pivots when sampling (at least BETWEENNESS_MIN_SAMPLES)
BETWEENNESS_MIN_SAMPLES = 8
BETWEENNESS_WORK = 24_000_000  # pivots × (entities + edges): about a second of sparse products here
BETWEENNESS_BATCH = 32  # sources searched together (memory: a few entities × batch float arrays)
LABEL_BATCHES = 16  # label propagation updates this many groups of entities in turn each round


def _adjacency(net: EntityNetwork, *, weighted: bool):
    """The symmetric sparse adjacency matrix (edge weights, or ones) in node order."""
    from scipy.sparse import csr_array

    indptr, indices, _ = net.csr()
    values = net.data.edge_weight[net.entry_edge].astype(np.float64) if weighted else np.ones(len(indices))
    n = len(net)
    return csr_array((values, indices, indptr), shape=(n, n))


def degree(net: EntityNetwork) -> dict[str, float]:
    """The number of distinct entities each entity is connected to (typed relations or co-mentions)."""
    return dict(zip(net.nodes, net.degrees().astype(float).tolist(), strict=True))


def pagerank(net: EntityNetwork, *, alpha: float = 0.85, tol: float = 1e-8, max_iter: int = 100) -> dict[str, float]:
    """Weighted PageRank on the undirected view: power iteration with the dangling mass spread evenly."""
    n = len(net)
    if n == 0:
        return {}
    matrix = _adjacency(net, weighted=True)
    strength = np.asarray(matrix.sum(axis=1)).ravel()
    dangling = strength == 0
    share = np.where(dangling, 0.0, 1.0 / np.where(dangling, 1.0, strength))  # each node spreads rank / strength
    rank = np.full(n, 1.0 / n)
    for _ in range(max_iter):
        base = (1.0 - alpha) / n + alpha * rank[dangling].sum() / n
        new = base + alpha * (matrix @ (rank * share))  # symmetric: row j sums w_ij · rank_i / strength_i
        err = np.abs(new - rank).sum()
        rank = new
        if err < n * tol:
            break
    return dict(zip(net.nodes, rank.tolist(), strict=True))


def betweenness_pivots(n: int, edges: int, samples: int | None = None) -> int | None:
    """How many seeded pivots betweenness uses for a graph of this size; None for the exact measure."""
    if samples is None and n <= BETWEENNESS_EXACT_MAX_NODES:
        return None
    k = samples or max(BETWEENNESS_MIN_SAMPLES, min(BETWEENNESS_SAMPLES, BETWEENNESS_WORK // max(n + edges, 1)))
    return None if k >= n else k


def betweenness(net: EntityNetwork, *, samples: int | None = None) -> dict[str, float]:
    """Betweenness centrality, normalised as networkx does: exact up to 2,000 entities; beyond, estimated from
    seeded sample pivots (the same pivots `networkx.betweenness_centrality(k=…, seed=42)` would take)."""
    n = len(net)
    k = betweenness_pivots(n, net.number_of_edges(), samples)
    sources = list(range(n)) if k is None else random.Random(SEED).sample(range(n), k)
    raw = _brandes(_adjacency(net, weighted=False), sources) if n else np.zeros(0)
    # networkx's rescaling (normalized, endpoints excluded): divide by the (source, target) pairs counted
    pairs = n - 1
    if pairs >= 2:
        if k is None:
            raw *= 1.0 / (pairs * (pairs - 1))
        else:
            scale = np.full(n, 1.0 / (k * (pairs - 1)))
            scale[sources] = 1.0 / ((k - 1) * (pairs - 1)) if k > 1 else float("nan")
            raw *= scale
    return dict(zip(net.nodes, raw.tolist(), strict=True))


def _brandes(adjacency, sources: list[int]) -> np.ndarray:
    """Brandes' dependency sums over the given sources (unweighted shortest paths), a batch of sources at a time:
    breadth-first levels and path counts forward, dependencies backward, each level one sparse product over
    only the rows of that level (the matrix is symmetric, so rows stand for columns)."""
    n = adjacency.shape[0]
    total = np.zeros(n)
    for start in range(0, len(sources), BETWEENNESS_BATCH):
        batch = np.asarray(sources[start:start + BETWEENNESS_BATCH], dtype=np.int64)
        cols = np.arange(len(batch))
        dist = np.full((n, len(batch)), -1, dtype=np.int32)
        sigma = np.zeros((n, len(batch)))
        dist[batch, cols] = 0
        sigma[batch, cols] = 1.0
        levels = [np.unique(batch)]  # the rows holding some source's level d
        while True:
            rows = levels[-1]
            front = np.where(dist[rows] == len(levels) - 1, sigma[rows], 0.0)
            reach = adjacency[rows].T @ front  # shortest-path counts into each node from the current level
            new = (reach > 0) & (dist < 0)
            hit = np.flatnonzero(new.any(axis=1))
            if not len(hit):
                break
            dist[hit] = np.where(new[hit], len(levels), dist[hit])
            sigma[hit] += np.where(new[hit], reach[hit], 0.0)
            levels.append(hit)
        delta = np.zeros_like(sigma)
        for level in range(len(levels) - 1, 0, -1):
            rows, prev = levels[level], levels[level - 1]
            coeff = np.where(dist[rows] == level, (1.0 + delta[rows]) / np.maximum(sigma[rows], 1.0), 0.0)
            back = (adjacency[rows].T @ coeff)[prev]
            delta[prev] += np.where(dist[prev] == level - 1, sigma[prev] * back, 0.0)
        delta[batch, cols] = 0.0  # a source's own dependency is not betweenness
        total += delta.sum(axis=1)
    return total


def _label_labels(net: EntityNetwork, rounds: int) -> np.ndarray:
    """Each entity's label after weighted label propagation (see `label_propagation`)."""
    n = len(net)
    indptr, indices, _ = net.csr()
    weights = net.data.edge_weight[net.entry_edge].astype(np.float64)
    labels = np.arange(n, dtype=np.int64)
    dirty = np.diff(indptr) > 0  # entities whose neighbours' labels changed since they last chose
    rng = np.random.RandomState(SEED)  # the legacy generator: its stream never changes across numpy versions
    for _ in range(rounds):
        order = rng.permutation(n)
        changed = 0
        for part in np.array_split(order, min(LABEL_BATCHES, max(n, 1))):
            rows = np.sort(part[dirty[part]])
            if not len(rows):
                continue
            dirty[rows] = False
            entries, owner = gather(indptr, rows)
            key = owner * n + labels[indices[entries]]
            sorter = np.argsort(key, kind="stable")
            key = key[sorter]
            starts = np.flatnonzero(np.concatenate(([True], key[1:] != key[:-1])))
            score = np.add.reduceat(weights[entries][sorter], starts)  # weight of each (entity, label) pair
            pair = key[starts]
            who, label = pair // n, pair % n
            first = np.flatnonzero(np.concatenate(([True], who[1:] != who[:-1])))
            best = np.repeat(np.maximum.reduceat(score, first), np.diff(np.append(first, len(who))))
            top = np.flatnonzero(score == best)
            pick = top[np.concatenate(([True], who[top][1:] != who[top][:-1]))]  # the smallest best label
            keeps = np.zeros(len(rows), dtype=bool)
            keeps[who[top][label[top] == labels[rows[who[top]]]]] = True  # its own label is among the best
            move = pick[~keeps[who[pick]]]
            nodes = rows[who[move]]
            if len(nodes):
                labels[nodes] = label[move]
                changed += len(nodes)
                dirty[indices[gather(indptr, nodes)[0]]] = True  # their neighbours must look again
        if not changed:
            break
    return labels


def label_propagation(net: EntityNetwork, *, rounds: int = 8) -> list[set[str]]:
    """Weighted label propagation: each round visits the entities in a seeded shuffle, in 16 groups updated in
    turn (within a group at once), each taking the label its neighbours weigh most (ties: its own, else the
    smallest); an entity looks again only when a neighbour's label changed. Linear per round."""
    labels = _label_labels(net, rounds)
    groups: dict[int, set[str]] = {}
    for node, label in zip(net.nodes, labels.tolist(), strict=True):
        groups.setdefault(label, set()).add(node)
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
    if method == "auto":
        method = "louvain" if net.number_of_edges() <= LOUVAIN_MAX_EDGES else "label"
    import networkx as nx  # only for the modularity methods

    if method == "louvain":
        found = nx.community.louvain_communities(net.weighted_graph(), weight="weight", seed=SEED)
    elif method == "greedy":
        found = nx.community.greedy_modularity_communities(net.weighted_graph(), weight="weight")
    elif method == "label":
        return _ordered(net, _label_labels(net, 8))
    else:
        raise UsageError(f"unknown community method {method!r}; choose one of {', '.join(METHODS)}")
    labels = np.empty(len(net), dtype=np.int64)
    for k, members in enumerate(found):
        labels[[net.index[m] for m in members]] = k
    return _ordered(net, labels)


def _ordered(net: EntityNetwork, labels: np.ndarray) -> list[list[str]]:
    """Communities from a label per entity: members by internal weighted degree, mentions and IRI; the
    communities by size, then by their first member."""
    indptr, indices, _ = net.csr()
    row = np.repeat(np.arange(len(net)), np.diff(indptr))
    inside = labels[row] == labels[indices]
    strength = np.bincount(row[inside], weights=net.data.edge_weight[net.entry_edge][inside], minlength=len(net))
    order = np.lexsort((np.arange(len(net)), -net.data.mentions, -strength, labels))  # node order is IRI order
    grouped = labels[order]
    cuts = np.flatnonzero(grouped[1:] != grouped[:-1]) + 1
    nodes = net.nodes
    found = [[nodes[i] for i in part] for part in np.split(order, cuts)] if len(order) else []
    return sorted(found, key=lambda c: (-len(c), c[0]))


def community_of(groups: Iterable[list[str]]) -> dict[str, int]:
    """Each entity's community number, from the list `communities` returns."""
    return {node: k for k, members in enumerate(groups) for node in members}


def class_mix(net: EntityNetwork, members: Iterable[str]) -> str:
    """The classes of a group of entities with counts, most frequent first (e.g. "Policy 5, Industry 2")."""
    index = net.index
    codes = np.bincount(net.data.classes[[index[m] for m in members]], minlength=len(ENTITY_CLASSES))
    counts = {ENTITY_CLASSES[c]: int(k) for c, k in enumerate(codes.tolist()) if k}
    return ", ".join(f"{c} {k}" for c, k in sorted(counts.items(), key=lambda t: (-t[1], t[0])))


def analytics_quads(quads: Iterable[Quad] | EntityNetwork, *, measure: str = "pagerank",
                    method: str = "auto") -> list[Quad]:
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
    for node in net.nodes:
        subject = NamedNode(node)
        values = ((KG.degree, integer(net.degree(node))),
                  (KG.pagerank, decimal(round(score.get(node, 0.0), 8))),
                  (KG.community, integer(group[node])))
        for doc in net.documents(node):
            graph = DefaultGraph() if doc == "default" else NamedNode(doc)
            out.extend(Quad(subject, p, o, graph) for p, o in values)
    return sorted(out, key=lambda q: (str(q.graph_name), str(q.subject), str(q.predicate)))
