"""List items (kg/extract/coordination.py): what a list names and where its first item begins."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import Pipeline
from kg.ingest.document import parse_document


@pytest.fixture(scope="module")
def pipe(pipeline: Pipeline) -> Pipeline:
    """The full pipeline, so list items meet the mentions other extractors found."""
    return pipeline


def found(pipe: Pipeline, text: str, cls: str) -> set[str]:
    """The mentions of one class in a text."""
    doc = parse_document(text, source="t.txt")
    return {m.text for m in pipe(doc).mentions if m.cls == cls}


def test_fields_of_work_before_a_project_head_are_no_projects(pipe: Pipeline) -> None:
    projects = found(pipe, "今年要在南部山区建设一批能源、水利、民生等重大项目。", "Project")
    assert not projects & {"能源", "水利", "民生"}


def test_fields_of_work_before_a_body_head_are_no_organizations(pipe: Pipeline) -> None:
    orgs = found(pipe, "充实政法、财税、审计等机构力量。", "Organization")
    assert not orgs & {"政法", "财税", "审计"}


def test_named_items_before_a_project_head_stay_projects(pipe: Pipeline) -> None:
    projects = found(pipe, "加快建设第三使馆区、青石至白沙铁路等重大项目。", "Project")
    assert {"第三使馆区", "青石至白沙铁路"} <= projects


def test_the_first_item_starts_after_the_clause_verbs(pipe: Pipeline) -> None:
    text = "在北部地区开工建设一批城际铁路、桥梁等项目。再推进到兵器、纺织等行业。引进了华星光电、东海科技等企业。"
    names = {m for cls in ("Project", "Industry", "Enterprise") for m in found(pipe, text, cls)}
    assert not [n for n in names if "开工" in n or n.startswith(("到", "了"))]
    assert "兵器" in found(pipe, text, "Industry")


def test_chained_verbal_nouns_do_not_open_a_first_item(pipe: Pipeline) -> None:
    text = "升级发展制糖、造纸等产业。繁荣和发展戏曲、曲艺、杂技等行业。支持发展移动互联网、集成电路等产业。"
    industries = found(pipe, text, "Industry")
    assert not [n for n in industries if n.startswith(("升级", "发展"))]
    assert {"制糖", "移动互联网"} <= industries
