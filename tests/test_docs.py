"""The README is a front door and docs/ the reference: every command, export format and saved query is
documented, and the README's set-up commands are the ones CI runs (docs that drift are bugs)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.cli import build_parser
from kg.queries.library import saved_queries
from kg.rdf.export import FORMATS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
DOCS = {p.name: p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs").glob("*.md"))}
COMMANDS = sorted(next(a for a in build_parser()._actions if a.dest == "command").choices)


def _headings(text: str) -> list[str]:
    """Markdown headings outside code blocks."""
    out, fence = [], False
    for line in text.splitlines():
        fence ^= line.startswith("```")
        if not fence and line.startswith("#"):
            out.append(line)
    return out


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_its_docs_page(command):
    pages = [name for name, text in DOCS.items() if any(f"`kg {command}`" in h for h in _headings(text))]
    assert pages, f"no docs/*.md has a heading naming `kg {command}`"
    assert any(f"(docs/{page})" in README for page in pages), f"the README links no docs page of kg {command}"


def test_every_command_is_in_the_readme_table():
    rows = [line for line in README.splitlines() if line.startswith("| `kg ")]
    assert sorted(re.match(r"\| `kg (\w+)`", row).group(1) for row in rows) == COMMANDS


def test_the_readme_is_a_front_door():
    assert len(README.splitlines()) <= 150
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README):
        if not target.startswith("http"):
            assert (ROOT / target).is_file(), target
    png = ROOT / "docs" / "page.png"
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size < 300_000


def test_the_readme_set_up_commands_are_the_ones_ci_runs():
    block = README.split("```bash\n", 1)[1].split("```", 1)[0]
    readme = [line for line in block.splitlines() if line.strip()]
    ci = [line for line in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
          if line.startswith("python3 -m venv")]
    assert len(readme) == 2
    assert ci == readme


def test_every_export_format_is_documented():
    assert all(f"`{fmt}`" in DOCS["outputs.md"] for fmt in FORMATS)


def test_the_query_library_is_described_and_examples_name_real_queries():
    names = {q.name for q in saved_queries()}
    assert len(names) >= 15
    for text in [README, *DOCS.values()]:
        for line in text.splitlines():
            if line.startswith("kg query ") and not line.startswith(('kg query "', "kg query -", "kg query question")):
                assert line.split()[2] in names, line
    assert "compare-targets" in DOCS["query.md"]


def test_the_architecture_page_names_every_room():
    rooms = sorted(p.parent.name for p in (ROOT / "kg").glob("*/__init__.py"))
    assert all(f"`kg/{room}/`" in DOCS["architecture.md"] for room in rooms)
