"""The bundled sample report (天津市 2025 政府工作报告): the input of `kg build` when it is given none."""

from __future__ import annotations

from pathlib import Path

SAMPLE_NAME = "tianjin-2025-government-work-report.txt"


def sample_path() -> Path:
    """The bundled sample report's path (kg/data/, shipped in the wheel)."""
    return Path(__file__).parents[1] / "data" / SAMPLE_NAME
