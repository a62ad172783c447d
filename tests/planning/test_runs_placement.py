"""Recorded runs in the week's placement: `today`, `week` and the home screen's today line."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta

import pytest
from textual.widgets import Static

from runstrong import paths
from runstrong.activities import Activity
from runstrong.cli import main
from runstrong.history import HistoryStore
from runstrong.history.runs import add_runs
from runstrong.planning.week import intensity_in
from runstrong.settings import Settings
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.home import HomeScreen
from runstrong.workout.catalog import load_catalog
from runstrong.workout.model import Intensity

from ..fakes import FakeClock, FakePlayer

MONDAY = date(2027, 1, 18)


@pytest.fixture(autouse=True)
def today_is_monday(monkeypatch: pytest.MonkeyPatch) -> None:
    """`week --date` forecasts later weeks from the real today: make it this week."""
    from runstrong.cli import plan

    monkeypatch.setattr(plan, "today_date", lambda: MONDAY)


def settings_file(text: str) -> None:
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text(text)


def record(day: date, minutes: int, km: float, at: time = time(8, 0)) -> None:
    start = datetime.combine(day, at).astimezone()  # local time on that date
    store = HistoryStore(paths.history_file())
    add_runs(
        store.db,
        [Activity(start, minutes * 60, km * 1000, "Run", "Run", "fit", f"fit:{day}-{minutes}")],
    )
    store.close()


def today_json(capsys: pytest.CaptureFixture[str], day: date) -> dict[str, object]:
    assert main(["today", "--date", day.isoformat(), "--json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


def test_no_hard_session_the_day_after_a_recorded_long_run(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # The settings know of no long run at all; the record does.
    settings_file('plan = "off-season"\nlong_run_day = ""\n')
    catalog = load_catalog()
    before = today_json(capsys, MONDAY)
    assert intensity_in(catalog, str(before["session"])) is Intensity.HARD
    record(MONDAY - timedelta(days=1), 110, 21.1)
    after = today_json(capsys, MONDAY)
    assert (
        after["session"] is None
        or intensity_in(catalog, str(after["session"])) is not Intensity.HARD
    )
    assert "From your runs: long run yesterday, 21.1 km." in str(after["reason"])
    assert main(["week", "--date", MONDAY.isoformat(), "--json"]) == 0
    week = json.loads(capsys.readouterr().out)
    assert week[0]["session"] == after["session"] and week[0]["reason"] == after["reason"]
    # Power is not dropped: it moves to a day clear of the long run.
    assert before["session"] in [day["session"] for day in week[1:]]


def test_a_run_done_today_puts_the_session_after_it(capsys: pytest.CaptureFixture[str]) -> None:
    settings_file('plan = "off-season"\nlong_run_day = ""\n')
    wednesday = MONDAY + timedelta(days=2)
    planned = today_json(capsys, wednesday)
    assert planned["verdict"] == "session" and "after your run" not in str(planned["reason"])
    record(wednesday, 40, 8.0, time(7, 0))
    after = today_json(capsys, wednesday)
    assert after["verdict"] == "session" and after["when"] == "after-run"
    assert str(after["reason"]).startswith("Run done: ")
    assert "after your run" in str(after["reason"])
    assert "From your runs: ran today, 8.0 km." in str(after["reason"])


def test_settings_still_forecast_the_days_ahead(capsys: pytest.CaptureFixture[str]) -> None:
    settings_file('plan = "off-season"\nlong_run_day = "sat"\n')
    record(MONDAY, 30, 5.0)
    assert main(["week", "--date", MONDAY.isoformat(), "--json"]) == 0
    week = {d["date"]: d for d in json.loads(capsys.readouterr().out)}
    assert week["2027-01-23"]["run"] == "long"  # Saturday, from settings
    assert week["2027-01-18"]["run"] == "easy"  # Monday, recorded
    assert week["2027-01-20"]["run"] == "none"  # Wednesday ahead: settings say no run


async def test_home_today_line_says_what_it_took_into_account() -> None:
    # The app plans for the day of its (fake) wall clock: the run goes on the day before.
    clock = FakeClock()
    record(date.fromtimestamp(clock.wall()) - timedelta(days=1), 110, 21.1)
    app = RunstrongApp(
        catalog=load_catalog(),
        clock=clock,
        wall=clock.wall,
        player=FakePlayer(),
        settings=Settings(get_ready=0),
    )
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        line = str(app.screen.query_one("#today", Static).render())
        assert "long run yesterday, 21.1 km" in line
