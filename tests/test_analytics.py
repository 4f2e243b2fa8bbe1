"""Centrality and communities on graphs whose answer is known, and the analytics quads."""

from __future__ import annotations

import pytest
from pyoxigraph import NamedNode

from kg.analytics import analytics_quads, centrality, class_mix, communities, community_of, pagerank
from kg.errors import UsageError
from kg.namespace import KG
from kg.network import EntityNetwork
from tests.test_network import BASE, doc_quads, iri

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
    from kg.export import export
    from kg.validate import validate_file

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
    from kg.analytics import MEASURES, METHODS
    from kg.cli import build_parser

    parser = build_parser()
    actions = {a.dest: a for sub in parser._subparsers._group_actions for name, p in sub.choices.items()
               for a in p._actions if name in ("rank", "communities")}
    assert tuple(actions["by"].choices) == MEASURES
    assert tuple(actions["method"].choices) == METHODS
