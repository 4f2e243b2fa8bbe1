"""The `kg` command: argument parsing and printing only; each subcommand lives in kg/commands/<name>.py.

Every failure a user can cause prints one line on stderr and exits 2 (1 for a partial corpus failure);
``--debug`` shows the traceback instead.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from kg.errors import InputError, UsageError

DESCRIPTION = """GovKG turns Chinese government work reports (政府工作报告) into an RDF knowledge graph.

examples:
  kg build                                  # build the bundled sample (天津市 2025) into output/
  kg build reports/ -o out                  # build every .txt report in a folder
  kg query "SELECT ?e WHERE { ?e a kg:Enterprise }"
  kg validate output/graph.ttl
  kg export output/graph.trig --to nq -o output/graph.nq
"""


def build_parser() -> argparse.ArgumentParser:
    """The top-level parser with one subparser per module of kg.commands."""
    import kg.commands

    parser = argparse.ArgumentParser(prog="kg", description=DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--debug", action="store_true", help="show the full traceback on errors")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    modules = sorted(info.name for info in pkgutil.iter_modules(kg.commands.__path__))
    for name in modules:
        module = importlib.import_module(f"kg.commands.{name}")
        sub = module.register(subparsers)
        sub.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `kg` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "run", None):
        parser.print_help()
        return 2
    try:
        return int(args.run(args) or 0)
    except (InputError, UsageError) as err:
        if args.debug:
            raise
        print(f"kg {args.command}: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"kg {args.command}: interrupted; outputs were left as they were", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
