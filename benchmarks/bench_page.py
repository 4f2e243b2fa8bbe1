"""Benchmark: how fast the page opens and settles in headless Debian chromium.

Targets (from the issue): the sample report's page settles in under 3 s; the page of a 1,000-report corpus
rendered with --top 500 in under 10 s. The corpus is synthesised directly as quads in the data model
(entities drawn from a Zipf-distributed pool, co-mentions per sentence, typed relations with statements,
indicators with kg:about), one named graph per report.

    .venv/bin/python benchmarks/bench_page.py                 # both measurements
    .venv/bin/python benchmarks/bench_page.py --docs 200 --runs 1
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.model import RELATION_TYPES  # noqa: E402
from kg.rdf.graph import XSD_DECIMAL, integer  # noqa: E402
from kg.rdf.namespace import (  # noqa: E402
    DCT_PART_OF,
    DCT_TITLE,
    DEFAULT_BASE,
    KG,
    RDF_OBJECT,
    RDF_PREDICATE,
    RDF_SUBJECT,
    RDF_TYPE,
    RDFS_LABEL,
    SKOS_ALT,
)

BASE = DEFAULT_BASE
HAN = "天津北京河海新城区港湾园科技产业创新发展建设国际金融数据智能制造绿色生态文化旅游医药能源航空汽车电子信息物流"
SUFFIX = {"Enterprise": "集团", "AdministrativeArea": "区", "Zone": "产业园", "Project": "工程", "Policy": "行动",
          "Organization": "研究院", "Event": "博览会", "Industry": "产业"}
RELATIONS = list(RELATION_TYPES)
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]


_int = integer


def synthetic_corpus(docs: int, *, pool: int = 30_000, per_doc: int = 100, sentences: int = 150,
                     seed: int = 7) -> list[Quad]:
    """Quads of a corpus of ``docs`` reports that share entities the way real reports do (a few are everywhere)."""
    rng = random.Random(seed)
    classes = list(SUFFIX)
    names = []
    for i in range(pool):
        cls = classes[i % len(classes)]
        label = "".join(rng.choice(HAN) for _ in range(rng.randint(2, 6))) + SUFFIX[cls]
        names.append((NamedNode(f"{BASE}{cls}/{i}"), cls, label))
    weights = [1 / (rank + 1) ** 1.1 for rank in range(pool)]
    quads: list[Quad] = []
    for d in range(docs):
        g = NamedNode(f"{BASE}document/{d}")
        add = lambda s, p, o, g=g: quads.append(Quad(s, p, o, g))  # noqa: E731
        add(g, RDF_TYPE, KG.Document)
        add(g, DCT_TITLE, Literal(f"2025年第{d}市政府工作报告", language="zh"))
        secs = [NamedNode(f"{g.value}/section/{k}") for k in range(10)]
        for k, sec in enumerate(secs):
            add(sec, RDF_TYPE, KG.Section)
            add(sec, KG.heading, Literal(f"（{k + 1}）" + "".join(rng.choice(HAN) for _ in range(12)), language="zh"))
            add(sec, DCT_PART_OF, g)
        chosen = list({n[0].value: n for n in rng.choices(names, weights, k=per_doc)}.values())
        counts: dict[str, int] = {}
        related: set[tuple[str, str]] = set()
        sents = []
        for k in range(sentences):
            sent = NamedNode(f"{g.value}/sentence/{k}")
            sents.append(sent)
            named = rng.sample(chosen, min(len(chosen), rng.randint(2, 3)))
            text = "".join(rng.choice(HAN) for _ in range(30)) + "".join(n[2] for n in named) + "。"
            add(sent, RDF_TYPE, KG.Sentence)
            add(sent, KG.text, Literal(text, language="zh"))
            add(sent, KG.order, _int(k))
            add(sent, DCT_PART_OF, secs[k * len(secs) // sentences])
            for node, _, _ in named:
                if counts.get(node.value, 0) == 0 or rng.random() < 0.8:
                    add(node, KG.mentionedIn, sent)
                counts[node.value] = counts.get(node.value, 0) + 1
            for a in named:
                for b in named:
                    if a[0].value < b[0].value:
                        related.add((a[0].value, b[0].value))
        for node, cls, label in chosen:
            if node.value not in counts:
                continue
            add(node, RDF_TYPE, KG[cls])
            add(node, RDFS_LABEL, Literal(label, language="zh"))
            if cls == "AdministrativeArea":
                add(node, SKOS_ALT, Literal(label[:-1], language="zh"))
                add(node, KG.divisionCode, Literal(f"{120000 + int(node.value.rsplit('/', 1)[1]) % 9999:06d}"))
            add(node, KG.mentionCount, _int(counts[node.value]))
        for a, b in related:
            add(NamedNode(a), KG.relatedTo, NamedNode(b))
        mentioned = [n for n in chosen if n[0].value in counts]
        for k in range(20):
            (s, _, _), (o, _, _) = rng.sample(mentioned, 2)
            p = KG[rng.choice(RELATIONS)]
            add(s, p, o)
            stmt = NamedNode(f"{g.value}/statement/{k}")
            add(stmt, RDF_TYPE, KG.Statement)
            add(stmt, RDF_SUBJECT, s)
            add(stmt, RDF_PREDICATE, p)
            add(stmt, RDF_OBJECT, o)
            add(stmt, KG.evidence, rng.choice(sents))
        for k in range(30):
            ind = NamedNode(f"{g.value}/indicator/{k}")
            add(ind, RDF_TYPE, KG.Indicator)
            add(ind, KG.metric, Literal("地区生产总值增长", language="zh"))
            add(ind, KG.value, Literal(f"{rng.uniform(1, 100):.1f}", datatype=XSD_DECIMAL))
            add(ind, KG.unit, Literal("%", language="zh"))
            add(ind, KG.valueKind, KG.Actual if rng.random() < 0.5 else KG.Target)
            add(ind, KG.evidence, rng.choice(sents))
            if rng.random() < 0.6:
                add(ind, KG.about, rng.choice(mentioned)[0])
    return quads


def time_in_chromium(pages: list[Path], runs: int) -> list[dict]:
    """Open each page ``runs`` times in a fresh tab; seconds from navigation to the settled, frozen layout."""
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as pw, tempfile.TemporaryDirectory() as profile:
        context = pw.chromium.launch_persistent_context(profile, executable_path="/usr/bin/chromium", headless=True,
                                                        args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 900})
        context.route("**/*", lambda r: r.continue_() if r.request.url.startswith(("file:", "data:")) else r.abort())
        for path in pages:
            wall, in_page = [], []
            for _ in range(runs):
                page = context.new_page()
                started = time.perf_counter()
                page.goto(path.as_uri())
                page.wait_for_function("() => document.body.dataset.state === 'stable'", timeout=120_000)
                wall.append(time.perf_counter() - started)
                in_page.append(page.evaluate("() => kgPage.state.stabilizedMs") / 1000)
                counts = page.evaluate("() => [kgPage.nodes.length, kgPage.edges.length]")
                page.close()
            results.append({"page": str(path), "nodes": counts[0], "edges": counts[1],
                            "megabytes": round(path.stat().st_size / 1e6, 2),
                            "open_to_stable_s": round(statistics.median(wall), 2),
                            "script_to_stable_s": round(statistics.median(in_page), 2), "runs": runs})
        context.close()
    return results


def main(argv: list[str] | None = None) -> int:
    """Build the sample page and a synthetic corpus page, time both in chromium, print a JSON report."""
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=1000, help="reports in the synthetic corpus (default 1000)")
    parser.add_argument("--top", type=int, default=500, help="kg viz --top for the corpus page (default 500)")
    parser.add_argument("--runs", type=int, default=3, help="openings per page; the median is reported")
    args = parser.parse_args(argv)

    from kg.build import build
    from kg.web.viz import write_page

    out = Path(tempfile.mkdtemp(prefix="bench-page-"))
    started = time.perf_counter()
    build([], out)
    sample_build_s = time.perf_counter() - started
    started = time.perf_counter()
    quads = synthetic_corpus(args.docs)
    synth_s = time.perf_counter() - started
    started = time.perf_counter()
    data = write_page(quads, out / "corpus.html", title=f"{args.docs} reports", top=args.top)
    render_s = time.perf_counter() - started
    sample, corpus = time_in_chromium([out / "graph.html", out / "corpus.html"], args.runs)
    report = {
        "sample": {**sample, "target_s": 3.0, "build_s": round(sample_build_s, 2)},
        "corpus": {**corpus, "target_s": 10.0, "docs": args.docs, "quads": len(quads),
                   "entities": data.stats["entities"], "top": args.top, "synthesise_s": round(synth_s, 2),
                   "render_page_s": round(render_s, 2)},
    }
    ok = sample["open_to_stable_s"] < 3.0 and corpus["open_to_stable_s"] < 10.0
    report["meets_targets"] = ok
    print(json.dumps(report, ensure_ascii=False, indent=2))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
