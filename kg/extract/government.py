"""The issuing government as an Organization: 市人民政府, 市政府, 天津市人民政府 … → 天津市人民政府.

The report speaks as 我们, its issuing government; relation rules give that actor's acts (实施, 落实,
用好 a policy) to this entity, so it must exist with evidence wherever the text names the government.
A national report's government is 国务院.
"""

from __future__ import annotations

import re

from kg.extract.pipeline import component
from kg.extract.relations.base import government_label
from kg.ingest.document import Document
from kg.model import Mention, Span

LEVEL_SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "省", "市", "区", "县", "州", "盟", "旗")
# 政府工作报告, 政府系统 … name the government's work, not the body: only a whole name counts.
NOT_A_NAME = re.compile(r"(?:工作报告|工作人员|系统|规章|职能|债务|投资|性|类|采购|购买|和社会资本)")


def government_surfaces(issuer: str) -> list[str]:
    """The ways a report names its own government, longest first.

    >>> government_surfaces("天津市")[:4]
    ['天津市人民政府', '本市人民政府', '天津市政府', '市人民政府']
    """
    if issuer == "中华人民共和国":
        return ["中华人民共和国国务院", "国务院"]
    level = next((s for s in LEVEL_SUFFIXES if issuer.endswith(s)), "")
    forms = [f"{issuer}人民政府", f"{issuer}政府"]
    if level:
        forms += [f"本{level}人民政府", f"{level}人民政府", f"本{level}政府", f"{level}政府"]
    return sorted(dict.fromkeys(forms), key=lambda f: (-len(f), forms.index(f)))


@component("government", order=90)
def find_government(doc: Document) -> list[Mention]:
    """Mentions of the issuing government, canonical name f"{issuer}人民政府" (国务院 for the nation)."""
    label = government_label(doc.issuer)
    if label is None or doc.issuer is None:
        return []
    pattern = re.compile("|".join(map(re.escape, government_surfaces(doc.issuer))))
    text = doc.match_text
    out: list[Mention] = []
    for m in pattern.finditer(text):
        if NOT_A_NAME.match(text, m.end()):
            continue
        sent = doc.sentence_at(m.start())
        if sent is None or m.end() > sent.span.end:
            continue
        out.append(Mention(doc.text[m.start(): m.end()], "Organization", Span(m.start(), m.end()), sent.index,
                           "government", 0.95, canonical=label))
    return out
