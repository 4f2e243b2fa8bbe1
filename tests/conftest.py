"""Shared fixtures: the sample built once per session, small texts in the report genre."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"

# A fictional district report in the genre, written for the tests (no names from the sample).
GENRE_TEXT = """2026年江北市政府工作报告
——2026年1月20日在江北市第九届人民代表大会第四次会议上
各位代表：
一、2025年工作回顾
全市地区生产总值增长6.2％，一般公共预算收入增长4.8％。
（一）产业发展取得新成效
华星光电集团总部落户青山区，青山经济技术开发区新引进企业120家。举办第三届长江数字经济博览会。
二、2026年工作安排
（一）推动新质生产力发展
加快建设江北地铁3号线二期，实施“数智江北”行动，培育集成电路、生物医药等产业。
"""


@pytest.fixture(scope="session")
def pipeline():
    """One pipeline for the whole session (jieba loads once)."""
    from kg.extract.pipeline import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The bundled sample built once into a temporary folder."""
    from kg.build import build

    out = tmp_path_factory.mktemp("sample-out")
    result = build([], out)
    return out, result


@pytest.fixture
def genre_file(tmp_path) -> Path:
    """The fictional genre report as a UTF-8 file."""
    path = tmp_path / "江北市.txt"
    path.write_text(GENRE_TEXT, encoding="utf-8")
    return path
