"""Synthetic reports for tests and benchmarks: sentences of real reports recombined, with the issuer's
name replaced by another division's and the years moved, deterministic from a seed.

>>> reports = list(make_corpus(2, seed=7, sentences=20))
>>> [name for name, _ in reports] == [name for name, _ in make_corpus(2, seed=7, sentences=20)]
True
>>> reports[0][1].splitlines()[0].endswith("政府工作报告")
True
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from kg.atomic import write_atomic

# Used when the division lexicon cannot be loaded: prefecture-level cities of several provinces.
FALLBACK_AREAS = tuple(
    """石家庄市 唐山市 保定市 太原市 大同市 呼和浩特市 包头市 沈阳市 大连市 长春市 吉林市 哈尔滨市
    齐齐哈尔市 南京市 苏州市 无锡市 杭州市 宁波市 温州市 合肥市 芜湖市 福州市 厦门市 泉州市
    南昌市 赣州市 济南市 青岛市 烟台市 郑州市 洛阳市 武汉市 宜昌市 长沙市 株洲市 广州市
    深圳市 佛山市 南宁市 柳州市 海口市 三亚市 成都市 绵阳市 贵阳市 遵义市 昆明市 曲靖市
    拉萨市 西安市 宝鸡市 兰州市 天水市 西宁市 银川市 乌鲁木齐市 克拉玛依市""".split()
)
SENTENCE = re.compile(r"[^。！？；\n]+[。！？；]?[”’）)]*")
YEAR = re.compile(r"(?<!\d)((?:19|20)\d\d)(?=\s*年)")
HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[）)])")
NUMERALS = "一二三四五六七八九十"


@lru_cache(maxsize=1)
def division_names() -> tuple[str, ...]:
    """Prefecture-level city names from the administrative-division lexicon (a fallback list without it)."""
    try:
        from kg.extract.lexicons.divisions import load_divisions

        names = sorted({d.name for d in load_divisions().divisions
                        if d.level == "prefecture" and d.name.endswith("市") and len(d.name) >= 3})
    except Exception:  # noqa: BLE001 - the lexicon is optional here
        names = []
    return tuple(names) or FALLBACK_AREAS


def short_name(area: str) -> str:
    """An area's name without its administrative suffix: 天津市 → 天津, 广西壮族自治区 → 广西壮族."""
    for suffix in ("特别行政区", "自治区", "省", "市", "区", "县"):
        if area.endswith(suffix) and len(area) > len(suffix) + 1:
            return area[: -len(suffix)]
    return area


class SentencePool:
    """Body sentences of source reports, split into looking back (the review) and looking ahead (the plan)."""

    def __init__(self, texts: Iterable[str]) -> None:
        from kg.ingest.sidecar import metadata_from_text

        self.review: list[tuple[str, str | None, int | None]] = []
        self.plan: list[tuple[str, str | None, int | None]] = []
        for text in texts:
            meta = metadata_from_text(text)
            lines = [line.strip() for line in text.split("\n") if line.strip()]
            body = [line for line in lines if not HEADING.match(line) and len(line) > 20]
            half = len(body) // 2
            for k, line in enumerate(body):
                for sent in SENTENCE.findall(line):
                    if len(sent) >= 12:
                        (self.review if k < half else self.plan).append((sent, meta.issuer, meta.year))
        if not self.review or not self.plan:
            raise ValueError("the source reports hold too few sentences to recombine")


def _rename(sent: str, issuer: str | None, area: str) -> str:
    """Replace the source issuer's full and short names with a new area's."""
    if not issuer or issuer == "中华人民共和国":
        return sent
    sent = sent.replace(issuer, area)
    short = short_name(issuer)
    return sent.replace(short, short_name(area)) if len(short) >= 2 else sent


def _shift_years(sent: str, source_year: int | None, year: int) -> str:
    """Move every year near the source's by the distance between the source's year and the new one."""
    if not source_year:
        return sent
    delta = year - source_year
    return YEAR.sub(lambda m: str(int(m.group(1)) + delta) if abs(int(m.group(1)) - source_year) <= 10
                    else m.group(1), sent)


def make_report(rng: random.Random, pool: SentencePool, *, area: str, year: int, sentences: int = 150) -> str:
    """One synthetic report of about ``sentences`` sentences for an area and a year."""
    month, day = rng.randint(1, 2), rng.randint(10, 28)
    lines = [f"{year}年{area}政府工作报告",
             f"——{year}年{month}月{day}日在{area}第{rng.choice(NUMERALS[:9])}届人民代表大会"
             f"第{rng.choice(NUMERALS[:5])}次会议上",
             f"{area}人民政府", "各位代表："]
    parts = ((f"一、{year - 1}年工作回顾", pool.review), (f"二、{year}年工作安排", pool.plan))
    for heading, source in parts:
        lines.append(heading)
        n = max(4, sentences // 2)
        sub = 0
        for k in range(0, n, 5):
            if k % 20 == 0 and sub < len(NUMERALS):
                lines.append(f"（{NUMERALS[sub]}）第{NUMERALS[sub]}方面重点工作")
                sub += 1
            picked = [rng.choice(source) for _ in range(min(5, n - k))]
            lines.append("".join(_shift_years(_rename(s, issuer, area), src_year, year)
                                 for s, issuer, src_year in picked))
    return "\n".join(lines) + "\n"


def make_corpus(n: int, *, seed: int = 0, texts: Iterable[str] | None = None, areas: Iterable[str] | None = None,
                years: tuple[int, int] = (2015, 2026), sentences: int = 150) -> Iterator[tuple[str, str]]:
    """``n`` synthetic reports as (file name, text), each of its own area and year, the same for the same seed;
    the bundled sample is the source when no texts are given."""
    if texts is None:
        from kg.ingest.sample import sample_path

        texts = [sample_path().read_text(encoding="utf-8")]
    pool = SentencePool(texts)
    names = list(areas) if areas is not None else list(division_names())
    pairs = [(area, year) for area in names for year in range(years[0], years[1] + 1)]
    if n > len(pairs):
        raise ValueError(f"{n} reports need more than {len(names)} areas × {years[1] - years[0] + 1} years")
    rng = random.Random(seed)
    for k, (area, year) in enumerate(rng.sample(pairs, n)):
        yield f"{k:05d}-{area}-{year}.txt", make_report(rng, pool, area=area, year=year, sentences=sentences)


def write_corpus(out_dir: str | Path, n: int, **options) -> list[Path]:
    """Write ``n`` synthetic reports into a folder (see make_corpus for the options); return their paths."""
    out = Path(out_dir)
    paths = []
    for name, text in make_corpus(n, **options):
        write_atomic(out / name, text)
        paths.append(out / name)
    return paths
