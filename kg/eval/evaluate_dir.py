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


def summary(rows: list[Row]) -> dict[str, float]:
    """Mean strict typed P, R, F1 and relaxed F1 over reports, and the worst strict F1."""
    def mean(get: Callable[[Evaluation], float]) -> float:
        return statistics.mean(get(r.result) for r in rows)

    return {"strict_P": mean(lambda e: e.strict_typed[0]), "strict_R": mean(lambda e: e.strict_typed[1]),
            "strict_F1": mean(lambda e: e.strict_typed[2]), "relaxed_F1": mean(lambda e: e.relaxed_typed[2]),
            "worst_strict_F1": min(r.result.strict_typed[2] for r in rows)}


def folder_table(rows: list[Row]) -> str:
    """One line per report (strict typed P, R, F1, relaxed F1), then the mean over reports and the worst F1."""
    lines = [f"{'report':<28}{'P':>6}{'R':>6}{'F1':>6}{'relF1':>7}"]
    for r in rows:
        p, rec, f = r.result.strict_typed
        lines.append(f"{r.name:<28}{p:>6.2f}{rec:>6.2f}{f:>6.2f}{r.result.relaxed_typed[2]:>7.2f}")
    s = summary(rows)
    lines.append(f"{'mean over reports':<28}{s['strict_P']:>6.2f}{s['strict_R']:>6.2f}{s['strict_F1']:>6.2f}"
                 f"{s['relaxed_F1']:>7.2f}")
    lines.append(f"(entities, strict typed; worst report F1 {s['worst_strict_F1']:.2f})")
    return "\n".join(lines)
