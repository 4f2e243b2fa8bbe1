"""The page as a researcher meets it: opened from file:// in headless chromium, offline, clicked and searched."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.store.graphstore import GraphStore
from kg.web.viz import html_page, page_data, render_page
from tests.web.browser.conftest import ARTIFACTS, left_machine, open_page
from tests.web.browser.graphs import XSS_ALIAS, XSS_ENTERPRISE, XSS_EVENT, XSS_SENTENCE, XSS_TITLE, small_graph

STABLE = "() => document.body.dataset.state === 'stable'"


def _open(context, path: Path):
    """A new page on a local file, waited on until the layout has settled and physics is off."""
    return open_page(context, path, STABLE)


def _neighbourhood(data: dict, node: int) -> list[int]:
    near = {node}
    for e in data["edges"]:
        if node in (e["from"], e["to"]):
            near |= {e["from"], e["to"]}
    return sorted(near)


def _click_node(page, node: int) -> None:
    """Zoom onto a node, then click it with the mouse where it is drawn."""
    x, y = page.evaluate("""(id) => {
        const net = kgPage.network;
        net.moveTo({position: net.getPosition(id), scale: 1.6});
        const p = net.canvasToDOM(net.getPosition(id));
        const r = document.getElementById('kg-network').getBoundingClientRect();
        return [r.left + p.x, r.top + p.y];
    }""", node)
    page.mouse.click(x, y)


def _panel(page) -> dict:
    return page.evaluate("""() => {
        const panel = document.getElementById('kg-panel');
        const text = (sel) => Array.from(panel.querySelectorAll(sel)).map(e => e.textContent);
        return {node: panel.getAttribute('data-node'), label: text('h2.kg-label')[0] || null,
                aliases: text('dd.kg-aliases')[0] || '', code: text('dd.kg-code')[0] || '',
                evidence: text('.kg-evidence > li'), indicators: text('.kg-indicators > li'),
                cls: text('.kg-class-name')[0] || ''};
    }""")


@pytest.fixture(scope="module")
def sample_page(sample_build):
    """The page `kg build` wrote for the bundled sample, and the data it should hold."""
    out, _ = sample_build
    data = page_data(GraphStore.from_file(out / "graph.trig").quads()).to_json()
    return out / "graph.html", data


def test_sample_page_opens_offline_settles_and_answers_clicks_and_search(browser_context, sample_page):
    path, data = sample_page
    page = _open(browser_context, path)
    counts = page.evaluate("() => [kgPage.nodes.length, kgPage.edges.length, kgPage.state.ready]")
    assert counts == [len(data["nodes"]), len(data["edges"]), True]
    assert len(data["nodes"]) > 100
    assert page.evaluate("() => kgPage.network.physics.physicsEnabled") is False  # frozen after stabilising
    page.screenshot(path=str(ARTIFACTS / "sample-page.png"))

    # click the best-connected entity: the panel shows its class, label and every evidence sentence with section
    node = max(data["nodes"], key=lambda n: (n["degree"], n["mentions"]))
    _click_node(page, node["id"])
    panel = _panel(page)
    assert (panel["node"], panel["label"]) == (str(node["id"]), node["label"])
    assert node["cls"] in panel["cls"]
    assert len(panel["evidence"]) == len(node["evidence"]) >= 1
    first = data["sentences"][node["evidence"][0]]
    assert first[0] in panel["evidence"][0] and data["sections"][first[1]][0] in panel["evidence"][0]
    assert page.evaluate("() => kgPage.focused()") == _neighbourhood(data, node["id"])
    page.screenshot(path=str(ARTIFACTS / "sample-focus.png"))

    # type another entity's Chinese name into the search box: it gets the focus, the rest is dimmed
    other = next(n for n in sorted(data["nodes"], key=lambda n: -n["degree"])
                 if n["id"] not in _neighbourhood(data, node["id"]) and len(n["label"]) >= 2)
    page.fill("#kg-search", other["label"])
    assert page.locator("#kg-results li").first.text_content().startswith(("●", "■", "◆", "▲", "★", "⬢", "▼", "⬟"))
    page.press("#kg-search", "Enter")
    assert page.evaluate("() => kgPage.state.focus") == other["id"]
    assert _panel(page)["label"] == other["label"]
    near = _neighbourhood(data, other["id"])
    assert page.evaluate("() => kgPage.focused()") == near
    far = next(n["id"] for n in data["nodes"] if n["id"] not in near)
    assert page.evaluate("(id) => kgPage.nodes.get(id).color.background", far) == "#eeeeee"
    assert page.evaluate("(id) => kgPage.nodes.get(id).color.background", other["id"]) != "#eeeeee"
    page.screenshot(path=str(ARTIFACTS / "sample-search.png"))

    assert left_machine(browser_context) == []
    assert page.errors == []
    page.close()


def test_indicator_relation_filters_and_aliases_in_the_page(browser_context, tmp_path):
    path = tmp_path / "江北.html"
    path.write_text(render_page(small_graph(hostile=False), title="2026年江北市政府工作报告"), encoding="utf-8")
    data = page_data(small_graph(hostile=False)).to_json()
    page = _open(browser_context, path)
    assert page.evaluate("() => [kgPage.nodes.length, kgPage.edges.length]") == [4, 7]
    typed = page.evaluate("() => kgPage.edges.get().filter(e => e.label).map(e => [e.label, e.dashes, e.width])")
    assert sorted(typed) == [["位于", False, 2], ["投资", False, 2], ["隶属", False, 2]]
    related = page.evaluate("() => kgPage.edges.get().filter(e => !e.label).map(e => [e.dashes, e.width])")
    assert related == [[[4, 4], 0.5]] * 4
    # an alias finds the entity; its indicator and division code are in the panel
    page.fill("#kg-search", "江北")
    page.press("#kg-search", "Enter")
    panel = _panel(page)
    assert panel["label"] == "江北市" and panel["aliases"] == "江北" and panel["code"] == "990100"
    (indicator,) = panel["indicators"]
    assert "地区生产总值增长" in indicator and "6.2 %" in indicator and "全市地区生产总值增长6.2％。" in indicator
    page.screenshot(path=str(ARTIFACTS / "small-indicator.png"))
    # typed relations are labelled and solid, co-mentions thin and dashed, and hideable
    page.uncheck('input[data-relation="relatedTo"]')
    visible = page.evaluate("() => kgPage.edges.get({filter: e => !e.hidden}).length")
    assert visible == sum(e["kind"] != "relatedTo" for e in data["edges"]) == 3
    page.uncheck('input[data-class="AdministrativeArea"]')
    shown = page.evaluate("() => kgPage.nodes.get({filter: n => !n.hidden}).map(n => n.label).sort()")
    assert shown == ["华星光电集团", "青山经济技术开发区"]
    assert left_machine(browser_context) == []
    page.close()


@pytest.mark.parametrize("csp", [True, False], ids=["with-csp", "escaping-alone"])
def test_hostile_names_render_as_text(browser_context, tmp_path, csp):
    quads = small_graph()
    html = html_page(page_data(quads, title=XSS_TITLE))
    if not csp:  # escaping must hold on its own, without the Content-Security-Policy behind it
        start = html.index('<meta http-equiv="Content-Security-Policy"')
        html = html[:start] + html[html.index(">", start) + 1:]
        assert "Content-Security-Policy" not in html
    path = tmp_path / "xss.html"
    path.write_text(html, encoding="utf-8")
    page = _open(browser_context, path)
    assert page.evaluate("() => window.__xss") is None
    assert page.evaluate("() => [document.title, document.getElementById('kg-title').textContent]") == [XSS_TITLE] * 2
    assert page.evaluate("() => document.images.length") == 0
    labels = page.evaluate("() => kgPage.nodes.get().map(n => n.label)")
    assert XSS_ENTERPRISE in labels and XSS_EVENT in labels
    page.fill("#kg-search", "<script>window.__xss=5")
    page.press("#kg-search", "Enter")
    panel = _panel(page)
    assert panel["label"] == XSS_ENTERPRISE and panel["aliases"] == XSS_ALIAS
    assert len(panel["evidence"]) == 1 and XSS_SENTENCE in panel["evidence"][0]
    assert page.evaluate("() => window.__xss") is None
    assert page.evaluate("() => document.querySelectorAll('#kg-panel img, #kg-panel script').length") == 0
    page.screenshot(path=str(ARTIFACTS / f"xss-{'csp' if csp else 'nocsp'}.png"))
    assert left_machine(browser_context) == []
    assert [u for u in browser_context.requests if u != path.resolve().as_uri()] == []  # not even <img src=x>
    assert not [e for e in page.errors if "xss" in e.lower()]
    page.close()
