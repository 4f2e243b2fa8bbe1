"""`kg trend`: one measure of the metric scheme across reports and years, as a table, CSV, JSON or chart page."""

from __future__ import annotations

import argparse
import sys

from kg.commands import add_command

EXAMPLES = """  kg trend gdp-growth --kind target --issuer 中国 --store national/store   # national growth targets
  kg trend 地区生产总值增长 --kind target --year 2026 -o gdp-2026.html         # every province, one year
  kg trend surveyed-unemployment --issuer 天津市 --from 2020 --to 2026 --format csv

MEASURE is a concept of the metric scheme (https://w3id.org/govkg/metric/) by slug or by any of its labels.
A series keeps one value per issuer, year and kind: the one stated by the report that sets the target (its
own year) or reviews the result (the next year). Values over several years (年均增长) are left out.
The same rows come from the saved query measure-over-years (kg query measure-over-years --param …).
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the trend command."""
    from kg.explore.trend import KINDS

    p = add_command(subparsers, "trend", "one measure across reports and years: table, CSV, JSON or a chart page",
                    EXAMPLES)
    p.add_argument("measure", metavar="MEASURE", help="a measure's slug or label, e.g. gdp-growth or 地区生产总值增长")
    p.add_argument("--kind", choices=KINDS, default="both", help="targets, actuals or both (default: both)")
    p.add_argument("--issuer", nargs="+", default=[], metavar="NAME",
                   help="only these issuers, by name or alias (中国, 天津市)")
    p.add_argument("--year", type=int, metavar="Y", help="one year: a cross-section, one row per issuer")
    p.add_argument("--from", dest="year_from", type=int, metavar="Y", help="first year of the series")
    p.add_argument("--to", dest="year_to", type=int, metavar="Y", help="last year of the series")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table",
                   help="what to print (default: table)")
    p.add_argument("-o", "--out", metavar="FILE.html", help="also write the chart page to FILE.html")
    source = p.add_mutually_exclusive_group()
    source.add_argument("--store", metavar="DIR", help="a store written by kg build (default: output/store)")
    source.add_argument("--graph", metavar="FILE", help="a graph file instead of a store (.trig keeps reports apart)")
    return p


def run(args: argparse.Namespace) -> int:
    """Print the rows and write the chart page when asked."""
    from kg.atomic import write_atomic
    from kg.commands.query import open_source
    from kg.errors import UsageError
    from kg.explore.trend import find_concept, to_csv, to_json, to_table, trend_rows

    if args.out and not args.out.lower().endswith((".html", ".htm")):
        raise UsageError(f"-o {args.out}: the chart page is HTML; name it FILE.html")
    concept = find_concept(args.measure)
    source = open_source(argparse.Namespace(endpoint=None, store=args.store, graph=args.graph))
    rows = trend_rows(source, concept, kind=args.kind, issuers=tuple(args.issuer), year=args.year,
                      year_from=args.year_from, year_to=args.year_to)
    if args.format == "csv":
        sys.stdout.write(to_csv(rows))
    elif args.format == "json":
        sys.stdout.write(to_json(rows, concept))
    elif rows:
        sys.stdout.write(to_table(rows))
    else:
        print(f"no {args.kind if args.kind != 'both' else ''} value of {concept.slug} ({concept.label_zh}) "
              "matches; try another --kind, --issuer or years", file=sys.stderr)
    if args.out:
        from kg.web.trend_page import trend_page

        scope = [f"{args.kind}", *args.issuer, *([str(args.year)] if args.year else [])]
        write_atomic(args.out, trend_page(rows, concept, cross_section=args.year is not None,
                                          subtitle=" · ".join(scope) + f" · {len(rows)} rows"))
        print(f"wrote: {args.out}", file=sys.stderr)
    return 0
