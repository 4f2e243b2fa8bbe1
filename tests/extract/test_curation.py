"""Curation files and the review table, on a small genre text."""

from __future__ import annotations

import pytest

from kg.errors import InputError
from kg.eval.review import review_csv
from kg.extract.curation import apply_curation, read_curation
from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document

TEXT = ("2026年江北市政府工作报告\n一、2025年工作回顾\n"
        "青山工业区扩区，青山新增企业20家。星海电子集团落户青山工业区。青禾科仪、蓝溪等增资扩产。")


@pytest.fixture(scope="module")
def entities():
    return Pipeline(model="none")(parse_document(TEXT, source="江北市.txt")).entities  # rules alone


def _write(tmp_path, body: str):
    path = tmp_path / "curation.csv"
    path.write_text(body, encoding="utf-8")
    return read_curation(path)


def labels(ents):
    return {(e.cls, e.label) for e in ents}


def test_retype_drop_rename_alias(tmp_path, entities):
    edits = _write(tmp_path, "action,name,value,class\n"
                             "retype,蓝溪,Organization,\n"
                             "drop,青禾科仪,,Enterprise   # not a company\n"
                             "rename,星海电子集团,星海电子集团有限公司,\n"
                             "alias,青山工业区,青山园,\n")
    curated = apply_curation(entities, edits)
    assert ("Organization", "蓝溪") in labels(curated)
    assert not any(e.label == "青禾科仪" for e in curated)
    renamed = next(e for e in curated if e.label == "星海电子集团有限公司")
    assert "星海电子集团" in renamed.aliases
    zone = next(e for e in curated if e.label == "青山工业区")
    assert "青山园" in zone.aliases


def test_merge_and_split(tmp_path, entities):
    merged = apply_curation(entities, _write(tmp_path, "merge,蓝溪,青禾科仪,Enterprise\n"))
    target = next(e for e in merged if e.label == "青禾科仪")
    assert "蓝溪" in target.aliases and not any(e.label == "蓝溪" for e in merged)
    split = apply_curation(merged, _write(tmp_path, "split,青禾科仪,蓝溪,\n"))
    assert {"青禾科仪", "蓝溪"} <= {e.label for e in split}


def test_same_file_same_result(tmp_path, entities):
    edits = _write(tmp_path, "merge,蓝溪,青禾科仪,\nretype,青禾科仪,Organization,\n")
    assert labels(apply_curation(entities, edits)) == labels(apply_curation(entities, edits))


def test_pipeline_applies_curation(tmp_path):
    edits = _write(tmp_path, "drop,蓝溪,,\n")
    result = Pipeline(curation=edits, model="none")(parse_document(TEXT, source="江北市.txt"))
    assert "蓝溪" not in {e.label for e in result.entities}


@pytest.mark.parametrize("body, message", [
    ("explode,蓝溪,,\n", "unknown action"),
    ("retype,蓝溪,Company,\n", "unknown class"),
    ("merge,蓝溪,,\n", "needs a value"),
])
def test_bad_rows_name_their_line(tmp_path, body, message):
    with pytest.raises(InputError, match=message):
        _write(tmp_path, "action,name,value,class\n" + body)


def _record(e) -> dict[str, str]:
    return {"class": e.cls, "label": e.label, "aliases": "|".join(sorted(e.aliases)),
            "confidence": str(e.confidence), "extractors": "|".join(e.extractors), "mentions": str(len(e.mentions))}


def test_review_lists_weak_entities_with_a_suggestion(entities):
    text = review_csv(_record(e) for e in entities)
    lines = text.splitlines()
    assert lines[0].startswith("kind,class,label")
    weak = [line for line in lines[1:] if ",蓝溪," in line]
    assert weak and "drop,蓝溪,,Enterprise" in weak[0]
