"""`runstrong today`: each thing said once, whatever the day's verdict."""

from __future__ import annotations

import io
from datetime import date, timedelta

import pytest
from rich.console import Console

from runstrong.cli import plan
from runstrong.cli.plan import cmd_today
from runstrong.planning.week import Record

WEDNESDAY = date(2026, 11, 25)


def today_lines(monkeypatch: pytest.MonkeyPatch, done: list[tuple[date, str]]) -> list[str]:
    logged = Record.of((day, slug, False, slug) for day, slug in done)
    monkeypatch.setattr(plan, "read_record", lambda first, last: logged)
    out, err = io.StringIO(), io.StringIO()
    code = cmd_today(Console(file=out, width=100), Console(file=err, width=100), on=WEDNESDAY)
    assert code == 0 and err.getvalue() == ""
    return out.getvalue().splitlines()


@pytest.mark.parametrize(
    ("done", "first"),
    [
        ([], "Today: "),
        ([(WEDNESDAY, "foundational")], "Done for today"),
        (
            [
                (WEDNESDAY - timedelta(days=1), "foundational"),
                (WEDNESDAY - timedelta(days=2), "core-stability"),
            ],
            "Rest day",
        ),
    ],
)
def test_today_says_each_thing_once(
    monkeypatch: pytest.MonkeyPatch, done: list[tuple[date, str]], first: str
) -> None:
    lines = today_lines(monkeypatch, done)
    assert lines[0].startswith(first)
    text = "\n".join(lines).lower()
    for phrase in (
        "done for today",
        "rest day",
        "this week",
        "foundational full body",
        "core stability",
        "any time",
    ):
        assert text.count(phrase) <= 1, (phrase, lines)
