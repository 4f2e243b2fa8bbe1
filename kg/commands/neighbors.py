"""`kg neighbors`: the neighbourhood of an entity, grouped by class and relation, with evidence."""

from __future__ import annotations

import argparse
import sys

from kg.commands import add_command, add_source_options

EXAMPLES = """  kg neighbors 天开园
  kg neighbors 滨海新区 --depth 2 --classes Enterprise Project
  kg neighbors 中国资源循环集团 --classes 企业 园区 --format csv
  kg neighbors 天开高教科创园 --html output/天开园.html        # a page of just this neighbourhood
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the neighbors command."""

    p = add_command(subparsers, "neighbors", "the entities around one entity, grouped by class and relation",
                    EXAMPLES)
    p.add_argument("entity", help="an entity: label, alias, abbreviation, Class:label or IRI (e.g. 天开园)")
    p.add_argument("--depth", type=int, default=1, metavar="N", help="hops from the entity (default 1)")
    p.add_argument("--classes", nargs="+", metavar="C",
                   help="only neighbours of these classes (English or Chinese: Enterprise 企业, Zone 园区 …)")
    p.add_argument("--limit", type=int, default=500, metavar="N", help="list at most N neighbours (default 500)")
    p.add_argument("--html", metavar="FILE", help="also write a page of just this neighbourhood")
    add_source_options(p)
    return p


def run(args: argparse.Namespace) -> int:
    """Print the neighbourhood (and write its page with --html)."""
    from kg.explore.paths import (
        NameIndex,
        arrow,
        class_text,
        evidence_json,
        evidence_line,
        neighbourhood,
        neighbourhood_nodes,
        network_from_args,
        parse_class,
        write_csv,
        write_json,
    )
    from kg.queries.results import table

    classes = {parse_class(c) for c in args.classes} if args.classes else None
    net = network_from_args(args)
    match = NameIndex(net).resolve(args.entity)
    if match.note:
        print(f"kg neighbors: {match.note}", file=sys.stderr)
    centre = match.node
    found = neighbourhood(net, centre, depth=args.depth, classes=classes)
    shown = found[: max(args.limit, 0)]
    if args.html:
        from kg.web.viz import write_page

        title = f"{net.label(centre)} — {args.depth} hop{'s' if args.depth > 1 else ''}"
        write_page(net.subgraph_quads(neighbourhood_nodes(centre, shown)), args.html, title=title)
        print(f"kg neighbors: wrote {args.html}", file=sys.stderr)
    out = sys.stdout

    def rel_text(nb) -> str:
        return ", ".join(dict.fromkeys(arrow(r, nb.via) for r in nb.relations))

    if args.format == "json":
        write_json({"entity": {"iri": centre, "label": net.label(centre), "class": net.cls(centre)},
                    "depth": args.depth, "count": len(found),
                    "neighbours": [{"iri": nb.node, "label": net.label(nb.node), "class": net.cls(nb.node),
                                    "depth": nb.depth, "via": net.label(nb.via),
                                    "relations": [{"kind": r.kind, "direction": arrow(r, nb.via),
                                                   "evidence": evidence_json(net.evidence(r))}
                                                  for r in nb.relations]} for nb in shown]}, out)
        return 0
    if args.format == "csv":
        rows = []
        for nb in shown:
            ev = net.evidence(nb.relations[0])
            rows.append([nb.depth, net.cls(nb.node), net.label(nb.node), rel_text(nb), net.label(nb.via),
                         ev[0].text if ev else "", nb.node])
        write_csv(["depth", "class", "entity", "relation", "via", "evidence", "iri"], rows, out)
        return 0
    print(f"{net.label(centre)} ({class_text(net.cls(centre))}): {len(found)} neighbour"
          f"{'s' if len(found) != 1 else ''} within {args.depth} hop{'s' if args.depth > 1 else ''}")
    groups: dict[tuple[int, str], list] = {}
    for nb in shown:
        groups.setdefault((nb.depth, net.cls(nb.node)), []).append(nb)
    for (depth, cls), members in groups.items():
        where = f", {depth} hops" if args.depth > 1 else ""
        print(f"\n{class_text(cls)} ({len(members)}{where})")
        header = ["relation", "entity", *(["via"] if depth > 1 else []), "evidence"]
        rows = [[rel_text(nb), net.label(nb.node), *([net.label(nb.via)] if depth > 1 else []),
                 evidence_line(net.evidence(nb.relations[0]))] for nb in members]
        print("\n".join("  " + line for line in table(header, rows).splitlines()))
    if len(shown) < len(found):
        print(f"\n(… {len(found) - len(shown)} more; raise --limit)")
    return 0
