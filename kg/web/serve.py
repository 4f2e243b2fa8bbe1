"""A SPARQL 1.1 Protocol endpoint over a store: the Oxigraph server behind a thin guarding proxy.

The `oxigraph` server (PyPI package ``oxigraph``) does the real work: SPARQL 1.1 Protocol, content negotiation,
the YASGUI query page, read-only mode, the union default graph and a query timeout. It cannot cap the size of
a result, refuse SERVICE calls to other hosts, predeclare prefixes or serve graph.html, so a small stdlib proxy
in front of it does exactly those things and forwards everything else unchanged. Oxigraph itself listens on
a private loopback port.
"""

from __future__ import annotations

import http.client
import http.server
import ipaddress
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from kg.errors import InputError, UsageError
from kg.queries.library import restore_error_position, strip_comments_and_strings, with_prefixes
from kg.rdf.namespace import PREFIXES

LOOPBACK_NAMES = {"localhost", "ip6-localhost"}
QUERY_PATHS = ("/query", "/sparql")
FORWARDED_HEADERS = ("Content-Type", "Content-Disposition", "Cache-Control", "Vary")
_SERVICE_RE = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?(<[^>]*>|[?$]\w+|[A-Za-z][\w.-]*:[\w.-]*|:[\w.-]*)",
                         re.IGNORECASE)
_LOAD_RE = re.compile(r"\bLOAD\s+(?:SILENT\s+)?(<[^>]*>|[A-Za-z][\w.-]*:[\w.-]*)", re.IGNORECASE)
CANCELLED = b"The SPARQL operation has been cancelled"
_PREFIX_RE = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^>]*)>", re.IGNORECASE)


@dataclass(frozen=True)
class ServeOptions:
    """How the endpoint behaves; the defaults are the safe ones."""

    host: str = "127.0.0.1"
    port: int = 7878
    timeout_s: float = 30.0
    max_result_bytes: int = 64 * 1024 * 1024
    html: Path | None = None
    allow_update: bool = False
    allow_remote: bool = False


def oxigraph_binary() -> str:
    """The path of the `oxigraph` server binary: beside this Python's scripts, else on PATH."""
    beside = Path(sys.executable).parent / ("oxigraph.exe" if sys.platform == "win32" else "oxigraph")
    if beside.is_file():
        return str(beside)
    found = shutil.which("oxigraph")
    if not found:
        raise UsageError("the oxigraph server is not installed; run `pip install oxigraph` in GovKG's environment")
    return found


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that is free on host right now."""
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def is_loopback_host(host: str | None) -> bool:
    """Whether a host name or address is this machine's loopback interface."""
    if not host:
        return False
    host = host.strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _expand(term: str, prefixes: dict[str, str]) -> str | None:
    """The IRI of an <iri> or prefixed-name term, or None for a variable or an unknown prefix."""
    if term.startswith("<"):
        return term[1:-1]
    if term.startswith(("?", "$")):
        return None
    prefix, _, local = term.partition(":")
    return prefixes[prefix] + local if prefix in prefixes else None


def remote_targets(text: str) -> list[str]:
    """SERVICE and LOAD targets of a query or update that do not point at this machine (variables count)."""
    bare = strip_comments_and_strings(text)
    prefixes = dict(PREFIXES)
    prefixes.update({(m.group(1) or ""): m.group(2) for m in _PREFIX_RE.finditer(bare)})
    remote = []
    for match in list(_SERVICE_RE.finditer(bare)) + list(_LOAD_RE.finditer(bare)):
        iri = _expand(match.group(1), prefixes)
        parts = urllib.parse.urlsplit(iri) if iri else None
        if parts is None or parts.scheme not in ("http", "https") or not is_loopback_host(parts.hostname):
            remote.append(match.group(1))
    return remote


class OxigraphProcess:
    """The Oxigraph server over a store directory on a private loopback port."""

    def __init__(self, store_dir: Path, *, timeout_s: float, read_only: bool, union: bool = True) -> None:
        self.store_dir = store_dir
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        mode = "serve-read-only" if read_only else "serve"
        self.command = [oxigraph_binary(), mode, "--location", str(store_dir), "--bind", f"127.0.0.1:{self.port}",
                        *(["--union-default-graph"] if union else []), "--timeout-s", str(max(1, round(timeout_s)))]
        self.log = tempfile.TemporaryFile()
        self.process: subprocess.Popen | None = None

    def start(self, wait_s: float = 30.0) -> None:
        """Start the server and wait until it answers; raise InputError with its message if it stops."""
        self.process = subprocess.Popen(self.command, stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log)
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.log.seek(0)
                message = self.log.read().decode("utf-8", "replace").strip().splitlines()
                raise InputError(f"{self.store_dir}: the oxigraph server could not open the store "
                                 f"({message[-1] if message else 'exit status ' + str(self.process.returncode)})")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return
            except OSError:
                time.sleep(0.05)
        self.stop()
        raise InputError(f"{self.store_dir}: the oxigraph server did not start within {wait_s:.0f} s")

    def stop(self) -> None:
        """Stop the server process."""
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.log.close()


class _Handler(http.server.BaseHTTPRequestHandler):
    """Guards and forwards one request; the owning Endpoint is server.endpoint."""

    server_version = "GovKG"
    protocol_version = "HTTP/1.1"

    @property
    def endpoint(self) -> Endpoint:
        return self.server.endpoint  # type: ignore[attr-defined]

    def log_message(self, format: str, *args) -> None:  # noqa: A002 - the stdlib's signature
        if self.endpoint.verbose:
            super().log_message(format, *args)

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's naming
        self._dispatch("GET")

    def do_HEAD(self) -> None:  # noqa: N802
        self._dispatch("HEAD")

    def do_POST(self) -> None:  # noqa: N802
        self._dispatch("POST")

    def do_PUT(self) -> None:  # noqa: N802
        self._dispatch("PUT")

    def do_DELETE(self) -> None:  # noqa: N802
        self._dispatch("DELETE")

    def _dispatch(self, method: str) -> None:
        try:
            self._route(method)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def _route(self, method: str) -> None:
        parts = urllib.parse.urlsplit(self.path)
        path = parts.path
        if path == "/graph.html" and method in ("GET", "HEAD"):
            return self._graph_html(method)
        body = self._read_body() if method in ("POST", "PUT") else b""
        if path in QUERY_PATHS or path == "/update":
            return self._sparql(method, path, parts.query, body)
        if path == "/store" or path.startswith("/store/"):
            if method not in ("GET", "HEAD") and not self.endpoint.options.allow_update:
                return self._refuse(403, "the endpoint is read-only; start kg serve with --allow-update to change "
                                    "graphs")
            return self._forward(method, self.path, body, dict(self.headers))
        if method in ("GET", "HEAD"):
            return self._forward(method, self.path, b"", dict(self.headers))
        return self._refuse(405, f"{method} is not allowed on {path}")

    def _read_body(self) -> bytes:
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length) if length else b""

    def _graph_html(self, method: str) -> None:
        html = self.endpoint.options.html
        if html is None or not html.is_file():
            return self._refuse(404, "no graph.html next to the store; run `kg build` or pass kg serve --html FILE")
        data = html.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if method == "GET":
            self.wfile.write(data)

    def _sparql(self, method: str, path: str, query_string: str, body: bytes) -> None:
        params = urllib.parse.parse_qsl(query_string, keep_blank_values=True)
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if method == "POST" and content_type == "application/x-www-form-urlencoded":
            params += urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True)
        elif method == "POST" and content_type == "application/sparql-query":
            params.append(("query", body.decode("utf-8", "replace")))
        elif method == "POST" and content_type == "application/sparql-update":
            params.append(("update", body.decode("utf-8", "replace")))
        elif method != "GET":
            return self._refuse(405 if method != "POST" else 415,
                                "send SPARQL by GET ?query=, or POST as application/x-www-form-urlencoded, "
                                "application/sparql-query or application/sparql-update")
        queries = [v for k, v in params if k == "query"]
        updates = [v for k, v in params if k == "update"]
        if updates or path == "/update":
            if not self.endpoint.options.allow_update:
                return self._refuse(403, "the endpoint is read-only: SPARQL UPDATE is refused; start kg serve with "
                                    "--allow-update to allow it")
            if len(updates) != 1 or queries:
                return self._refuse(400, "send exactly one update= parameter")
            text, key, target = updates[0], "update", "/update"
        else:
            if len(queries) != 1:
                return self._refuse(400, "send exactly one query= parameter, e.g. /query?query=ASK{?s ?p ?o}")
            text, key, target = queries[0], "query", "/query"
        remote = remote_targets(text)
        if remote and not self.endpoint.options.allow_remote:
            return self._refuse(403, f"SERVICE and LOAD may not reach other hosts ({', '.join(remote)}); start "
                                "kg serve with --allow-remote to allow it")
        rest = [(k, v) for k, v in params if k not in ("query", "update")]
        full = with_prefixes(text)
        data = urllib.parse.urlencode([(key, full)] + rest).encode("utf-8")
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        if self.headers.get("Accept"):
            headers["Accept"] = self.headers["Accept"]
        self._forward("POST", target, data, headers, added=len(full) - len(text))

    def _forward(self, method: str, path: str, body: bytes, headers: dict[str, str], *, added: int = 0) -> None:
        """Send the request to Oxigraph and relay the answer within the time and size limits."""
        options = self.endpoint.options
        deadline = time.monotonic() + options.timeout_s + 1
        keep = {k: v for k, v in headers.items() if k.lower() in ("accept", "content-type")}
        connection = http.client.HTTPConnection("127.0.0.1", self.endpoint.upstream.port, timeout=options.timeout_s + 1)
        try:
            connection.request(method, path, body=body or None, headers=keep)
            response = connection.getresponse()
            chunks: list[bytes] = []
            size = 0
            while True:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise TimeoutError
                connection.sock.settimeout(remaining)
                chunk = response.read1(65536) if method != "HEAD" else b""
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
                if size > options.max_result_bytes:
                    return self._refuse(413, f"the result is larger than {options.max_result_bytes / 2**20:g} MB; "
                                        "add LIMIT to the query, or start kg serve with a larger --max-result-mb")
        except TimeoutError:
            return self._refuse(504, f"the query did not finish within {options.timeout_s:g} s; make it more "
                                "selective, or start kg serve with a larger --timeout")
        except (OSError, http.client.HTTPException) as err:
            return self._refuse(502, f"the oxigraph server is not answering ({err})")
        finally:
            connection.close()
        data = b"".join(chunks)
        if data.rstrip().endswith(CANCELLED):
            return self._refuse(504, f"the query did not finish within {options.timeout_s:g} s; make it more "
                                "selective, or start kg serve with a larger --timeout")
        if response.status == 400 and added:
            data = restore_error_position(data.decode("utf-8", "replace"), added).encode("utf-8")
        self.send_response(response.status)
        for name in FORWARDED_HEADERS:
            if response.getheader(name):
                self.send_header(name, response.getheader(name))
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(data)

    def _refuse(self, status: int, message: str) -> None:
        data = (message + "\n").encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, address: tuple[str, int], endpoint: Endpoint) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.endpoint = endpoint
        super().__init__(address, _Handler)


def _has_materialized_union(store_dir: Path) -> bool:
    """Whether the store's default graph holds the union already (GraphStore.materialize_union)."""
    from kg.store.graphstore import GraphStore

    store = GraphStore.open_read_only(store_dir)
    try:
        return store.has_default_graph()
    finally:
        del store


class Endpoint:
    """The public endpoint: Oxigraph on a private port, the guarding proxy on host:port."""

    def __init__(self, store_dir: str | Path, options: ServeOptions | None = None, *, verbose: bool = False) -> None:
        self.store_dir = Path(store_dir)
        if not self.store_dir.is_dir():
            raise InputError(f"{self.store_dir}: no such store; build one with `kg build --store {self.store_dir}`")
        self.options = options or ServeOptions()
        self.verbose = verbose
        self.upstream = OxigraphProcess(self.store_dir, timeout_s=self.options.timeout_s,
                                        read_only=not self.options.allow_update,
                                        union=not _has_materialized_union(self.store_dir))
        self.server: _Server | None = None
        self._thread: threading.Thread | None = None

    @property
    def url(self) -> str:
        """The base URL clients use (the query UI); SPARQL goes to url + 'query'."""
        assert self.server is not None, "start() the endpoint first"
        host, port = self.server.server_address[:2]
        host = f"[{host}]" if ":" in str(host) else host
        return f"http://{host}:{port}/"

    def start(self) -> Endpoint:
        """Start Oxigraph, then bind the proxy (port 0 picks a free one); serve in a background thread."""
        try:
            self.server = _Server((self.options.host, self.options.port), self)
        except OSError as err:
            raise UsageError(f"cannot listen on {self.options.host}:{self.options.port} ({err.strerror}); "
                             "pick another --port") from None
        try:
            self.upstream.start()
        except BaseException:
            self.server.server_close()
            raise
        self._thread = threading.Thread(target=self.server.serve_forever, name="kg-serve", daemon=True)
        self._thread.start()
        return self

    def wait(self) -> None:
        """Block until the proxy thread ends (stop() from another thread, or Ctrl-C)."""
        while self._thread and self._thread.is_alive():
            self._thread.join(0.5)
            if self.upstream.process and self.upstream.process.poll() is not None:
                raise InputError(f"the oxigraph server stopped (exit status {self.upstream.process.returncode})")

    def stop(self) -> None:
        """Stop the proxy and the Oxigraph server."""
        if self.server:
            self.server.shutdown()
            self.server.server_close()
        if self._thread:
            self._thread.join(5)
        self.upstream.stop()

    def __enter__(self) -> Endpoint:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
