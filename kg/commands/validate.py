"""`kg validate`: SHACL validation with the project's shapes."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.commands import add_command
from kg.errors import InputError

EXAMPLES = """  kg validate output/graph.ttl
  kg validate output/graph.trig
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the validate command."""
    p = add_command(subparsers, "validate", "check a graph against the GovKG SHACL shapes", EXAMPLES)
    p.add_argument("graph", nargs="?", default="output/graph.ttl", help="graph file (default: output/graph.ttl)")
    p.add_argument("--max", type=int, default=50, help="print at most this many violations (default 50)")
    return p


def run(args: argparse.Namespace) -> int:
    """Validate; exit 0 when the graph conforms, 1 when it does not."""
    from kg.rdf.validate import validate_file

    if not Path(args.graph).is_file():
        raise InputError(f"{args.graph}: no such graph file; run `kg build` first")
    try:
        report = validate_file(args.graph)
    except Exception as err:  # rdflib raises many parser exception types
        raise InputError(f"{args.graph}: cannot read as RDF ({str(err).splitlines()[0][:200]})") from None
    if report.conforms:
        print(f"{args.graph}: conforms to the GovKG shapes (0 violations)")
        return 0
    print(f"{args.graph}: {len(report.violations)} violation(s)")
    for line in report.violations[: args.max]:
        print("  " + line)
    return 1
