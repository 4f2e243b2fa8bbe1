"""Train the mention model (kg/extract/mention_model.py) from a folder of annotated reports.

A folder holds ``NAME.txt`` + ``NAME.gold.json`` pairs (the gold format of the evaluation guidelines). The
rules and the broad candidate finder run over every text without a model; each candidate name (all its
mentions together, as the model decides per name) is labelled with the class of the gold entity whose name,
alias or mention it equals after normalisation (the scorer's strict match), "none" when it equals none, and
is left out when it names only neutral records (Ideology). A multinomial logistic regression with an L2
penalty is fitted by a small L-BFGS over scipy sparse matrices: deterministic (no random start, no
sampling), seconds on seven reports."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kg.errors import InputError
from kg.eval.evaluate import gold_entities, load_gold, neutral_names, norm
from kg.extract.mention_model import LABELS, NONE, MentionModel
from kg.model import Mention

MIN_COUNT = 2  # a feature seen fewer times in training is left out (it cannot be weighed)
L2 = 1.0  # penalty on the squared weights, relative to the summed log-loss
# Keep a name a rule proposed unless P(none) ≥ 0.85, one only the broad candidates proposed when P(none) < 0.5.
# Leave-one-out on the seven dev reports, with the rules of the entities-recall work (mean strict P / R / F1):
# 0.7/0.5: 0.82 / 0.64 / 0.71; 0.85/0.5: 0.80 / 0.66 / 0.73 (worst 0.64); 0.95/0.5: 0.79 / 0.68 / 0.73 (worst 0.64);
# rules alone 0.79 / 0.68 / 0.73 (worst 0.61). The model mostly trades a little recall for precision.
KEEP_THRESHOLD = 0.85
BROAD_THRESHOLD = 0.5


@dataclass
class Pair:
    """One annotated report: its name, text file and gold file."""

    name: str
    text: Path
    gold: Path


@dataclass
class Example:
    """The candidate names of one annotated report: their mentions, feature strings and labels (None = neutral)."""

    name: str
    mentions: list[Mention]
    groups: list[list[int]]  # indices into mentions, one list per name
    features: list[list[str]]  # one row per name
    labels: list[str | None]  # one per name


def find_pairs(folder: str | Path) -> list[Pair]:
    """The NAME.txt + NAME.gold.json pairs of a folder, by name; InputError when there is none."""
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder; pass a folder of NAME.txt + NAME.gold.json pairs")
    pairs = [Pair(txt.stem, txt, txt.with_name(f"{txt.stem}.gold.json")) for txt in sorted(folder.glob("*.txt"))]
    pairs = [p for p in pairs if p.gold.is_file()]
    if not pairs:
        raise InputError(f"{folder}: no NAME.txt + NAME.gold.json pairs found; annotate reports as the "
                         "evaluation guidelines describe")
    return pairs


def read_document(path: Path):
    """Read and parse one report as `kg build` does (encoding detection, sidecar metadata)."""
    from kg.ingest.document import parse_document
    from kg.ingest.readers import read_file
    from kg.ingest.sidecar import apply_metadata, read_sidecar

    return apply_metadata(parse_document(read_file(path), source=path.name), read_sidecar(path))


def gold_labels(gold: dict) -> tuple[dict[str, str], set[str]]:
    """Normalised gold name → class (the first record wins), and the neutral names."""
    by_name: dict[str, str] = {}
    for ent in gold_entities(gold):
        for name in sorted(ent.names):
            by_name.setdefault(name, ent.cls)
    return by_name, neutral_names(gold)


def label_of(m: Mention, by_name: dict[str, str], neutral: set[str]) -> str | None:
    """The class a candidate should get: its gold class, "none", or None (neutral: not learned from)."""
    keys = [norm(m.text), *([norm(m.canonical)] if m.canonical else [])]
    for key in keys:
        if key in by_name:
            return by_name[key]
    if any(key in neutral for key in keys):
        return None
    return NONE


def name_label(labels: list[str | None]) -> str | None:
    """The label of a name from its candidates' labels: a class any of them has (the most frequent), else
    "none", else None when all are neutral."""
    classes = Counter(label for label in labels if label not in (None, NONE))
    if classes:
        return min(classes, key=lambda c: (-classes[c], c))
    return NONE if NONE in labels else None


def examples(pairs: Sequence[Pair], *, quiet: bool = True) -> list[Example]:
    """Run the rules over every annotated text and label their candidates."""
    import sys

    from kg.extract.mention_features import mention_features
    from kg.extract.mention_model import name_features, name_groups, with_broad
    from kg.extract.pipeline import Pipeline

    pipeline = Pipeline(model="none")
    out = []
    for pair in pairs:
        gold = load_gold(pair.gold)
        doc = read_document(pair.text)
        mentions = with_broad(doc, pipeline.candidates(doc))
        by_name, neutral = gold_labels(gold)
        groups = name_groups(mentions)
        labels = [label_of(m, by_name, neutral) for m in mentions]
        out.append(Example(pair.name, mentions, groups, name_features(mention_features(doc, mentions), groups),
                           [name_label([labels[i] for i in ids]) for ids in groups]))
        if not quiet:
            print(f"{pair.name}: {len(mentions)} candidates", file=sys.stderr)
    return out


def fit(examples_: Sequence[Example], *, l2: float = L2, min_count: int = MIN_COUNT,
        keep_threshold: float = KEEP_THRESHOLD, broad_threshold: float = BROAD_THRESHOLD) -> MentionModel:
    """Fit the multinomial logistic regression on labelled candidates (neutral ones left out)."""
    from scipy.sparse import csr_matrix

    rows = [(feats, label) for ex in examples_ for feats, label in zip(ex.features, ex.labels, strict=True)
            if label is not None]
    if not rows:
        raise InputError("no candidate mentions to learn from: the rules found nothing in the annotated texts")
    counts = Counter(f for feats, _ in rows for f in set(feats))
    features = sorted(f for f, c in counts.items() if c >= min_count)
    index = {f: i for i, f in enumerate(features)}
    indptr, cols = [0], []
    for feats, _ in rows:
        cols.extend(sorted({index[f] for f in feats if f in index}))
        indptr.append(len(cols))
    x = csr_matrix((np.ones(len(cols)), cols, indptr), shape=(len(rows), len(features)))
    y = np.array([LABELS.index(label) for _, label in rows])
    onehot = np.zeros((len(rows), len(LABELS)))
    onehot[np.arange(len(rows)), y] = 1.0
    n_feat, n_lab = len(features), len(LABELS)

    def loss(theta: np.ndarray) -> tuple[float, np.ndarray]:
        w = theta[:n_feat * n_lab].reshape(n_feat, n_lab)
        b = theta[n_feat * n_lab:]
        scores = x @ w + b
        scores -= scores.max(axis=1, keepdims=True)
        log_z = np.log(np.exp(scores).sum(axis=1, keepdims=True))
        log_p = scores - log_z
        value = -(onehot * log_p).sum() + 0.5 * l2 * (w * w).sum()
        delta = np.exp(log_p) - onehot
        grad_w = x.T @ delta + l2 * w
        return value, np.concatenate([np.asarray(grad_w).ravel(), delta.sum(axis=0)])

    theta = lbfgs(loss, np.zeros(n_feat * n_lab + n_lab))
    weights = theta[:n_feat * n_lab].reshape(n_feat, n_lab)
    bias = theta[n_feat * n_lab:]
    info = {"reports": [ex.name for ex in examples_], "candidates": len(rows), "features": n_feat,
            "l2": l2, "min_count": min_count,
            "labels": {label: int((y == i).sum()) for i, label in enumerate(LABELS)}}
    return MentionModel(features, weights, bias, keep_threshold, broad_threshold, info)


def lbfgs(loss: Callable[[np.ndarray], tuple[float, np.ndarray]], theta: np.ndarray, *, iterations: int = 300,
          memory: int = 10, tolerance: float = 1e-5) -> np.ndarray:
    """Minimise a smooth convex loss by limited-memory BFGS with a backtracking line search.

    Written out because scipy's L-BFGS-B spends most of its time in bound handling this problem has not.
    """
    value, grad = loss(theta)
    history: list[tuple[np.ndarray, np.ndarray, float]] = []
    for _ in range(iterations):
        direction = -grad
        alphas = []
        for s, y, rho in reversed(history):  # two-loop recursion
            alpha = rho * (s @ direction)
            direction -= alpha * y
            alphas.append(alpha)
        if history:
            s, y, _ = history[-1]
            direction *= (s @ y) / (y @ y)
        for (s, y, rho), alpha in zip(history, reversed(alphas), strict=True):
            direction += s * (alpha - rho * (y @ direction))
        slope = grad @ direction
        if slope >= 0:  # not a descent direction: start again from the gradient
            history.clear()
            direction, slope = -grad, -(grad @ grad)
        step = 1.0 if history else 1.0 / max(1.0, float(np.abs(grad).max()))
        while True:
            candidate = theta + step * direction
            new_value, new_grad = loss(candidate)
            if new_value <= value + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s, y = candidate - theta, new_grad - grad
        if s @ y > 1e-10:
            history.append((s, y, 1.0 / (s @ y)))
            history = history[-memory:]
        converged = abs(value - new_value) <= tolerance * max(1.0, abs(value))
        theta, value, grad = candidate, new_value, new_grad
        if converged:
            break
    return theta


def train(folder: str | Path, **options) -> MentionModel:
    """A mention model trained on every annotated pair of a folder."""
    return fit(examples(find_pairs(folder)), **options)
