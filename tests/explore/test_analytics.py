"""Centrality and communities on graphs whose answer is known, and the analytics quads."""

from __future__ import annotations

import pytest
from pyoxigraph import NamedNode

from kg.errors import UsageError
from kg.explore.analytics import analytics_quads, centrality, class_mix, communities, community_of, pagerank
from kg.explore.network import EntityNetwork
from kg.rdf.namespace import KG
from tests.explore.test_network import BASE, doc_quads, iri

# Two tight clusters of five, each named together sentence by sentence, joined by one bridge sentence (甲5 — 乙1).
CLUSTER_A = [f"甲{k}" for k in range(1, 6)]
CLUSTER_B = [f"乙{k}" for k in range(1, 6)]


def _clusters() -> EntityNetwork:
    entities = {name: "Policy" for name in CLUSTER_A} | {name: "Industry" for name in CLUSTER_B}
    entities["孤岛"] = "Zone"
    sentences = ["、".join(CLUSTER_A) + "协同推进。", "、".join(CLUSTER_A) + "再次并提。",
                 "、".join(CLUSTER_B) + "共同发展。", "、".join(CLUSTER_B) + "同步布局。",
                 "甲5带动乙1。", "孤岛单独建设。"]
    return EntityNetwork.from_quads(doc_quads("双簇", entities, sentences))


def _star() -> EntityNetwork:
    entities = {"中心": "AdministrativeArea"} | {f"叶{k}": "Enterprise" for k in range(6)} | {"远": "Project"}
    sentences = [f"中心支持叶{k}。" for k in range(6)] + ["叶0联合远。"]
    return EntityNetwork.from_quads(doc_quads("星", entities, sentences))


@pytest.mark.parametrize("method", ["louvain", "greedy", "label", "auto"])
def test_communities_keep_the_two_clusters_apart(method):
    net = _clusters()
    groups = communities(net, method=method)
    member = community_of(groups)
    assert len({member[iri(n)] for n in CLUSTER_A}) == 1
    assert len({member[iri(n)] for n in CLUSTER_B}) == 1
    assert member[iri("甲1")] != member[iri("乙1")]
    assert [net.label(n) for n in groups[-1]] == ["孤岛"]  # isolated entity: its own, smallest community


def test_communities_are_reproducible_and_named_by_central_members():
    first = communities(_clusters(), method="louvain")
    assert first == communities(_clusters(), method="louvain")
    assert first[0][0] in (iri("甲5"), iri("乙1"))  # the bridge ends are the most connected members


def test_degree_and_betweenness_find_the_hub_and_the_bridge():
    star = _star()
    deg = centrality(star, "degree")
    assert max(deg, key=deg.get) == iri("中心") and deg[iri("中心")] == 6
    between = centrality(_clusters(), "betweenness")
    top_two = sorted(between, key=between.get, reverse=True)[:2]
    assert set(top_two) == {iri("甲5"), iri("乙1")}


def test_pagerank_sums_to_one_and_ranks_the_hub_first():
    ranks = pagerank(_star())
    assert sum(ranks.values()) == pytest.approx(1.0)
    assert max(ranks, key=ranks.get) == iri("中心")
    assert ranks[iri("叶0")] > ranks[iri("叶1")]  # 叶0 has a second link


def test_unknown_measure_or_method_is_a_usage_error():
    with pytest.raises(UsageError):
        centrality(_star(), "closeness")
    with pytest.raises(UsageError):
        communities(_star(), method="spectral")


def test_class_mix_counts_classes():
    net = _clusters()
    assert class_mix(net, [iri(n) for n in CLUSTER_A] + [iri("乙1")]) == "Policy 5, Industry 1"


def test_analytics_quads_one_value_each_in_every_document_graph():
    quads = doc_quads("甲市", {"数智行动": "Policy", "青山区": "AdministrativeArea"}, ["青山区实施数智行动。"]) + \
        doc_quads("乙市", {"数智行动": "Policy"}, ["推进数智行动。"])
    added = analytics_quads(quads)
    shared = [q for q in added if q.subject == NamedNode(iri("数智行动"))]
    assert {q.graph_name.value for q in shared} == {BASE + "甲市", BASE + "乙市"}
    by_pred = {(q.predicate, q.object.value) for q in shared}
    assert (KG.degree, "1") in by_pred and (KG.community, "0") in by_pred
    assert len({q.object for q in shared if q.predicate == KG.pagerank}) == 1  # same value in both graphs
    net = EntityNetwork.from_quads(quads + added)
    assert net.graph.nodes[iri("青山区")]["degree"] == 1
    assert net.graph.nodes[iri("数智行动")]["pagerank"] == pytest.approx(0.5)


def _analytics_violations(quads, path) -> list[str]:
    from kg.rdf.export import export
    from kg.rdf.validate import validate_file

    export(quads, "trig", path)
    return [v for v in validate_file(path).violations if any(t in v for t in ("#degree", "#pagerank", "#community"))]


def test_analytics_quads_conform_to_the_shapes(tmp_path):
    from pyoxigraph import Literal, Quad

    quads = list(_clusters().store.quads_for_pattern(None, None, None, None))
    added = analytics_quads(quads)
    assert len(added) == 3 * 11
    assert _analytics_violations(quads + added, tmp_path / "ok.trig") == []
    decimal = NamedNode("http://www.w3.org/2001/XMLSchema#decimal")
    extra = Quad(NamedNode(iri("甲1")), KG.pagerank, Literal("-0.5", datatype=decimal), added[0].graph_name)
    assert _analytics_violations(quads + added + [extra], tmp_path / "bad.trig")  # two values, one negative


def test_command_choices_match_the_algorithms():
    from kg.cli import build_parser
    from kg.explore.analytics import MEASURES, METHODS

    parser = build_parser()
    actions = {a.dest: a for sub in parser._subparsers._group_actions for name, p in sub.choices.items()
               for a in p._actions if name in ("rank", "communities")}
    assert tuple(actions["by"].choices) == MEASURES
    assert tuple(actions["method"].choices) == METHODS


def _network(n: int, edges: list[tuple[int, int, int]]) -> EntityNetwork:
    """Entities 0..n-1 (node order = number order) and weighted co-mention edges (weight = documents)."""
    from pyoxigraph import Quad

    from kg.rdf.namespace import RDF_TYPE

    quads = [Quad(NamedNode(iri(f"n{i:04d}")), RDF_TYPE, KG.Policy, NamedNode(BASE + "图")) for i in range(n)]
    for a, b, w in edges:
        quads += [Quad(NamedNode(iri(f"n{a:04d}")), KG.relatedTo, NamedNode(iri(f"n{b:04d}")),
                       NamedNode(f"{BASE}图{k}")) for k in range(w)]
    return EntityNetwork.from_quads(quads)


def _random_edges(n: int, m: int, seed: int, *, weights: int = 1) -> list[tuple[int, int, int]]:
    import random

    rng = random.Random(seed)
    pairs = {tuple(sorted(rng.sample(range(n), 2))) for _ in range(m)}
    return [(a, b, rng.randint(1, weights)) for a, b in sorted(pairs)]


def test_betweenness_matches_networkx_exact_and_with_the_same_pivots():
    import networkx as nx

    net = _network(80, _random_edges(70, 120, 1))  # 10 isolated entities, several components
    graph = net.weighted_graph()
    exact = centrality(net, "betweenness")
    assert exact == pytest.approx(nx.betweenness_centrality(graph), abs=1e-12)
    from kg.explore.analytics import betweenness

    assert betweenness(net, samples=12) == pytest.approx(nx.betweenness_centrality(graph, k=12, seed=42), abs=1e-12)


def test_betweenness_samples_a_bounded_number_of_pivots_beyond_2000_entities():
    from kg.explore.analytics import BETWEENNESS_MIN_SAMPLES, BETWEENNESS_SAMPLES, betweenness_pivots

    assert betweenness_pivots(418, 1306) is None  # the sample: exact
    assert betweenness_pivots(2001, 5000) == BETWEENNESS_SAMPLES
    assert BETWEENNESS_MIN_SAMPLES <= betweenness_pivots(129_280, 513_211) <= BETWEENNESS_SAMPLES
    assert betweenness_pivots(10_000_000, 50_000_000) == BETWEENNESS_MIN_SAMPLES
    assert betweenness_pivots(50, 60, samples=10) == 10


def test_pagerank_matches_networkx_weighted():
    import networkx as nx

    net = _network(60, _random_edges(55, 150, 2, weights=4))
    expected = nx.pagerank(net.weighted_graph(), weight="weight", tol=1e-12, max_iter=500)
    assert pagerank(net, tol=1e-14, max_iter=500) == pytest.approx(expected, abs=1e-9)


def test_label_propagation_finds_planted_groups_in_a_larger_graph():
    """Six groups of 25 (more entities than update batches), dense inside, one light link between neighbours."""
    import random

    rng = random.Random(3)
    edges = []
    for g in range(6):
        members = range(g * 25, (g + 1) * 25)
        edges += [(a, b, 2) for a in members for b in members if a < b and rng.random() < 0.7]
        edges.append((g * 25, ((g + 1) % 6) * 25 + 1, 1))
    net = _network(150, edges)
    groups = communities(net, method="label")
    member = community_of(groups)
    for g in range(6):
        assert len({member[iri(f"n{i:04d}")] for i in range(g * 25, (g + 1) * 25)}) == 1
    assert len(groups) == 6 and groups == communities(net, method="label")


def test_auto_keeps_louvain_off_large_graphs(monkeypatch):
    import networkx as nx

    import kg.explore.analytics as analytics

    def slow(*args, **kwargs):
        raise AssertionError("Louvain ran on a large graph")

    net = _clusters()
    monkeypatch.setattr(analytics, "LOUVAIN_MAX_EDGES", net.number_of_edges() - 1)
    monkeypatch.setattr(nx.community, "louvain_communities", slow)
    member = community_of(communities(net))
    assert member[iri("甲1")] == member[iri("甲4")] != member[iri("乙2")]


def test_community_members_are_ordered_by_internal_weight():
    net = _network(5, [(0, 1, 1), (1, 2, 3), (2, 0, 1), (3, 4, 1)])
    groups = communities(net, method="label")
    assert [len(g) for g in groups] == [3, 2]
    assert groups[0][:2] in ([iri("n0001"), iri("n0002")], [iri("n0002"), iri("n0001")])  # the heavy pair
    assert groups[0][2] == iri("n0000") and groups[1] == [iri("n0003"), iri("n0004")]


def test_communities_help_states_the_louvain_limit():
    from kg.cli import build_parser
    from kg.explore.analytics import LOUVAIN_MAX_EDGES

    parser = build_parser()
    [sub] = parser._subparsers._group_actions
    method = next(a for a in sub.choices["communities"]._actions if a.dest == "method")
    assert f"louvain up to {LOUVAIN_MAX_EDGES:,} edges" in method.help
