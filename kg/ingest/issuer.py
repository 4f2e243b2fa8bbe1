"""Which area issued a report when its first lines do not say: the file name, then the text's own voice.

A report's title names its issuer (2026年北京市政府工作报告); a span cut out of a report, or a file saved
without its title, does not. Then the file name often does (beijing-2026-plan.txt, 北京市.txt,
national-2024.txt), in Chinese or in pinyin, for the 34 provincial units (GB/T 2260) and the nation; else
the opening of the text speaks of itself (全市/我市 …) and names one provincial unit of that level
more than once, or names one unit far more than any other, or speaks of 我国/中国/全国 and of no 全省/全市
and no unit at all (a national report).

>>> issuer_from_name("beijing-2026-plan.txt"), issuer_from_name("national-2008-review.txt")
('北京市', '中华人民共和国')
>>> issuer_from_text("全市上下团结奋斗，上海经济稳中向好。上海加快建设国际金融中心。")
'上海市'
"""

from __future__ import annotations

import re
from pathlib import PurePath

NATION = "中华人民共和国"
# The 34 provincial units (GB/T 2260): full name, short name, pinyin spellings used in file names.
PROVINCES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("北京市", "北京", ("beijing", "peking")), ("天津市", "天津", ("tianjin",)), ("上海市", "上海", ("shanghai",)),
    ("重庆市", "重庆", ("chongqing",)), ("河北省", "河北", ("hebei",)), ("山西省", "山西", ("shanxi",)),
    ("辽宁省", "辽宁", ("liaoning",)), ("吉林省", "吉林", ("jilin",)), ("黑龙江省", "黑龙江", ("heilongjiang",)),
    ("江苏省", "江苏", ("jiangsu",)), ("浙江省", "浙江", ("zhejiang",)), ("安徽省", "安徽", ("anhui",)),
    ("福建省", "福建", ("fujian",)), ("江西省", "江西", ("jiangxi",)), ("山东省", "山东", ("shandong",)),
    ("河南省", "河南", ("henan",)), ("湖北省", "湖北", ("hubei",)), ("湖南省", "湖南", ("hunan",)),
    ("广东省", "广东", ("guangdong",)), ("海南省", "海南", ("hainan",)), ("四川省", "四川", ("sichuan",)),
    ("贵州省", "贵州", ("guizhou",)), ("云南省", "云南", ("yunnan",)), ("陕西省", "陕西", ("shaanxi",)),
    ("甘肃省", "甘肃", ("gansu",)), ("青海省", "青海", ("qinghai",)), ("台湾省", "台湾", ("taiwan",)),
    ("内蒙古自治区", "内蒙古", ("neimenggu", "neimongol", "innermongolia")),
    ("广西壮族自治区", "广西", ("guangxi",)), ("西藏自治区", "西藏", ("xizang", "tibet")),
    ("宁夏回族自治区", "宁夏", ("ningxia",)), ("新疆维吾尔自治区", "新疆", ("xinjiang",)),
    ("香港特别行政区", "香港", ("xianggang", "hongkong")), ("澳门特别行政区", "澳门", ("aomen", "macau", "macao")),
)
# Established short forms and literary names (别称) of provincial units that reports use for themselves.
NICKNAMES: dict[str, tuple[str, ...]] = {
    "黑龙江省": ("龙江",), "福建省": ("八闽",), "山东省": ("齐鲁",), "河北省": ("燕赵",), "湖北省": ("荆楚",),
    "陕西省": ("三秦",), "山西省": ("三晋",), "广西壮族自治区": ("八桂",), "甘肃省": ("陇原",), "天津市": ("津门",),
    "上海市": ("申城",),
}
NATION_WORDS = ("national", "china", "zhongguo", "guowuyuan", "state", "prc", "全国", "国务院", "中国")
_PINYIN = {p: full for full, _, spellings in PROVINCES for p in spellings}
# The text's voice: which level speaks (全市 → a 市, 全省 → a 省, 全区 → an autonomous region).
SELF_LEVEL = {"全市": "市", "我市": "市", "本市": "市", "全省": "省", "我省": "省", "本省": "省",
              "全区": "自治区", "我区": "自治区"}
NATIONAL_VOICE = ("我国", "中国", "全国", "国务院")
OPENING_LINES = 40
OPENING_CHARS = 4000  # within what build planning reads (kg.store.corpus HEAD_CHARS), so both find the same issuer


def short_name(full: str) -> str | None:
    """The short name of a provincial unit (黑龙江省 → 黑龙江), or None for another area."""
    return next((short for name, short, _ in PROVINCES if name == full), None)


def issuer_from_name(source: str | None) -> str | None:
    """The issuer a file name names: a provincial unit in Chinese or pinyin, or the nation."""
    if not source:
        return None
    stem = PurePath(source).stem.split(".")[0]
    lowered = stem.lower()
    for token in re.findall(r"[a-z]+", lowered):
        if token in _PINYIN:
            return _PINYIN[token]
    found = [(stem.find(short), full) for full, short, _ in PROVINCES if short in stem]
    if found:
        return min(found)[1]
    tokens = set(re.findall(r"[a-z]+", lowered))
    if tokens & set(NATION_WORDS) or any(w in stem for w in NATION_WORDS if not w.isascii()):
        return NATION
    return None


def opening(text: str) -> str:
    """The first lines of a text, as far as issuer detection reads."""
    return "\n".join(text[:OPENING_CHARS].split("\n", OPENING_LINES)[:OPENING_LINES])


def _named_counts(head: str) -> list[tuple[int, str]]:
    """How often the text names each provincial unit, by short name or established short form (龙江, 齐鲁)."""
    out = []
    for full, short, _ in PROVINCES:
        count = head.count(short) + sum(head.count(n) for n in NICKNAMES.get(full, ()))
        if full == "黑龙江省":
            count -= head.count(short)  # 龙江 is counted inside every 黑龙江 already
        out.append((count, full))
    return sorted(out, reverse=True)


def issuer_from_text(text: str) -> str | None:
    """The issuer the opening of a text speaks as: a provincial unit of its voice's level (全省 → a 省) named at
    least twice; with no such voice, one unit named at least three times and twice as often as any other; else
    the nation when it speaks of 我国, 中国 and 全国 (three times) and names no unit as its own.

    >>> issuer_from_text("落实省委部署，全省上下奋力谱写龙江振兴新篇章。龙江发展势头向好。")
    '黑龙江省'
    """
    head = opening(text)
    counts = _named_counts(head)
    levels = {level for word, level in SELF_LEVEL.items() if word in head}
    if levels:
        fitting = [(c, full) for c, full in counts if any(full.endswith(level) for level in levels)]
        if fitting and fitting[0][0] >= 2 and (len(fitting) == 1 or fitting[1][0] < fitting[0][0]):
            return fitting[0][1]
        return None
    (top, full), (second, _) = counts[0], counts[1]
    if top >= 3 and top >= 2 * second:
        return full
    if top < 3 and sum(head.count(w) for w in NATIONAL_VOICE) >= 3:
        return NATION
    return None


def infer_issuer(source: str | None, text: str) -> str | None:
    """The issuer of a report whose first lines name none: from its file name, else from its text."""
    return issuer_from_name(source) or issuer_from_text(text)
