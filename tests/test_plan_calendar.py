"""`plan export --ics`, the forecast behind it, and the settings it reads."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pytest
from icalendar import Calendar
from rich.console import Console

from runstrong import paths
from runstrong.cli import main
from runstrong.cli.calendar import cmd_plan_export
from runstrong.model import Session
from runstrong.planning.forecast import planned_sessions, training_weekdays
from runstrong.planning.plans import Plan
from runstrong.settings import Settings, from_mapping
from runstrong.workouts import load_catalog

MONDAY = date(2027, 1, 18)
PLAN = Plan("in-season", "In season", 2, ("core-stability", "hips-and-glutes", "power"))


@dataclass(frozen=True)
class Event:
    uid: str
    start: datetime
    end: datetime
    summary: str
    description: str


def events(path: Path) -> list[Event]:
    calendar = Calendar.from_ical(path.read_bytes())
    return [Event(str(e["uid"]), e.decoded("dtstart"), e.decoded("dtend"), str(e["summary"]),
                  str(e["description"])) for e in calendar.walk("VEVENT")]


def write_settings(text: str) -> None:
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text(text)


def test_ics_has_one_event_per_planned_session_at_the_session_time(tmp_path: Path) -> None:
    write_settings('plan = "off-season"\nsession_time = "07:30"\n')
    target = tmp_path / "plan.ics"
    quiet = Console(quiet=True)
    assert cmd_plan_export(quiet, quiet, str(target), 2, on=MONDAY) == 0
    found = events(target)
    assert len(found) == 6   # off-season: 3 a week
    assert all(isinstance(e.start, datetime) and e.start.tzinfo is None
               and e.start.time() == time(7, 30) for e in found)
    starts = sorted(e.start.date() for e in found)
    assert starts[0] >= MONDAY and starts[-1] <= date(2027, 1, 31)
    first = found[0]
    assert first.end > first.start
    assert "About " in str(first.description) and "- " in str(first.description)
    prefix = f"off-season-{first.start:%Y%m%d}-"
    slug = str(first.uid).removeprefix(prefix).removesuffix("@runstrong")
    session = load_catalog().entries[slug]
    assert isinstance(session, Session) and first.summary == session.name
    assert f"runstrong start {slug}" in str(first.description)


def test_uids_are_stable_across_exports(capsys: pytest.CaptureFixture[str],
                                        tmp_path: Path) -> None:
    one, two = tmp_path / "one.ics", tmp_path / "two.ics"
    assert main(["plan", "export", "--ics", str(one)]) == 0
    assert main(["plan", "export", "--ics", str(two), "--weeks", "4"]) == 0
    assert "sessions of Beginner over 4 weeks" in capsys.readouterr().out
    first, second = events(one), events(two)
    assert first and [e.uid for e in first] == [e.uid for e in second]
    assert len({e.uid for e in first}) == len(first)
    assert all(e.start.time() == time(18, 0) for e in first)
    assert main(["plan", "export", "--ics", str(tmp_path / "no" / "such" / "dir.ics")]) == 1


def test_sessions_go_on_days_clear_of_key_runs() -> None:
    week = Settings(run_days=("tue", "thu"), key_run_days=("sat",))
    days = training_weekdays(PLAN, week)
    # Not Saturday (key run), not Friday (the day before), not the run days if avoidable.
    assert len(days) == 2 and not {1, 3, 4, 5} & set(days)
    with_days = Plan("x", "X", 2, PLAN.rotation, ("mon", "wed"))
    assert training_weekdays(with_days, week) == (0, 2)


def test_forecast_continues_the_rotation_and_counts_this_weeks_sessions() -> None:
    plan = Plan("x", "X", 2, PLAN.rotation, ("mon", "thu"))
    done = [(MONDAY, "core-stability")]
    planned = planned_sessions(plan, Settings(), done, MONDAY, 2)
    assert planned == [(date(2027, 1, 21), "hips-and-glutes"), (date(2027, 1, 25), "power"),
                       (date(2027, 1, 28), "core-stability")]


def test_new_settings_are_checked() -> None:
    chosen, warnings = from_mapping({"long_run_minutes": 90, "session_time": "7:05"}, "s")
    assert (chosen.long_run_minutes, chosen.session_time, warnings) == (90, "07:05", [])
    chosen, warnings = from_mapping({"long_run_minutes": 5, "session_time": "25:00"}, "s")
    assert (chosen.long_run_minutes, chosen.session_time) == (75, "18:00")
    assert warnings == [
        "s: long_run_minutes: expected a whole number from 20 to 600, got 5; using the default",
        's: session_time: expected a 24-hour time such as "18:00", got \'25:00\'; '
        "using the default",
    ]
    assert from_mapping({"session_time": 1800}, "s")[0].session_time == "18:00"
