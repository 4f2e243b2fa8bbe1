"""Regions named by a province's short name and a compass point."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline) -> Pipeline:
    """Only the compass-region component (made after the full pipeline, so jieba knows the user words)."""
    return Pipeline(["compass_regions"])


def regions(pipe: Pipeline, text: str) -> list[str]:
    """The area mentions of a text, in order."""
    return [m.text for m in pipe(parse_document(text, source="t.txt")).mentions if m.cls == "AdministrativeArea"]


def test_short_name_and_compass_point_with_or_without_a_region_word(pipe: Pipeline) -> None:
    found = regions(pipe, "支持陕北、陕南发展，推进皖北地区振兴，川东北经济区经济总量突破9000亿元。")
    assert found == ["陕北", "陕南", "皖北地区", "川东北经济区"]


def test_not_inside_words_divisions_companies_or_directions(pipe: Pipeline) -> None:
    assert regions(pipe, "南京西路、天津南站、新西兰、京东消费、陕西省、京西古道，深化粤黔东西部协作。") == []
