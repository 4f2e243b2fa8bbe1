"""Numbers and units of the report genre: measure words, magnitudes, qualifiers and Chinese numerals.

General to 政府工作报告 (not taken from any one report): the units a quantitative statement is written
with (2329万标准箱, 1.2万家, 593.6亿元, 5.1％), the words that bound a value (左右, 以上, 超过, 突破 …)
and a parser for the Chinese numerals the genre spells out (二十一连丰, 连续三年, 千亿元).
"""

from __future__ import annotations

from decimal import Decimal

# Measure words and units written after a number. Longer forms first where one is a prefix of another
# (the regex is built longest-first anyway). 年/月/日/号/期/届/周年 are left out on purpose: after a
# number they write dates, ordinals and names (2024年, 5号线, 一期, 75周年), not quantities.
BASE_UNITS: tuple[str, ...] = (
    "%", "％", "‰", "个百分点", "百分点", "倍",
    "元", "美元", "欧元", "港元",
    "家", "个", "项", "条", "只", "所", "种", "套", "户", "部", "件", "处", "名", "位", "人", "人次",
    "场", "场次", "艘", "艘次", "架", "架次", "亩次", "车次", "班次", "户次", "批次", "列", "辆", "台", "台套", "座", "批", "支", "块", "张", "份",
    "篇", "宗", "笔", "例", "起", "间", "栋", "棵", "株", "头", "对", "组", "款", "床", "个月",
    "亩", "公顷", "平方米", "平方公里", "公里", "千米", "米", "吨", "千克", "公斤", "斤", "千瓦", "千瓦时",
    "标准箱", "立方米", "微克/立方米", "微克／立方米", "天", "次", "岁",
)

# A word that starts with a unit character but is another word: 2部门 (departments), 3天然气 …
UNIT_NOT_BEFORE: dict[str, str] = {
    "部": "门署", "天": "然津", "名": "单片", "场": "景所", "条": "例件", "家": "庭", "只": "有是要能",
    "所": "有以", "位": "于", "台": "湾", "列": "入", "间": "接", "对": "接外", "米": "粮",
}

# Units after a slash in a rate (58万元/人, 0.6人/百亿元).
PER_UNITS: tuple[str, ...] = ("元", "人", "户", "平方米", "平方公里", "立方米", "吨", "年", "天", "小时", "亩", "公里")

# Magnitudes written between the number and the unit (1.2万家, 2.6亿人次, 3万亿元).
MAGNITUDES: tuple[str, ...] = ("万亿", "千亿", "百亿", "亿", "千万", "百万", "十万", "万")

# Words before a value that bound it (超过2600家) and words after it (5.1％左右, 20％以上).
PRE_QUALIFIERS: tuple[str, ...] = (
    "超过", "突破", "达到", "不低于", "不少于", "不高于", "不超过", "低于", "高于", "接近", "近", "约", "逾", "超",
)
POST_QUALIFIERS: tuple[str, ...] = ("左右", "以上", "以下", "以内", "之内", "上下")
APPROXIMATE = ("余", "多")  # 300余家, 1000多万人: written between the number and the unit

# Verbs just before a value that give its direction (同比下降8％, 增长5.2％).
# (bare 增/减 are left out: 新增 counts what is new, it gives no direction)
INCREASE_VERBS: tuple[str, ...] = ("增长", "增加", "提升", "提高", "上升", "上涨", "增至", "扩大", "多增")
DECREASE_VERBS: tuple[str, ...] = ("下降", "减少", "降低", "压减", "回落", "下滑", "缩减", "降至", "缩短")

CN_DIGITS: dict[str, int] = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
                             "七": 7, "八": 8, "九": 9}
CN_SMALL_UNITS: dict[str, int] = {"十": 10, "百": 100, "千": 1000}
CN_BIG_UNITS: dict[str, int] = {"万": 10_000, "亿": 100_000_000}
CN_NUMERAL_CHARS = "".join(CN_DIGITS) + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)


def normalise_unit(unit: str) -> str:
    """A unit as written, with the full-width percent sign made ASCII.

    >>> normalise_unit("％"), normalise_unit("万标准箱")
    ('%', '万标准箱')
    """
    return unit.replace("％", "%").replace("／", "/")


def cn_to_int(text: str) -> int | None:
    """The value of a Chinese numeral (二十一, 两, 千, 一百零五, 三万), or None if it is not one.

    A bare magnitude counts as one of it (千 → 1000), as in 突破千亿元.

    >>> cn_to_int("二十一"), cn_to_int("十"), cn_to_int("千"), cn_to_int("一百零五"), cn_to_int("三万二千")
    (21, 10, 1000, 105, 32000)
    >>> cn_to_int("十四五") is None
    True
    """
    if not text or any(ch not in CN_NUMERAL_CHARS for ch in text):
        return None
    total = section = 0
    digit: int | None = None
    last_small = 10_000  # small units must descend within a section (十四五 is a name, not a number)
    for ch in text:
        if ch in "零〇" and digit is None and section:
            continue  # a placeholder zero: 一百零五
        if ch in CN_DIGITS:
            if digit is not None:
                return None  # two digits in a row (十四五 → 四五) is not a numeral
            digit = CN_DIGITS[ch]
        elif ch in CN_SMALL_UNITS:
            unit = CN_SMALL_UNITS[ch]
            if unit >= last_small:
                return None
            section += (1 if digit is None else digit) * unit
            digit, last_small = None, unit
        else:
            unit = CN_BIG_UNITS[ch]
            section += digit or 0
            total = (total + (section or 1)) * unit
            section, digit, last_small = 0, None, 10_000
    return total + section + (digit or 0)


def parse_number(text: str) -> Decimal | None:
    """An Arabic (1,981 / 593.6) or Chinese (二十一) number as a Decimal, or None.

    >>> parse_number("1,981"), parse_number("593.6"), parse_number("三")
    (Decimal('1981'), Decimal('593.6'), Decimal('3'))
    """
    plain = text.replace(",", "")
    if plain and plain.replace(".", "", 1).isdigit():
        return Decimal(plain)
    value = cn_to_int(text)
    return Decimal(value) if value is not None else None
