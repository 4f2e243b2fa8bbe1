"""The Python API for notebooks: open a built graph and ask it what the command line asks.

``kg.open(PATH_OR_URL)`` takes a store folder (``kg build --store``), a graph file (graph.trig, graph.ttl …) or a
SPARQL endpoint URL and returns a `KnowledgeGraph`. Its methods wrap the code behind the commands — saved queries
and their parameters (kg.queries.library), the entity network and its name lookup, neighbourhoods and paths
(kg.explore.network, kg.explore.paths), the interactive page (kg.web.viz) — so a notebook gets the same answers
as ``kg query``, ``kg neighbors`` and ``kg path``.
"""

from __future__ import annotations

import html
import urllib.parse
import warnings
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, QueryBoolean, QuerySolutions, Store, Triple

from kg.errors import InputError

if TYPE_CHECKING:
    import networkx as nx
    import pandas as pd
    import rdflib

    from kg.explore.network import EntityNetwork
    from kg.store.graphstore import GraphStore, RemoteEndpoint

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {f"{XSD}{t}" for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                     "positiveInteger", "negativeInteger", "nonPositiveInteger", "unsignedInt",
                                     "unsignedLong", "unsignedShort", "unsignedByte")}


def python_value(term: Any) -> Any:
    """A query result term as a plain Python value: an IRI as str, a number as int/Decimal/float, a boolean,
    a date or datetime, other literals as their text; a blank node as "_:id"; unbound as None."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    if not isinstance(term, Literal):
        return str(term)
    datatype, text = term.datatype.value, term.value
    try:
        if datatype in _INTEGERS:
            return int(text)
        if datatype == f"{XSD}decimal":
            return Decimal(text)
        if datatype in (f"{XSD}double", f"{XSD}float"):
            return float(text)
        if datatype == f"{XSD}boolean":
            return text in ("true", "1")
        if datatype == f"{XSD}date":
            return date.fromisoformat(text)
        if datatype == f"{XSD}dateTime":
            return datetime.fromisoformat(text)
    except ValueError:  # an ill-typed literal keeps its text
        return text
    return text


def rows_of(results: Any) -> list[dict[str, Any]]:
    """Query results as a list of dicts: one per solution (variables without the ?), {"ask": bool} for ASK,
    {"subject", "predicate", "object"} per triple for CONSTRUCT and DESCRIBE."""
    if isinstance(results, QueryBoolean):
        return [{"ask": bool(results)}]
    if isinstance(results, bool):
        return [{"ask": results}]
    if isinstance(results, QuerySolutions):
        names = [v.value for v in results.variables]
        return [{name: python_value(solution[name]) for name in names} for solution in results]
    rows = []
    for item in results:
        triple = item.triple if isinstance(item, Quad) else item
        if isinstance(triple, Triple):
            rows.append({"subject": python_value(triple.subject), "predicate": python_value(triple.predicate),
                         "object": python_value(triple.object)})
    return rows


@dataclass(frozen=True, repr=False)
class Page:
    """An interactive page (the self-contained graph.html) that Jupyter shows inline in a sandboxed frame."""

    html: str
    title: str
    height: int = 640

    def _repr_html_(self) -> str:
        """The page inside an <iframe srcdoc> sandboxed to scripts only: it cannot reach the notebook, its
        cookies or the network (the page's own Content-Security-Policy allows no host at all)."""
        return (f'<iframe title="{html.escape(self.title)}" sandbox="allow-scripts" srcdoc="{html.escape(self.html)}"'
                f' style="width:100%;height:{self.height}px;border:1px solid #ddd"></iframe>')

    def __repr__(self) -> str:
        return f"Page({self.title!r}, {len(self.html):,} characters of HTML)"

    def save(self, path: str | Path) -> Path:
        """Write the page as a standalone HTML file (atomically) and return its path."""
        from kg.atomic import write_atomic

        write_atomic(path, self.html)
        return Path(path)


class KnowledgeGraph:
    """A built GovKG graph: SPARQL and saved queries, the entity network, neighbourhoods, paths and the page."""

    def __init__(self, location: str, *, store_dir: Path | None = None, graph_file: Path | None = None,
                 endpoint: str | None = None, timeout: float = 60.0) -> None:
        self.location = location
        self.store_dir = store_dir
        self.graph_file = graph_file
        self.endpoint = endpoint
        self.timeout = timeout
        self._source: GraphStore | RemoteEndpoint | None = None
        self._network: EntityNetwork | None = None
        self._names = None

    def __repr__(self) -> str:
        kind = "store" if self.store_dir else "graph file" if self.graph_file else "endpoint"
        return f"KnowledgeGraph({kind} {self.location})"

    # ----------------------------------------------------------------- SPARQL

    @property
    def source(self) -> GraphStore | RemoteEndpoint:
        """What queries run on: the store opened read-only, the file loaded in memory, or the endpoint."""
        if self._source is None:
            from kg.store.graphstore import GraphStore, RemoteEndpoint

            if self.store_dir is not None:
                self._source = GraphStore.open_read_only(self.store_dir)
            elif self.graph_file is not None:
                self._source = GraphStore.from_file(self.graph_file)
            else:
                self._source = RemoteEndpoint(str(self.endpoint), timeout=self.timeout)
        return self._source

    def sparql(self, query: str, **params: Any) -> str:
        """The SPARQL text a query argument stands for: a saved query's name with its parameters bound, or the
        text itself (parameters are for saved queries only)."""
        from kg.errors import UsageError
        from kg.queries.library import get_query, is_query_name, is_sparql_text

        if not is_sparql_text(query) and is_query_name(query):
            # class_= stands for the parameter class (a Python keyword); None leaves a parameter unbound
            values = {k[:-1] if k.endswith("_") else k: "" if v is None else str(v) for k, v in params.items()}
            return get_query(query).bind(values)
        if params:
            raise UsageError("parameters bind saved queries only; kg.saved_queries() lists them")
        if not query.strip():
            raise InputError("the query is empty")
        return query

    def raw_query(self, query: str, **params: Any) -> Any:
        """The results as pyoxigraph returns them (solutions, a boolean or triples)."""
        text = self.sparql(query, **params)
        try:
            return self.source.query(text)
        except SyntaxError as err:
            raise InputError(f"invalid SPARQL: {err}") from None

    def query(self, query: str, **params: Any) -> list[dict[str, Any]]:
        """Run SPARQL or a saved query (by name, parameters as keywords, e.g. ``name="滨海新区"``, ``class_="Zone"``):
        a list of dicts, one per solution, with plain Python values (see `rows_of`)."""
        return rows_of(self.raw_query(query, **params))

    def frame(self, query: str, **params: Any) -> pd.DataFrame:
        """The same results as a pandas DataFrame, columns in the query's order (``pip install govkg[notebook]``)."""
        try:
            import pandas as pd
        except ImportError:
            raise InputError("frame() needs pandas: pip install 'govkg[notebook]'") from None
        results = self.raw_query(query, **params)
        columns = [v.value for v in results.variables] if isinstance(results, QuerySolutions) else None
        return pd.DataFrame(rows_of(results), columns=columns)

    # ----------------------------------------------------------------- the entity network

    @property
    def network(self) -> EntityNetwork:
        """The entity network the explore commands (kg path, neighbors, rank, communities) use."""
        if self._network is None:
            from kg.explore.network import EntityNetwork
            from kg.explore.network_cache import load_network

            if self.store_dir is not None:
                self._network = load_network(store=self.store_dir)
            elif self.graph_file is not None:
                self._network = load_network(graph=self.graph_file)
            else:  # an endpoint: its union default graph, read once
                store = Store()
                store.extend(Quad(t.subject, t.predicate, t.object) for t in
                             self.source.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"))
                self._network = EntityNetwork(store)
        return self._network

    def to_networkx(self) -> nx.Graph:
        """The entity network as networkx: nodes are entity IRIs (cls, label, aliases, mentions, documents),
        undirected edges carry their relations, a weight and whether any relation is typed."""
        return self.network.graph

    def to_rdflib(self) -> rdflib.Dataset:
        """The whole graph as an rdflib Dataset (documents in named graphs, the default graph their union)."""
        from pyoxigraph import RdfFormat, serialize
        from rdflib import Dataset

        data = Dataset(default_union=True)
        nquads = serialize(self._quads(), format=RdfFormat.N_QUADS).decode("utf-8")
        with warnings.catch_warnings():  # rdflib's own N-Quads parser warns about its own deprecated names, per quad
            warnings.simplefilter("ignore", DeprecationWarning)
            data.parse(data=nquads, format="nquads")
        return data

    def resolve(self, name: str) -> str:
        """The IRI of the entity a name means (label, alias, abbreviation, Class:label or IRI), as kg path does."""
        from kg.explore.paths import NameIndex

        if self._names is None:
            self._names = NameIndex(self.network)
        return self._names.resolve(name).node

    def entities(self, cls: str | None = None) -> list[dict[str, Any]]:
        """Every entity (of one class, English or Chinese, when given): IRI, label, class, mentions and degree,
        most connected first."""
        from kg.explore.paths import parse_class

        net = self.network
        wanted = parse_class(cls) if cls else None
        nodes = [n for n in net.nodes if wanted is None or net.cls(n) == wanted]
        nodes.sort(key=lambda n: (-net.degree(n), -net.mentions(n), net.label(n), n))
        return [{"iri": n, "label": net.label(n), "class": net.cls(n), "mentions": net.mentions(n),
                 "degree": net.degree(n)} for n in nodes]

    def neighbors(self, name: str, depth: int = 1, *, classes: list[str] | None = None,
                  limit: int = 500) -> dict[str, Any]:
        """The entities around one, as ``kg neighbors NAME --format json`` gives them."""
        from kg.explore.paths import neighbourhood, neighbourhood_json, parse_class

        centre = self.resolve(name)
        found = neighbourhood(self.network, centre, depth=depth,
                              classes={parse_class(c) for c in classes} if classes else None)
        return neighbourhood_json(self.network, centre, depth, found, found[:max(limit, 0)])

    def path(self, a: str, b: str, *, max_hops: int = 4, typed_only: bool = False, limit: int = 5
             ) -> dict[str, Any]:
        """The shortest connections between two entities, as ``kg path A B --format json`` gives them."""
        from kg.explore.paths import find_paths, paths_json

        source, target = self.resolve(a), self.resolve(b)
        paths = find_paths(self.network, source, target, max_hops=max_hops, typed_only=typed_only, limit=limit)
        return paths_json(self.network, source, target, paths)

    def trend(self, measure: str, *, kind: str = "both", issuers: tuple[str, ...] | list[str] = (),
              year: int | None = None, year_from: int | None = None, year_to: int | None = None) -> dict[str, Any]:
        """One measure across reports and years, as ``kg trend MEASURE --format json`` gives it: the concept's IRI
        and labels and one row per issuer, year and kind (MEASURE a slug or any label: gdp-growth, 地区生产总值增长)."""
        import json

        from kg.explore.trend import find_concept, to_json, trend_rows

        concept = find_concept(measure)
        rows = trend_rows(self.source, concept, kind=kind, issuers=tuple(issuers), year=year,
                          year_from=year_from, year_to=year_to)
        return json.loads(to_json(rows, concept))

    # ----------------------------------------------------------------- the page

    def show(self, name: str | None = None, *, depth: int = 1, top: int | None = None) -> Page:
        """The interactive page of the whole graph, or of one entity's neighbourhood (as kg neighbors --html);
        Jupyter shows it inline, ``.save(path)`` writes it."""
        from kg.web.viz import render_page

        if name is None:
            title = f"GovKG — {self.endpoint or Path(self.location).name}"
            return Page(render_page(self._quads(), title=title, top=top), title)
        from kg.explore.paths import neighbourhood, neighbourhood_nodes

        centre = self.resolve(name)
        found = neighbourhood(self.network, centre, depth=depth)
        title = f"{self.network.label(centre)} — {depth} hop{'s' if depth > 1 else ''}"
        return Page(render_page(self.network.subgraph_quads(neighbourhood_nodes(centre, found)), title=title),
                    title)

    def _quads(self) -> list[Quad]:
        """Every quad: a store's or a file's named graphs, or an endpoint's union as the default graph."""
        from kg.store.graphstore import GraphStore

        if isinstance(self.source, GraphStore):
            return self.source.quads()
        return [Quad(t.subject, t.predicate, t.object) for t in
                self.source.query("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }")]

    def _repr_html_(self) -> str:
        """The whole graph's page, inline in Jupyter."""
        return self.show()._repr_html_()


def open_graph(location: str | Path, *, timeout: float = 60.0) -> KnowledgeGraph:
    """Open a built graph: a store folder (kg build --store), a graph file (.trig, .ttl, .nq, .nt, .jsonld, .rdf),
    a build's output folder (its store, else its graph.trig or graph.ttl) or a SPARQL endpoint's query URL
    (http:// or https://). Exposed as ``kg.open``."""
    text = str(location)
    if urllib.parse.urlsplit(text).scheme in ("http", "https"):
        return KnowledgeGraph(text, endpoint=text, timeout=timeout)
    path = Path(location)
    if path.is_dir() and not (path / "CURRENT").is_file():  # not a store itself: a build's output folder?
        for inside in (path / "store", path / "graph.trig", path / "graph.ttl"):
            if (inside / "CURRENT").is_file() or inside.is_file():
                path = inside
                break
    if path.is_dir():
        return KnowledgeGraph(text, store_dir=path)
    if path.is_file():
        return KnowledgeGraph(text, graph_file=path)
    raise InputError(f"{location}: no such store folder, graph file or endpoint; run kg build, or pass "
                     "output/store, output/graph.trig or http://127.0.0.1:7878/query")
