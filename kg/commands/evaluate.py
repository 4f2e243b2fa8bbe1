"""`kg evaluate`: score a built graph against gold annotations."""

from __future__ import annotations

import argparse
import json

from kg.commands import add_command

EXAMPLES = """  kg build dev.txt -o dev-out && kg evaluate dev-out/graph.ttl gold-dev.json
  kg evaluate output/graph.trig gold.json --show 40        # also list misses and false positives
  kg evaluate output/graph.ttl gold.json --json            # one JSON object (same keys as score.py)
  kg evaluate output/graph.ttl gold.json --min-f1 0.6      # exit 1 when strict typed F1 is below 0.6
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the evaluate command."""
    p = add_command(subparsers, "evaluate", "score a graph against gold annotations (entities, indicators, "
                    "relations)", EXAMPLES)
    p.add_argument("graph", help="graph file (.ttl, .trig, .nt, .nq, .jsonld)")
    p.add_argument("gold", help="gold annotation JSON (entities, relations, indicators)")
    p.add_argument("--show", type=int, default=0, metavar="N", help="list up to N misses and false positives")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    p.add_argument("--min-f1", type=float, default=None, metavar="X",
                   help="exit 1 when the strict typed F1 is below X")
    return p


def run(args: argparse.Namespace) -> int:
    """Score and print; exit 1 when --min-f1 is given and not reached."""
    from kg.eval.evaluate import evaluate_files

    result = evaluate_files(args.graph, args.gold)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print(result.table(show=args.show))
    if args.min_f1 is not None and result.strict_typed[2] < args.min_f1:
        return 1
    return 0
