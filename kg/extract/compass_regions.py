"""Regions named by a province's one-character short name and a compass point (陕北, 苏南, 皖北地区, 川东北经济区,
赣东北, 湘西北地区): standing regions inside a province that no division list holds."""

from __future__ import annotations

import re

from kg.extract.candidates import token_boundaries, tokens_in
from kg.extract.lexicons.divisions import PROVINCE_SHORT, load_divisions
from kg.extract.pipeline import component
from kg.ingest.document import Document
from kg.model import Mention, Span

COMPASS_REGION = re.compile(rf"[{PROVINCE_SHORT}][东南西北]{{1,2}}(?:生态经济区|生态示范区|经济区|地区)?")
# Short name + compass that is a company or a word, not a region (京东 the retailer; 东西部, 南北 pairings).
NOT_REGIONS = frozenset({"京东", "京东方"})


def _noun_follows(doc: Document, end: int) -> bool:
    """Whether a noun token starts right at ``end``."""
    tok = next(iter(tokens_in(doc, end, end + 8)), None)
    return tok is not None and tok.span.start == end and tok.pos[:1] == "n"


@component("compass_regions", order=12)
def find_compass_regions(doc: Document) -> list[Mention]:
    """Province short name + compass point (+ 地区, 经济区): on token boundaries, so 南京西路, 天津南 and 新西兰
    do not match, and not a division's own name (陕西)."""
    lex = load_divisions()
    starts, ends = token_boundaries(doc)
    text = doc.match_text
    out = []
    for sent in doc.sentences:
        for found in COMPASS_REGION.finditer(text, sent.span.start, sent.span.end):
            core = re.match(rf"[{PROVINCE_SHORT}][东南西北]+", found.group()).group()
            if found.start() not in starts or found.end() not in ends or core in NOT_REGIONS or lex.lookup(core):
                continue
            if text[found.end():found.end() + 1] in ("部", "方", "向", "侧"):
                continue  # 粤黔东西部协作, 鲁西南方向: a direction, not a region
            if found.group() == core and _noun_follows(doc, found.end()):
                continue  # 京西古道, 宁东能源化工基地: the start of a longer name, not the region itself
            span = Span(found.start(), found.end())
            out.append(Mention(doc.text[span.start:span.end], "AdministrativeArea", span, sent.index,
                               "areas.compass", 0.75))
    return out
