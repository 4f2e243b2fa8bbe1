"""One module per `kg` subcommand, each with ``register(subparsers)`` and ``run(args)``."""

import argparse


def add_command(subparsers, name: str, summary: str, examples: str) -> argparse.ArgumentParser:
    """A subparser whose help shows a summary and Chinese examples, formatted as written."""
    return subparsers.add_parser(name, help=summary, description=f"{summary}\n\nexamples:\n{examples}",
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
