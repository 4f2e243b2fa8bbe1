"""examples/explore.ipynb runs from top to bottom (offline, in seconds), so it never rots; its outputs are not kept."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

NOTEBOOK = Path(__file__).resolve().parents[1] / "examples" / "explore.ipynb"


def test_notebook_is_committed_without_outputs():
    nbformat = pytest.importorskip("nbformat")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert code and all(not c.outputs and c.execution_count is None for c in code)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    assert "样例" in text and "sample" in text  # Chinese and English


def test_explore_notebook_executes(tmp_path):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    nb = nbformat.read(NOTEBOOK, as_version=4)
    cwd = tmp_path / "cwd"
    temp = tmp_path / "tmp"
    cwd.mkdir()
    temp.mkdir()
    # the kernel is this interpreter; its temporary folder is ours, so what it writes can be checked
    env = {**os.environ, "TMPDIR": str(temp), "PYTHONPATH": os.pathsep.join(sys.path)}
    client = nbclient.NotebookClient(nb, timeout=180, kernel_name="python3",
                                     resources={"metadata": {"path": str(cwd)}})
    client.execute(env=env)
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    targets = next(line for line in text.splitlines() if line.endswith(" targets"))
    assert int(targets.split()[0]) > 0
    tables = [o for o in outputs if o.output_type == "execute_result" and "text/html" in o.data]
    assert sum("<table" in o.data["text/html"] for o in tables) >= 4  # the DataFrames render as tables
    assert "Empty DataFrame" not in "\n".join(o.data.get("text/plain", "") for o in tables)  # each question answers
    page = tables[-1].data["text/html"]
    assert page.startswith("<iframe") and 'sandbox="allow-scripts"' in page and "滨海新区" in page
    assert list(cwd.iterdir()) == []  # nothing written beside the notebook
    assert any(p.name.startswith("govkg-notebook-") for p in temp.iterdir())
