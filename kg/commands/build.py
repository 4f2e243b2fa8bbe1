"""`kg build`: reports in, graph, page and tables out; corpora in parallel, incrementally, on a cluster."""

from __future__ import annotations

import argparse
import sys

from kg.commands import add_command

EXAMPLES = """  kg build                                  # the bundled sample: 天津市 2025 政府工作报告
  kg build 天津市.txt 北京市.txt -o out      # several reports, one named graph each
  kg build reports/ -o out                  # every .txt/.md report in a folder, on all cores
  kg build reports/ -o out --jobs 2         # two worker processes; run again: unchanged reports are skipped
  kg build reports/ -o out --rebuild        # extract every report again
  kg build 天津市.txt --issuer 天津市 --year 2026      # override the metadata read from the text
  kg build reports/ -o out --model my-genre.json   # a mention model trained with kg train
  kg build report.txt -o out --model shipped   # add the learned layer trained on the annotated reports
  kg build reports/ --executor dask --scheduler tcp://10.0.0.5:8786
  kg build reports/ --store-url http://127.0.0.1:7878/store   # into an Oxigraph/Fuseki/GraphDB server

A report's metadata can also be set in a sidecar file beside it: 天津市.meta.json holding
{"issuer": "天津市", "year": 2026, "title": "2026年天津市政府工作报告"}.
Exit status: 0 when every report was built, 1 when some failed (listed at the end), 2 for bad usage.
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the build command."""
    p = add_command(subparsers, "build", "build the knowledge graph of one or more reports", EXAMPLES)
    p.add_argument("inputs", nargs="*", metavar="INPUT", help="report files or folders (default: the bundled sample)")
    p.add_argument("-o", "--out", default="output", metavar="DIR", help="output folder (default: output/)")
    p.add_argument("--no-page", action="store_true", help="skip graph.html")
    p.add_argument("--top", type=int, default=300, metavar="N",
                   help="entities drawn on the page of a large graph: the N most connected (default: 300)")
    p.add_argument("--store", metavar="DIR", help="the on-disk store the documents go into, one named graph each "
                   "(default: OUT/store; building into it again skips unchanged documents)")
    p.add_argument("--store-url", metavar="URL", help="write each document's graph to a SPARQL 1.1 Graph Store "
                   "endpoint instead, e.g. http://127.0.0.1:7878/store (Oxigraph), http://host:3030/ds/data "
                   "(Fuseki); no local files are written")
    p.add_argument("--sparql-url", metavar="URL", help="the query endpoint of --store-url when it cannot be "
                   "guessed (…/store → …/query, …/data → …/sparql)")
    p.add_argument("-j", "--jobs", type=int, metavar="N",
                   help="worker processes for extraction, then threads for per-report outputs (default: all cores)")
    p.add_argument("--executor", choices=("local", "dask"), default="local",
                   help="local process pool (default) or a Dask distributed cluster")
    p.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address, e.g. tcp://10.0.0.5:8786")
    p.add_argument("--rebuild", action="store_true", help="extract every report again, even unchanged ones")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.add_argument("--wait", type=float, default=0.0, metavar="SECONDS",
                   help="when another build is writing the store, wait this long for it (default: fail at once)")
    p.add_argument("--issuer", metavar="AREA", help="issuer of the reports, e.g. 天津市 (overrides the text)")
    p.add_argument("--year", type=int, metavar="YEAR", help="year of the reports, e.g. 2026 (overrides the text)")
    p.add_argument("--title", metavar="TITLE", help="title of the report, e.g. 2026年天津市政府工作报告")
    p.add_argument("--curation", metavar="FILE", help="a curation CSV applied after extraction (merge, split, "
                   "retype, drop, alias, rename); every build also writes OUT/review.csv with suggestions")
    p.add_argument("--model", metavar="MODEL", help="the mention model that keeps or drops and classifies the "
                   "rules' candidates: a file made by kg train, or 'shipped' for the one trained on the project's "
                   "annotated reports (default: none, the rules alone)")
    p.add_argument("--analytics", action="store_true", help="write kg:degree, kg:pagerank and kg:community onto "
                   "every entity (for SPARQL ORDER BY and the page)")
    return p


def run(args: argparse.Namespace) -> int:
    """Build, print a summary and the failures; exit 1 when a document failed."""
    from kg.build import build
    from kg.errors import UsageError
    from kg.ingest.sidecar import Metadata
    from kg.store.executors import default_jobs

    if args.scheduler and args.executor != "dask":
        raise UsageError("--scheduler is for --executor dask; add --executor dask")
    if args.jobs is not None and args.jobs < 1:
        raise UsageError(f"--jobs {args.jobs}: give at least 1 worker process")
    overrides = Metadata(title=args.title, issuer=args.issuer, year=args.year)
    result = build(args.inputs, args.out, page=not args.no_page, store_dir=args.store, store_url=args.store_url,
                   sparql_url=args.sparql_url, jobs=args.jobs or default_jobs(), executor=args.executor,
                   scheduler=args.scheduler, rebuild=args.rebuild, quiet=args.quiet, overrides=overrides,
                   wait=args.wait, top=args.top, curation=args.curation, analytics=args.analytics,
                   model=args.model)
    print(result.summary())
    if result.files:
        print("wrote: " + ", ".join(str(p) for p in result.files))
    else:
        print(f"wrote: the graphs of {len(result.report.built)} documents to {result.target}")
    for built in result.report.built:
        for warning in built.warnings:
            print(f"warning: {warning}", file=sys.stderr)
    for failure in result.report.failed:
        print(f"failed: {failure.reason}", file=sys.stderr)
    return 1 if result.failed else 0
