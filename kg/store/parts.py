"""Per-document output parts: each document's TriG and indicator rows, written again only when its graph changed.

A large corpus store is exported one file per document (``graphs/<document>.trig``) instead of one graph.ttl
and graph.trig of several GB, and indicators.csv is put together from per-document rows; a part is kept as
long as its graph's version token (kg.store.graphstore.GraphStore.graph_versions) is the one recorded when it was
written, so an incremental build rewrites the parts of the documents it changed and nothing else.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from kg.atomic import write_atomic

MANIFEST = ".manifest.json"
_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


def document_slug(iri: str) -> str:
    """A file name for a document IRI: its path after /doc/ with unsafe characters replaced, plus a short hash
    (two IRIs never share a file): …/doc/天津市/2025/政府工作报告 → 天津市-2025-政府工作报告-1a2b3c4d."""
    tail = iri.split("/doc/", 1)[-1].strip("/")
    name = _UNSAFE.sub("-", tail).strip("-.")[:80] or "document"
    return f"{name}-{hashlib.sha1(iri.encode()).hexdigest()[:8]}"


class Parts:
    """A folder of per-document parts with a manifest of the graph version each part was written from."""

    def __init__(self, folder: Path, versions: dict[str, str]) -> None:
        self.folder = folder
        self.versions = versions
        try:
            self.written: dict[str, str] = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.written = {}

    def path(self, iri: str, suffix: str) -> Path:
        """Where a document's part with this suffix (".trig", ".indicators.csv") lives."""
        return self.folder / (document_slug(iri) + suffix)

    def fresh(self, iri: str, suffixes: tuple[str, ...]) -> bool:
        """Whether every part of a document was written from its graph's current version."""
        version = self.versions.get(iri)
        return (version is not None and self.written.get(iri) == version
                and all(self.path(iri, s).is_file() for s in suffixes))

    def record(self, iri: str) -> None:
        """Note that a document's parts were just written from its current version."""
        self.written[iri] = self.versions.get(iri, "")

    def save(self, documents: list[str], suffixes: tuple[str, ...]) -> None:
        """Write the manifest and delete the parts of documents that are no longer in the store."""
        keep = {self.path(iri, s).name for iri in documents for s in suffixes} | {MANIFEST}
        for path in self.folder.iterdir():
            if path.name not in keep and any(path.name.endswith(s) for s in suffixes):
                path.unlink()
        self.written = {iri: v for iri, v in self.written.items() if iri in set(documents)}
        write_atomic(self.folder / MANIFEST, json.dumps(self.written, ensure_ascii=False, sort_keys=True) + "\n")
