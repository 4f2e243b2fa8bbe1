"""The trend chart page as a researcher meets it: opened from file:// in headless chromium, offline, hovered."""

from __future__ import annotations

import pytest

from kg.build import build
from kg.explore.trend import find_concept, trend_rows
from kg.store.graphstore import GraphStore
from kg.web.trend_page import trend_page
from tests.explore.test_trend import JIANGBEI_2025, JIANGBEI_2026, NANSHAN_2026
from tests.web.browser.conftest import ARTIFACTS, left_machine, open_page

READY = "() => document.body.dataset.state === 'ready'"


@pytest.fixture(scope="module")
def pages(tmp_path_factory):
    """A series page (one city over the years) and a cross-section page (every city, 2026)."""
    folder = tmp_path_factory.mktemp("trend-page")
    (folder / "in").mkdir()
    paths = []
    for name, text in (("江北2025.txt", JIANGBEI_2025), ("江北2026.txt", JIANGBEI_2026),
                       ("南山2026.txt", NANSHAN_2026)):
        paths.append(folder / "in" / name)
        paths[-1].write_text(text, encoding="utf-8")
    build(paths, folder / "out", page=False)
    store = GraphStore.open_read_only(folder / "out" / "store")
    concept = find_concept("gdp-growth")
    series = folder / "series.html"
    series.write_text(trend_page(trend_rows(store, concept), concept, cross_section=False), encoding="utf-8")
    cross = folder / "cross.html"
    cross.write_text(trend_page(trend_rows(store, concept, kind="target", year=2026), concept, cross_section=True),
                     encoding="utf-8")
    return series, cross


def _open(context, path):
    return open_page(context, path, READY)


def _hover_text(page, curve: int, point: int) -> str:
    page.evaluate("([c, p]) => Plotly.Fx.hover('kg-chart', [{curveNumber: c, pointNumber: p}])", [curve, point])
    page.wait_for_selector(".hovertext", timeout=10_000)
    return page.evaluate("() => Array.from(document.querySelectorAll('.hovertext')).map(e => e.textContent)"
                         ".join(' ')")


def test_series_draws_a_line_per_issuer_and_kind_offline(browser_context, pages):
    page = _open(browser_context, pages[0])
    traces = page.evaluate("() => document.getElementById('kg-chart').data.map(t => [t.name, t.line.dash, t.x])")
    assert ["江北市 目标", "dash", [2025, 2026]] in traces
    assert ["江北市 实际", "solid", [2024, 2025]] in traces
    assert page.locator(".main-svg").count() >= 1
    legend = page.evaluate("() => Array.from(document.querySelectorAll('.legendtext')).map(e => e.textContent)")
    assert "江北市 目标" in legend
    hover = _hover_text(page, [t[0] for t in traces].index("江北市 目标"), 1)
    assert "江北市" in hover and "4.5–5" in hover and "主要预期目标" in hover
    page.screenshot(path=str(ARTIFACTS / "trend-series.png"), full_page=True)
    assert page.errors == []
    assert left_machine(browser_context) == []


def test_cross_section_draws_bars_and_keeps_document_markup_as_text(browser_context, pages):
    page = _open(browser_context, pages[1])
    bars = page.evaluate("() => document.getElementById('kg-chart').data.map(t => [t.type, t.x, t.y])")
    assert bars == [["bar", ["南山市", "江北市"], [6, 4.5]]]
    assert page.locator(".bars .point").count() == 2
    hover = _hover_text(page, 0, 0)
    assert '<b onmouseover="alert(1)">' in hover  # shown as the text it is
    assert page.evaluate("() => document.querySelectorAll('[onmouseover]').length") == 0
    cells = page.evaluate("() => Array.from(document.querySelectorAll('td.kg-evidence')).map(e => e.textContent)")
    assert any('<b onmouseover="alert(1)">' in c for c in cells)
    page.screenshot(path=str(ARTIFACTS / "trend-cross-section.png"), full_page=True)
    assert page.errors == []
    assert left_machine(browser_context) == []
