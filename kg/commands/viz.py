"""`kg viz`: render the interactive page of any built graph."""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.commands import add_command

EXAMPLES = """  kg viz output/graph.trig                               # → output/graph.html
  kg viz out/graph.trig -o 全国.html --top 500           # a corpus: the 500 best-connected entities
  kg viz output/graph.ttl --classes 企业,园区 --min-mentions 2
  kg viz output/graph.ttl --classes Enterprise Zone -o 企业与园区.html
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the viz command."""
    p = add_command(subparsers, "viz", "write the interactive HTML page of a built graph (works offline)", EXAMPLES)
    p.add_argument("graph", help="a built graph (.trig keeps documents apart; .ttl, .nq, .nt, .jsonld also work)")
    p.add_argument("-o", "--output", metavar="FILE", help="page to write (default: graph.html beside GRAPH)")
    p.add_argument("--classes", nargs="+", metavar="CLASS",
                   help="entity classes to show, English or Chinese, e.g. Enterprise Zone or 企业,园区 (default: all)")
    p.add_argument("--min-mentions", type=int, default=1, metavar="N",
                   help="show only entities mentioned at least N times (default: 1)")
    p.add_argument("--top", type=int, default=None, metavar="N",
                   help="show only the N entities with most links; 0 shows all "
                   "(default: all up to 800, the best-connected 800 beyond)")
    p.add_argument("--evidence", type=int, default=100, metavar="N",
                   help="evidence sentences and indicators per entity, taken in turn from every report; 0 keeps all "
                   "(default: 100)")
    p.add_argument("--title", help="page heading (default: the document's title)")
    return p


def run(args: argparse.Namespace) -> int:
    """Render the page and report what it shows."""
    from kg.store.graphstore import GraphStore
    from kg.web.viz import check_options, default_title, parse_classes, write_page

    classes = parse_classes(args.classes)
    check_options(args.min_mentions, args.top, args.evidence)
    store = GraphStore.from_file(args.graph)
    output = Path(args.output) if args.output else Path(args.graph).with_name("graph.html")
    title = args.title or default_title(store)
    data = write_page(store.quads(), output, title=title, classes=classes, min_mentions=args.min_mentions,
                      top=args.top, max_evidence=args.evidence)
    s = data.stats
    print(f"wrote {output}: {s['shown']} of {s['entities']} entities, {s['edges']} edges, "
          f"{s['indicators']} indicators")
    return 0
