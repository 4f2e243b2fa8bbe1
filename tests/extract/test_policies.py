"""The policies extractor on short genre texts: systems, laws, macro stances, clause verbs, work titles."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline) -> Pipeline:
    """Only the policies component.

    Made after the full pipeline, so jieba learns the user words in the order every build uses.
    """
    return Pipeline(["policies"])


def policies(pipe: Pipeline, text: str) -> list[str]:
    """The policy mentions of a text, in order."""
    doc = parse_document(text, source="t.txt")
    return [m.text for m in pipe(doc).mentions if m.cls == "Policy"]


def test_named_systems_and_laws(pipe: Pipeline) -> None:
    found = policies(pipe, "建立城镇居民最低生活保障制度，完善基础性制度，贯彻实施中小企业促进法。")
    assert "城镇居民最低生活保障制度" in found and "中小企业促进法" in found
    assert "基础性制度" not in found


def test_macro_stance_is_part_of_the_name_and_bare_kinds_are_not_policies(pipe: Pipeline) -> None:
    found = policies(pipe, "实施更加积极的财政政策和适度宽松的货币政策，加强人才政策和土地政策协同。")
    assert "更加积极的财政政策" in found and "适度宽松的货币政策" in found
    assert "人才政策" not in found and "土地政策" not in found


def test_clause_verbs_do_not_open_a_policy(pipe: Pipeline) -> None:
    found = policies(pipe, "坚持规划引领，扩大增值税转型改革试点，坚定不移深化改革。")
    assert "增值税转型改革试点" in found
    assert not any(name.startswith(("坚持", "扩大", "坚定")) for name in found)


def test_titles_of_works_are_not_policies(pipe: Pipeline) -> None:
    found = policies(pipe, "电影《山海之间》票房创新高，《江北市养老服务条例》正式施行。")
    assert found == ["《江北市养老服务条例》"]


def test_quote_with_a_policy_head_is_named_whole(pipe: Pipeline) -> None:
    found = policies(pipe, "开展“书香江北”全民阅读活动，落实“两新”政策，推行“一窗通办”机制。")
    assert "“书香江北”全民阅读活动" in found and "“一窗通办”机制" in found and "“两新”" in found
    assert "“书香江北”" not in found


def test_quoted_events_places_results_and_awards_are_not_policies(pipe: Pipeline) -> None:
    text = "办好“江北之夏”消费节和“青山购物节”，建设“智谷空间”，管理“放得活”，全省迈入“高铁时代”，获“绿水青山”范例奖。"
    found = policies(pipe, text)
    assert not any(name.startswith(("“青山购物节", "“智谷空间", "“放得活", "“高铁时代", "“绿水青山")) for name in found)


def test_city_goals_renewal_programmes_and_national_strategies(pipe: Pipeline) -> None:
    text = ("建设无废城市和儿童友好城市，推进城中村改造和城镇老旧小区改造，加快建设教育强国，"
            "入选“美丽河湖魅力城市”，发挥中心城市作用。")
    found = policies(pipe, text)
    for name in ("无废城市", "儿童友好城市", "城中村改造", "城镇老旧小区改造", "教育强国"):
        assert name in found, name
    assert "美丽河湖魅力城市" not in found and "中心城市" not in found


def test_new_round_is_not_part_of_a_name_and_coordination_needs_an_area(pipe: Pipeline) -> None:
    found = policies(pipe, "实施新一轮农业转移人口市民化行动，推动京津冀协同发展和三医协同发展。")
    assert "农业转移人口市民化行动" in found and "京津冀协同发展" in found
    assert "新一轮农业转移人口市民化行动" not in found and "三医协同发展" not in found


def test_fields_listed_before_a_policy_head_are_not_policies(pipeline: Pipeline) -> None:
    pipe = Pipeline(["policies", "coordination"])  # after the full pipeline: see pipe()
    doc = parse_document("加大对健康、养老、托育等服务消费政策支持，落实育儿补贴、生育休假等政策。", source="t.txt")
    found = [m.text for m in pipe(doc).mentions if m.cls == "Policy"]
    assert "育儿补贴" in found and "生育休假" in found
    assert "养老" not in found and "托育" not in found


def test_a_verbal_noun_before_the_cue_belongs_to_the_name(pipe: Pipeline) -> None:
    found = policies(pipe, "深入实施乡村建设行动，稳妥推进城市更新试点。")
    assert "乡村建设行动" in found


def test_roles_a_city_sets_out_to_play_are_policies_not_organisations(pipeline: Pipeline) -> None:
    doc = parse_document("加快建设国际金融中心和国际航运中心，江北市人民医院新建急救中心。", source="t.txt")
    found = {m.text: m.cls for m in pipeline(doc).mentions}
    assert found.get("国际金融中心") == "Policy" and found.get("国际航运中心") == "Policy"


def test_a_document_title_keeps_its_own_opening_verbs(pipe: Pipeline) -> None:
    text = "落实进一步促进民间投资发展政策措施，制定支持“好房子”建设若干措施，实施和完善积极的就业政策。"
    found = policies(pipe, text)
    assert "进一步促进民间投资发展政策措施" in found and "支持“好房子”建设若干措施" in found
    assert not any(name.startswith("和完善") for name in found)


def test_quotes_naming_events_launches_and_firsts_are_not_policies(pipe: Pipeline) -> None:
    text = ("办好“江北之春”国际消费季，“江港通”上线运行，建成全国首家“灯塔工厂”，"
            "实现洪涝灾害“零伤亡”，全省驶入“高铁时代”。")
    assert policies(pipe, text) == []


def test_domains_before_policy_are_kinds_but_name_reforms(pipe: Pipeline) -> None:
    found = policies(pipe, "加强财政金融政策协同，精准把握国家政策，深化财税体制改革和价格改革。")
    assert "财税体制改革" in found and "价格改革" in found
    assert "财政金融政策" not in found and not any(name.endswith("国家政策") for name in found)


def test_a_document_title_drops_a_complement_after_its_verb(pipe: Pipeline) -> None:
    found = policies(pipe, "落实好国家支持经济大省挑大梁政策，实施好新一轮找矿突破战略行动。")
    assert "国家支持经济大省挑大梁政策" in found and "找矿突破战略行动" in found


def test_a_title_keeps_its_first_part_joined_by_and_or_a_parallel_list(pipe: Pipeline) -> None:
    text = "落实耕地保护和粮食安全责任制，完善碳排放总量和强度双控制度，完善数字消费、绿色消费、健康消费促进政策。"
    found = policies(pipe, text)
    assert "耕地保护和粮食安全责任制" in found and "碳排放总量和强度双控制度" in found
    assert "数字消费、绿色消费、健康消费促进政策" in found


def test_listed_names_of_their_own_stay_apart(pipe: Pipeline) -> None:
    text = "用好中央预算内投资、超长期特别国债，建设科技强国、人才强国，深化价格改革和医保支付方式改革。"
    found = policies(pipe, text)
    assert "超长期特别国债" in found and "人才强国" in found and "医保支付方式改革" in found
    assert not any("、" in name or "改革和" in name for name in found)


def test_campaigns_are_named_after_a_place_not_a_kind_of_place(pipe: Pipeline) -> None:
    found = policies(pipe, "建设平安江苏和法治中国，推进智慧海关建设，打造美丽河湖和书香古城。")
    assert "平安江苏" in found
    assert not any(name in ("智慧海关", "美丽河湖", "书香古城") for name in found)


def test_laws_plans_and_drives_of_generic_words_only_are_not_policies(pipe: Pipeline) -> None:
    text = "修订12件行政法规，严格执行法律法规，坚持改革攻坚，开展攻坚行动，编制三年行动计划，实施安全生产治本攻坚。"
    found = policies(pipe, text)
    assert "安全生产治本攻坚" in found
    assert not any(name.endswith(("行政法规", "法律法规", "改革攻坚", "攻坚行动", "三年行动计划")) for name in found)


def test_a_drive_keeps_the_verb_that_says_what_it_does(pipe: Pipeline) -> None:
    text = "开展打击电信诈骗专项行动，实施水污染防治攻坚行动，坚持改革攻坚，持续改善行动计划。"
    found = policies(pipe, text)
    assert "打击电信诈骗专项行动" in found and "水污染防治攻坚行动" in found
    assert not any(name.startswith(("坚持", "改善")) for name in found)


def test_a_system_keeps_the_adverb_of_how_long_it_runs(pipe: Pipeline) -> None:
    found = policies(pipe, "推行长期照护服务制度，完善终身职业技能培训制度。")
    assert "长期照护服务制度" in found and "终身职业技能培训制度" in found


def test_a_cue_that_qualifies_a_following_noun_names_no_policy(pipe: Pipeline) -> None:
    text = ("壮大国家战略科技力量，巩固粮食供给战略基地作用，入选全国改革年度案例，"
            "深化财税体制改革，明确乡村振兴战略目标。")
    found = policies(pipe, text)
    assert "财税体制改革" in found and "乡村振兴战略" in found
    assert not any(name.endswith(("国家战略", "供给战略", "全国改革")) for name in found)


def test_an_outline_is_part_of_the_plan_title(pipe: Pipeline) -> None:
    found = policies(pipe, "印发实施交通强国建设规划纲要。")
    assert any(name.endswith("规划纲要") and len(name) > 4 for name in found)
    assert "规划纲要" not in found


def test_a_term_plan_is_named_with_what_it_builds(pipe: Pipeline) -> None:
    found = policies(pipe, "完成美丽江苏建设三年行动计划，推进太湖生态岛建设第二轮三年行动计划。")
    assert "美丽江苏建设三年行动计划" in found and "太湖生态岛建设第二轮三年行动计划" in found
    assert "第二轮三年行动计划" not in found


def test_a_system_of_plans_and_a_reform_tried_first_are_named_whole(pipe: Pipeline) -> None:
    found = policies(pipe, "建立五级三类国土空间规划体系，深化农村金融改革先行先试，健全常态化帮扶政策体系。")
    assert "五级三类国土空间规划体系" in found and "农村金融改革先行先试" in found
    assert "常态化帮扶政策体系" not in found


def test_a_campaign_for_the_government_itself(pipe: Pipeline) -> None:
    found = policies(pipe, "加快建设法治政府，推进数字政府建设，改进政府工作。")
    assert "法治政府" in found and "数字政府" in found and not any(name.startswith("政府") for name in found)


def test_a_five_year_plan_named_by_its_number_alone(pipe: Pipeline) -> None:
    found = policies(pipe, "今年是“十六五”开局之年，实现“二十连丰”，加快“十六五”规划重大工程建设。")
    assert "“十六五”" in found and "“十六五”规划" in found
    assert not any("连丰" in name or "工程" in name for name in found)


def test_an_adverb_and_a_genre_verb_in_one_word_do_not_open_a_policy(pipe: Pipeline) -> None:
    found = policies(pipe, "充分发挥规划统筹引领作用，全面落实国土空间总体规划。")
    assert not any(name.startswith(("充分", "全面")) for name in found)


def test_a_generic_head_joined_to_another_noun_names_no_policy(pipe: Pipeline) -> None:
    found = policies(pipe, "加强用地指标和财政金融政策保障，落实耕地保护和粮食安全责任制。")
    assert "耕地保护和粮食安全责任制" in found
    assert not any(name.endswith("财政金融政策") for name in found)


def test_fiscal_measures_named_by_what_they_pay(pipe: Pipeline) -> None:
    found = policies(pipe, "落实小微企业贷款财政贴息，完善出口退税，综合运用贷款贴息和担保补偿。")
    assert "小微企业贷款财政贴息" in found and "出口退税" in found
    assert not any(name.endswith("运用贷款贴息") or name == "贷款贴息" for name in found)


def test_a_verb_taking_a_policy_as_object_is_not_part_of_its_name(pipe: Pipeline) -> None:
    found = policies(pipe, "在部分县试行耕地轮作休耕补助制度，善于运用改革创新办法。")
    assert "耕地轮作休耕补助制度" in found
    assert not any("试行" in name or "运用" in name for name in found)


def test_policy_after_a_quoted_slogan_only_says_what_it_is(pipe: Pipeline) -> None:
    found = policies(pipe, "出台促进青年就业“12条”政策，纵深推进改革开放。")
    assert "促进青年就业“12条”" in found
    assert not any(name.endswith("政策") or name.endswith("推进改革") for name in found)


def test_a_compound_noun_with_building_is_named_whole(pipe: Pipeline) -> None:
    found = policies(pipe, "稳妥推进集体经营性建设用地入市试点。")
    assert "集体经营性建设用地入市试点" in found


def test_a_bare_head_is_no_part_of_a_joined_title_and_a_quote_ends_before_de(pipe: Pipeline) -> None:
    text = "建立监测体系、考核体系和安全生产责任制，完善落实“三个坚持”的体制机制，推进中央与地方财政事权划分改革。"
    found = policies(pipe, text)
    assert "安全生产责任制" in found and "中央与地方财政事权划分改革" in found
    assert not any(name.startswith("体系和") or "的体制机制" in name for name in found)


def test_a_level_of_recognition_is_not_part_of_a_programme(pipe: Pipeline) -> None:
    found = policies(pipe, "推进省级乡村治理创新试点，争创国家级和省级森林康养试点。")
    assert "乡村治理创新试点" in found
    assert not any(name.startswith(("省级乡村", "和省级")) for name in found)


def test_innovation_in_a_system_is_not_its_name(pipe: Pipeline) -> None:
    found = policies(pipe, "推进自贸试验区制度创新，推动高新区改革创新，深化国有林场改革。")
    assert "国有林场改革" in found
    assert not any(name.endswith(("试验区制度", "高新区改革")) for name in found)


def test_words_of_the_clause_do_not_open_a_policy(pipe: Pipeline) -> None:
    found = policies(pipe, "今年财税体制改革的重点是完善预算。要把住房制度改革作为城镇改革的重点。"
                           "各部门要有计划有步骤地进行行政审批制度改革，在保持稳定中推进改革。"
                           "交通、水利等领域投资改革加快。为搞好粮食流通体制改革而努力，贯彻中央出台的一揽子消费政策。")
    assert "财税体制改革" in found and "城镇改革" in found and "行政审批制度改革" in found
    assert "投资改革" in found and "粮食流通体制改革" in found and "一揽子消费政策" in found
    assert not any(p.startswith(("今年", "的", "领域", "搞好")) or "作为" in p or "地进行" in p for p in found)
    assert "推进改革" not in found and not any(p.endswith("中推进改革") for p in found)


def test_a_land_system_is_no_adverb_in_di(pipe: Pipeline) -> None:
    assert "农村宅基地制度改革" in policies(pipe, "稳慎推进农村宅基地制度改革。")


def test_problems_opposed_and_figures_in_quotes_are_not_policies(pipe: Pipeline) -> None:
    found = policies(pipe, "坚决防止“面子工程”，反对“港独”，整治“躺平式”竞争，着力解决“上热下冷”问题，"
                           "跨越“修昔底德陷阱”，提升发展“含金量”，扶贫考核实现“七连A”。深入实施“百县千镇万村”工程。")
    assert "“百县千镇万村”工程" in found
    for figure in ("面子工程", "港独", "躺平式", "上热下冷", "修昔底德陷阱", "含金量", "七连A"):
        assert not any(figure in p for p in found), figure


def test_a_quote_after_an_industry_word_stays_a_policy(pipe: Pipeline) -> None:
    assert any("“机器换人”" in p for p in policies(pipe, "大力实施制造业“机器换人”和技术改造。"))


def test_a_domain_before_priority_and_a_reform_verb(pipe: Pipeline) -> None:
    found = policies(pipe, "实施教育优先发展战略，着力改革户籍登记制度，发展需要改革添动力，希望对方采取实际行动。")
    assert "教育优先发展战略" in found and "户籍登记制度" in found
    assert not any(p.endswith(("需要改革", "实际行动")) or p.startswith("改革户籍") for p in found)


def test_a_place_in_di_is_no_adverb(pipe: Pipeline) -> None:
    found = policies(pipe, "落实随迁子女在流入地接受义务教育政策。")
    assert "义务教育政策" not in found
