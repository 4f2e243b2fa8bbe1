"""Extraction on a Dask distributed cluster (a LocalCluster of 2 worker processes) gives the local graph."""

from __future__ import annotations

import pytest

from kg.build import build
from kg.eval.synth import write_corpus
from kg.store.graphstore import GraphStore

distributed = pytest.importorskip("distributed", reason="dask[distributed] is installed by pip install -e '.[test]'")

ONTOLOGY = "https://w3id.org/govkg/ontology"


def store_quads(store_dir) -> set:
    """All document quads of an on-disk store."""
    store = GraphStore.open_read_only(store_dir)
    quads = {q for q in store.quads() if q.graph_name.value != ONTOLOGY}  # named graphs, not the merged union
    del store
    return quads


def test_a_dask_cluster_builds_the_same_graph_as_a_local_build(tmp_path, pipeline):
    write_corpus(tmp_path / "in", 3, seed=21, sentences=16)
    local = build([tmp_path / "in"], tmp_path / "local", pipeline=pipeline, page=False)
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=50) as cluster, distributed.Client(cluster) as client:
        remote = build([tmp_path / "in"], tmp_path / "dask", page=False, client=client)
        assert len(client.scheduler_info()["workers"]) == 2
    assert len(remote.report.built) == len(local.report.built) == 3 and not remote.report.failed
    assert store_quads(tmp_path / "dask" / "store") == store_quads(tmp_path / "local" / "store")


def test_dask_without_a_scheduler_address_is_a_usage_error():
    from kg.errors import UsageError
    from kg.store.executors import make_executor

    with pytest.raises(UsageError, match="--scheduler"):
        make_executor("dask")
