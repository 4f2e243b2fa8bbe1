"""The learned layer: kg train on a small annotated folder, kg build --model, kg evaluate DIR (with
leave-one-out) and their errors on bad input."""

from __future__ import annotations

import json
import shutil
import time
from pathlib import Path

import pytest

from kg.cli import main
from kg.eval.evaluate import evaluate_files
from kg.eval.train import examples, find_pairs, fit, label_of
from kg.extract.broad_candidates import broad_candidates, head_class
from kg.extract.mention_features import mention_features
from kg.extract.mention_model import LABELS, SHIPPED_MODEL, load_model, model_from_json
from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document
from kg.ingest.tokenize import tokenize

ANNOTATED = Path(__file__).parents[1] / "fixtures" / "annotated"


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Path:
    """A model trained by `kg train` on the three annotated fixture reports."""
    out = tmp_path_factory.mktemp("model") / "fixtures.json"
    assert main(["train", str(ANNOTATED), "-o", str(out), "-q"]) == 0
    return out


def _names(graph: Path) -> set[tuple[str, str]]:
    """(class, label) of every entity of a built graph."""
    from kg.eval.evaluate import load_graph, predicted_entities

    return {(e.cls, min(e.names)) for e in predicted_entities(load_graph(graph))}


def test_labels_come_from_gold_names_after_normalisation():
    """A candidate takes the class of the gold name it equals (quotes ignored), none otherwise, None if neutral."""
    from kg.model import Mention, Span

    by_name = {"港城融合行动": "Policy"}
    quoted = Mention("“港城融合”行动", "Policy", Span(0, 8), 0, "policies")
    other = Mention("压舱石", "Policy", Span(9, 12), 0, "policies.quoted")
    assert label_of(quoted, by_name, set()) == "Policy"
    assert label_of(other, by_name, set()) == "none"
    assert label_of(other, by_name, {"压舱石"}) is None


def test_broad_candidates_end_in_a_class_head():
    """Token runs ending in a head word are proposed with the head's class; rule spans are not repeated."""
    doc = parse_document("加快发展康养产业和现代物流业，建设青山水库项目。", source="t.txt")
    doc.tokens = tokenize(doc.match_text)
    found = {(m.text, m.cls) for m in broad_candidates(doc, [])}
    assert ("康养产业", "Industry") in found
    assert ("青山水库项目", "Project") in found
    assert head_class("推进") is None
    assert all(m.extractor == "broad" for m in broad_candidates(doc, []))


def test_features_are_generic_not_the_name():
    """No feature spells out a whole name longer than two characters."""
    doc = parse_document("推进“港城融合”行动，临海港吞吐量增长。", source="t.txt")
    mentions = Pipeline(model="none").candidates(doc)
    assert mentions
    for m, feats in zip(mentions, mention_features(doc, mentions), strict=True):
        assert "cls=" + m.cls in feats
        assert not any(f.split("=", 1)[1].split("|")[0] == m.text for f in feats if len(m.text) > 2)


def test_training_is_fast_and_the_model_changes_decisions(trained, tmp_path):
    """Trained on the fixtures, the model keeps a name the rules miss (…业) and drops a span they overextend."""
    model = load_model(str(trained))
    assert model is not None and model.info["reports"] == sorted(p.stem for p in ANNOTATED.glob("*.txt"))
    started = time.perf_counter()
    fit(examples(find_pairs(ANNOTATED)))
    assert time.perf_counter() - started < 60
    report = ANNOTATED / "hill-2026-plan.txt"
    assert main(["build", str(report), "-o", str(tmp_path / "rules"), "--model", "none", "-q", "--no-page"]) == 0
    assert main(["build", str(report), "-o", str(tmp_path / "learned"), "--model", str(trained), "-q",
                 "--no-page"]) == 0
    rules, learned = _names(tmp_path / "rules" / "graph.ttl"), _names(tmp_path / "learned" / "graph.ttl")
    assert ("Industry", "文化旅游业") in learned - rules  # a broad candidate the model keeps
    assert ("Industry", "文化旅游业稳步发展") in rules - learned  # a rule's overlong span it drops
    gold = ANNOTATED / "hill-2026-plan.gold.json"
    before = evaluate_files(tmp_path / "rules" / "graph.ttl", gold).strict_typed[1]
    after = evaluate_files(tmp_path / "learned" / "graph.ttl", gold).strict_typed[1]
    assert after > before


def test_model_file_round_trips_and_bad_models_are_refused(trained, tmp_path, capsys):
    """A saved model loads with the same weights; a file that is not a model is one line, exit 2."""
    data = json.loads(trained.read_text(encoding="utf-8"))
    model = model_from_json(data, "x")
    assert model.weights.shape == (len(model.features), len(LABELS))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    report = ANNOTATED / "hill-2026-plan.txt"
    assert main(["build", str(report), "-o", str(tmp_path / "o"), "--model", str(bad), "-q", "--no-page"]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "not a GovKG mention model" in err
    assert main(["build", str(report), "-o", str(tmp_path / "o"), "--model", str(tmp_path / "missing.json"),
                 "-q", "--no-page"]) == 2
    assert "no such model file" in capsys.readouterr().err


def test_the_model_is_part_of_the_build_fingerprint(trained):
    """Building with another model extracts again: the kg:builtWith stamp names the model."""
    stamps = {Pipeline(model=m).fingerprint for m in ("none", str(trained), "shipped")}
    assert len(stamps) == 3


def test_shipped_model_is_small_and_loads_fast():
    """The packaged model is a few hundred kB of JSON and loads well under a second."""
    assert SHIPPED_MODEL.is_file() and SHIPPED_MODEL.stat().st_size < 2_000_000
    from kg.extract import mention_model

    mention_model._load.cache_clear()
    started = time.perf_counter()
    assert load_model("shipped") is not None
    assert time.perf_counter() - started < 1.0


def test_evaluate_folder_rows_match_per_file_scores(tmp_path, capsys):
    """kg evaluate DIR prints one row per report, the same numbers as building and scoring each file, and
    the mean over reports."""
    assert main(["evaluate", str(ANNOTATED), "--model", "none", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    names = [r["doc"] for r in out["reports"]]
    assert names == sorted(p.stem for p in ANNOTATED.glob("*.txt"))
    for row in out["reports"]:
        txt = ANNOTATED / f"{row['doc']}.txt"
        assert main(["build", str(txt), "-o", str(tmp_path / row["doc"]), "--model", "none", "-q",
                     "--no-page"]) == 0
        capsys.readouterr()
        alone = evaluate_files(tmp_path / row["doc"] / "graph.ttl", txt.with_name(f"{row['doc']}.gold.json"))
        assert row["strict_typed"] == pytest.approx(list(alone.strict_typed))
        assert row["relations"] == alone.relations and row["indicators"] == alone.indicators
    harbor = next(r for r in out["reports"] if r["doc"] == "harbor-2026-plan")
    assert harbor["relations"]["R"] > 0 and harbor["relations"]["P"] is not None
    assert harbor["indicators"]["F1"] > 0 and 0 <= harbor["indicators"]["metric_accuracy"] <= 1
    # means over the reports whose gold has relations / indicators (here harbor alone)
    assert out["summary"]["relation_R"] == pytest.approx(harbor["relations"]["R"])
    assert out["summary"]["indicator_F1"] == pytest.approx(harbor["indicators"]["F1"])
    mean_f1 = sum(r["strict_typed"][2] for r in out["reports"]) / len(out["reports"])
    assert out["summary"]["strict_F1"] == pytest.approx(mean_f1)
    assert main(["evaluate", str(ANNOTATED), "--model", "none"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["report", "P", "R", "F1", "relF1", "indF1", "metric", "relR", "relP"]
    assert [line.split()[0] for line in table[1:4]] == names
    harbor_row = table[1 + names.index("harbor-2026-plan")].split()
    assert harbor_row[-2:] == [f"{harbor['relations']['R']:.2f}", f"{harbor['relations']['P']:.2f}"]
    assert table[1 + names.index("hill-2026-plan")].split()[-4:] == ["-"] * 4  # no indicator or relation gold
    assert table[4].startswith("mean over reports") and f"{mean_f1:.2f}" in table[4]


def test_leave_one_out_trains_without_the_scored_report(capsys):
    """Each report is scored by a model that never saw it: the held-out recall is below the in-sample one."""
    assert main(["evaluate", str(ANNOTATED), "--leave-one-out", "--json"]) == 0
    loo = json.loads(capsys.readouterr().out)
    assert len(loo["reports"]) == 3
    assert 0.0 < loo["summary"]["strict_F1"] <= 1.0
    assert loo["summary"]["relation_R"] is not None and loo["summary"]["relation_P"] is not None


@pytest.mark.parametrize("make, message", [
    (lambda d: d / "missing", "no such"),
    (lambda d: d, "no NAME.txt + NAME.gold.json pairs"),
    (lambda d: (shutil.copy(ANNOTATED / "hill-2026-plan.txt", d / "a.txt"),
                (d / "a.gold.json").write_text("{not json", encoding="utf-8"), d)[-1], "not JSON"),
])
def test_bad_folders_are_one_line_and_exit_2(tmp_path, capsys, make, message):
    """A missing folder, a folder without pairs and a broken gold file: one line on stderr, exit 2."""
    folder = make(tmp_path)
    for argv in (["train", str(folder), "-o", str(tmp_path / "m.json")], ["evaluate", str(folder)]):
        assert main(argv) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and message in err, err
    assert not (tmp_path / "m.json").exists()


def test_evaluate_usage_errors(tmp_path, capsys):
    """A graph without gold, or --model with a graph file, is a usage error."""
    graph = tmp_path / "g.ttl"
    graph.write_text("", encoding="utf-8")
    assert main(["evaluate", str(graph)]) == 2
    assert "give a gold JSON file" in capsys.readouterr().err
    assert main(["evaluate", str(graph), str(ANNOTATED / "hill-2026-plan.gold.json"), "--model", "none"]) == 2
    assert "for a folder" in capsys.readouterr().err


def test_the_rules_alone_are_the_default_and_the_shipped_model_is_named():
    """Without a model named, a pipeline runs the rules alone (leave-one-out on dev, the layer did not beat them);
    "shipped" adds the packaged model, to every component or a chosen few; "none" is the rules alone."""
    assert Pipeline().model is None
    assert Pipeline(["areas"]).model is None
    assert Pipeline(model="none").model is None
    assert Pipeline(model="shipped").model is not None
    assert Pipeline(["areas"], model="shipped").model is not None


def test_a_model_that_says_none_drops_all_but_official_divisions():
    """Decisions come from the weights: a model whose bias says "none" keeps nothing but the areas the
    division lexicon resolved (连云港市), which no learned weight overrules."""
    import numpy as np

    from kg.extract.mention_model import MentionModel

    text = "2026年江北市政府工作报告\n一、2025年工作回顾\n连云港市推进“港城融合”行动，发展海洋装备产业。\n"
    doc = parse_document(text, source="江北市.txt")
    rules = Pipeline(model="none")
    found = {(m.cls, m.text) for m in rules.candidates(doc)}
    assert ("AdministrativeArea", "连云港市") in found and len(found) > 1
    bias = np.zeros(len(LABELS))
    bias[0] = 20.0
    says_none = MentionModel([], np.zeros((0, len(LABELS))), bias)
    kept = {(m.cls, m.text) for m in says_none.apply(doc, rules.candidates(doc))}
    assert kept == {("AdministrativeArea", "连云港市")}
    bias = np.zeros(len(LABELS))
    bias[LABELS.index("Policy")] = 20.0
    says_policy = MentionModel([], np.zeros((0, len(LABELS))), bias)
    relabelled = says_policy.apply(doc, rules.candidates(doc))
    assert {m.cls for m in relabelled if m.text != "连云港市"} == {"Policy"}
