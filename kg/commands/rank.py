"""`kg rank`: the most central entities, by degree, PageRank or betweenness, overall or within a class."""

from __future__ import annotations

import argparse
import sys

from kg.commands import add_command, add_source_options

EXAMPLES = """  kg rank                                   # top 20 by degree (number of connected entities)
  kg rank --by pagerank --class Enterprise  # the most central 企业
  kg rank --by betweenness --class 政策 --top 10 --format csv
  kg rank --store out/store --document 天津 # one report of a corpus
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the rank command."""

    p = add_command(subparsers, "rank", "the most central entities (degree, pagerank, betweenness), per class if "
                    "asked", EXAMPLES)
    p.add_argument("--by", choices=("degree", "pagerank", "betweenness"), default="degree",
                   help="degree (default, instant), pagerank (weighted, fast) or betweenness (exact up to 2,000 "
                        "entities, sampled beyond)")
    p.add_argument("--class", dest="cls", metavar="C",
                   help="only entities of this class (Enterprise 企业, Project 项目 …)")
    p.add_argument("--top", type=int, default=20, metavar="N", help="how many to list (default 20)")
    add_source_options(p)
    return p


def run(args: argparse.Namespace) -> int:
    """Compute the measure and print the top entities."""
    from heapq import nsmallest

    from kg.explore.analytics import centrality
    from kg.explore.paths import class_text, network_from_args, parse_class, write_csv, write_json
    from kg.model import ENTITY_CLASSES
    from kg.queries.results import table

    cls = parse_class(args.cls) if args.cls else None
    net = network_from_args(args)
    score = centrality(net, args.by)
    code = ENTITY_CLASSES.index(cls) if cls else None
    nodes = [n for n, c in zip(net.nodes, net.data.classes.tolist(), strict=True) if code is None or c == code]
    # only the top N are sorted: a corpus has ~10^5 entities
    top = nsmallest(max(args.top, 0), nodes, key=lambda n: (-score[n], -net.mentions(n), net.label(n), n))
    places = 0 if args.by == "degree" else 6
    rows = [[k, net.label(n), net.cls(n), round(score[n], places) if places else int(score[n]), net.degree(n),
             net.mentions(n), n] for k, n in enumerate(top, 1)]
    out = sys.stdout
    if args.format == "json":
        write_json({"measure": args.by, "class": cls, "entities": len(nodes),
                    "ranking": [dict(zip(["rank", "label", "class", args.by, "degree", "mentions", "iri"], r,
                                         strict=True)) for r in rows]}, out)
    elif args.format == "csv":
        write_csv(["rank", "label", "class", args.by, "degree", "mentions", "iri"], rows, out)
    else:
        scope = class_text(cls) if cls else "all classes"
        print(f"top {len(top)} of {len(nodes)} entities by {args.by} ({scope})")
        extra = [] if args.by == "degree" else ["degree"]
        print(table(["rank", "entity", "class", args.by, *extra, "mentions"],
                    [[str(r[0]), r[1], class_text(r[2]), f"{r[3]:.{places}f}" if places else str(r[3]),
                      *([str(r[4])] if extra else []), str(r[5])] for r in rows]))
    return 0
