"""`kg communities`: clusters of entities that belong together, each named by its most central members."""

from __future__ import annotations

import argparse
import sys

from kg.commands import add_command, add_source_options

EXAMPLES = """  kg communities                    # Louvain (seeded) on a report, label propagation on a corpus
  kg communities --method greedy --min-size 3
  kg communities --store out/store --format json
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the communities command."""

    p = add_command(subparsers, "communities", "clusters of entities that belong together (seeded, reproducible)",
                    EXAMPLES)
    p.add_argument("--method", choices=("auto", "louvain", "greedy", "label"), default="auto",
                   help="louvain (modularity, seeded), greedy (greedy modularity), label (label propagation, fast on "
                        "a corpus); auto = louvain up to 20,000 edges, else label")
    p.add_argument("--min-size", type=int, default=2, metavar="N",
                   help="list only communities of at least N entities (default 2)")
    p.add_argument("--top", type=int, default=20, metavar="N", help="list at most N communities (default 20)")
    p.add_argument("--members", type=int, default=8, metavar="N",
                   help="members shown per community in the table (default 8; csv/json list all)")
    add_source_options(p)
    return p


def run(args: argparse.Namespace) -> int:
    """Find the communities and print the largest."""
    from kg.explore.analytics import class_mix, communities
    from kg.explore.paths import network_from_args, write_csv, write_json
    from kg.queries.results import table

    net = network_from_args(args)
    groups = communities(net, method=args.method)
    listed = [(k, g) for k, g in enumerate(groups) if len(g) >= args.min_size][: max(args.top, 0)]
    out = sys.stdout

    def name(members: list[str]) -> str:
        return "、".join(net.label(m) for m in members[:3])

    if args.format == "json":
        write_json({"method": args.method, "communities": len(groups),
                    "listed": [{"community": k, "size": len(g), "name": name(g), "classes": class_mix(net, g),
                                "members": [{"iri": m, "label": net.label(m), "class": net.cls(m)} for m in g]}
                               for k, g in listed]}, out)
    elif args.format == "csv":
        write_csv(["community", "size", "name", "classes", "members"],
                  [[k, len(g), name(g), class_mix(net, g), "|".join(net.label(m) for m in g)] for k, g in listed], out)
    else:
        big = sum(1 for g in groups if len(g) >= args.min_size)
        print(f"{len(groups)} communities ({big} of at least {args.min_size} entities); showing {len(listed)}")
        rows = []
        for k, g in listed:
            shown = "、".join(net.label(m) for m in g[: args.members]) + ("…" if len(g) > args.members else "")
            rows.append([str(k), str(len(g)), name(g), class_mix(net, g), shown])
        print(table(["community", "size", "named by", "classes", "members"], rows))
    return 0
