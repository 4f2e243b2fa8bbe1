"""The main job: read reports, extract, build RDF, and write the graph, page and tables into a folder."""

from __future__ import annotations

import csv
import io
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from pyoxigraph import Quad

from kg.atomic import write_atomic
from kg.document import Document, parse_document
from kg.errors import InputError
from kg.export import serialize_rdf
from kg.graph import doc_iri_of, entity_iri, extraction_quads
from kg.pipeline import Extraction, Pipeline
from kg.readers import TEXT_SUFFIXES, read_file
from kg.store import GraphStore

SAMPLE_NAME = "tianjin-2025-government-work-report.txt"


def sample_path() -> Path:
    """The bundled sample report (天津市 2025 政府工作报告)."""
    return Path(__file__).parent / "data" / SAMPLE_NAME


def expand_inputs(inputs: list[str | Path]) -> list[Path]:
    """Files as given, and the text files inside any directory; raise InputError for what is not there."""
    paths: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES)
            if not found:
                raise InputError(f"{path}: directory has no text files ({', '.join(TEXT_SUFFIXES)}); "
                                 "pass report files or a folder of them")
            paths.extend(found)
        elif not path.exists():
            raise InputError(f"{path}: no such file; check the path")
        else:
            paths.append(path)
    return paths


def load_document(path: Path) -> Document:
    """Read and parse one report file."""
    return parse_document(read_file(path), source=path.name)


@dataclass
class BuildResult:
    """What a build produced: one extraction per document, all quads, timings and written files."""

    extractions: list[Extraction] = field(default_factory=list)
    quads: list[Quad] = field(default_factory=list)
    files: list[Path] = field(default_factory=list)
    seconds: float = 0.0

    def summary(self) -> str:
        """A short human summary: entities per class, relations, indicators, sentences, time."""
        per_class = Counter(e.cls for x in self.extractions for e in x.entities)
        lines = [f"documents: {len(self.extractions)}",
                 "entities: " + ", ".join(f"{c} {n}" for c, n in sorted(per_class.items())) +
                 f" (total {sum(per_class.values())})",
                 f"relations: {sum(len(x.relations) for x in self.extractions)} typed",
                 f"indicators: {sum(len(x.indicators) for x in self.extractions)}",
                 f"sentences: {sum(len(x.doc.sentences) for x in self.extractions)}",
                 f"triples: {len(self.quads)}",
                 f"time: {self.seconds:.2f} s"]
        return "\n".join(lines)


def entities_csv(extractions: list[Extraction]) -> str:
    """One row per entity: IRI, class, label, aliases, mention count, confidence, extractors, relations."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["iri", "class", "label", "aliases", "mentions", "confidence", "extractors", "division_code",
                     "relations"])
    rows: dict[str, list] = {}
    for x in extractions:
        rel_text: dict[tuple[str, str], list[str]] = {}
        for rel in x.relations:
            rel_text.setdefault(rel.subject, []).append(f"{rel.predicate} {rel.object[1]}")
        for ent in x.entities:
            iri = entity_iri(ent.cls, ent.label).value
            rels = sorted(set(rel_text.get((ent.cls, ent.label), [])))
            if iri in rows:
                rows[iri][4] += len(ent.mentions)
                continue
            rows[iri] = [iri, ent.cls, ent.label, "|".join(sorted(ent.aliases)), len(ent.mentions), ent.confidence,
                         "|".join(ent.extractors), ent.division_code or "", "|".join(rels)]
    for iri in sorted(rows):
        writer.writerow(rows[iri])
    return buf.getvalue()


def indicators_csv(extractions: list[Extraction]) -> str:
    """One row per indicator: document, metric, value, unit, qualifier, year, kind, direction, evidence."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["document", "metric", "value", "unit", "qualifier", "year", "kind", "direction", "about",
                     "evidence"])
    for x in extractions:
        doc_iri = doc_iri_of(x)
        for ind in x.indicators:
            writer.writerow([doc_iri, ind.metric, format(ind.value, "f"), ind.unit, ind.qualifier or "",
                             ind.year or "", ind.kind, ind.direction or "", ind.about[1] if ind.about else "",
                             x.doc.sentences[ind.sentence].text])
    return buf.getvalue()


def build(inputs: list[str | Path], out_dir: str | Path, *, pipeline: Pipeline | None = None,
          page: bool = True, store_dir: str | Path | None = None) -> BuildResult:
    """Build the graph of the given reports (the bundled sample when none) and write every output.

    All inputs are read and checked before any output is touched, so a bad input changes nothing.
    """
    started = time.perf_counter()
    paths = expand_inputs(inputs) if inputs else [sample_path()]
    docs = [load_document(p) for p in paths]
    pipeline = pipeline or Pipeline()
    result = BuildResult()
    store = GraphStore()
    store.add_ontology()
    for doc in docs:
        x = pipeline(doc)
        result.extractions.append(x)
        store.replace_graph(doc_iri_of(x), extraction_quads(x))
    result.quads = store.quads()
    out = Path(out_dir)
    outputs = {
        "graph.ttl": serialize_rdf(result.quads, "ttl"),
        "graph.trig": serialize_rdf(result.quads, "trig"),
        "entities.csv": entities_csv(result.extractions),
        "indicators.csv": indicators_csv(result.extractions),
    }
    if page:
        from kg.viz import render_page

        title = docs[0].title if len(docs) == 1 and docs[0].title else f"GovKG: {len(docs)} documents"
        outputs["graph.html"] = render_page(result.quads, title=title or "GovKG")
    for name, data in outputs.items():
        write_atomic(out / name, data)
        result.files.append(out / name)
    if store_dir:
        persistent = GraphStore(store_dir)
        persistent.add_ontology()
        for x in result.extractions:
            graph_iri = doc_iri_of(x)
            persistent.replace_graph(graph_iri, [q for q in result.quads if q.graph_name.value == graph_iri])
        persistent.flush()
        result.files.append(Path(store_dir))
    result.seconds = time.perf_counter() - started
    return result
