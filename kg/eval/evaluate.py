"""Gold-standard scoring of a built graph: entities per class (strict, relaxed, untyped), indicators and
relations, with the matching rules of the project's evaluation (shared/eval/README.md).

Names are compared after normalisation (NFKC, no quotes, book-title marks or spaces, Latin lower-cased).
A predicted entity matches a gold one of its class when any of its names (rdfs:label, skos:prefLabel,
skos:altLabel) equals any gold name, alias or mention (strict), or when one contains the other and the
shorter is at least half the longer (relaxed). Gold records of other types (e.g. Ideology) are neutral.

>>> relaxed_match({"天津港"}, {"天津港集团"}), strict_match({"天津港"}, {"天津港集团"})
(True, False)
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kg.errors import InputError
from kg.model import ENTITY_CLASSES, RELATION_TYPES

KG_NS = "https://w3id.org/govkg/ontology#"
_STRIP = str.maketrans("", "", "“”\"'‘’《》〈〉「」『』 \u3000\t\r\n")
RDF_FORMATS = {".ttl": "turtle", ".nt": "nt", ".nq": "nquads", ".trig": "trig", ".jsonld": "json-ld",
               ".json": "json-ld", ".rdf": "xml", ".xml": "xml"}

Match = Callable[[set[str], set[str]], bool]


def norm(name: str) -> str:
    """The form names are compared in.

    >>> norm("“十项行动” ")
    '十项行动'
    """
    return unicodedata.normalize("NFKC", name).translate(_STRIP).lower()


def strict_match(a: set[str], b: set[str]) -> bool:
    """Some name is shared."""
    return bool(a & b)


def relaxed_match(a: set[str], b: set[str]) -> bool:
    """Some name is shared, or one contains the other and the shorter is at least half as long (and ≥ 2)."""
    for x in a:
        for y in b:
            if x == y:
                return True
            short, long_ = sorted((x, y), key=len)
            if len(short) >= 2 and short in long_ and 2 * len(short) >= len(long_):
                return True
    return False


def prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from matched/total counts on each side (0.0 when a side is empty)."""
    p = tp_pred / n_pred if n_pred else 0.0
    r = tp_gold / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


@dataclass(frozen=True)
class Named:
    """An entity to score: its IRI (predicted) or name (gold), class and normalised names."""

    key: str
    cls: str
    names: frozenset[str]


@dataclass
class Evaluation:
    """Every number of one scoring run, with the misses and false positives of the strict typed pass."""

    doc: str | None
    per_type: dict[str, tuple[int, int, float, float, float]]  # gold, pred, P, R, F1
    strict_typed: tuple[float, float, float]
    relaxed_typed: tuple[float, float, float]
    strict_untyped: tuple[float, float, float]
    indicators: dict[str, Any] | None = None
    relations: dict[str, Any] | None = None
    misses: list[tuple[str, str]] = field(default_factory=list)
    false_positives: list[tuple[str, str]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON object the evaluation's score.py prints with --json (same keys, same numbers)."""
        return {"doc": self.doc, "strict_typed": list(self.strict_typed), "relaxed_typed": list(self.relaxed_typed),
                "strict_untyped": list(self.strict_untyped),
                "per_type": {t: list(row) for t, row in self.per_type.items()},
                "indicators": self.indicators, "relations": self.relations}

    def table(self, show: int = 0) -> str:
        """A text report: one row per class, the three micro averages, indicators, relations, examples."""
        lines = [f"{'type':<20}{'gold':>6}{'pred':>6}{'P':>7}{'R':>7}{'F1':>7}"]
        for t, (n_gold, n_pred, p, r, f) in self.per_type.items():
            lines.append(f"{t:<20}{n_gold:>6}{n_pred:>6}{p:>7.2f}{r:>7.2f}{f:>7.2f}")
        for name, (p, r, f) in (("strict typed", self.strict_typed), ("relaxed typed", self.relaxed_typed),
                                ("strict untyped", self.strict_untyped)):
            lines.append(f"{name:<20}{'':>12}{p:>7.2f}{r:>7.2f}{f:>7.2f}")
        ind = self.indicators
        if ind:
            lines.append(f"indicators: gold {ind['gold']} pred {ind['pred']} P {ind['P']:.2f} R {ind['R']:.2f} "
                         f"F1 {ind['F1']:.2f} kind-accuracy {ind['kind_accuracy']:.2f} "
                         f"metric-accuracy {ind['metric_accuracy']:.2f}")
        if self.relations:
            rel = self.relations
            precision = f" precision {rel['P']:.2f}" if rel.get("P") is not None else ""
            lines.append(f"relations: gold {rel['gold']} pred {rel['pred']} recall {rel['R']:.2f}{precision}")
        if show:
            lines.append("\nmissed: " + "; ".join(f"{t}:{n}" for t, n in self.misses[:show]))
            lines.append("\nfalse positives: " + "; ".join(f"{t}:{n}" for t, n in self.false_positives[:show]))
        return "\n".join(lines)


def load_graph(path: str | Path):
    """Read any RDF file rdflib can parse (format from the suffix) into a union-graph Dataset."""
    from rdflib import Dataset

    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such graph file; run `kg build` first or check the path")
    graph = Dataset(default_union=True)
    try:
        graph.parse(str(path), format=RDF_FORMATS.get(path.suffix.lower()))
    except Exception as err:  # rdflib raises many parser exception types
        raise InputError(f"{path}: cannot read as RDF ({str(err).splitlines()[0][:200]}); "
                         "pass a .ttl, .trig, .nt, .nq or .jsonld file") from None
    return graph


def load_gold(path: str | Path) -> dict[str, Any]:
    """Read a gold annotation file (JSON with an ``entities`` list) and check its shape."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such gold file; pass a JSON file in the gold format")
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise InputError(f"{path}: not JSON ({err}); pass a gold annotation file") from None
    if not isinstance(gold, dict) or not isinstance(gold.get("entities"), list):
        raise InputError(f"{path}: no 'entities' list; pass a gold file as described in the evaluation README")
    return gold


def predicted_entities(graph) -> list[Named]:
    """Nodes typed with one of the eight classes, with their normalised labels (unnamed nodes dropped)."""
    from rdflib import Literal, URIRef
    from rdflib.namespace import RDF, RDFS, SKOS

    types: dict[Any, str] = {}
    for cls in ENTITY_CLASSES:
        for node in graph.subjects(RDF.type, URIRef(KG_NS + cls)):
            types[node] = cls
    out = []
    for node, cls in types.items():
        names = {norm(str(lit)) for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel)
                 for lit in graph.objects(node, p) if isinstance(lit, Literal)}
        names.discard("")
        if names:
            out.append(Named(str(node), cls, frozenset(names)))
    return out


def gold_entities(gold: dict[str, Any]) -> list[Named]:
    """Gold records of the eight classes, with name, aliases and mentions normalised."""
    out = []
    for ent in gold["entities"]:
        if ent.get("type") not in ENTITY_CLASSES:
            continue
        names = {norm(x) for x in [ent["name"], *ent.get("aliases", []), *ent.get("mentions", [])]}
        names.discard("")
        out.append(Named(ent["name"], ent["type"], frozenset(names)))
    return out


def neutral_names(gold: dict[str, Any]) -> set[str]:
    """Names of gold records outside the scored classes: predicting them is neither right nor wrong."""
    return {norm(x) for ent in gold["entities"] if ent.get("type") not in ENTITY_CLASSES
            for x in [ent["name"], *ent.get("aliases", [])]}


def score_entities(pred: list[Named], gold: list[Named], neutral: set[str], match: Match, *, typed: bool = True):
    """Per-class rows (gold, pred, P, R, F1, matched pred, matched gold), the micro P/R/F1, misses and
    false positives."""
    pred = [p for p in pred if not (p.names & neutral)]
    rows: dict[str, tuple] = {}
    misses: list[tuple[str, str]] = []
    false_pos: list[tuple[str, str]] = []
    for cls in (ENTITY_CLASSES if typed else ("*",)):
        ps = [p for p in pred if not typed or p.cls == cls]
        gs = [g for g in gold if not typed or g.cls == cls]
        tp_pred = sum(1 for p in ps if any(match(set(p.names), set(g.names)) for g in gs))
        found = [g for g in gs if any(match(set(p.names), set(g.names)) for p in ps)]
        rows[cls] = (len(gs), len(ps), *prf(tp_pred, len(ps), len(found), len(gs)), tp_pred, len(found))
        misses += [(cls, g.key) for g in gs if g not in found]
        false_pos += [(cls, sorted(p.names)[0]) for p in ps
                      if not any(match(set(p.names), set(g.names)) for g in gs)]
    totals = [sum(row[i] for row in rows.values()) for i in (0, 1, 5, 6)]
    n_gold, n_pred, tp_pred, tp_gold = totals
    return rows, prf(tp_pred, n_pred, tp_gold, n_gold), misses, false_pos


def score_indicators(graph, gold: dict[str, Any]) -> dict[str, Any] | None:
    """Indicators matched on value and normalised unit; kind and metric accuracy over the matched gold ones."""
    from rdflib import URIRef
    from rdflib.namespace import RDF

    kg = {t: URIRef(KG_NS + t) for t in ("Indicator", "value", "unit", "valueKind", "metric")}
    preds = []
    for node in graph.subjects(RDF.type, kg["Indicator"]):
        value = graph.value(node, kg["value"])
        if value is None:
            continue
        unit = graph.value(node, kg["unit"])
        try:
            preds.append((float(value), norm(str(unit or "")), str(graph.value(node, kg["valueKind"]) or ""),
                          norm(str(graph.value(node, kg["metric"]) or ""))))
        except ValueError:
            continue
    golds = [(float(i["value"]), norm(i.get("unit", "")), i.get("kind", ""), norm(i.get("indicator", "")))
             for i in gold.get("indicators", [])]
    if not golds:
        return None

    def same(a: tuple, b: tuple) -> bool:
        return abs(a[0] - b[0]) < 1e-6 and a[1] == b[1]

    found = [g for g in golds if any(same(g, p) for p in preds)]
    tp_pred = sum(1 for p in preds if any(same(p, g) for g in golds))
    kind_ok = sum(1 for g in found if any(same(g, p) and p[2].lower().endswith(g[2].lower()) for p in preds))
    # what is measured: a found value whose predicted metric names the gold metric (relaxed name match)
    metric_ok = sum(1 for g in found if any(same(g, p) and p[3] and relaxed_match({p[3]}, {g[3]}) for p in preds))
    p, r, f = prf(tp_pred, len(preds), len(found), len(golds))
    return {"gold": len(golds), "pred": len(preds), "P": p, "R": r, "F1": f,
            "kind_accuracy": kind_ok / len(found) if found else 0.0,
            "metric_accuracy": metric_ok / len(found) if found else 0.0}


def score_relations(graph, gold: dict[str, Any], pred: list[Named]) -> dict[str, Any] | None:
    """Recall of gold (subject, predicate, object) triples, names matched relaxed, cooperatesWith either way;
    precision of the predicted typed relations too when the gold lists every relation ("relations_complete")."""
    from rdflib import URIRef

    names = {p.key: set(p.names) for p in pred}
    preds = []
    for rel in RELATION_TYPES:
        for s, o in graph.subject_objects(URIRef(KG_NS + rel)):
            if str(s) in names and str(o) in names:
                preds.append((names[str(s)], rel, names[str(o)]))
    golds = gold.get("relations", [])
    if not golds:
        return None
    alias = {e["name"]: {norm(x) for x in [e["name"], *e.get("aliases", [])]} for e in gold["entities"]}
    ends = [(alias.get(r["subject"], {norm(r["subject"])}), r["predicate"], alias.get(r["object"], {norm(r["object"])}))
            for r in golds]

    def hit(predicted: tuple, wanted: tuple) -> bool:
        (ps, pr, po), (subj, gp, obj) = predicted, wanted
        return pr == gp and ((relaxed_match(ps, subj) and relaxed_match(po, obj))
                             or (pr == "cooperatesWith" and relaxed_match(ps, obj) and relaxed_match(po, subj)))

    found = sum(any(hit(p, e) for p in preds) for e in ends)
    right = sum(any(hit(p, e) for e in ends) for p in preds)
    precision = (right / len(preds) if preds else 0.0) if gold.get("relations_complete", True) else None
    return {"gold": len(golds), "pred": len(preds), "R": found / len(golds), "P": precision}


def evaluate(graph, gold: dict[str, Any]) -> Evaluation:
    """Score an rdflib graph (or Dataset) against a gold annotation dict."""
    pred = predicted_entities(graph)
    gents = gold_entities(gold)
    neutral = neutral_names(gold)
    rows, micro, misses, fps = score_entities(pred, gents, neutral, strict_match)
    _, micro_relaxed, _, _ = score_entities(pred, gents, neutral, relaxed_match)
    _, micro_untyped, _, _ = score_entities(pred, gents, neutral, strict_match, typed=False)
    return Evaluation(doc=gold.get("doc"), per_type={t: row[:5] for t, row in rows.items()}, strict_typed=micro,
                      relaxed_typed=micro_relaxed, strict_untyped=micro_untyped,
                      indicators=score_indicators(graph, gold), relations=score_relations(graph, gold, pred),
                      misses=misses, false_positives=fps)


def evaluate_files(graph_path: str | Path, gold_path: str | Path) -> Evaluation:
    """Score a graph file against a gold JSON file."""
    gold = load_gold(gold_path)
    return evaluate(load_graph(graph_path), gold)
