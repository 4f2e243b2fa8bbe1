"""Administrative areas: jieba place-name tags (ns) and division suffixes (省 市 区 县 镇 乡 村)."""

from __future__ import annotations

import re

from kg.document import Document
from kg.model import Mention
from kg.pipeline import component

AREA_NAME = re.compile(r"^[\u4e00-\u9fff]{1,8}(?:省|自治区|市|新区|区|县|自治州|州|盟|旗|镇|乡|街道|村)$")
REGIONS = ("京津冀", "长三角", "粤港澳大湾区", "成渝", "港澳台", "港澳", "东北", "西部", "中部", "东部")


@component("areas", order=10, user_words=lambda: [(r, "ns") for r in REGIONS])
def find_areas(doc: Document) -> list[Mention]:
    """Place names jieba tags ns that look like divisions or known regions."""
    out = []
    for tok in doc.tokens:
        if tok.pos != "ns" or len(tok.word) < 2:
            continue
        if AREA_NAME.match(tok.word) or tok.word in REGIONS:
            sent = doc.sentence_at(tok.span.start)
            if sent is not None and tok.span.end <= sent.span.end:
                out.append(Mention(tok.word, "AdministrativeArea", tok.span, sent.index, "areas", 0.7))
    return out
