"""The package's layout shows the pipeline: rooms by stage, few modules at the top, no import cycles, and no
module importing from a room later in the flow than its own."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

KG = Path(__file__).resolve().parents[1] / "kg"
TESTS = Path(__file__).resolve().parent
# The flow, earliest first: a module imports from its own room and from rooms before it, never after.
ROOMS = ["errors", "model", "atomic", "ingest", "extract", "rdf", "queries", "store", "explore", "web", "eval",
         "build", "commands", "cli", "__main__", ""]
# GraphML and GEXF are drawings of the network view, so the export of every format reaches up for it (lazily).
KNOWN_UPWARD = {("kg.rdf.export", "kg.explore.network")}


def _name(path: Path) -> str:
    parts = ["kg", *path.relative_to(KG).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports() -> nx.DiGraph:
    """Every import between kg modules, including those inside functions."""
    modules = {_name(p): p for p in KG.rglob("*.py")}
    graph = nx.DiGraph()
    for name, path in modules.items():
        graph.add_node(name)
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "kg":
                targets = [node.module, *(f"{node.module}.{a.name}" for a in node.names)]
            elif isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            else:
                continue
            graph.add_edges_from((name, t) for t in targets if t in modules and t != name)
    return graph


def _room(module: str) -> str:
    return module.split(".")[1] if "." in module else ""


def test_at_most_twelve_modules_sit_directly_in_kg():
    assert len(list(KG.glob("*.py"))) <= 12


@pytest.mark.parametrize("package", sorted(p.parent.name for p in KG.glob("*/__init__.py")))
def test_every_room_says_what_it_owns(package):
    doc = ast.get_docstring(ast.parse((KG / package / "__init__.py").read_text(encoding="utf-8")))
    assert doc and len(doc.split()) >= 12, f"kg/{package}/__init__.py needs a docstring saying what it owns"


def test_no_import_cycles():
    cycles = [sorted(c) for c in nx.strongly_connected_components(_imports()) if len(c) > 1]
    assert cycles == []


def test_every_module_is_in_a_known_room():
    unknown = sorted(m for m in _imports().nodes if _room(m) not in ROOMS)
    assert unknown == [], "move these into the room they belong to (docs/architecture.md), or add the room to ROOMS"


def test_no_module_imports_from_a_later_room():
    assert all(_room(m) in ROOMS for m in _imports().nodes)
    upward = {(a, b) for a, b in _imports().edges if ROOMS.index(_room(b)) > ROOMS.index(_room(a))}
    assert upward == KNOWN_UPWARD


def test_tests_mirror_the_rooms():
    rooms = {p.name for p in KG.iterdir() if (p / "__init__.py").exists()}
    folders = {p.name for p in TESTS.iterdir() if (p / "__init__.py").exists()} - {"fixtures"}
    assert folders <= rooms
