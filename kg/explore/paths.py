"""Exploring the entity network: find an entity by name (with suggestions), shortest paths, neighbourhoods.

Also what the four explore commands (path, neighbors, rank, communities) share: the network their --graph /
--store / --document options name, evidence lines and CSV / JSON output (the options themselves are in kg.commands).
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

import numpy as np

from kg.errors import InputError, UsageError
from kg.explore.network import EntityNetwork, Evidence, Relation, gather
from kg.model import ENTITY_CLASSES

CLASS_ZH: dict[str, str] = {
    "Enterprise": "企业",
    "AdministrativeArea": "行政区域",
    "Zone": "园区",
    "Project": "项目",
    "Policy": "政策",
    "Organization": "机构",
    "Event": "活动",
    "Industry": "产业",
}
_QUOTES = "“”‘’\"'「」『』《》〈〉"
# every character str.isspace() accepts (tests check the list), for a one-pass str.translate in `normalize`
_SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
           "\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")
_DROP = str.maketrans("", "", _QUOTES + _SPACES)


# --------------------------------------------------------------------------- classes and names


def parse_class(name: str) -> str:
    """A class from its English or Chinese name (Enterprise / 企业), case-insensitive."""
    key = name.strip()
    for cls, zh in CLASS_ZH.items():
        if key.lower() == cls.lower() or key == zh:
            return cls
    raise UsageError(f"unknown class {name!r}; choose from " + ", ".join(f"{c} ({z})" for c, z in CLASS_ZH.items()))


def class_text(cls: str) -> str:
    """A class as shown to a reader: 企业 Enterprise."""
    return f"{CLASS_ZH.get(cls, cls)} {cls}"


def normalize(name: str) -> str:
    """A name as compared: NFKC (full-width → half-width), no quotes or spaces, lower case."""
    return unicodedata.normalize("NFKC", name).translate(_DROP).lower()


def _is_abbreviation(short: str, full: str) -> bool:
    """True when `short` keeps the first character of `full` and the rest of its characters in order (天开园)."""
    if len(short) < 2 or len(short) >= len(full) or short[0] != full[0]:
        return False
    rest = iter(full[1:])
    return all(ch in rest for ch in short[1:])


@dataclass
class Match:
    """An entity found for a name, and a note when it was found by abbreviation rather than by its name."""

    node: str
    note: str = ""


class NameIndex:
    """Labels and aliases of every entity, for lookup by name and "did you mean" suggestions."""

    def __init__(self, net: EntityNetwork) -> None:
        self.net = net
        self.labels: dict[str, list[str]] = {}
        self.aliases: dict[str, list[str]] = {}
        self._normal = [normalize(label) for label in net.data.labels]  # each entity's label as compared
        self._normal_aliases = {i: [normalize(a) for a in net.data.aliases[i]] for i in sorted(net.data.aliases)}
        for node, key in zip(net.nodes, self._normal, strict=True):
            self.labels.setdefault(key, []).append(node)
        for i, keys in self._normal_aliases.items():
            for key in keys:
                self.aliases.setdefault(key, []).append(net.nodes[i])

    def _names(self, node: str) -> list[str]:
        i = self.net.index[node]
        return [self._normal[i], *self._normal_aliases.get(i, ())]

    def _ranked(self, nodes) -> list[str]:
        return sorted(set(nodes), key=lambda n: (-self.net.degree(n), -self.net.mentions(n), n))

    def resolve(self, name: str) -> Match:
        """The entity a name means: an IRI, Class:label, a label, an alias, or an unambiguous abbreviation."""
        name = name.strip()
        if name in self.net:
            return Match(name)
        cls = None
        if ":" in name and not name.startswith("http"):
            head, _, tail = name.partition(":")
            try:
                cls = parse_class(head)
                name = tail
            except UsageError:
                cls = None
        key = normalize(name)
        if not key:
            raise UsageError("an empty entity name; give a label such as 滨海新区")
        for table in (self.labels, self.aliases):
            found = [n for n in table.get(key, []) if cls is None or self.net.cls(n) == cls]
            if len(found) == 1:
                return Match(found[0])
            if len(found) > 1:
                options = "; ".join(f"{self.net.cls(n)}:{self.net.label(n)}" for n in self._ranked(found))
                raise UsageError(f"{name!r} names {len(found)} entities; say which: {options}")
        short = [n for n in self.net.nodes if (cls is None or self.net.cls(n) == cls)
                 and any(_is_abbreviation(key, full) for full in self._names(n))]
        if len(short) == 1:
            node = short[0]
            return Match(node, f"{name} → {self.net.label(node)} ({class_text(self.net.cls(node))})")
        hint = self.suggest(name)
        did_you_mean = f"; did you mean: {'、'.join(hint)}?" if hint else "; check the spelling or run kg rank"
        raise InputError(f"no entity named {name!r}{did_you_mean}")

    def suggest(self, name: str, n: int = 5) -> list[str]:
        """Up to n labels close to a name: abbreviations, names containing it or contained in it, similar ones."""
        key = normalize(name)
        chars = set(key)
        scored: list[tuple[float, str]] = []
        for node in self.net.nodes:
            names = self._names(node)
            if not chars & set("".join(names)):
                continue
            best = 0.0
            for full in names:
                if key in full or (len(full) >= 2 and full in key) or _is_abbreviation(key, full):
                    best = max(best, 1.0 + min(len(key), len(full)) / max(len(key), len(full)))
                else:
                    best = max(best, difflib.SequenceMatcher(None, key, full).ratio())
            if best >= 0.5:
                scored.append((best, node))
        scored.sort(key=lambda t: (-t[0], -self.net.degree(t[1]), t[1]))
        return [self.net.label(node) for _, node in scored[:n]]


# --------------------------------------------------------------------------- paths


@dataclass
class Hop:
    """One step of a path: from one entity to the next, with every relation between them (typed first)."""

    source: str
    target: str
    relations: list[Relation]


@dataclass
class Path:
    """A shortest connection between two entities."""

    nodes: list[str]
    hops: list[Hop] = field(default_factory=list)

    @property
    def typed_hops(self) -> int:
        """How many hops carry at least one typed relation."""
        return sum(1 for h in self.hops if h.relations and h.relations[0].typed)


def find_paths(net: EntityNetwork, source: str, target: str, *, max_hops: int = 4, typed_only: bool = False,
               limit: int = 5) -> list[Path]:
    """The shortest paths (up to `limit` when several tie) of at most `max_hops` hops between two entities.

    Paths may run against the direction of a relation; among equally short paths those with more typed relations
    and heavier edges come first.
    """
    if source == target:
        raise UsageError("the two entities are the same; name two different entities")
    if max_hops < 1:
        raise UsageError("--max-hops must be at least 1")
    indptr, indices, entry_edge = net.csr(typed_only=typed_only)
    start, goal = net.index[source], net.index[target]
    from_start = _distances(indptr, indices, start, max_hops, stop=goal)
    hops = int(from_start[goal])
    if hops < 0:  # not connected within max_hops
        return []
    from_goal = _distances(indptr, indices, goal, hops - 1)
    typed, weight, nodes = net.data.edge_typed, net.data.edge_weight, net.nodes
    cap = max(limit, 1) * 20  # enough candidates to rank: tied paths can be exponentially many
    found: list[list[int]] = []

    def walk(chain: list[int]) -> None:
        # depth-first along the shortest-path DAG, typed and heavier steps first, so the best paths come early
        here, step = chain[-1], len(chain)
        if here == goal:
            found.append(chain)
            return
        lo, hi = indptr[here], indptr[here + 1]
        nbrs = indices[lo:hi]
        on_path = (from_start[nbrs] == step) & (from_goal[nbrs] == hops - step) if step < hops else nbrs == goal
        steps = sorted(zip(nbrs[on_path].tolist(), entry_edge[lo:hi][on_path].tolist(), strict=True),
                       key=lambda t: (not typed[t[1]], -int(weight[t[1]]), net.data.labels[t[0]], t[0]))
        for nxt, _ in steps:
            if len(found) >= cap:
                return
            walk([*chain, nxt])

    walk([start])
    paths = []
    for chain in found:
        hops_of = []
        for a, b in zip(chain, chain[1:], strict=False):
            rels = net.relations(nodes[a], nodes[b])
            hops_of.append(Hop(nodes[a], nodes[b], [r for r in rels if r.typed] if typed_only else rels))
        paths.append(Path([nodes[i] for i in chain], hops_of))

    def rank(p: Path) -> tuple:
        total = sum(net.weight(h.source, h.target) for h in p.hops)
        return (-p.typed_hops, -total, [net.label(n) for n in p.nodes])

    return sorted(paths, key=rank)[:limit]


def _distances(indptr: np.ndarray, indices: np.ndarray, start: int, limit: int, *, stop: int | None = None
               ) -> np.ndarray:
    """Breadth-first hop counts from one entity up to `limit` hops (-1 beyond), a whole level per numpy step;
    with `stop`, no further than the level that reaches it."""
    dist = np.full(len(indptr) - 1, -1, dtype=np.int64)
    dist[start] = 0
    frontier = np.array([start], dtype=np.int64)
    for level in range(1, limit + 1):
        reached = indices[gather(indptr, frontier)[0]]
        reached = np.unique(reached[dist[reached] < 0])
        if not len(reached):
            break
        dist[reached] = level
        frontier = reached
        if stop is not None and dist[stop] >= 0:
            break
    return dist


def arrow(rel: Relation, walking_from: str) -> str:
    """A relation as read along a walk: "locatedIn →", "← locatedIn" or "relatedTo" (co-mention)."""
    if not rel.typed:
        return "relatedTo"
    return f"{rel.kind} →" if rel.source == walking_from else f"← {rel.kind}"


# --------------------------------------------------------------------------- neighbourhoods


@dataclass
class Neighbour:
    """An entity near the centre: its distance, the entity it is reached through, and the relations on that step."""

    node: str
    depth: int
    via: str
    relations: list[Relation]
    chain: tuple[str, ...] = ()  # the entities walked through from the centre, centre first


def neighbourhood(net: EntityNetwork, centre: str, *, depth: int = 1,
                  classes: set[str] | None = None) -> list[Neighbour]:
    """The entities within `depth` hops of an entity (only those of `classes` when given), nearest first.

    The walk goes through entities of every class; each entity is reached through its strongest link.
    """
    if depth < 1:
        raise UsageError("--depth must be at least 1")
    seen = {centre}
    frontier = [centre]
    found: list[Neighbour] = []
    chains: dict[str, tuple[str, ...]] = {centre: ()}
    for level in range(1, depth + 1):
        reached: dict[str, tuple[float, str]] = {}
        for node in frontier:
            for other, weight in net.adjacent(node):
                if other in seen:
                    continue
                best = reached.get(other)
                if best is None or (weight, node) > best:
                    reached[other] = (weight, node)
        for other in sorted(reached):
            via = reached[other][1]
            chains[other] = (*chains[via], via)
            found.append(Neighbour(other, level, via, net.relations(via, other), chains[other]))
        seen.update(reached)
        frontier = sorted(reached)
    if classes:
        found = [nb for nb in found if net.cls(nb.node) in classes]
    order = {c: i for i, c in enumerate(ENTITY_CLASSES)}
    return sorted(found, key=lambda nb: (nb.depth, order.get(net.cls(nb.node), 99), _relation_key(nb),
                                         -net.mentions(nb.node), net.label(nb.node)))


def _relation_key(nb: Neighbour) -> str:
    rel = nb.relations[0]
    return ("1" if not rel.typed else "0") + arrow(rel, nb.via)


def neighbourhood_nodes(centre: str, neighbours: list[Neighbour]) -> set[str]:
    """The centre, its listed neighbours and the entities they were reached through (so the subgraph connects)."""
    keep = {centre}
    for nb in neighbours:
        keep.add(nb.node)
        keep.update(nb.chain)
    return keep


# --------------------------------------------------------------------------- shared CLI plumbing


def network_from_args(args: argparse.Namespace) -> EntityNetwork:
    """The network named by --graph / --store / --document."""
    from kg.explore.network_cache import load_network

    return load_network(args.graph, args.store, documents=args.document)


def evidence_line(evidence: list[Evidence]) -> str:
    """The first evidence sentence, with a count of the others."""
    if not evidence:
        return ""
    more = f" (+{len(evidence) - 1})" if len(evidence) > 1 else ""
    return evidence[0].text + more


def evidence_json(evidence: list[Evidence]) -> list[dict]:
    """Evidence sentences as JSON objects."""
    return [{"sentence": e.sentence, "text": e.text, "document": e.document, "title": e.title} for e in evidence]


def write_csv(header: list[str], rows: list[list], out: TextIO) -> None:
    """Rows as CSV with a header line."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)


def write_json(data, out: TextIO) -> None:
    """Data as indented UTF-8 JSON (Chinese kept readable)."""
    out.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def count_classes(net: EntityNetwork, nodes) -> Counter:
    """How many of the nodes are in each class."""
    return Counter(net.cls(n) for n in nodes)
