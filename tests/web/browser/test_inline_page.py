"""The page a notebook shows inline (KnowledgeGraph.show / _repr_html_): it draws, stays offline, and hostile
names can reach neither it nor the notebook around it."""

from __future__ import annotations

from pyoxigraph import RdfFormat, serialize

import kg
from kg.web.viz import page_data
from tests.web.browser.conftest import ARTIFACTS, left_machine
from tests.web.browser.graphs import XSS_ENTERPRISE, small_graph

STABLE = "() => document.body.dataset.state === 'stable'"


def test_inline_pages_draw_in_a_sandbox_offline(browser_context, tmp_path):
    trig = tmp_path / "hostile.trig"
    trig.write_bytes(serialize(small_graph(), format=RdfFormat.TRIG))
    graph = kg.open(trig)
    # what Jupyter puts into the notebook's own page: the whole graph, then one neighbourhood
    notebook = tmp_path / "notebook.html"
    notebook.write_text("<!DOCTYPE html><html><head><meta charset='utf-8'><title>notebook</title></head><body>"
                        f"<p>In [1]</p>{graph._repr_html_()}<p>In [2]</p>{graph.show('江北市')._repr_html_()}"
                        "</body></html>", encoding="utf-8")
    browser_context.requests.clear()
    page = browser_context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda err: errors.append(str(err)))
    page.goto(notebook.resolve().as_uri())
    frames = [f for f in page.frames if f != page.main_frame]
    assert len(frames) == 2
    for frame in frames:
        frame.wait_for_function(STABLE, timeout=60_000)
    whole, near = frames
    assert whole.evaluate("() => kgPage.nodes.length") == len(page_data(small_graph()).to_json()["nodes"]) == 6
    assert XSS_ENTERPRISE in whole.evaluate("() => kgPage.nodes.get().map(n => n.label)")
    assert near.evaluate("() => document.title") == "江北市 — 1 hop"
    assert "江北市" in near.evaluate("() => kgPage.nodes.get().map(n => n.label)")
    for frame in frames:
        assert frame.evaluate("() => window.origin") == "null"  # sandboxed: an origin of its own
        assert frame.evaluate("() => { try { return parent.document.title; } catch (e) { return 'blocked'; } }") \
            == "blocked"
        assert frame.evaluate("() => window.__xss") is None
    assert page.evaluate("() => window.__xss") is None and page.title() == "notebook"
    page.set_viewport_size({"width": 1400, "height": 1500})
    page.screenshot(path=str(ARTIFACTS / "inline-pages.png"))
    assert left_machine(browser_context, ("file:", "data:", "about:")) == []
    assert errors == []
    page.close()
