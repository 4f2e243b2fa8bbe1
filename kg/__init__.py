"""GovKG: Chinese government work reports → RDF knowledge graph.

The public API: read and parse a report, run the extraction pipeline, build RDF and write outputs; open a
built graph in a notebook with ``kg.open`` (docs/api.md).
"""

from kg.api import KnowledgeGraph, open_graph
from kg.api import open_graph as open  # noqa: F401 - kg.open(…); not in __all__: `import *` keeps built-in open
from kg.build import build, load_document
from kg.extract.pipeline import Extraction, Pipeline, component
from kg.ingest.document import Document, parse_document
from kg.ingest.sample import sample_path
from kg.queries.library import saved_queries
from kg.rdf.graph import extraction_quads
from kg.rdf.validate import to_rdflib, validate_file
from kg.store.graphstore import GraphStore

__all__ = [
    "Document",
    "Extraction",
    "GraphStore",
    "KnowledgeGraph",
    "Pipeline",
    "build",
    "component",
    "extraction_quads",
    "load_document",
    "open_graph",
    "parse_document",
    "sample_path",
    "saved_queries",
    "to_rdflib",
    "validate_file",
]
