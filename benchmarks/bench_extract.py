"""Extraction speed against bare segmentation, measured in the same run on the same text.

Reports, per report, the median time of:
  - jieba.posseg.lcut (HMM on, jieba's default) and jieba.posseg.cut with HMM off (what the pipeline uses);
  - the whole GovKG extraction (tokenise + every component + resolution), pipeline already loaded.
Goal (issue 3/7): extraction at most 1.5x bare jieba.posseg.lcut on the same text.

    python benchmarks/bench_extract.py [FILE ...] [--repeat N]
"""

from __future__ import annotations

import argparse
import logging
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.build import load_document, sample_path  # noqa: E402
from kg.extract.pipeline import Pipeline  # noqa: E402


def median_time(func, repeat: int) -> float:
    """Median wall time of calling func ``repeat`` times."""
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        func()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    """Print one row per report and the ratio of extraction to bare segmentation."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="*", help="reports (default: the bundled sample)")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import jieba
    import jieba.posseg

    jieba.setLogLevel(logging.ERROR)
    jieba.initialize()
    started = time.perf_counter()
    pipe = Pipeline()
    print(f"pipeline load (lexicons, user words): {time.perf_counter() - started:.2f} s")
    print(f"{'report':40} {'chars':>7} {'posseg HMM':>11} {'posseg noHMM':>13} {'extraction':>11} {'ratio':>6}")
    for path in [Path(f) for f in args.files] or [sample_path()]:
        doc = load_document(path)
        text = doc.text
        lcut = median_time(lambda: jieba.posseg.lcut(text), args.repeat)  # noqa: B023
        nohmm = median_time(lambda: list(jieba.posseg.cut(text, HMM=False)), args.repeat)  # noqa: B023
        extract = median_time(lambda: pipe(load_document(path)), args.repeat)  # noqa: B023
        print(f"{path.name[:40]:40} {len(text):7d} {lcut:10.3f}s {nohmm:12.3f}s {extract:10.3f}s {extract / lcut:6.2f}")


if __name__ == "__main__":
    main()
