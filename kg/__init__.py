"""GovKG: Chinese government work reports → RDF knowledge graph.

The public API: read and parse a report, run the extraction pipeline, build RDF and write outputs.
"""

from kg.build import build, load_document
from kg.extract.pipeline import Extraction, Pipeline, component
from kg.ingest.document import Document, parse_document
from kg.ingest.sample import sample_path
from kg.rdf.graph import extraction_quads
from kg.rdf.validate import to_rdflib, validate_file
from kg.store.graphstore import GraphStore

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
