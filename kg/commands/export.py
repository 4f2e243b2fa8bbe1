"""`kg export`: convert a built graph to another format."""

from __future__ import annotations

import argparse

from kg.commands import add_command
from kg.rdf.export import FORMATS

EXAMPLES = """  kg export output/graph.trig --to nq -o output/graph.nq
  kg export output/graph.ttl --to jsonld -o output/graph.jsonld
  kg export output/graph.ttl --to gexf -o output/graph.gexf      # open in Gephi
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the export command."""
    p = add_command(subparsers, "export", "write a graph as nt, nq, trig, ttl, jsonld, rdfxml, graphml or gexf",
                    EXAMPLES)
    p.add_argument("graph", help="a built graph (.ttl, .trig, .nq, .nt, .jsonld)")
    p.add_argument("--to", required=True, choices=FORMATS, help="output format")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="output file")
    return p


def run(args: argparse.Namespace) -> int:
    """Export and report what was written."""
    from kg.rdf.export import export
    from kg.store.graphstore import GraphStore

    quads = GraphStore.from_file(args.graph).quads()
    export(quads, args.to, args.output)
    print(f"wrote {args.output} ({args.to})")
    return 0
