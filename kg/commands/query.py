"""`kg query`: SPARQL over a store, a graph file or a remote endpoint; saved queries by name."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.commands import add_command
from kg.errors import InputError, UsageError

DEFAULT_STORE = Path("output/store")
DEFAULT_GRAPHS = (Path("output/graph.trig"), Path("output/graph.ttl"))

EXAMPLES = """  kg query "SELECT ?name WHERE { ?e a kg:Enterprise ; rdfs:label ?name }"
  kg query my-question.rq --format csv
  echo 'ASK { ?e rdfs:label "滨海新区"@zh }' | kg query -
  kg query --list                                   # the saved query library
  kg query entity-profile --param name=天开高教科创园
  kg query entities-by-class --param class=Zone --format csv
  kg query targets --param year=2025 --store output/store
  kg query entity-subgraph --param name=滨海新区 --format turtle > 滨海新区.ttl
  kg query documents --endpoint http://127.0.0.1:7878/query
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the query command."""
    p = add_command(subparsers, "query",
                    "run SPARQL or a saved query over a built graph (kg:, rdf:, rdfs:, skos:, prov:, dcterms:, "
                    "xsd:, owl:, schema: predeclared; the default graph is the union of all documents)", EXAMPLES)
    p.add_argument("sparql", nargs="?",
                   help="a SPARQL query, a .rq file, - for standard input, or the name of a saved query")
    p.add_argument("--list", action="store_true", help="list the saved queries with their parameters and exit")
    p.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                   help="bind a parameter of a saved query, e.g. name=滨海新区 (repeatable; empty value = unbound)")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--store", metavar="DIR",
                        help="an on-disk store written by kg build --store (default: output/store when it exists)")
    source.add_argument("--graph", metavar="FILE",
                        help="an RDF file instead of a store (default when there is no store: output/graph.trig, "
                             "else output/graph.ttl)")
    source.add_argument("--endpoint", metavar="URL",
                        help="send the query to a SPARQL 1.1 endpoint instead, e.g. http://127.0.0.1:7878/query")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                   help="give up on --endpoint after this many seconds (default: 60)")
    p.add_argument("--format", choices=("table", "csv", "tsv", "json", "xml", "turtle"), default="table",
                   help="table (aligned, for Chinese), csv, tsv, json or xml (SPARQL 1.1 results); "
                        "CONSTRUCT/DESCRIBE print Turtle with table/turtle, N-Triples with csv/tsv, JSON-LD with json")
    return p


def read_query(arg: str) -> str:
    """The query text from an argument, a file or standard input."""
    if arg == "-":
        return sys.stdin.read()
    if arg.endswith(".rq") or (len(arg) < 300 and "\n" not in arg and Path(arg).is_file()):
        path = Path(arg)
        if not path.is_file():
            raise InputError(f"{arg}: no such query file")
        try:
            return path.read_text(encoding="utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(f"{arg}: not UTF-8 text; save the query as UTF-8") from None
    return arg


def parse_params(pairs: list[str]) -> dict[str, str]:
    """KEY=VALUE arguments as a dict; raise UsageError for a malformed one."""
    values: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param {pair!r}: write KEY=VALUE, e.g. --param name=滨海新区")
        values[key.strip()] = value
    return values


def query_text(args: argparse.Namespace) -> str:
    """The SPARQL to run: a saved query with its parameters bound, or the text given."""
    from kg.queries.library import get_query, is_query_name

    params = parse_params(args.param)
    arg = args.sparql
    if arg != "-" and not Path(arg).is_file() and is_query_name(arg):
        return get_query(arg).bind(params)
    if params:
        raise UsageError("--param binds parameters of saved queries only; `kg query --list` shows them")
    text = read_query(arg)
    if not text.strip():
        raise InputError("the query is empty")
    return text


def open_source(args: argparse.Namespace):
    """What to query: a remote endpoint, a store, or a graph file (defaults under output/)."""
    from kg.store.graphstore import GraphStore, RemoteEndpoint

    if args.endpoint:
        return RemoteEndpoint(args.endpoint, timeout=args.timeout)
    if args.store:
        return GraphStore.open_read_only(args.store)
    if args.graph:
        return GraphStore.from_file(args.graph)
    if DEFAULT_STORE.is_dir():
        return GraphStore.open_read_only(DEFAULT_STORE)
    for graph in DEFAULT_GRAPHS:
        if graph.exists():
            return GraphStore.from_file(graph)
    raise InputError("no graph here (output/store, output/graph.trig, output/graph.ttl); run `kg build` first, "
                     "or pass --store DIR, --graph FILE or --endpoint URL")


def run(args: argparse.Namespace) -> int:
    """Run the query and print the results."""
    from kg.queries.library import library_listing
    from kg.queries.results import print_results

    if args.list:
        print(library_listing())
        return 0
    if not args.sparql:
        raise UsageError("give a query, a .rq file, - for standard input, or a saved query name (kg query --list)")
    text = query_text(args)
    source = open_source(args)
    try:
        results = source.query(text)
        print_results(results, args.format, sys.stdout)
    except SyntaxError as err:
        raise InputError(f"invalid SPARQL: {err}") from None
    except BrokenPipeError:
        raise
    except OSError as err:
        raise InputError(f"the query failed: {str(err).splitlines()[0] if str(err) else err}") from None
    return 0
