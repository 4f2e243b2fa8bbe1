"""`kg compare`: two reports side by side — entities, indicators, and targets against actuals."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.commands import add_command

EXAMPLES = """  kg compare 2025年天津市.txt provinces-2026/天津市.txt   # files: extracted when not in the store
  kg compare 天津市/2025 天津市/2026 --store output/store              # by the end of the document IRI
  kg compare 2024 2025 --store national/store -o compare/             # by year: Markdown and CSV files
  kg compare https://w3id.org/govkg/id/doc/天津市/2025/2025年天津市政府工作报告 天津市/2026

Targets set in one report for a year (2025年地区生产总值增长5％左右) are set against the actuals the
other reports for that year. The same comparisons are saved queries: kg/queries/compare-*.rq.
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the compare command."""
    p = add_command(subparsers, "compare", "compare two reports: entities, indicators, targets against actuals",
                    EXAMPLES)
    p.add_argument("doc_a", metavar="DOC_A", help="a document IRI, a report file, a year or an IRI ending")
    p.add_argument("doc_b", metavar="DOC_B", help="the other document, named the same ways")
    p.add_argument("--store", metavar="DIR", help="the store built by kg build (default: output/store if present)")
    p.add_argument("--graph", metavar="FILE", help="a graph file (.trig keeps documents apart) instead of a store")
    p.add_argument("-o", "--out", metavar="DIR", help="write compare.md and compare-*.csv into DIR "
                   "(default: print the Markdown report)")
    return p


def run(args: argparse.Namespace) -> int:
    """Compare and print or write the report."""
    from kg.atomic import write_atomic
    from kg.errors import InputError
    from kg.explore.compare import compare, to_csv, to_markdown
    from kg.store.graphstore import GraphStore

    store = None
    if args.graph:
        store = GraphStore.from_file(args.graph)
    elif args.store or Path("output/store").is_dir():
        location = Path(args.store or "output/store")
        if not location.is_dir():
            raise InputError(f"{location}: no such store; build one with kg build -o DIR (it writes DIR/store)")
        store = GraphStore.open_read_only(location) if hasattr(GraphStore, "open_read_only") \
            else GraphStore(location)
    cmp = compare(args.doc_a, args.doc_b, store=store)
    report = to_markdown(cmp)
    if args.out:
        out = Path(args.out)
        write_atomic(out / "compare.md", report)
        for name, text in to_csv(cmp).items():
            write_atomic(out / name, text)
        print(f"wrote: {out / 'compare.md'}, " + ", ".join(str(out / n) for n in to_csv(cmp)))
    else:
        sys.stdout.write(report)
    return 0
