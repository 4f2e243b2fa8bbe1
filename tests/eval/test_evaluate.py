"""Gold scoring: perfect and damaged graphs give the numbers the matching rules say; the dev floor holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.build import build
from kg.cli import main
from kg.eval.evaluate import evaluate, evaluate_files, load_graph, norm, relaxed_match, strict_match
from kg.model import ENTITY_CLASSES

FIXTURES = Path(__file__).parents[1] / "fixtures"
GOLD = FIXTURES / "gold-dev.json"


@pytest.fixture(scope="module")
def gold() -> dict:
    """The dev gold annotations."""
    return json.loads(GOLD.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def dev_graph(tmp_path_factory) -> Path:
    """The dev text built through the real build, once."""
    out = tmp_path_factory.mktemp("dev")
    build([FIXTURES / "dev.txt"], out, page=False)
    return out / "graph.ttl"


def _lit(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def gold_graph(gold: dict, *, drop: str | None = None, extra: tuple[str, str] | None = None) -> str:
    """Turtle stating exactly what the gold says (less the entity ``drop``, plus one ``extra`` entity)."""
    lines = ["@prefix kg: <https://w3id.org/govkg/ontology#> .",
             "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
             "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .",
             "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."]
    iris = {}
    for i, ent in enumerate(gold["entities"]):
        if ent["type"] not in ENTITY_CLASSES or ent["name"] == drop:
            continue
        iris[ent["name"]] = f"<urn:e{i}>"
        alts = "".join(f" ; skos:altLabel {_lit(a)}" for a in ent.get("aliases", []))
        lines.append(f"<urn:e{i}> a kg:{ent['type']} ; rdfs:label {_lit(ent['name'])}{alts} .")
    if extra:
        lines.append(f"<urn:extra> a kg:{extra[0]} ; rdfs:label {_lit(extra[1])} .")
    for rel in gold["relations"]:
        if rel["subject"] in iris and rel["object"] in iris:
            lines.append(f"{iris[rel['subject']]} kg:{rel['predicate']} {iris[rel['object']]} .")
    for i, ind in enumerate(gold["indicators"]):
        kind = "Target" if ind["kind"] == "target" else "Actual"
        lines.append(f"<urn:i{i}> a kg:Indicator ; kg:value \"{ind['value']}\"^^xsd:decimal ; "
                     f"kg:unit {_lit(ind.get('unit', ''))} ; kg:valueKind kg:{kind} .")
    return "\n".join(lines) + "\n"


def score_text(tmp_path: Path, turtle: str, gold: dict):
    path = tmp_path / "g.ttl"
    path.write_text(turtle, encoding="utf-8")
    return evaluate(load_graph(path), gold)


def test_perfect_graph_scores_one(tmp_path: Path, gold: dict) -> None:
    result = score_text(tmp_path, gold_graph(gold), gold)
    assert result.strict_typed == (1.0, 1.0, 1.0)
    assert result.relaxed_typed == (1.0, 1.0, 1.0)
    assert result.indicators["P"] == result.indicators["R"] == result.indicators["kind_accuracy"] == 1.0
    assert result.relations["R"] == 1.0
    assert result.misses == [] and result.false_positives == []


def test_removing_an_entity_lowers_recall_by_one(tmp_path: Path, gold: dict) -> None:
    n_areas = sum(1 for e in gold["entities"] if e["type"] == "AdministrativeArea")
    result = score_text(tmp_path, gold_graph(gold, drop="宁河区"), gold)
    n_gold, n_pred, p, r, _ = result.per_type["AdministrativeArea"]
    assert (n_gold, n_pred, p) == (n_areas, n_areas - 1, 1.0)
    assert r == pytest.approx((n_areas - 1) / n_areas)
    assert result.misses == [("AdministrativeArea", "宁河区")]


def test_wrong_entity_lowers_precision_but_neutral_one_does_not(tmp_path: Path, gold: dict) -> None:
    wrong = score_text(tmp_path, gold_graph(gold, extra=("AdministrativeArea", "城市")), gold)
    assert wrong.per_type["AdministrativeArea"][2] < 1.0
    assert wrong.false_positives == [("AdministrativeArea", "城市")]
    neutral = next(e["name"] for e in gold["entities"] if e["type"] not in ENTITY_CLASSES)
    kept = score_text(tmp_path, gold_graph(gold, extra=("Policy", neutral)), gold)
    assert kept.strict_typed == (1.0, 1.0, 1.0)


def test_matching_rules() -> None:
    assert norm("《促进天开园发展条例》") == "促进天开园发展条例"
    assert strict_match({"天津"}, {"天津市", "天津"})
    assert relaxed_match({"天津港"}, {"天津港集团"}) and not strict_match({"天津港"}, {"天津港集团"})
    assert not relaxed_match({"天津"}, {"天津港保税区"})  # shorter is less than half the longer


def test_dev_build_scores_consistently_in_ttl_and_trig(dev_graph: Path) -> None:
    ttl = evaluate_files(dev_graph, GOLD)
    trig = evaluate_files(dev_graph.with_suffix(".trig"), GOLD)
    assert ttl.to_dict() == trig.to_dict()
    assert ttl.per_type["AdministrativeArea"][3] >= 0.9  # area recall
    assert ttl.relaxed_typed[1] >= ttl.strict_typed[1]


def test_dev_strict_f1_stays_above_floor(dev_graph: Path) -> None:
    floor = json.loads((FIXTURES / "dev-floor.json").read_text(encoding="utf-8"))["strict_typed_f1"]
    f1 = evaluate_files(dev_graph, GOLD).strict_typed[2]
    assert f1 >= floor - 0.02, f"dev strict typed F1 {f1:.3f} fell below the floor {floor:.3f}"


def test_cli_json_and_min_f1(dev_graph: Path, capsys) -> None:
    assert main(["evaluate", str(dev_graph), str(GOLD), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert set(printed) == {"doc", "strict_typed", "relaxed_typed", "strict_untyped", "per_type", "indicators",
                            "relations"}
    assert main(["evaluate", str(dev_graph), str(GOLD), "--min-f1", "1.01"]) == 1


def test_cli_missing_gold_is_an_input_error(dev_graph: Path, tmp_path: Path, capsys) -> None:
    assert main(["evaluate", str(dev_graph), str(tmp_path / "none.json")]) == 2
    assert "no such gold file" in capsys.readouterr().err
