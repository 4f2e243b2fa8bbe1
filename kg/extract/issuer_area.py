"""The issuer as an AdministrativeArea entity of every document's graph, named in the text or not.

The report's own government acts as its area (天津市 implements a policy, 中华人民共和国 hosts an event), so
the relation rules need that area as an entity, labelled as ``kg:issuer`` names it: the text's mentions
of it (天津, 天津市; 中国 for the nation) join it, and with no mention it still stands, without mentions.
"""

from __future__ import annotations

from kg.ingest.document import Document
from kg.ingest.issuer import NATION, short_name
from kg.model import Entity

AREA_SUFFIXES = ("特别行政区", "维吾尔自治区", "壮族自治区", "回族自治区", "自治区", "自治州", "省", "市", "县", "区")
NATION_NAMES = ("中华人民共和国", "中国")


def issuer_names(issuer: str) -> set[str]:
    """Every name the issuer goes by as an entity: 天津市, 天津; 中华人民共和国, 中国.

    >>> sorted(issuer_names("广西壮族自治区"))
    ['广西', '广西壮族自治区']
    """
    if issuer == NATION:
        return set(NATION_NAMES)
    out = {issuer}
    short = short_name(issuer)
    if short:
        out.add(short)
    else:
        for suffix in AREA_SUFFIXES:
            if issuer.endswith(suffix) and len(issuer) - len(suffix) >= 2:
                out.add(issuer[: -len(suffix)])
                break
    return out


def with_issuer_area(entities: list[Entity], doc: Document) -> list[Entity]:
    """The entities with the issuer's area as one entity labelled as the issuer (merging the text's areas
    that name it); unchanged when the document has no issuer."""
    if not doc.issuer:
        return entities
    known = issuer_names(doc.issuer)
    same = [e for e in entities if e.cls == "AdministrativeArea" and ({e.label} | e.aliases) & known]
    area = Entity("AdministrativeArea", doc.issuer, aliases=known - {doc.issuer})
    for ent in same:
        area.aliases |= ({ent.label} | ent.aliases) - {doc.issuer}
        area.mentions.extend(ent.mentions)
        area.division_code = area.division_code or ent.division_code
    area.mentions.sort(key=lambda m: (m.span.start, m.span.end))
    rest = [e for e in entities if not any(e is s for s in same)]
    return [*rest, area]
