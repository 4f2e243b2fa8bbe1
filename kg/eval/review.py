"""review.csv: the merges and classes a build was least sure of, for a person to confirm or correct.

Each row carries a ready ``action,name,value,class`` suggestion that can be pasted into a curation file
(see kg/extract/curation.py) when the person disagrees with what the build did.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping

# Extractors whose word is a guess from context rather than a cue or a lexicon.
WEAK_EXTRACTORS = ("coordination", "brands")
# Extractors that know a name (a lexicon or a fixed pattern): their aliases are not guesses.
SURE_EXTRACTORS = ("areas", "lexicon", "local", "government", "congress", "census")
CONFIDENT = 0.75  # entities below this confidence are listed
COLUMNS = ["kind", "class", "label", "alias_or_aliases", "confidence", "why", "curation_suggestion"]


def review_rows(entities: Iterable[Mapping[str, str]]) -> list[list[str]]:
    """Rows for entity records (as in entities.csv): uncertain merges and classes, least sure first."""
    rows: list[tuple[float, list[str]]] = []
    for ent in entities:
        cls, label, confidence = ent["class"], ent["label"], float(ent["confidence"] or 0)
        extractors = [x for x in ent["extractors"].split("|") if x]
        aliases = [a for a in ent["aliases"].split("|") if a]
        sure = any(any(key in x for key in SURE_EXTRACTORS) for x in extractors)
        if not sure:
            for alias in aliases:
                rows.append((confidence - 0.1, ["merge", cls, label, alias, f"{confidence:.2f}",
                                                "surface form merged by the alias rules",
                                                f"split,{label},{alias},{cls}"]))
        weak = all(x.endswith(".suffix") or x in WEAK_EXTRACTORS for x in extractors)
        if confidence < CONFIDENT or (weak and ent["mentions"] == "1"):
            rows.append((confidence, ["class", cls, label, "|".join(aliases), f"{confidence:.2f}",
                                      f"found only by {', '.join(extractors)}", f"drop,{label},,{cls}"]))
    rows.sort(key=lambda r: (r[0], r[1][0], r[1][1], r[1][2], r[1][3]))
    return [r for _, r in rows]


def review_csv(entities: Iterable[Mapping[str, str]]) -> str:
    """The review table as CSV text with a header row."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(review_rows(entities))
    return buf.getvalue()
