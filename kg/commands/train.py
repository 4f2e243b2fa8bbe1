"""`kg train`: learn the mention model from a folder of annotated reports."""

from __future__ import annotations

import argparse

from kg.commands import add_command

EXAMPLES = """  kg train annotated/ -o my-genre.json         # NAME.txt + NAME.gold.json pairs → a mention model
  kg build reports/ -o out --model my-genre.json   # build with it
  kg evaluate annotated/ --leave-one-out       # how well a model learned from that folder does on unseen reports

The gold files follow the annotation guidelines (entities with type, name, aliases, mentions). The model
keeps or drops each candidate the rules and the broad candidate finder propose and picks its class.
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the train command."""
    p = add_command(subparsers, "train", "learn the mention model from a folder of annotated reports", EXAMPLES)
    p.add_argument("folder", help="folder of NAME.txt + NAME.gold.json pairs")
    p.add_argument("-o", "--out", required=True, metavar="MODEL", help="model file to write (JSON)")
    p.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    return p


def run(args: argparse.Namespace) -> int:
    """Train, write the model and print what it learned from."""
    import time

    from kg.eval.train import examples, find_pairs, fit

    started = time.perf_counter()
    labelled = examples(find_pairs(args.folder), quiet=args.quiet)
    model = fit(labelled)
    model.save(args.out)
    if not args.quiet:
        info = model.info
        kept = sum(n for label, n in info["labels"].items() if label != "none")
        print(f"trained on {len(info['reports'])} reports: {info['candidates']} candidate names ({kept} names of the "
              f"eight classes), {info['features']} features, {time.perf_counter() - started:.1f} s")
        print(f"wrote: {args.out}")
    return 0
