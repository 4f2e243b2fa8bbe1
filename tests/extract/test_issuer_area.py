"""The issuer area entity every document's graph holds, mentioned in the text or not (issue 18)."""

from __future__ import annotations

from kg.extract.issuer_area import issuer_names, with_issuer_area
from kg.ingest.document import parse_document
from kg.ingest.sidecar import apply_metadata
from kg.model import Entity, Mention, Span

SPAN = "三、2026年重点工作\n全面实施“数智强区”行动，推进城市更新。\n"


def _area(doc, text: str) -> Entity:
    start = doc.text.find(text)
    m = Mention(text, "AdministrativeArea", Span(start, start + len(text)), doc.sentence_at(start).index, "test")
    return Entity("AdministrativeArea", text, mentions=[m])


def test_the_issuer_area_merges_the_texts_mentions_of_it_under_the_issuers_label() -> None:
    doc = apply_metadata(parse_document("三、重点工作\n北京加快建设国际科技创新中心。\n", source="beijing.txt"))
    ents = with_issuer_area([_area(doc, "北京")], doc)
    assert [(e.label, e.aliases, len(e.mentions)) for e in ents] == [("北京市", {"北京"}, 1)]


def test_a_national_issuer_area_is_the_peoples_republic_alias_china_even_unmentioned() -> None:
    doc = apply_metadata(parse_document(SPAN, source="national-2024.txt"))
    (area,) = with_issuer_area([], doc)
    assert (area.cls, area.label, area.aliases, area.mentions) == (
        "AdministrativeArea", "中华人民共和国", {"中国"}, [])
    assert issuer_names("天津市") == {"天津市", "天津"}


def test_no_issuer_no_area() -> None:
    doc = apply_metadata(parse_document(SPAN, source="x.txt"))
    assert doc.issuer is None and with_issuer_area([], doc) == []
