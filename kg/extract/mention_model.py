"""The learned layer over the rules: a multinomial logistic regression that keeps or drops each candidate
mention and picks its class.

The rules (every mention component) propose candidates; this model scores each one over "none" and the
eight classes from generic features (kg/extract/mention_features.py), averages the scores of all candidates
with the same name in the document (a name gets one decision per report, as the scorer counts names), and
keeps the name with its most likely class when "none" is not likely enough. The weights are a JSON file
shipped in the package (kg/extract/model/entities.json, made by `kg train`); inference is numpy only.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from kg.errors import InputError
from kg.ingest.document import Document
from kg.model import ENTITY_CLASSES, Mention

FORMAT = "govkg-mention-model/1"
NONE = "none"
LABELS: tuple[str, ...] = (NONE, *ENTITY_CLASSES)
SHIPPED_MODEL = Path(__file__).parent / "model" / "entities.json"
SHIPPED = "shipped"  # the model in the package, trained on the seven annotated dev reports
# Rules alone unless a model is named: leave-one-report-out on dev, the shipped layer scored strict F1 0.744
# (P 0.82) against the rules' 0.749 (P 0.81), and it doubles extraction time (kg build --model shipped uses it).
BY_DEFAULT = "none"
NO_MODEL = "none"  # rules alone


def mention_key(text: str) -> str:
    """The form a name is decided in: the scorer's normalisation (NFKC, no quotes or spaces, lower case)."""
    from kg.extract.resolve import name_key

    return name_key(text)


@dataclasses.dataclass
class MentionModel:
    """Weights of the keep/relabel classifier: a feature vocabulary, a weight row per feature, a bias."""

    features: list[str]
    weights: np.ndarray  # (len(features), len(LABELS))
    bias: np.ndarray  # (len(LABELS),)
    keep_threshold: float = 0.5  # keep a name a rule proposed when P(none) is below this
    broad_threshold: float = 0.5  # keep a name only the broad candidates proposed when P(none) is below this
    info: dict[str, Any] = dataclasses.field(default_factory=dict)

    def __post_init__(self) -> None:
        self.index = {name: i for i, name in enumerate(self.features)}

    def probabilities(self, rows: list[list[str]]) -> np.ndarray:
        """Class probabilities (rows × LABELS) for candidates given as lists of feature strings."""
        scores = np.tile(self.bias, (len(rows), 1))
        for r, feats in enumerate(rows):
            ids = [self.index[f] for f in feats if f in self.index]
            if ids:
                scores[r] += self.weights[ids].sum(axis=0)
        scores -= scores.max(axis=1, keepdims=True)
        exp = np.exp(scores)
        return exp / exp.sum(axis=1, keepdims=True)

    def apply(self, doc: Document, mentions: list[Mention]) -> list[Mention]:
        """The candidates this model keeps, each with the class it chose (one decision per name)."""
        from kg.extract.mention_features import mention_features

        mentions = with_broad(doc, mentions)
        if not mentions:
            return []
        groups = name_groups(mentions)
        probs = self.probabilities(name_features(mention_features(doc, mentions), groups))
        kept: list[Mention] = []
        for ids, p in zip(groups, probs, strict=True):
            if any(is_division(mentions[i]) for i in ids):  # an official division: kept as it is
                kept.extend(mentions[i] for i in ids if mentions[i].cls == "AdministrativeArea")
                continue
            ruled = any(mentions[i].extractor != BROAD for i in ids)
            if p[0] >= (self.keep_threshold if ruled else self.broad_threshold):
                continue
            cls = LABELS[1 + int(np.argmax(p[1:]))]
            kept.extend(relabel(mentions[i], cls) for i in ids)
        return sorted(kept, key=lambda m: (m.span.start, m.span.end, m.cls, m.extractor))

    def to_json(self) -> dict[str, Any]:
        """The JSON object `kg train` writes: features with their weight rows (rounded), bias, threshold."""
        # weights to three decimals, features whose weights all round to zero left out: the file stays small
        rows = {f: [round(float(w), 3) for w in row] for f, row in zip(self.features, self.weights, strict=True)}
        return {"format": FORMAT, "labels": list(LABELS), "keep_threshold": self.keep_threshold,
                "broad_threshold": self.broad_threshold,
                "bias": [round(float(b), 3) for b in self.bias],
                "weights": {f: row for f, row in rows.items() if any(row)}, "info": self.info}

    def save(self, path: str | Path) -> None:
        """Write the model as JSON (to a temporary file, then renamed)."""
        from kg.atomic import write_atomic

        write_atomic(Path(path), json.dumps(self.to_json(), ensure_ascii=False, separators=(",", ":")))


def is_division(m: Mention) -> bool:
    """An area mention the division lexicon resolved to one official division (连云港市, or 连云港 for it)."""
    return m.cls == "AdministrativeArea" and bool(m.division_code)


def name_groups(mentions: list[Mention]) -> list[list[int]]:
    """Indices of the candidates of each name (normalised), names in order of first appearance."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, m in enumerate(mentions):
        groups[mention_key(m.text)].append(i)
    return list(groups.values())


def name_features(rows: list[list[str]], groups: list[list[int]]) -> list[list[str]]:
    """The features of each name: the union of its candidates' features (a name is decided once per report)."""
    return [sorted({f for i in ids for f in rows[i]}) for ids in groups]


BROAD = "broad"  # the extractor name of kg/extract/broad_candidates.py


def with_broad(doc: Document, mentions: list[Mention]) -> list[Mention]:
    """The rules' candidates and the broad ones (kg/extract/broad_candidates.py) the model also judges."""
    from kg.extract.broad_candidates import broad_candidates

    return [*mentions, *broad_candidates(doc, mentions)]


def relabel(m: Mention, cls: str) -> Mention:
    """A mention with another class; area-only fields are dropped when it stops being an area."""
    if cls == m.cls:
        return m
    if cls == "AdministrativeArea":
        return dataclasses.replace(m, cls=cls)
    return dataclasses.replace(m, cls=cls, division_code=None, parent_label=None)


def model_from_json(data: Any, source: str) -> MentionModel:
    """A model from its JSON object; InputError naming the source when the object is not one."""
    if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("weights"), dict):
        raise InputError(f"{source}: not a GovKG mention model (expected format {FORMAT}); make one with kg train")
    if list(data.get("labels", [])) != list(LABELS):
        raise InputError(f"{source}: the model's labels {data.get('labels')} are not {list(LABELS)}")
    try:
        features = list(data["weights"])
        weights = np.array([data["weights"][f] for f in features], dtype=float).reshape(len(features), len(LABELS))
        bias = np.array(data["bias"], dtype=float).reshape(len(LABELS))
        thresholds = float(data.get("keep_threshold", 0.5)), float(data.get("broad_threshold", 0.5))
    except (KeyError, TypeError, ValueError) as err:
        raise InputError(f"{source}: malformed mention model ({err}); make one with kg train") from None
    return MentionModel(features, weights, bias, *thresholds, dict(data.get("info") or {}))


@lru_cache(maxsize=8)
def _load(path: str, digest: str) -> MentionModel:
    """Read a model file once per content."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{path}: cannot read the mention model ({err})") from None
    return model_from_json(data, path)


def model_path(choice: str | None) -> Path | None:
    """The model file a choice names: none for "none" (and by default), the packaged one for "shipped", else
    the path."""
    choice = BY_DEFAULT if choice is None else choice
    if choice == SHIPPED:
        return SHIPPED_MODEL if SHIPPED_MODEL.is_file() else None
    if choice == NO_MODEL:
        return None
    path = Path(choice).expanduser()
    if not path.is_file():
        raise InputError(f"{choice}: no such model file; make one with kg train DIR -o MODEL, or pass --model none")
    return path.resolve()


def model_digest(choice: str | None) -> str:
    """A short hash of the chosen model's file ("none" without one), for the build fingerprint."""
    path = model_path(choice)
    return hashlib.sha256(path.read_bytes()).hexdigest()[:12] if path else NO_MODEL


def load_model(choice: str | None) -> MentionModel | None:
    """The model a choice names (see model_path), loaded once per file content; None for rules alone."""
    path = model_path(choice)
    if path is None:
        return None
    return _load(str(path), model_digest(str(path)))
