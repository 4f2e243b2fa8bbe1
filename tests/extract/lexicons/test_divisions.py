"""The division lexicon: short forms, lookups, ambiguity and the issuer rule."""

from __future__ import annotations

import pytest

from kg.extract.lexicons.divisions import Division, DivisionLexicon, divisions_from_tree, load_divisions, short_forms


@pytest.fixture(scope="module")
def lex() -> DivisionLexicon:
    """The real lexicon, built once."""
    return load_divisions()


@pytest.mark.parametrize(("name", "forms"), [
    ("广西壮族自治区", ["广西"]),
    ("内蒙古自治区", ["内蒙古"]),
    ("新疆维吾尔自治区", ["新疆"]),
    ("河北省", ["河北"]),
    ("宝坻区", ["宝坻"]),
    ("滨海新区", ["滨海"]),
    ("伊犁哈萨克自治州", ["伊犁", "伊犁州"]),  # an autonomous prefecture also with its kind
    ("湘西土家族苗族自治州", ["湘西", "湘西州"]),
    ("双江拉祜族佤族布朗族傣族自治县", ["双江", "双江县"]),
    ("蠡县", []),           # one character left: too short to be a name
    ("鄂伦春自治旗", []),    # the people's name, not the place's
])
def test_short_forms(name: str, forms: list[str]) -> None:
    assert short_forms(name) == forms


def test_short_form_resolves_to_code_and_parent(lex: DivisionLexicon) -> None:
    (div,) = lex.lookup("宝坻")
    assert (div.name, div.code, div.level) == ("宝坻区", "120115", "county")
    assert lex.parent(div).name == "天津市"


def test_autonomous_region_short_form(lex: DivisionLexicon) -> None:
    assert [d.code for d in lex.lookup("广西")] == ["450000"]


def test_ambiguous_short_form_is_detectable(lex: DivisionLexicon) -> None:
    names = sorted(d.name for d in lex.lookup("滨海"))
    assert names == ["滨海县", "滨海新区"]
    assert lex.resolve("滨海") is None


@pytest.mark.parametrize(("form", "issuer", "code"), [
    ("滨海", "天津市", "120116"),
    ("滨海", "江苏省", "320922"),
    ("和平区", "天津市", "120101"),
    ("河北", "天津市", "130000"),   # the province, not 天津's 河北区
    ("西安", None, "610100"),       # the city, not a district named 西安区
])
def test_issuer_and_level_settle_ambiguity(lex: DivisionLexicon, form: str, issuer: str | None, code: str) -> None:
    assert lex.resolve(form, issuer=issuer).code == code


@pytest.mark.parametrize("word", ["和平", "振兴", "光明", "城区", "津", "中国", "城市"])
def test_common_words_are_not_forms(lex: DivisionLexicon, word: str) -> None:
    assert lex.lookup(word) == []


@pytest.mark.parametrize("region", ["京津冀", "长三角", "粤港澳大湾区", "港澳台", "首都", "雄安新区"])
def test_regions_are_forms_without_code(lex: DivisionLexicon, region: str) -> None:
    (div,) = lex.lookup(region)
    assert div.level == "region" and div.code is None


def test_nickname_maps_to_division(lex: DivisionLexicon) -> None:
    assert [d.name for d in lex.lookup("津门")] == ["天津市"]


def test_codes_are_six_digits_with_parents(lex: DivisionLexicon) -> None:
    counties = [d for d in lex.divisions if d.level == "county" and d.code]
    assert len(counties) > 2500
    assert all(len(d.code) == 6 and lex.parent(d) is not None for d in counties)


def test_small_injected_tree() -> None:
    tree = [{"code": "12", "name": "天津市", "type": "直辖市",
             "children": [{"code": "120116", "name": "滨海新区", "type": "市辖区"}]},
            {"code": "32", "name": "江苏省", "type": "省",
             "children": [{"code": "3209", "name": "盐城市", "type": "地级市",
                           "children": [{"code": "320922", "name": "滨海县", "type": "县"}]}]}]
    small = DivisionLexicon(divisions_from_tree(tree), common_word=lambda word, level: word == "盐城")
    assert small.by_code("320900") == Division("320900", "盐城市", "地级市", "prefecture", "320000")
    assert small.lookup("盐城") == []
    assert small.resolve("滨海", issuer="江苏省").code == "320922"
    assert small.within(small.by_code("320922"), "江苏省")
