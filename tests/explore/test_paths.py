"""Name lookup, paths and neighbourhoods on small graphs whose answers are known, and the four commands."""

from __future__ import annotations

import json

import pytest

from kg.cli import main
from kg.errors import InputError, UsageError
from kg.explore.network import EntityNetwork
from kg.explore.paths import NameIndex, find_paths, neighbourhood, neighbourhood_nodes, parse_class
from kg.rdf.export import export
from tests.explore.test_network import TWO_DOCS, doc_quads, iri

# 华星集团 reaches 江北港 only through 枢纽区; 东线 and 西线 are two equally short ways from 起点 to 终点.
CHAIN = doc_quads("链", {"华星集团": "Enterprise", "枢纽区": "AdministrativeArea", "江北港": "Zone",
                        "起点园": "Zone", "东线工程": "Project", "西线工程": "Project", "终点镇": "AdministrativeArea",
                        "天开高教科创园": "Zone", "孤立基金": "Organization"},
                  ["华星集团落户枢纽区。", "枢纽区建设江北港。", "起点园启动东线工程。", "起点园启动西线工程。",
                   "东线工程通达终点镇。", "西线工程通达终点镇。", "天开高教科创园与华星集团合作。", "设立孤立基金。"],
                  typed=[("华星集团", "locatedIn", "枢纽区", 0), ("江北港", "locatedIn", "枢纽区", 1)])


@pytest.fixture(scope="module")
def net() -> EntityNetwork:
    return EntityNetwork.from_quads(CHAIN)


@pytest.fixture(scope="module")
def chain_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("chain") / "graph.trig"
    export(CHAIN, "trig", path)
    return path


def test_names_resolve_by_label_alias_abbreviation_class_and_iri():
    index = NameIndex(EntityNetwork.from_quads(TWO_DOCS + CHAIN))
    assert index.resolve("青山区").node == iri("青山区")
    assert index.resolve("华星").node == iri("华星集团")  # an alias
    assert index.resolve(" “数智行动” ").node == iri("数智行动")  # quotes and spaces ignored
    match = index.resolve("天开园")
    assert match.node == iri("天开高教科创园") and "天开高教科创园" in match.note
    assert index.resolve("Zone:江北港").node == iri("江北港")
    assert index.resolve(iri("江北港")).node == iri("江北港")


def test_unknown_name_suggests_close_names():
    index = NameIndex(EntityNetwork.from_quads(CHAIN))
    with pytest.raises(InputError, match="did you mean: .*江北港"):
        index.resolve("江北新港")
    with pytest.raises(InputError, match="东线工程、西线工程|西线工程、东线工程"):
        index.resolve("线工程")  # names two entities: never guessed, both suggested
    assert index.resolve("西线").node == iri("西线工程")  # the only name it abbreviates
    with pytest.raises(UsageError):
        parse_class("Company")
    assert parse_class("企业") == "Enterprise"


def test_path_must_go_through_the_hub(net):
    [path] = find_paths(net, iri("华星集团"), iri("江北港"))
    assert path.nodes == [iri("华星集团"), iri("枢纽区"), iri("江北港")]
    first, second = path.hops
    assert [r.kind for r in first.relations] == ["locatedIn", "relatedTo"]
    assert net.evidence(first.relations[0])[0].text == "华星集团落户枢纽区。"
    assert second.relations[0].source == iri("江北港")  # walked against the relation's direction
    assert path.typed_hops == 2


def test_tied_paths_are_all_returned(net):
    paths = find_paths(net, iri("起点园"), iri("终点镇"))
    assert sorted(net.label(p.nodes[1]) for p in paths) == ["东线工程", "西线工程"]
    assert find_paths(net, iri("起点园"), iri("终点镇"), limit=1)[0].nodes[1] == iri("东线工程")


def test_max_hops_typed_only_and_unconnected(net):
    assert find_paths(net, iri("天开高教科创园"), iri("江北港"), max_hops=2) == []
    assert len(find_paths(net, iri("天开高教科创园"), iri("江北港"), max_hops=3)[0].hops) == 3
    assert find_paths(net, iri("天开高教科创园"), iri("江北港"), typed_only=True) == []
    assert find_paths(net, iri("华星集团"), iri("江北港"), typed_only=True)[0].nodes[1] == iri("枢纽区")
    assert find_paths(net, iri("孤立基金"), iri("江北港")) == []
    with pytest.raises(UsageError):
        find_paths(net, iri("江北港"), iri("江北港"))


def test_path_across_documents_runs_through_the_shared_entity():
    net = EntityNetwork.from_quads(TWO_DOCS)
    [path] = find_paths(net, iri("青山区"), iri("江北港"))
    assert path.nodes[1] == iri("数智行动")
    titles = [net.evidence(h.relations[0])[0].title for h in path.hops]
    assert titles == ["2026年甲市政府工作报告", "2026年乙市政府工作报告"]


def test_neighbourhood_depth_and_classes(net):
    near = neighbourhood(net, iri("枢纽区"))
    assert {net.label(nb.node) for nb in near} == {"华星集团", "江北港"}
    far = neighbourhood(net, iri("枢纽区"), depth=2)
    assert [(net.label(nb.node), nb.depth, net.label(nb.via)) for nb in far if nb.depth == 2] == \
        [("天开高教科创园", 2, "华星集团")]
    zones = neighbourhood(net, iri("枢纽区"), depth=2, classes={"Zone"})
    assert [net.label(nb.node) for nb in zones] == ["江北港", "天开高教科创园"]
    assert neighbourhood_nodes(iri("枢纽区"), zones) == {iri("枢纽区"), iri("江北港"), iri("天开高教科创园"),
                                                         iri("华星集团")}


def test_cli_path_prints_each_hop_with_evidence(chain_file, capsys):
    assert main(["path", "华星集团", "江北港", "--graph", str(chain_file)]) == 0
    out = capsys.readouterr().out
    assert "华星集团 — 枢纽区 — 江北港" in out
    assert "locatedIn →" in out and "← locatedIn" in out and "枢纽区建设江北港。" in out
    assert main(["path", "起点园", "终点镇", "--graph", str(chain_file), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["paths"]) == 2 and data["paths"][0]["hops"][0]["relations"][0]["evidence"][0]["text"]
    assert main(["path", "孤立基金", "江北港", "--graph", str(chain_file)]) == 1
    assert main(["path", "江北新港", "华星集团", "--graph", str(chain_file)]) == 2
    assert "did you mean" in capsys.readouterr().err


def test_cli_neighbors_groups_and_writes_a_page(chain_file, tmp_path, capsys):
    page = tmp_path / "n.html"
    assert main(["neighbors", "枢纽区", "--graph", str(chain_file), "--html", str(page)]) == 0
    out = capsys.readouterr().out
    assert "企业 Enterprise (1)" in out and "园区 Zone (1)" in out and "华星集团落户枢纽区。" in out
    html = page.read_text(encoding="utf-8")
    assert "江北港" in html and "起点园" not in html
    assert main(["neighbors", "枢纽区", "--depth", "2", "--classes", "园区", "--graph", str(chain_file),
                 "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert rows[0].startswith("depth,class,entity") and len(rows) == 3


def test_cli_rank_and_communities(chain_file, capsys):
    assert main(["rank", "--graph", str(chain_file), "--class", "园区", "--top", "1", "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()
    assert len(rows) == 2 and rows[1].split(",")[1:5] == ["起点园", "Zone", "2", "2"]
    assert main(["rank", "--graph", str(chain_file), "--by", "pagerank", "--class", "项目", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {r["label"] for r in data["ranking"]} == {"东线工程", "西线工程"}
    assert main(["communities", "--graph", str(chain_file), "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    groups = [{m["label"] for m in c["members"]} for c in data["listed"]]
    assert {"起点园", "东线工程", "西线工程", "终点镇"} in groups
    assert main(["communities", "--graph", str(chain_file)]) == 0
    assert "named by" in capsys.readouterr().out


def test_cli_on_the_sample_and_its_store(sample_build, capsys):
    out, _ = sample_build
    assert main(["rank", "--graph", str(out / "graph.trig"), "--top", "3"]) == 0
    assert "top 3 of" in capsys.readouterr().out
    assert main(["neighbors", "滨海新区", "--graph", str(out / "graph.ttl")]) == 0
    assert "滨海新区 (行政区域 AdministrativeArea)" in capsys.readouterr().out


def test_normalize_drops_every_kind_of_space():
    from kg.explore.paths import _SPACES, normalize

    assert set(_SPACES) == {chr(c) for c in range(0x110000) if chr(c).isspace()}
    assert normalize("\u3000「Ｔianjin 港」\u2003") == "tianjin港"


# A 3 × 3 lattice of zones (行r列c), each named with its right and lower neighbour: six shortest corner-to-corner
# paths, one of which carries a typed relation.
LATTICE = doc_quads(
    "格", {f"格{r}{c}": "Zone" for r in range(3) for c in range(3)},
    [f"格{r}{c}与格{r}{c + 1}相连。" for r in range(3) for c in range(2)]
    + [f"格{r}{c}与格{r + 1}{c}相连。" for r in range(2) for c in range(3)],
    typed=[("格11", "partOf", "格21", 10)])


def test_every_tied_shortest_path_is_found_and_the_typed_one_comes_first():
    import networkx as nx

    net = EntityNetwork.from_quads(LATTICE)
    paths = find_paths(net, iri("格00"), iri("格22"), limit=100)
    expected = {tuple(p) for p in nx.all_shortest_paths(net.graph, iri("格00"), iri("格22"))}
    assert len(expected) == 6 and {tuple(p.nodes) for p in paths} == expected
    typed = [p for p in paths if p.typed_hops]
    assert len(typed) == 2 and paths[:2] == sorted(typed, key=lambda p: [net.label(n) for n in p.nodes])
    [only] = find_paths(net, iri("格00"), iri("格22"), limit=1)
    assert only == paths[0]
    assert find_paths(net, iri("格00"), iri("格22"), max_hops=3) == []  # four hops needed
    assert find_paths(net, iri("格11"), iri("格21"), typed_only=True)[0].hops[0].relations[0].kind == "partOf"
