"""The query page `kg serve` shows at /, its vendored YASGUI, and saved queries bound for its editor (over HTTP)."""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.parse
import urllib.request

import pytest

from kg.queries.library import saved_queries
from kg.web.query_page import STATIC_DIR, page_html, static_file, used_prefixes
from kg.web.serve import Endpoint, ServeOptions


@pytest.fixture(scope="module")
def endpoint(sample_store):
    with Endpoint(sample_store, ServeOptions(port=0)) as ep:
        yield ep


def get(url: str) -> tuple[int, dict[str, str], bytes]:
    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def test_the_page_at_root_is_govkgs_and_names_no_other_host(endpoint):
    status, headers, body = get(endpoint.url)
    text = body.decode("utf-8")
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert "default-src 'none'" in headers["Content-Security-Policy"] and "connect-src 'self'" in text.replace(
        "&#x27;", "'")
    assert "<title>GovKG 查询 · SPARQL query</title>" in text and "Oxigraph" not in text
    assert not re.search(r"(src|href)=\"(https?:)?//", text)  # scripts and styles come from this server
    data = json.loads(re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', text, re.S).group(1))
    assert [q["name"] for q in data["queries"]] == [q.name for q in saved_queries()]
    assert {"kg", "rdf", "rdfs", "skos", "prov", "dcterms", "xsd"} <= set(data["prefixes"])
    profile = next(q for q in data["queries"] if q["name"] == "entity-profile")
    assert profile["zh"] and profile["en"] and profile["params"][0]["name"] == "name"


def test_vendored_yasgui_is_served_and_nothing_else(endpoint):
    status, headers, body = get(endpoint.url + "static/yasgui/yasgui.min.js")
    assert status == 200 and headers["Content-Type"].startswith("text/javascript") and b"Yasgui" in body
    assert get(endpoint.url + "static/yasgui/yasgui.min.css")[0] == 200
    for bad in ("static/../serve.py", "static/%2e%2e/serve.py", "static/query.html", "static/yasgui/LICENSE",
                "static/nothing.js"):
        assert get(endpoint.url + bad)[0] == 404, bad
    assert static_file("../../serve.py") is None and static_file("yasgui//yasgui.min.js") is None
    licence = (STATIC_DIR / "yasgui" / "LICENSE").read_text(encoding="utf-8")
    assert "MIT License" in licence and (STATIC_DIR / "yasgui" / "VERSION").read_text().strip() in licence


def test_yasgui_is_set_up_to_fetch_nothing_remote():
    script = (STATIC_DIR / "query.js").read_text(encoding="utf-8")
    assert 'autocompleters = ["prefixes", "variables"]' in script and "prefixCcApi = null" in script
    assert "http" not in page_html().split('id="kg-data"')[0].replace("http-equiv", "")


def test_saved_queries_bind_their_parameters_for_the_editor(endpoint):
    status, _, body = get(endpoint.url + "saved/entity-profile.rq?" + urllib.parse.urlencode({"name": "天开园"}))
    text = body.decode("utf-8")
    assert status == 200 and '"天开园"@zh' in text and text.startswith("PREFIX kg: <https://w3id.org/govkg/ontology#>")
    form = urllib.parse.urlencode({"query": text}).encode()
    request = urllib.request.Request(endpoint.url + "query", data=form, headers={"Accept": "text/csv"})
    with urllib.request.urlopen(request, timeout=30) as response:
        assert response.status == 200
    status, _, body = get(endpoint.url + "saved/targets.rq?year=%E5%8E%BB%E5%B9%B4")  # 去年
    assert status == 400 and "not a year" in body.decode("utf-8")
    assert get(endpoint.url + "saved/no-such-query.rq")[0] == 404
    assert get(endpoint.url + "saved/entity-profile.rq?nom=x")[0] == 400


def test_used_prefixes_skip_declared_ones_strings_and_iris():
    assert used_prefixes("SELECT * { ?s rdfs:label ?l ; kg:text 'a skos:x' }") == ["kg", "rdfs"]
    assert used_prefixes("PREFIX kg: <x#>\nSELECT * { ?s kg:a <http://rdf:1/> }") == []
