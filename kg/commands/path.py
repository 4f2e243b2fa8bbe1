"""`kg path`: the shortest connections between two entities, each hop with its relation and evidence."""

from __future__ import annotations

import argparse
import sys

from kg.commands import add_command, add_source_options

EXAMPLES = """  kg path 中国资源循环集团 滨海新区
  kg path 天开园 南开大学 --max-hops 3 --typed-only
  kg path 京津冀 Zone:南港工业区 --store out/store --format json
  (a name is a label, an alias, an abbreviation such as 天开园, Class:label, or an IRI)
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the path command."""

    p = add_command(subparsers, "path", "shortest connections between two entities, with the evidence of each hop",
                    EXAMPLES)
    p.add_argument("source", metavar="A", help="an entity: label, alias, Class:label or IRI (e.g. 中国资源循环集团)")
    p.add_argument("target", metavar="B", help="another entity (e.g. 滨海新区)")
    p.add_argument("--max-hops", type=int, default=4, metavar="N", help="longest path to look for (default 4)")
    p.add_argument("--typed-only", action="store_true",
                   help="use only typed relations (locatedIn, partOf …), not co-mentions (relatedTo)")
    p.add_argument("--limit", type=int, default=5, metavar="N", help="at most N paths when several tie (default 5)")
    add_source_options(p)
    return p


def run(args: argparse.Namespace) -> int:
    """Find and print the paths; exit 1 when the two entities are not connected within --max-hops."""
    from kg.explore.paths import (
        NameIndex,
        arrow,
        class_text,
        evidence_json,
        evidence_line,
        find_paths,
        network_from_args,
        write_csv,
        write_json,
    )
    from kg.queries.results import table

    net = network_from_args(args)
    index = NameIndex(net)
    a, b = index.resolve(args.source), index.resolve(args.target)
    for m in (a, b):
        if m.note:
            print(f"kg path: {m.note}", file=sys.stderr)
    paths = find_paths(net, a.node, b.node, max_hops=args.max_hops, typed_only=args.typed_only, limit=args.limit)
    out = sys.stdout
    if args.format == "json":
        write_json({"source": {"iri": a.node, "label": net.label(a.node), "class": net.cls(a.node)},
                    "target": {"iri": b.node, "label": net.label(b.node), "class": net.cls(b.node)},
                    "paths": [{"hops": [{"from": net.label(h.source), "to": net.label(h.target),
                                         "from_iri": h.source, "to_iri": h.target,
                                         "relations": [{"kind": r.kind, "direction": arrow(r, h.source),
                                                        "evidence": evidence_json(net.evidence(r))}
                                                       for r in h.relations]}
                                        for h in p.hops]} for p in paths]}, out)
        return 0 if paths else 1
    rows = []
    for k, p in enumerate(paths, 1):
        for i, h in enumerate(p.hops, 1):
            for r in h.relations:
                ev = net.evidence(r)
                rows.append([str(k), str(i), net.label(h.source), arrow(r, h.source), net.label(h.target),
                             ev, h])
    if args.format == "csv":
        write_csv(["path", "hop", "from", "relation", "to", "evidence", "document", "sentence"],
                  [[*r[:5], r[5][0].text if r[5] else "", r[5][0].title or r[5][0].document if r[5] else "",
                    r[5][0].sentence if r[5] else ""] for r in rows], out)
        return 0 if paths else 1
    kind = "typed-relation " if args.typed_only else ""
    if not paths:
        print(f"no {kind}path of at most {args.max_hops} hops between {net.label(a.node)} "
              f"({class_text(net.cls(a.node))}) and {net.label(b.node)} ({class_text(net.cls(b.node))})")
        return 1
    hops = len(paths[0].hops)
    print(f"{len(paths)} shortest {kind}path{'s' if len(paths) > 1 else ''} of {hops} hop{'s' if hops > 1 else ''}: "
          f"{net.label(a.node)} ({class_text(net.cls(a.node))}) → {net.label(b.node)} ({class_text(net.cls(b.node))})")
    for k, p in enumerate(paths, 1):
        print(f"\npath {k}: " + " — ".join(net.label(n) for n in p.nodes))
    print()
    print(table(["path", "hop", "from", "relation", "to", "evidence"],
                [[*r[:5], evidence_line(r[5])] for r in rows]))
    return 0
