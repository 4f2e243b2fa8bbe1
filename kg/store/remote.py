"""A SPARQL 1.1 Graph Store HTTP Protocol client (stdlib urllib): put, get and delete one named graph, and
SPARQL SELECT over the query endpoint. Works with Oxigraph server, Apache Jena Fuseki, GraphDB and Virtuoso.

>>> query_url_for("http://127.0.0.1:7878/store")
'http://127.0.0.1:7878/query'
>>> query_url_for("http://localhost:3030/govkg/data")
'http://localhost:3030/govkg/sparql'
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request

from kg.errors import UsageError
from kg.rdf.namespace import PREFIXES

N_TRIPLES = "application/n-triples"
SPARQL_JSON = "application/sparql-results+json"

# Graph Store endpoint path → SPARQL query endpoint path, per server.
_QUERY_PATHS = (
    ("/store", "/query"),               # Oxigraph server
    ("/data", "/sparql"),               # Apache Jena Fuseki
    ("/rdf-graphs/service", ""),        # GraphDB / RDF4J: /repositories/ID
    ("/sparql-graph-crud", "/sparql"),  # Virtuoso
    ("/sparql-graph-crud-auth", "/sparql"),
)


def query_url_for(store_url: str) -> str:
    """The SPARQL query endpoint that goes with a Graph Store endpoint; UsageError when it cannot be guessed."""
    base = store_url.rstrip("/")
    for suffix, replacement in _QUERY_PATHS:
        if base.endswith(suffix):
            return base[: -len(suffix)] + replacement
    raise UsageError(f"{store_url}: cannot tell the SPARQL query endpoint of this Graph Store URL; "
                     "pass --sparql-url (e.g. http://localhost:3030/govkg/sparql)")


def prefixed(sparql: str) -> str:
    """The query with the standard kg:, rdfs:, skos: … prefixes declared in front."""
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items()) + sparql


class RemoteStore:
    """One Graph Store endpoint (and its query endpoint): each document's graph is PUT whole, replacing it."""

    def __init__(self, store_url: str, *, query_url: str | None = None, timeout: float = 120.0) -> None:
        if not store_url.startswith(("http://", "https://")):
            raise UsageError(f"{store_url}: a store URL starts with http:// or https://, "
                             "e.g. http://127.0.0.1:7878/store")
        self.store_url = store_url
        self.query_url = query_url or query_url_for(store_url)
        self.timeout = timeout

    def _graph_url(self, graph_iri: str) -> str:
        """The URL of one named graph (indirect graph identification, ?graph=IRI)."""
        sep = "&" if "?" in self.store_url else "?"
        return f"{self.store_url}{sep}{urllib.parse.urlencode({'graph': graph_iri})}"

    def _request(self, url: str, *, method: str, data: bytes | None = None, headers: dict | None = None,
                 ok_missing: bool = False) -> bytes | None:
        """Send one request; UsageError with the server's answer on failure; None for 404 when ok_missing."""
        req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return resp.read()
        except urllib.error.HTTPError as err:
            if ok_missing and err.code == 404:
                return None
            body = err.read().decode("utf-8", "replace").strip().splitlines()
            raise UsageError(f"{url}: {method} failed with HTTP {err.code} ({body[0] if body else err.reason})") \
                from None
        except (urllib.error.URLError, OSError) as err:
            reason = getattr(err, "reason", err)
            raise UsageError(f"{url}: cannot reach the store ({reason}); is the server running?") from None

    def put_graph(self, graph_iri: str, ntriples: bytes) -> None:
        """Replace one named graph with N-Triples (HTTP PUT)."""
        self._request(self._graph_url(graph_iri), method="PUT", data=ntriples,
                      headers={"Content-Type": N_TRIPLES})

    def get_graph(self, graph_iri: str) -> bytes:
        """One named graph as N-Triples (empty when the graph does not exist)."""
        data = self._request(self._graph_url(graph_iri), method="GET", headers={"Accept": N_TRIPLES},
                             ok_missing=True)
        return data or b""

    def delete_graph(self, graph_iri: str) -> None:
        """Remove one named graph; a missing graph is not an error."""
        self._request(self._graph_url(graph_iri), method="DELETE", ok_missing=True)

    def select(self, sparql: str) -> list[dict[str, str]]:
        """Run a SELECT with the standard prefixes; one dict of variable → value (IRI or lexical form) per row."""
        body = urllib.parse.urlencode({"query": prefixed(sparql)}).encode("utf-8")
        data = self._request(self.query_url, method="POST", data=body,
                             headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": SPARQL_JSON})
        results = json.loads(data or b"{}")
        return [{k: v["value"] for k, v in row.items()} for row in results.get("results", {}).get("bindings", [])]
