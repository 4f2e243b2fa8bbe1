"""The README documents every command, export format and saved query (docs that drift are bugs)."""

from __future__ import annotations

from pathlib import Path

from kg.cli import build_parser
from kg.queries.library import saved_queries
from kg.rdf.export import FORMATS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme():
    parser = build_parser()
    commands = next(a for a in parser._actions if a.dest == "command").choices
    missing = [name for name in commands if f"kg {name}" not in README]
    assert not missing, missing


def test_every_export_format_is_in_the_readme():
    assert all(f"`{fmt}`" in README for fmt in FORMATS)


def test_the_query_library_is_described_and_examples_name_real_queries():
    names = {q.name for q in saved_queries()}
    assert len(names) >= 15
    for line in README.splitlines():
        if line.startswith("kg query ") and not line.startswith(('kg query "', "kg query -", "kg query question")):
            assert line.split()[2] in names, line
    assert "compare-targets" in README
