"""SHACL validation of a built graph with the project's own shapes (pyshacl over rdflib)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass
class ValidationReport:
    """Whether a graph conforms, and one line per violation."""

    conforms: bool
    violations: list[str]


def to_rdflib(path: str | Path):
    """Read a graph file into an rdflib Dataset (default graph = union) for users of rdflib's ecosystem."""
    from rdflib import Dataset

    path = Path(path)
    fmt = {".ttl": "turtle", ".trig": "trig", ".nq": "nquads", ".nt": "nt", ".jsonld": "json-ld",
           ".rdf": "xml"}.get(path.suffix.lower(), "turtle")
    data = Dataset(default_union=True)
    data.parse(str(path), format=fmt)
    return data


def validate_file(path: str | Path) -> ValidationReport:
    """Validate a graph file against ontology/shapes.ttl and return the violations."""
    from pyshacl import validate
    from rdflib import Graph
    from rdflib.namespace import SH

    from kg.rdf.ontology import ontology_text

    data = to_rdflib(path)
    union = Graph()
    for triple in data.triples((None, None, None)):
        union.add(triple)
    shapes = Graph().parse(data=ontology_text("shapes.ttl"), format="turtle")
    ontology = Graph().parse(data=ontology_text("govkg.ttl"), format="turtle")
    conforms, report, _ = validate(union, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                   advanced=True, allow_warnings=True)
    violations = []
    for result in report.subjects(predicate=SH.resultSeverity):
        focus = report.value(result, SH.focusNode)
        path_ = report.value(result, SH.resultPath)
        message = report.value(result, SH.resultMessage)
        violations.append(f"{focus} {path_ or ''}: {message}")
    return ValidationReport(bool(conforms), sorted(violations))
