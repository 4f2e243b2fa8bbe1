"""kg:hosts of meetings named after a body and of events shared with a place-named one; kg:invests of a project
named after a firm only when the firm's name is a brand of its own."""

from __future__ import annotations

from kg.extract.relations.hosts import find_hosts
from kg.extract.relations.invests import find_invests
from kg.ingest.tokenize import tokenize
from tests.extract.test_relations import build, by_triple, triples


def test_a_meeting_named_after_a_party_or_government_body_is_that_bodys() -> None:
    doc, ents = build("落实省委全会部署，按照省委经济工作会议要求推进工作。\n",
                      [("Organization", "省委"), ("Event", "省委全会"), ("Event", "省委经济工作会议")],
                      government=False)
    rels = find_hosts(doc, ents)
    assert triples(rels) == {("省委", "hosts", "省委全会"), ("省委", "hosts", "省委经济工作会议")}
    assert by_triple(rels, "省委", "hosts", "省委全会").extractor == "relations.hosts.body"


def test_a_bare_event_sharing_a_city_named_ones_host_is_not_also_the_issuers() -> None:
    doc, ents = build("精心筹办青山市城运会。成功举办青山大运会、世运会等重大活动。\n",
                      [("AdministrativeArea", "青山市"), ("AdministrativeArea", "青山"), ("Event", "青山大运会"),
                       ("Event", "世运会")], government=False)
    found = triples(find_hosts(doc, ents))
    assert {("青山市", "hosts", "青山大运会"), ("青山市", "hosts", "世运会")} <= found
    assert ("江北市", "hosts", "世运会") not in found


def test_games_athletes_took_part_in_share_no_host_with_a_clause_taken_for_a_name() -> None:
    doc, ents = build("江北健儿在奥运会、亚运会等重大赛事中成绩优异。\n",
                      [("Event", "江北健儿在奥运会"), ("Event", "亚运会")], government=False)
    assert find_hosts(doc, ents) == []


def test_an_event_named_inside_a_longer_quotation_is_not_held() -> None:
    body = "完善集“线上展示网、线下博览会与创新中心”多种功能于一体的转化体系，办好江北国际博览会。\n"
    doc, ents = build(body, [("Event", "线下博览会"), ("Event", "江北国际博览会")], government=False)
    found = triples(find_hosts(doc, ents))
    assert ("江北市", "hosts", "江北国际博览会") in found
    assert ("江北市", "hosts", "线下博览会") not in found


def test_a_project_named_after_a_firm_is_its_but_not_after_a_cut_word_or_a_joint_name() -> None:
    body = ("星海存储三期投产。建设跨境电子商务综合试验区，开工建设苏浙电力联网工程，建立省级科技成果转化项目库，"
            "打造华夏科技成果转化基地。\n")
    doc, ents = build(body, [("Enterprise", "星海存储"), ("Project", "星海存储三期"),
                             ("Enterprise", "跨境电子"), ("Zone", "跨境电子商务综合试验区"),
                             ("Enterprise", "苏浙电力"), ("Project", "苏浙电力联网工程"),
                             ("Enterprise", "省级科技"), ("Project", "省级科技成果转化项目"),
                             ("Enterprise", "华夏科技"), ("Zone", "华夏科技成果转化基地")], government=False)
    doc.tokens = tokenize(doc.match_text)
    assert triples(find_invests(doc, ents)) == {("星海存储", "invests", "星海存储三期")}


def test_events_of_a_sentence_about_what_athletes_won_are_not_held() -> None:
    body = "我省体育健儿再创佳绩，男子足球夺取足协杯亚军，女子排球城市联赛获得冠军。举办江北国际马拉松。\n"
    doc, ents = build(body, [("Event", "女子排球城市联赛"), ("Event", "江北国际马拉松")], government=False)
    assert triples(find_hosts(doc, ents)) == {("江北市", "hosts", "江北国际马拉松")}


def test_a_summit_of_a_body_named_after_a_city_is_not_that_citys_event() -> None:
    doc, ents = build("青山市出席青山合作组织峰会，办好青山国际车展。青山申办2030年园艺博览会举办权获得成功。\n",
                      [("AdministrativeArea", "青山市"), ("AdministrativeArea", "青山"), ("Event", "青山合作组织峰会"),
                       ("Event", "青山国际车展"), ("Event", "青山申办2030年园艺博览会")], government=False)
    rels = find_hosts(doc, ents)
    found = triples(rels)
    assert ("青山市", "hosts", "青山国际车展") in found
    assert not any(o == "青山合作组织峰会" and s == "青山市" for s, _, o in found)
    # a clause, no event named after the place; 举办权 (the right to hold) is no holding
    assert not any(r.object[1] == "青山申办2030年园艺博览会" and r.extractor in ("relations.hosts.named",
                   "relations.hosts.juban") for r in rels)


def test_a_party_congress_is_the_partys_not_the_countrys_event() -> None:
    """Named after the country (hosts.named) or opening a clause about it (hosts.topic)."""
    body = "在中国共产党第九次全国代表大会精神鼓舞下，办好中国国际农业博览会。党的九大制定了我国发展的宏伟蓝图。\n"
    doc, ents = build(body, [("Event", "中国共产党第九次全国代表大会"), ("Event", "中国国际农业博览会"),
                             ("Event", "党的九大")], title="1990年国务院政府工作报告\n", government=False)
    found = triples(find_hosts(doc, ents))
    assert ("中华人民共和国", "hosts", "中国国际农业博览会") in found
    assert not any(o in ("中国共产党第九次全国代表大会", "党的九大") for _, _, o in found)
