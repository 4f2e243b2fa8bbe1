"""kg:cooperatesWith: 对B开放合作, and what a dash or 携手 names that is no partner."""

from __future__ import annotations

from kg.extract.relations.cooperates import find_cooperates_with
from tests.extract.test_relations import build, by_triple, triples


def test_opening_up_towards_a_region_is_cooperating_with_it() -> None:
    doc, ents = build("扩大对俄和东北亚开放合作，对外贸易稳中有进。\n", [("AdministrativeArea", "东北亚")],
                      government=False)
    rels = find_cooperates_with(doc, ents)
    assert triples(rels) == {("江北市", "cooperatesWith", "东北亚")}
    assert by_triple(rels, "江北市", "cooperatesWith", "东北亚").extractor == "relations.cooperatesWith.dui"


def test_a_body_that_is_the_dashed_thing_itself_and_a_zone_built_together_are_no_partners() -> None:
    body = "高水平打造江北—中亚贸易畅通合作平台、境外合作园区。携手共建长江美丽先行区。\n"
    doc, ents = build(body, [("Organization", "中亚贸易畅通合作平台"), ("Zone", "长江美丽先行区")],
                      government=False)
    assert find_cooperates_with(doc, ents) == []


def test_a_zone_the_extractors_missed_is_no_cooperation_of_the_city_it_opens_with() -> None:
    doc, ents = build("健全青山新区与白河对台融合协同机制。青山市与白河加强合作。\n",
                      [("AdministrativeArea", "青山"), ("AdministrativeArea", "青山市"),
                       ("AdministrativeArea", "白河")], government=False)
    found = triples(find_cooperates_with(doc, ents))
    assert any({s, o} == {"青山市", "白河"} for s, _, o in found)
    rels = [r for r in find_cooperates_with(doc, ents) if doc.sentences[r.sentence].text.startswith("健全")]
    assert rels == []
