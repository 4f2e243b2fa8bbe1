"""Policies named by a fixed pattern of the genre: revivals of a field, pairings of regions, the unified market."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline) -> Pipeline:
    """Only the policy-pattern component (made after the full pipeline, so jieba knows the user words)."""
    return Pipeline(["policy_patterns"])


def found(pipe: Pipeline, text: str) -> list[str]:
    """The policy mentions of a text, in order."""
    return [m.text for m in pipe(parse_document(text, source="t.txt")).mentions if m.cls == "Policy"]


def test_revival_of_a_field_but_not_a_manner(pipe: Pipeline) -> None:
    names = found(pipe, "推进种业振兴，加快冷水渔业振兴，扎实推进乡村全面振兴，实现高质量振兴，支持重点帮扶县振兴。")
    assert names == ["种业振兴", "冷水渔业振兴", "乡村全面振兴"]


def test_pairings_and_the_unified_market(pipe: Pipeline) -> None:
    names = found(pipe, "深化东西部协作，做好沪滇协作和定点帮扶，积极融入全国统一大市场，加强团结协作。")
    assert names == ["东西部协作", "沪滇协作", "全国统一大市场"]


def test_campaign_of_a_year_names_what_it_pushes_but_not_the_clause_verb(pipe: Pipeline) -> None:
    text = "深化园区招商引资突破年行动，持续开展民生项目建设年活动，全面提升年行动，实施2026年行动，关心老年活动。"
    assert found(pipe, text) == ["园区招商引资突破年行动", "民生项目建设年活动"]
