"""The project's ontology and SHACL shapes, loaded from one place whether installed or in a checkout."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

ONTOLOGY_FILES = ("govkg.ttl", "shapes.ttl")


def ontology_dir() -> Path:
    """The folder holding govkg.ttl and shapes.ttl: the wheel's kg/ontology, else the checkout's ontology/."""
    packaged = Path(__file__).parent.parent / "ontology"
    if (packaged / "govkg.ttl").exists():
        return packaged
    return Path(__file__).resolve().parents[2] / "ontology"


@lru_cache(maxsize=4)
def ontology_text(name: str = "govkg.ttl") -> str:
    """The Turtle text of one ontology file (govkg.ttl or shapes.ttl)."""
    if name not in ONTOLOGY_FILES:
        raise ValueError(f"unknown ontology file {name!r}; expected one of {ONTOLOGY_FILES}")
    return (ontology_dir() / name).read_text(encoding="utf-8")
