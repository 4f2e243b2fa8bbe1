"""Opening the network view of a graph file or store (`load_network`), with a cache beside an on-disk store,
so the explore commands need not re-read a corpus.

Reading the entities and relations of a 1,000-report store takes seconds (every IRI is decoded from RocksDB);
the cache, `<store>.network.npz` beside the store directory (as kg build's `<store>.lock` is), loads in a
fraction of a second. It is used only when its key matches the store as it is now; the key is a SHA-256 of:

- the cache format and the source code of kg/explore/network.py and this module, so a change to how the view is built
  never serves a view built the old way;
- every file in the store directory, with its size and modification time in nanoseconds. RocksDB never edits
  a file in place: it appends to its write-ahead log and MANIFEST and adds new table files, and opening a store
  for writing starts a new log, MANIFEST and CURRENT even when nothing is written (a read-only open touches
  nothing). Any change to what the store holds therefore changes this listing;
- every document's kg:sha256 and kg:builtWith, as a second check at the level of content.

The listing is taken before the store is opened and again after the view is read: the cache is used or written
only when the two agree, so no writer can slip a change in between and a cache always describes exactly the
state its key names. Writing is best effort and atomic (a temporary file renamed into place): when the
directory is read-only the commands simply read the store. A cache file holds only arrays and JSON text and is
loaded with ``allow_pickle=False``, so it can never run code.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from kg.atomic import write_arrays_atomic
from kg.explore.network import EntityNetwork, NetworkData, find_documents, read_network_data
from kg.rdf.namespace import KG

FORMAT = "govkg-network-1"
SUFFIX = ".network.npz"


def cache_path(store_dir: str | Path) -> Path:
    """Where the cache of a store lives: beside its directory, named after it (out/store → out/store.network.npz)."""
    path = Path(store_dir).resolve()
    return path.with_name(path.name + SUFFIX)


def listing(store_dir: str | Path) -> list[tuple[str, int, int]]:
    """Every file of a store directory with its size and modification time (ns), sorted."""
    out = []
    with os.scandir(store_dir) as entries:
        for entry in entries:
            st = entry.stat(follow_symlinks=False)
            out.append((entry.name, st.st_size, st.st_mtime_ns))
    return sorted(out)


def _code_digest() -> str:
    """A digest of the cache format and of the code that builds the view (OSError when it cannot be read)."""
    digest = hashlib.sha256(FORMAT.encode())
    root = Path(__file__).parents[1]  # kg/; kg build makes the view from the graph shares of store/graph_stats.py
    for module in ("explore/network.py", "explore/network_cache.py", "store/graph_stats.py"):
        digest.update((root / module).read_bytes())
    return digest.hexdigest()


def cache_key(files: list[tuple[str, int, int]], store) -> str:
    """The key of a store's view: code, directory listing and every document's kg:sha256 and kg:builtWith."""
    docs = sorted((str(q.graph_name), q.subject.value, q.predicate.value, q.object.value)
                  for p in (KG.sha256, KG.builtWith) for q in store.quads_for_pattern(None, p, None, None))
    payload = json.dumps({"code": _code_digest(), "files": files, "documents": docs}, ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def save(path: Path, key: str, data: NetworkData) -> bool:
    """Write a cache file atomically; False (and nothing written) when the directory cannot be written."""
    meta = {"nodes": data.nodes, "labels": data.labels, "docs": data.docs, "titles": data.titles,
            "aliases": {str(i): a for i, a in data.aliases.items()},
            "extras": {name: {str(i): v for i, v in values.items()} for name, values in data.extras.items()}}
    arrays = {name: getattr(data, name) for name in NetworkData.ARRAYS}
    return write_arrays_atomic(path, meta, {"key": np.frombuffer(key.encode(), dtype=np.uint8), **arrays})


def load(path: Path, key: str) -> NetworkData | None:
    """The cached view when the file exists and was written under this key, else None."""
    try:
        with np.load(path, allow_pickle=False) as z:
            if z["key"].tobytes().decode() != key:
                return None
            meta = json.loads(z["meta"].tobytes().decode("utf-8"))
            arrays = {name: z[name] for name in NetworkData.ARRAYS}
    except (OSError, ValueError, KeyError, UnicodeDecodeError, json.JSONDecodeError):
        return None  # missing, unreadable or from another format: read the store instead
    extras = {name: {int(i): v for i, v in values.items()} for name, values in meta["extras"].items()}
    return NetworkData(nodes=meta["nodes"], labels=meta["labels"], docs=meta["docs"], titles=meta["titles"],
                       aliases={int(i): a for i, a in meta["aliases"].items()}, extras=extras, **arrays)


def open_network(store_dir: str | Path, *, use_cache: bool = True) -> EntityNetwork:
    """The network of a whole on-disk store, through its cache when valid (written when missing and possible)."""
    return _open(store_dir, use_cache=use_cache)[0]


def _open(store_dir: str | Path, *, use_cache: bool) -> tuple[EntityNetwork, bool]:
    """The network, and whether the cache beside the store now holds it."""
    from kg.store.graphstore import GraphStore

    try:
        path = cache_path(store_dir) if use_cache else None
        before = listing(store_dir) if path else None
        _code_digest()
    except (OSError, ValueError):  # not a directory we can list (GraphStore says why), no name to cache under,
        path = before = None  # or no source to tell this code's views from another's: no cache
    store = GraphStore.open_read_only(store_dir).store
    if path is None or before is None:
        return EntityNetwork(store), False
    key = cache_key(before, store)
    stable = listing(store_dir) == before  # nothing wrote to the store while it was being opened
    data = load(path, key) if stable else None
    if data is not None:
        return EntityNetwork(store, data=data), True
    data = read_network_data(store)
    saved = stable and listing(store_dir) == before and save(path, key, data)
    return EntityNetwork(store, data=data), saved


def write_network_cache(store_dir: str | Path, data: NetworkData | None = None) -> Path | None:
    """Make sure the cache beside a store holds its view (kg build calls this once the store is closed).

    ``data`` is the view already read from the store as it is now (kg build reads it while it writes its other
    outputs); without it the store is read. Returns the cache's path, or None when it could not be written
    (e.g. a read-only directory).
    """
    if data is None:
        return cache_path(store_dir) if _open(store_dir, use_cache=True)[1] else None
    from kg.store.graphstore import GraphStore

    try:
        path, before = cache_path(store_dir), listing(store_dir)
        store = GraphStore.open_read_only(store_dir).store
        key = cache_key(before, store)
        del store
        saved = listing(store_dir) == before and save(path, key, data)
    except (OSError, ValueError):
        return None
    return path if saved else None


def load_network(graph: str | Path | None = None, store: str | Path | None = None, *,
                 documents: Iterable[str] | None = None, cache: bool = True) -> EntityNetwork:
    """The network of a graph file or an on-disk store (a store wins when both are given).

    For a whole store the view is read from (or written to) the cache beside it when `cache` is on; see this
    module's docstring for how it is kept in step with the store.
    """
    from kg.store.graphstore import GraphStore

    if store:
        if not documents:
            return open_network(store, use_cache=cache)
        oxi = GraphStore.open_read_only(store).store
    else:
        path = Path(graph or "output/graph.trig")
        if not path.exists() and graph in (None, "output/graph.trig") and Path("output/graph.ttl").exists():
            path = Path("output/graph.ttl")
        oxi = GraphStore.from_file(path).store
    return EntityNetwork(oxi, documents=find_documents(oxi, documents) if documents else None)
