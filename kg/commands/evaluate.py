"""`kg evaluate`: score a built graph against gold annotations, or every annotated report of a folder."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from kg.commands import add_command

EXAMPLES = """  kg build dev.txt -o dev-out && kg evaluate dev-out/graph.ttl gold-dev.json
  kg evaluate output/graph.trig gold.json --show 40        # also list misses and false positives
  kg evaluate output/graph.ttl gold.json --json            # one JSON object (same keys as score.py)
  kg evaluate output/graph.ttl gold.json --min-f1 0.6      # exit 1 when strict typed F1 is below 0.6
  kg evaluate annotated/                  # build and score every NAME.txt + NAME.gold.json of a folder
  kg evaluate annotated/ --model none     # the same with the rules alone
  kg evaluate annotated/ --leave-one-out  # train on all reports but one, score that one, for each report
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the evaluate command."""
    p = add_command(subparsers, "evaluate", "score a graph against gold annotations (entities, indicators, "
                    "relations), or every annotated report of a folder", EXAMPLES)
    p.add_argument("graph", help="graph file (.ttl, .trig, .nt, .nq, .jsonld), or a folder of NAME.txt + "
                   "NAME.gold.json pairs to build and score")
    p.add_argument("gold", nargs="?", help="gold annotation JSON (entities, relations, indicators); not with a folder")
    p.add_argument("--show", type=int, default=0, metavar="N", help="list up to N misses and false positives")
    p.add_argument("--json", action="store_true", help="print one JSON object instead of tables")
    p.add_argument("--min-f1", type=float, default=None, metavar="X",
                   help="exit 1 when the strict typed F1 (with a folder: its mean over reports) is below X")
    p.add_argument("--model", metavar="MODEL", help="with a folder: the mention model to build with (a file "
                   "made by kg train, or 'shipped'; default: none, the rules alone)")
    p.add_argument("--leave-one-out", action="store_true", help="with a folder: build each report with a model "
                   "trained on the other reports (the honest score of a model learned from the folder)")
    return p


def run(args: argparse.Namespace) -> int:
    """Score and print; exit 1 when --min-f1 is given and not reached."""
    from kg.errors import UsageError

    if Path(args.graph).is_dir():
        if args.gold:
            raise UsageError(f"{args.graph} is a folder: its NAME.gold.json files are the gold; drop {args.gold}")
        return _run_folder(args)
    if args.gold is None:
        if not Path(args.graph).exists():
            from kg.errors import InputError

            raise InputError(f"{args.graph}: no such folder or graph file")
        raise UsageError(f"{args.graph}: give a gold JSON file after the graph, or a folder of annotated reports")
    if args.model or args.leave_one_out:
        raise UsageError("--model and --leave-one-out are for a folder of annotated reports, not a built graph")
    from kg.eval.evaluate import evaluate_files

    result = evaluate_files(args.graph, args.gold)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False))
    else:
        print(result.table(show=args.show))
    if args.min_f1 is not None and result.strict_typed[2] < args.min_f1:
        return 1
    return 0


def _run_folder(args: argparse.Namespace) -> int:
    """Build and score every annotated report of a folder: one row each and the mean."""
    from kg.eval.evaluate_dir import evaluate_folder, folder_table, summary

    if args.model and args.leave_one_out:
        from kg.errors import UsageError

        raise UsageError("--leave-one-out trains its own models; drop --model")
    rows = evaluate_folder(args.graph, build_report, model=args.model, leave_one_out=args.leave_one_out,
                           progress=None if args.json else lambda name: print(f"scored {name}", file=sys.stderr))
    means = summary(rows)
    if args.json:
        print(json.dumps({"summary": means, "reports": [r.result.to_dict() | {"doc": r.name} for r in rows]},
                         ensure_ascii=False))
    else:
        for r in rows if args.show else ():
            print(f"## {r.name}\n{r.result.table(show=args.show)}\n")
        print(folder_table(rows))
    if args.min_f1 is not None and means["strict_F1"] < args.min_f1:
        return 1
    return 0


def build_report(text: Path, out: Path, model: str | None) -> Path:
    """Build one report as `kg build TEXT -o OUT --jobs 1 --no-page --model MODEL` does; the graph file."""
    from kg.build import build

    build([text], out, page=False, jobs=1, quiet=True, model=model)
    return out / "graph.ttl"
