"""Human curation of extracted entities: a small CSV file of edits applied after resolution.

Each row is ``action,name,value,class`` (a header row is optional; ``#`` starts a comment):

    action,name,value,class
    merge,天开园,天开高教科创园,Zone        # the entity named 天开园 joins 天开高教科创园
    retype,中关村,Organization,            # give an entity another class
    drop,上市公司,,Enterprise              # remove an entity (and its mentions)
    alias,天津市,津门,                     # add a surface form (an entity already named so joins it)
    split,南港工业区,南港,                 # take a surface form out into an entity of its own
    rename,国家电网,国家电网有限公司,       # change the label (the old one stays an alias)

``name`` matches an entity's label or any alias; ``class`` (optional) limits the match. Edits apply in
file order, so the same file always gives the same graph.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, replace
from pathlib import Path

from kg.errors import InputError
from kg.extract.resolve import name_key
from kg.model import ENTITY_CLASSES, Entity

ACTIONS = ("merge", "retype", "drop", "alias", "split", "rename")


@dataclass(frozen=True)
class Edit:
    """One curation row."""

    action: str
    name: str
    value: str = ""
    cls: str = ""
    line: int = 0


def read_curation(path: str | Path) -> list[Edit]:
    """Read and check a curation CSV; raise InputError naming the line of the first bad row."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path}: no such curation file; pass a CSV with rows action,name,value,class")
    text = path.read_text(encoding="utf-8-sig")
    edits = []
    for number, row in enumerate(csv.reader(io.StringIO(text)), start=1):
        cells = [c.split("#", 1)[0].strip() for c in row]
        if not any(cells) or row[0].strip().startswith("#") or (number == 1 and cells[0].lower() == "action"):
            continue
        cells += [""] * (4 - len(cells))
        action, name, value, cls = cells[:4]
        if action not in ACTIONS:
            raise InputError(f"{path}:{number}: unknown action {action!r}; use one of {', '.join(ACTIONS)}")
        if not name:
            raise InputError(f"{path}:{number}: {action} needs a name in the second column")
        if action in ("merge", "alias", "split", "rename", "retype") and not value:
            raise InputError(f"{path}:{number}: {action} needs a value in the third column")
        for c in (cls, value if action == "retype" else ""):
            if c and c not in ENTITY_CLASSES:
                raise InputError(f"{path}:{number}: unknown class {c!r}; use one of {', '.join(ENTITY_CLASSES)}")
        edits.append(Edit(action, name, value, cls, number))
    return edits


def _matches(ent: Entity, name: str, cls: str) -> bool:
    key = name_key(name)
    return (not cls or ent.cls == cls) and key in {name_key(n) for n in (ent.label, *ent.aliases)}


def _merge_into(target: Entity, other: Entity) -> None:
    target.aliases |= {other.label, *other.aliases} - {target.label}
    target.mentions = sorted([*target.mentions, *other.mentions], key=lambda m: (m.span.start, m.extractor))
    target.division_code = target.division_code or other.division_code


def apply_curation(entities: list[Entity], edits: list[Edit]) -> list[Entity]:
    """Apply edits in order to a document's entities and return the curated list (sorted as resolve sorts)."""
    ents = [replace(e, aliases=set(e.aliases), mentions=list(e.mentions)) for e in entities]
    for edit in edits:
        hits = [e for e in ents if _matches(e, edit.name, edit.cls)]
        if edit.action == "drop":
            ents = [e for e in ents if e not in hits]
        elif edit.action == "retype":
            for e in hits:
                e.cls = edit.value
                e.mentions = [replace(m, cls=edit.value) for m in e.mentions]
        elif edit.action == "rename":
            for e in hits:
                e.aliases = (e.aliases | {e.label}) - {edit.value}
                e.label = edit.value
        elif edit.action in ("merge", "alias"):
            targets = [e for e in ents if _matches(e, edit.value if edit.action == "merge" else edit.name, edit.cls)]
            others = hits if edit.action == "merge" else [
                e for e in ents if _matches(e, edit.value, edit.cls) and e not in targets]
            if not targets:
                continue
            target = targets[0]
            for other in others:
                if other is not target:
                    _merge_into(target, other)
                    ents.remove(other)
            if edit.action == "alias" and edit.value != target.label:
                target.aliases.add(edit.value)
        elif edit.action == "split":
            for e in hits:
                moved = [m for m in e.mentions if name_key(m.text) == name_key(edit.value)]
                if not moved or len(moved) == len(e.mentions):
                    continue
                e.mentions = [m for m in e.mentions if m not in moved]
                e.aliases.discard(edit.value)
                ents.append(Entity(cls=e.cls, label=edit.value, mentions=moved))
    return sorted(ents, key=lambda e: (e.cls, e.label))
