"""GovKG: Chinese government work reports → RDF knowledge graph.

The public API: read and parse a report, run the extraction pipeline, build RDF and write outputs.
"""

from kg.build import build, load_document, sample_path
from kg.document import Document, parse_document
from kg.graph import extraction_quads
from kg.pipeline import Extraction, Pipeline, component
from kg.store import GraphStore
from kg.validate import to_rdflib, validate_file

__all__ = [
    "Document",
    "Extraction",
    "GraphStore",
    "Pipeline",
    "build",
    "component",
    "extraction_quads",
    "load_document",
    "parse_document",
    "sample_path",
    "to_rdflib",
    "validate_file",
]
