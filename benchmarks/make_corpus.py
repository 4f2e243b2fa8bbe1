"""Write N synthetic reports for benchmarks and tests (see kg.eval.synth), deterministic from a seed.

    python benchmarks/make_corpus.py 1000 -o /tmp/corpus-1000 --seed 1
    python benchmarks/make_corpus.py 50 -o /tmp/c50 --source ../shared/corpus/provinces-2026

Sentences come from the bundled sample and from every .txt report under each --source folder.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from kg.build import sample_path
from kg.eval.synth import write_corpus
from kg.ingest.readers import read_file


def main() -> None:
    """Parse arguments and write the corpus."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("n", type=int, help="number of reports")
    parser.add_argument("-o", "--out", required=True, help="output folder")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--sentences", type=int, default=300, help="sentences per report (the sample has ~300)")
    parser.add_argument("--source", action="append", default=[], metavar="DIR",
                        help="a folder of real reports to take sentences from as well (repeatable)")
    args = parser.parse_args()
    texts = [sample_path().read_text(encoding="utf-8")]
    for folder in args.source:
        texts += [read_file(p) for p in sorted(Path(folder).rglob("*.txt"))]
    paths = write_corpus(args.out, args.n, seed=args.seed, sentences=args.sentences, texts=texts)
    print(f"wrote {len(paths)} reports from {len(texts)} source texts into {args.out}")


if __name__ == "__main__":
    main()
