"""A figure table parsed as a library file's would be, for the figure tests."""

from __future__ import annotations

from typing import Any

from runstrong.checks import Checker
from runstrong.figures.figure import Figure
from runstrong.figures.parse import parse_figure


def figure_of(raw: dict[str, Any]) -> Figure:
    """The figure a valid table gives (the test fails on any problem)."""
    check = Checker("test.toml")
    figure = parse_figure(check, raw, 'exercise "test"')
    assert check.problems == [], check.problems
    assert figure is not None
    return figure


def problems_of(raw: dict[str, Any]) -> list[str]:
    """What is wrong with an invalid table, as the person reads it."""
    check = Checker("test.toml")
    assert parse_figure(check, raw, 'exercise "test"') is None
    return [str(p) for p in check.problems]
