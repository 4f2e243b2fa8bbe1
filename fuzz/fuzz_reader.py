"""Fuzz target for the document reader: any bytes, any file name, through read_bytes and parse_document.

The only acceptable failure is kg.errors.InputError (a one-line message naming the input); anything else, or a
sentence whose offsets do not slice its text, is a crash.

    python fuzz/fuzz_reader.py -max_total_time=30 /tmp/seeds   # atheris (coverage-guided), seeds from seeds.py
    python fuzz/fuzz_reader.py --hypothesis 30                  # fallback where atheris does not install
"""

from __future__ import annotations

import sys
import time

SUFFIXES = ("", ".txt", ".md", ".html", ".docx", ".pdf")


def check(data: bytes) -> None:
    """Read bytes as a report file (the first byte picks the suffix) and check the document's offsets."""
    from kg.errors import InputError
    from kg.ingest.document import parse_document
    from kg.ingest.readers import read_bytes

    suffix = SUFFIXES[data[0] % len(SUFFIXES)] if data else ""
    try:
        text = read_bytes(data[1:], name="fuzz", suffix=suffix)
    except InputError as err:
        message = str(err)
        assert message.startswith("fuzz") and "\n" not in message, message
        return
    doc = parse_document(text, source="fuzz")
    assert len(doc.match_text) == len(doc.text)
    for sent in doc.sentences:
        assert doc.text[sent.span.start:sent.span.end] == sent.text, sent


def run_atheris(argv: list[str]) -> None:
    """Coverage-guided fuzzing with atheris (libFuzzer flags in argv)."""
    import atheris

    with atheris.instrument_imports():
        import kg.ingest.document  # noqa: F401
        import kg.ingest.readers  # noqa: F401
        import kg.ingest.readers.chrome  # noqa: F401
        import kg.ingest.readers.html  # noqa: F401
        import kg.ingest.readers.text  # noqa: F401
    atheris.Setup(argv, check)
    atheris.Fuzz()


def run_hypothesis(seconds: float) -> int:
    """Random bytes (and seed files mutated) through check() for a number of seconds; the number of inputs run."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    from fuzz.seeds import seeds

    count = 0
    deadline = time.monotonic() + seconds
    pool = list(seeds().values())

    @settings(max_examples=10**9, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(st.one_of(st.binary(max_size=2000),
                     st.tuples(st.sampled_from(pool), st.integers(0, 4000), st.binary(max_size=40))
                     .map(lambda t: t[0][: t[1]] + t[2] + t[0][t[1] + len(t[2]):])))
    def loop(data: bytes) -> None:
        nonlocal count
        if time.monotonic() > deadline:
            raise _Done
        count += 1
        check(data)

    try:
        loop()
    except _Done:
        pass
    return count


class _Done(Exception):
    """Raised to end the time-boxed hypothesis loop."""


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--hypothesis":
        n = run_hypothesis(float(sys.argv[2]) if len(sys.argv) > 2 else 30)
        print(f"fuzz (hypothesis): {n} inputs, no crash")
    else:
        run_atheris(sys.argv)
