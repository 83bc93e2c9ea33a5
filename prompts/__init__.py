"""Prompt texts live here as files so they can be read and edited without touching code."""

from __future__ import annotations

from functools import cache
from pathlib import Path

HERE = Path(__file__).parent


@cache
def load(name: str) -> str:
    return (HERE / f"{name}.txt").read_text(encoding="utf-8")
