"""`kg build`: reports in, graph, page and tables out."""

from __future__ import annotations

import argparse

from kg.commands import add_command

EXAMPLES = """  kg build                                  # the bundled sample: 天津市 2025 政府工作报告
  kg build 天津市.txt 北京市.txt -o out      # several reports, one named graph each
  kg build reports/ -o out                  # every .txt/.md report in a folder
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the build command."""
    p = add_command(subparsers, "build", "build the knowledge graph of one or more reports", EXAMPLES)
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="report files or folders (default: the bundled sample)")
    p.add_argument("-o", "--out", default="output", metavar="DIR", help="output folder (default: output/)")
    p.add_argument("--no-page", action="store_true", help="skip graph.html")
    p.add_argument("--store", metavar="DIR", help="also load the graph into an on-disk store (one named graph per "
                   "document; rebuilding a document replaces only its graph), e.g. output/store")
    return p


def run(args: argparse.Namespace) -> int:
    """Build and print a summary."""
    from kg.build import build

    result = build(args.inputs, args.out, page=not args.no_page, store_dir=args.store)
    print(result.summary())
    print("wrote: " + ", ".join(str(p) for p in result.files))
    return 0
