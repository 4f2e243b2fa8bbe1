"""The query page of `kg serve` in headless chromium: GovKG's YASGUI, saved queries, and nothing leaves 127.0.0.1."""

from __future__ import annotations

import pytest

from kg.queries.library import saved_queries
from kg.store.graphstore import GraphStore
from kg.web.serve import Endpoint, ServeOptions
from tests.web.browser.conftest import ARTIFACTS

DECLARED = ["kg", "rdf", "rdfs", "skos", "prov", "dcterms", "xsd"]


@pytest.fixture(scope="module")
def served(sample_build, sample_store):
    """kg serve over the sample's store, with the sample's graph.html."""
    out, _ = sample_build
    with Endpoint(sample_store, ServeOptions(port=0, html=out / "graph.html")) as ep:
        yield ep


@pytest.fixture
def page(browser_context, served):
    """A page that may reach the endpoint only: every request is recorded, any other host is refused."""
    page = browser_context.new_page()
    page.requests, page.errors = [], []
    local = served.url

    def guard(route):
        (route.continue_ if route.request.url.startswith(local) else route.abort)()

    page.route("**/*", guard)
    page.on("request", lambda request: page.requests.append(request.url))
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("console", lambda msg: page.errors.append(msg.text) if msg.type == "error" else None)
    page.goto(local)
    page.wait_for_function("() => window.kgQuery && document.querySelector('.CodeMirror')", timeout=60_000)
    yield page
    page.close()


def _zone_labels(store_dir) -> list[str]:
    """The zones' labels as the results table shows literals (as written in SPARQL). The query's results are
    kept out of the test's frame: held there, a full run collected them later on the endpoint's thread, where
    pyoxigraph refuses to drop them (an unraisable RuntimeError)."""
    solutions = GraphStore.open_read_only(store_dir).query("SELECT ?l WHERE { ?z a kg:Zone ; rdfs:label ?l }")
    return sorted(f'"{s["l"].value}"@zh' for s in solutions)


def _run_and_wait(page) -> list[list[str]]:
    """Press the active tab's run button; the rows of the results table once it is drawn."""
    page.evaluate("() => { window.kgDone = false; const y = kgQuery.yasgui.getTab().getYasr();"
                  " y.once('drawn', () => { window.kgDone = true; }); }")
    page.locator(".tabPanel.active .yasqe_queryButton").click()
    page.wait_for_function("() => window.kgDone", timeout=60_000)
    return page.evaluate("""() => Array.from(document.querySelectorAll('.tabPanel.active .yasr table tbody tr'))
        .map(tr => Array.from(tr.querySelectorAll('td')).map(td => td.textContent.trim()))""")


def test_query_page_is_govkgs_own_and_stays_on_the_machine(page, served, sample_store):
    assert page.title() == "GovKG 查询 · SPARQL query"
    assert page.locator("#kg-graph-link").get_attribute("href") == "graph.html"
    prefixes = page.evaluate("() => Object.keys(kgQuery.data.prefixes)")
    assert set(DECLARED) <= set(prefixes)
    assert page.evaluate("() => kgQuery.yasgui.getTab().getEndpoint()") == served.url + "query"

    # every saved query is listed with both questions
    items = page.locator("#kg-saved-list li.kg-query")
    assert items.count() == len(saved_queries())
    listed = page.locator("#kg-saved-list").text_content()
    for q in saved_queries():
        assert q.question_zh in listed and q.question_en in listed

    # the filter box narrows the list by question (Chinese or English) or name
    page.fill("#kg-saved-filter", "目标")
    shown = page.evaluate("() => Array.from(document.querySelectorAll('#kg-saved-list li')).filter(li => !li.hidden)"
                          ".map(li => li.dataset.name)")
    assert "targets" in shown and "entity-profile" not in shown
    assert sorted(shown) == sorted(q.name for q in saved_queries() if "目标" in q.question_zh + q.name
                                   + " ".join(p.description for p in q.params))
    page.fill("#kg-saved-filter", "")

    # the default query runs on this endpoint and fills the table
    labels = _zone_labels(sample_store)
    rows = _run_and_wait(page)
    assert labels and sorted(row[2] for row in rows) == labels
    page.screenshot(path=str(ARTIFACTS / "query-page.png"))

    # a saved query opens in a new tab with its parameter bound and its prefixes declared, and runs
    tabs = page.evaluate("() => kgQuery.yasgui.persistentConfig.getTabs().length")
    item = page.locator('#kg-saved-list li[data-name="entity-profile"]')
    item.locator('input[name="name"]').fill("滨海新区")
    item.locator("button.kg-open").click()
    page.wait_for_function(f"() => kgQuery.yasgui.persistentConfig.getTabs().length === {tabs + 1}")
    text = page.evaluate("() => kgQuery.yasgui.getTab().getYasqe().getValue()")
    assert '"滨海新区"@zh' in text and text.startswith("PREFIX ")
    assert page.evaluate("() => kgQuery.yasgui.getTab().getYasqe().queryValid") is True
    rows = _run_and_wait(page)
    assert rows and any("滨海新区" in cell for row in rows for cell in row)
    page.screenshot(path=str(ARTIFACTS / "query-page-saved.png"))

    # a parameter that does not fit says so beside the query
    item = page.locator('#kg-saved-list li[data-name="targets"]')
    item.locator('input[name="year"]').fill("去年")
    item.locator("button.kg-open").click()
    page.wait_for_function("() => document.querySelector('li[data-name=\"targets\"] .kg-error').textContent")
    assert "not a year" in item.locator(".kg-error").text_content()

    assert page.requests and all(u.startswith(served.url) for u in page.requests), page.requests
    assert not any("prefix.cc" in u or "linkeddata" in u for u in page.requests)
    assert [e for e in page.errors if "400" not in e] == []  # the refused parameter is the one failed request
