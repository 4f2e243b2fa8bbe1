"""The store lock: a second build into a store being written waits for it or fails with a clear message."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time

import pytest

from kg.errors import UsageError
from kg.store.lock import lock_path_for, store_lock


def test_a_second_writer_fails_at_once_naming_the_holder(tmp_path):
    with store_lock(tmp_path / "store"):
        with pytest.raises(UsageError, match=r"another build is writing to this store \(pid \d+"):
            with store_lock(tmp_path / "store"):
                pass
    with store_lock(tmp_path / "store"):  # released: free again
        pass


def test_a_second_writer_waits_when_asked(tmp_path):
    order: list[str] = []

    def first() -> None:
        with store_lock(tmp_path / "store"):
            order.append("first in")
            time.sleep(0.5)
            order.append("first out")

    thread = threading.Thread(target=first)
    thread.start()
    while not order:
        time.sleep(0.01)
    with store_lock(tmp_path / "store", timeout=10, poll=0.05):
        order.append("second in")
    thread.join()
    assert order == ["first in", "first out", "second in"]  # never interleaved


def test_lock_files_sit_beside_the_store_or_in_temp_for_urls(tmp_path):
    assert lock_path_for(tmp_path / "store") == tmp_path / "store.lock"
    url_lock = lock_path_for("http://127.0.0.1:7878/store")
    assert url_lock.name.startswith("kg-store-") and url_lock == lock_path_for("http://127.0.0.1:7878/store")


def test_kg_build_into_a_locked_store_exits_2(tmp_path, genre_file):
    with store_lock(tmp_path / "out" / "store"):
        proc = subprocess.run([sys.executable, "-m", "kg", "build", str(genre_file), "-o", str(tmp_path / "out"),
                               "--no-page"], capture_output=True, text=True,
                              env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert proc.returncode == 2
    assert "another build is writing to this store" in proc.stderr and "--wait" in proc.stderr
    assert not (tmp_path / "out" / "graph.ttl").exists()
