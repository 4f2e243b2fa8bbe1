"""review.csv: the merges and classes a build was least sure of, for a person to confirm or correct.

Each row carries a ready ``action,name,value,class`` suggestion that can be pasted into a curation file
(see kg/curation.py) when the person disagrees with what the build did.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from kg.model import Entity
from kg.resolve import name_key

WEAK_EXTRACTORS = ("coordination", "brands")
CONFIDENT = 0.75  # entities below this confidence are listed


def review_rows(entities: Iterable[tuple[str, Entity]]) -> list[list[str]]:
    """Rows for (document, entity) pairs: uncertain merges first, then uncertain classes, least sure first."""
    rows: list[tuple[float, list[str]]] = []
    for doc, ent in entities:
        canonical = {name_key(m.canonical) for m in ent.mentions if m.canonical}
        for alias in sorted(ent.aliases):
            if name_key(alias) in canonical or any(m.canonical and m.text == alias for m in ent.mentions):
                continue  # the lexicon said so (宝坻 → 宝坻区): not a guess
            rows.append((ent.confidence - 0.1, [
                "merge", ent.cls, ent.label, alias, f"{ent.confidence:.2f}",
                "surface form merged by the alias rules", f"split,{ent.label},{alias},{ent.cls}", doc]))
        weak = all(x.endswith(".suffix") or x in WEAK_EXTRACTORS for x in ent.extractors)
        if ent.confidence < CONFIDENT or (weak and len(ent.mentions) == 1):
            rows.append((ent.confidence, [
                "class", ent.cls, ent.label, "|".join(sorted(ent.aliases)), f"{ent.confidence:.2f}",
                f"found only by {', '.join(ent.extractors)}", f"drop,{ent.label},,{ent.cls}", doc]))
    rows.sort(key=lambda r: (r[0], r[1][0], r[1][1], r[1][2], r[1][3]))
    return [r for _, r in rows]


def review_csv(entities: Iterable[tuple[str, Entity]]) -> str:
    """The review table as CSV text with a header row."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["kind", "class", "label", "alias_or_aliases", "confidence", "why", "curation_suggestion",
                     "document"])
    writer.writerows(review_rows(entities))
    return buf.getvalue()
