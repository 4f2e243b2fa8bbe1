"""Score a folder of annotated reports: build every NAME.txt as `kg build` does and score it against its
NAME.gold.json (kg/eval/evaluate.py), one row per report and the mean over reports (each report weighs the same).

With leave-one-out, the mention model is trained on all reports but one and that one is built with it, for
each report in turn: the honest figure for a model learned from the same folder.
"""

from __future__ import annotations

import statistics
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError
from kg.eval.evaluate import Evaluation, evaluate_files
from kg.eval.train import Pair, examples, find_pairs, fit


@dataclass
class Row:
    """One report's scores."""

    name: str
    result: Evaluation


Builder = Callable[[Path, Path, str | None], Path]  # (report, output folder, model) → the built graph file


def score_pair(pair: Pair, model: str | None, workdir: Path, builder: Builder) -> Evaluation:
    """Build one report into a fresh folder and score its graph against its gold."""
    return evaluate_files(builder(pair.text, workdir / pair.name, model), pair.gold)


def evaluate_folder(folder: str | Path, builder: Builder, *, model: str | None = None, leave_one_out: bool = False,
                    progress: Callable[[str], None] | None = None) -> list[Row]:
    """Scores of every annotated pair of a folder, with the given model or, leaving one out, with models
    trained on the other pairs. ``builder`` builds one report as `kg build` does (kg.build sits above this
    room, so the command passes it in)."""
    pairs = find_pairs(folder)
    if leave_one_out and len(pairs) < 2:
        raise InputError(f"{folder}: leave-one-out needs at least two annotated reports")
    rows = []
    with tempfile.TemporaryDirectory(prefix="govkg-eval-") as tmp:
        work = Path(tmp)
        labelled = examples(pairs) if leave_one_out else []
        for i, pair in enumerate(pairs):
            chosen = model
            if leave_one_out:
                held_out = work / f"{pair.name}.model.json"
                fit([ex for j, ex in enumerate(labelled) if j != i]).save(held_out)
                chosen = str(held_out)
            rows.append(Row(pair.name, score_pair(pair, chosen, work, builder)))
            if progress:
                progress(pair.name)
    return rows


def _mean(values: list[float | None]) -> float | None:
    """Mean of the values that exist (a report without indicator or relation gold has none), else None."""
    present = [v for v in values if v is not None]
    return statistics.mean(present) if present else None


def _part(result: Evaluation, part: str, key: str) -> float | None:
    """One number of a report's indicator or relation scores (None when its gold has no such part)."""
    scores = result.indicators if part == "indicators" else result.relations
    return (scores or {}).get(key)


def summary(rows: list[Row]) -> dict[str, float | None]:
    """Mean strict typed P, R, F1 and relaxed F1 over reports, the worst strict F1, and the means of indicator
    F1, metric accuracy, relation recall and precision over the reports whose gold has them (the keys of the
    evaluation's dev_scores.py)."""
    def mean(get: Callable[[Evaluation], float | None]) -> float | None:
        return _mean([get(r.result) for r in rows])

    return {"strict_P": mean(lambda e: e.strict_typed[0]), "strict_R": mean(lambda e: e.strict_typed[1]),
            "strict_F1": mean(lambda e: e.strict_typed[2]), "relaxed_F1": mean(lambda e: e.relaxed_typed[2]),
            "worst_strict_F1": min(r.result.strict_typed[2] for r in rows),
            "indicator_F1": mean(lambda e: _part(e, "indicators", "F1")),
            "metric_accuracy": mean(lambda e: _part(e, "indicators", "metric_accuracy")),
            "relation_R": mean(lambda e: _part(e, "relations", "R")),
            "relation_P": mean(lambda e: _part(e, "relations", "P"))}


def _cell(value: float | None, width: int) -> str:
    """A score right-aligned to its column, or '-' when the report has no gold for it."""
    return f"{value:>{width}.2f}" if value is not None else f"{'-':>{width}}"


def folder_table(rows: list[Row]) -> str:
    """One line per report (strict typed P, R, F1, relaxed F1, indicator F1, metric accuracy, relation recall
    and precision), then the mean over reports and the worst F1."""
    lines = [f"{'report':<28}{'P':>6}{'R':>6}{'F1':>6}{'relF1':>7}{'indF1':>7}{'metric':>7}{'relR':>6}{'relP':>6}"]

    def line(name: str, p: float | None, rec: float | None, f: float | None, relaxed: float | None,
             extra: list[float | None]) -> str:
        widths = (7, 7, 6, 6)
        return (f"{name:<28}{_cell(p, 6)}{_cell(rec, 6)}{_cell(f, 6)}{_cell(relaxed, 7)}"
                + "".join(_cell(v, w) for v, w in zip(extra, widths, strict=True)))

    for r in rows:
        e = r.result
        lines.append(line(r.name, *e.strict_typed, e.relaxed_typed[2],
                          [_part(e, "indicators", "F1"), _part(e, "indicators", "metric_accuracy"),
                           _part(e, "relations", "R"), _part(e, "relations", "P")]))
    s = summary(rows)
    lines.append(line("mean over reports", s["strict_P"], s["strict_R"], s["strict_F1"], s["relaxed_F1"],
                      [s["indicator_F1"], s["metric_accuracy"], s["relation_R"], s["relation_P"]]))
    lines.append(f"(entities, strict typed; worst report F1 {s['worst_strict_F1']:.2f}; "
                 "relP only where the gold lists every relation)")
    return "\n".join(lines)
