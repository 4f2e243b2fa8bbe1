"""Rewrite old flat-layout references (kg.x, kg/x.py, tests.x) to the new layout, using LAYOUT-MAP.txt.

Usage: python3 LAYOUT-REWRITE.py FILE...   (prints the files it changed; run ruff --fix after for import order)
"""

import re
import sys
from pathlib import Path

MAP = Path(__file__).with_name("LAYOUT-MAP.txt")


def load() -> tuple[dict[str, str], dict[str, str]]:
    """The module moves (kg.* and tests.*) of the map, without the leading package name."""
    kg, tests = {}, {}
    for line in MAP.read_text(encoding="utf-8").splitlines():
        m = re.match(r"(kg|tests)\.([\w.]+?)(\.\*)? -> \1\.([\w.]+?)(\.\*)?(\s|$)", line)
        if m and "." not in m.group(2):  # module moves only, not the moved names
            (kg if m.group(1) == "kg" else tests)[m.group(2)] = m.group(4)
    return kg, tests


def rewrite(text: str, kg: dict[str, str], tests: dict[str, str]) -> str:
    """Text with every old dotted name and path replaced in one pass; names already in the new layout
    (kg.store.corpus, kg.explore.paths, kg/store/summary.py) are left as they are, so a file can be run twice."""
    for root, table in (("kg", kg), ("tests", tests)):
        new = {v for v in table.values()} | {v.rsplit(".", 1)[0] for v in table.values()}
        names = "|".join(sorted(map(re.escape, table), key=len, reverse=True))

        def dotted(m: re.Match, root=root, table=table, new=new) -> str:
            rest = re.match(r"\.(\w+)", m.string[m.end():])
            if rest and f"{m.group(1)}.{rest.group(1)}" in new:
                return m.group(0)  # already the new layout
            return f"{root}.{table[m.group(1)]}"

        def path(m: re.Match, root=root, table=table, new=new) -> str:
            if m.group(2) == "/" and not table[m.group(1)].endswith(m.group(1)):
                return m.group(0)
            rest = re.match(r"(\w+)", m.string[m.end():])
            if m.group(2) == "/" and rest and f"{m.group(1)}.{rest.group(1)}" in new:
                return m.group(0)
            return f"{root}/{table[m.group(1)].replace('.', '/')}{m.group(2)}"

        text = re.sub(rf"(?<![\w.]){root}\.({names})(?!\w)", dotted, text)
        text = re.sub(rf"(?<![\w/]){root}/({names})(\.py|/)", path, text)
    return re.sub(r"(?<![\w/])kg/page/", "kg/web/page/", text)


if __name__ == "__main__":
    kg_map, tests_map = load()
    for name in sys.argv[1:]:
        path = Path(name)
        old = path.read_text(encoding="utf-8")
        new = rewrite(old, kg_map, tests_map)
        if new != old:
            path.write_text(new, encoding="utf-8")
            print(name)
