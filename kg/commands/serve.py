"""`kg serve`: a SPARQL 1.1 endpoint with a query page in the browser over an on-disk store."""

from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from kg.commands import add_command
from kg.errors import UsageError

EXAMPLES = """  kg build --store output/store && kg serve           # http://127.0.0.1:7878/ (query page)
  kg serve --store out/store --port 8000
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT ?n WHERE { ?e a kg:Zone ; rdfs:label ?n }' \\
       http://127.0.0.1:7878/query
  kg query documents --endpoint http://127.0.0.1:7878/query
  浏览器打开 http://127.0.0.1:7878/ 写查询，http://127.0.0.1:7878/graph.html 看图谱
"""


def register(subparsers) -> argparse.ArgumentParser:
    """Add the serve command."""
    p = add_command(subparsers, "serve",
                    "serve a store as a SPARQL 1.1 endpoint (read-only, 127.0.0.1) with a query page and graph.html",
                    EXAMPLES)
    p.add_argument("--store", default="output/store", metavar="DIR",
                   help="the store written by kg build --store (default: output/store)")
    p.add_argument("--host", default="127.0.0.1",
                   help="address to listen on (default: 127.0.0.1; anything else exposes the data to the network)")
    p.add_argument("--port", type=int, default=7878, help="port to listen on (default: 7878; 0 picks a free one)")
    p.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                   help="stop a query after this many seconds (default: 30)")
    p.add_argument("--max-result-mb", type=float, default=64.0, metavar="MB",
                   help="refuse results larger than this (default: 64)")
    p.add_argument("--html", metavar="FILE",
                   help="page served at /graph.html (default: graph.html beside the store folder)")
    p.add_argument("--allow-update", action="store_true",
                   help="accept SPARQL UPDATE and graph store writes (default: read-only)")
    p.add_argument("--allow-remote", action="store_true",
                   help="let SERVICE calls and LOAD reach other hosts (default: refused)")
    p.add_argument("--verbose", action="store_true", help="log every request on standard error")
    return p


def _interrupt(signum, frame) -> None:
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    """Start the endpoint and serve until Ctrl-C or SIGTERM."""
    from kg.web.serve import Endpoint, ServeOptions, is_loopback_host

    if not 0 <= args.port <= 65535:
        raise UsageError(f"--port {args.port}: use a port between 1 and 65535 (0 picks a free one)")
    if args.timeout <= 0 or args.max_result_mb <= 0:
        raise UsageError("--timeout and --max-result-mb must be positive")
    store = Path(args.store)
    html = Path(args.html) if args.html else store.resolve().parent / "graph.html"
    options = ServeOptions(host=args.host, port=args.port, timeout_s=args.timeout,
                           max_result_bytes=int(args.max_result_mb * 1024 * 1024), html=html,
                           allow_update=args.allow_update, allow_remote=args.allow_remote)
    endpoint = Endpoint(store, options, verbose=args.verbose).start()
    signal.signal(signal.SIGTERM, _interrupt)
    mode = "read-write" if args.allow_update else "read-only"
    print(f"GovKG SPARQL endpoint ({mode}) over {store}\n"
          f"  query page   {endpoint.url}\n"
          f"  SPARQL 1.1   {endpoint.url}query\n"
          f"  graph page   {endpoint.url}graph.html" + ("" if html.is_file() else " (missing: run kg build)") +
          "\nCtrl-C stops.", flush=True)
    if not is_loopback_host(args.host):
        print(f"kg serve: warning: listening on {args.host}; other machines can read the data", file=sys.stderr)
    try:
        endpoint.wait()
    except KeyboardInterrupt:
        pass
    finally:
        endpoint.stop()
    return 0
