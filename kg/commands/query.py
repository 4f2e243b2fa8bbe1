"""`kg query`: SPARQL over a built graph with the standard prefixes predeclared."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.commands import add_command
from kg.errors import InputError

EXAMPLES = """  kg query "SELECT ?name WHERE { ?e a kg:Enterprise ; rdfs:label ?name }"
  kg query my-question.rq --format csv
  kg query "SELECT ?e WHERE { ?e rdfs:label \\"滨海新区\\"@zh }" --graph out/graph.ttl --format json
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the query command."""
    p = add_command(subparsers, "query",
                    "run SPARQL over a built graph (kg:, rdfs:, skos:, prov:, dcterms: predeclared)", EXAMPLES)
    p.add_argument("sparql", help="a SPARQL query, a .rq file, or - for standard input")
    p.add_argument("--graph", default="output/graph.trig", metavar="FILE",
                   help="graph file (default: output/graph.trig, else output/graph.ttl)")
    p.add_argument("--store", metavar="DIR", help="an on-disk store written by kg build --store")
    p.add_argument("--format", choices=("table", "csv", "tsv", "json", "turtle"), default="table")
    return p


def read_query(arg: str) -> str:
    """The query text from an argument, a file or standard input."""
    if arg == "-":
        return sys.stdin.read()
    if arg.endswith(".rq") or (len(arg) < 300 and Path(arg).is_file()):
        path = Path(arg)
        if not path.is_file():
            raise InputError(f"{arg}: no such query file")
        return path.read_text(encoding="utf-8")
    return arg


def run(args: argparse.Namespace) -> int:
    """Run the query and print the results."""
    from kg.results import print_results
    from kg.store import GraphStore

    text = read_query(args.sparql)
    if args.store:
        if not Path(args.store).is_dir():
            raise InputError(f"{args.store}: no such store; build one with kg build --store DIR")
        store = GraphStore(args.store)
    else:
        graph = Path(args.graph)
        if not graph.exists() and args.graph == "output/graph.trig" and Path("output/graph.ttl").exists():
            graph = Path("output/graph.ttl")
        store = GraphStore.from_file(graph)
    try:
        results = store.query(text)
    except SyntaxError as err:
        print(f"kg query: invalid SPARQL: {err}", file=sys.stderr)
        return 2
    print_results(results, args.format, sys.stdout)
    return 0
