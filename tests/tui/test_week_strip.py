"""The week strip on the home screen: readable at 80 columns, drawn from the placement."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from runstrong.planning.rules import RunKind, When
from runstrong.planning.schedule import Day
from runstrong.settings import Settings
from runstrong.tui.app import RunstrongApp
from runstrong.tui.widgets.week_strip import CELL, short_name, strip_text

from ..fakes import FakeClock, FakePlayer
from ..helpers import home_filled

MONDAY = date(2026, 11, 23)
NAMES = {
    "power": "Power",
    "core-stability": "Core stability",
    "pre-run-activation": "Pre-run activation",
    "foundational": "Foundational full body",
}


def test_strip_marks_runs_done_light_and_today() -> None:
    week = [
        Day(MONDAY + timedelta(days=n), RunKind.NONE, None, False, None, "Rest day.")
        for n in range(7)
    ]
    week[0] = Day(MONDAY, RunKind.EASY, "power", False, None, "Done: Power.", done=True)
    week[1] = Day(
        MONDAY + timedelta(days=1),
        RunKind.KEY,
        "pre-run-activation",
        False,
        When.BEFORE_RUN,
        "Key run",
    )
    week[3] = Day(
        MONDAY + timedelta(days=3), RunKind.NONE, "core-stability", True, When.ANY, "light"
    )
    week[6] = Day(MONDAY + timedelta(days=6), RunKind.LONG, None, False, None, "Long run")
    text = strip_text(week, NAMES.__getitem__, MONDAY + timedelta(days=1))
    top, bottom = text.plain.split("\n")
    assert len(top) == len(bottom) == 7 * CELL <= 76  # fits 80 columns with the padding
    assert top.split() == ["Mon", "run", "Tue", "KEY", "Wed", "Thu", "Fri", "Sat", "Sun", "LONG"]
    assert bottom.split() == ["✓Power", "Pre-run", "·", "Core½", "·", "·", "·"]
    today = [span for span in text.spans if "reverse" in str(span.style)]
    assert today and text.plain[today[0].start : today[0].end] == "Tue KEY"


def test_short_names_fit_a_cell() -> None:
    assert short_name("Foundational full body") == "Foundati…"
    assert all(len(short_name(n)) < CELL for n in NAMES.values())


async def test_home_shows_this_week() -> None:
    clock = FakeClock(wall_start=datetime(2026, 11, 25, 12, 0).timestamp())
    app = RunstrongApp(
        player=FakePlayer(),
        clock=clock,
        wall=clock.wall,
        settings=Settings(run_days=("tue",), key_run_days=("thu",)),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await home_filled(pilot)
        strip = app.screen.query_one("#week")
        shown = str(strip.render())
        assert "Tue run" in shown and "Thu KEY" in shown and "Sun LONG" in shown
        # The beginner plan's sessions of the week, none on the key run's day or before it.
        assert shown.count("Hips") + shown.count("Foundati") + shown.count("Core") == 2
        today = str(app.screen.query_one("#today").render())
        assert "Today: Hips and glutes" in today and "session 1 of 2 this week" in today
        assert strip.region.width <= 80 and strip.region.height == 2
