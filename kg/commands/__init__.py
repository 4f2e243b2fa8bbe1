"""Commands: one module per `kg` subcommand, each with ``register(subparsers)`` and ``run(args)``; kg.cli finds
them here, so adding a command never means editing another. A command parses its options, calls the rooms below
(ingest … web) and prints; the options several commands share (--graph / --store / --document / --format) are
defined here."""

import argparse


def add_command(subparsers, name: str, summary: str, examples: str) -> argparse.ArgumentParser:
    """A subparser whose help shows a summary and Chinese examples, formatted as written."""
    return subparsers.add_parser(name, help=summary, description=f"{summary}\n\nexamples:\n{examples}",
                                 formatter_class=argparse.RawDescriptionHelpFormatter)


FORMATS = ("table", "csv", "json")


def add_source_options(p: argparse.ArgumentParser) -> None:
    """--graph FILE | --store DIR, --document and --format, as kg query has them."""
    p.add_argument("--graph", default="output/graph.trig", metavar="FILE",
                   help="graph file (default: output/graph.trig, else output/graph.ttl)")
    p.add_argument("--store", metavar="DIR", help="an on-disk store written by kg build --store")
    p.add_argument("--document", action="append", metavar="DOC",
                   help="only this document (its IRI or words of its title, e.g. 天津); repeatable")
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default: table)")
