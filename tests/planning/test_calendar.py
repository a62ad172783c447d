"""`plan export --ics`, the forecast behind it, and the settings it reads."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from rich.console import Console

from runstrong import paths
from runstrong.cli import main
from runstrong.cli.calendar import cmd_plan_export
from runstrong.planning.forecast import planned_sessions
from runstrong.planning.plans import Plan, load_plans
from runstrong.planning.rules import runs_from_settings
from runstrong.planning.schedule import Done, plan_week
from runstrong.planning.week import calendar_weeks, coach_for
from runstrong.settings import Settings, from_mapping
from runstrong.workout.catalog import load_catalog
from runstrong.workout.model import Session

MONDAY = date(2027, 1, 18)


@dataclass(frozen=True)
class Event:
    uid: str
    start: datetime
    end: datetime
    summary: str
    description: str


def events(path: Path) -> list[Event]:
    calendar = Calendar.from_ical(path.read_bytes())
    return [
        Event(
            str(e["uid"]),
            e.decoded("dtstart"),
            e.decoded("dtend"),
            str(e["summary"]),
            str(e["description"]),
        )
        for e in calendar.walk("VEVENT")
    ]


def write_settings(text: str) -> None:
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text(text)


def test_ics_has_one_event_per_planned_session_at_the_session_time(tmp_path: Path) -> None:
    # The running week told (the Sunday long run): an untold one assumes no runs.
    write_settings('plan = "off-season"\nsession_time = "07:30"\nlong_run_day = "sun"\n')
    target = tmp_path / "plan.ics"
    quiet = Console(quiet=True)
    assert cmd_plan_export(quiet, quiet, str(target), 2, on=MONDAY) == 0
    found = events(target)
    # off-season: 3 a week, plus activation before each Sunday long run
    assert len(found) == 8
    assert sum("pre-run-activation" in e.uid for e in found) == 2
    assert all(
        isinstance(e.start, datetime) and e.start.tzinfo is None and e.start.time() == time(7, 30)
        for e in found
    )
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


def test_uids_are_stable_across_exports(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    one, two = tmp_path / "one.ics", tmp_path / "two.ics"
    assert main(["plan", "export", "--ics", str(one)]) == 0
    assert main(["plan", "export", "--ics", str(two), "--weeks", "4"]) == 0
    assert "sessions of Beginner over 4 weeks" in capsys.readouterr().out
    first, second = events(one), events(two)
    assert first and [e.uid for e in first] == [e.uid for e in second]
    assert len({e.uid for e in first}) == len(first)
    assert all(e.start.time() == time(18, 0) for e in first)
    assert main(["plan", "export", "--ics", str(tmp_path / "no" / "such" / "dir.ics")]) == 1


def test_forecast_is_the_week_placement_week_after_week() -> None:
    catalog = load_catalog()
    plan = load_plans(catalog.entries)["off-season"]
    assert isinstance(plan, Plan)
    coach = coach_for(catalog, plan)
    usual = runs_from_settings(Settings(), MONDAY - timedelta(days=3), MONDAY + timedelta(21))
    weeks = calendar_weeks(coach, usual, [], MONDAY, 2)
    planned = [d for d in planned_sessions(weeks) if d.counts]
    assert len(planned) == 6
    first_week = plan_week(coach, usual, [], MONDAY)
    assert [(p.day, p.session) for p in planned[:3]] == [
        (d.day, d.session) for d in first_week if d.counts
    ]
    # Two weeks of three hold all six of the rotation once.
    assert sorted(str(p.session) for p in planned) == sorted(plan.rotation)
    # Sessions already logged this week are shown as done and count towards it.
    done = [Done(MONDAY, str(planned[0].session))]
    again = calendar_weeks(coach, usual, done, MONDAY + timedelta(days=1), 1)[0]
    assert [d.day for d in again if d.counts and not d.done] == [p.day for p in planned[1:3]]
    assert again[0].done


def test_the_calendar_is_the_week(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Rule 8, and the coach's case: a key-run Tuesday showed activation in `week` but Core
    # stability in the .ics, and four weeks from a Wednesday dropped a session.
    from runstrong.cli import plan as plan_cli

    wednesday = MONDAY + timedelta(days=2)
    monkeypatch.setattr(plan_cli, "today_date", lambda: wednesday)
    write_settings(
        'plan = "off-season"\nrun_days = ["mon", "thu"]\nkey_run_days = ["tue"]\n'
        'race_dates = ["2027-02-07"]\n'
    )
    target = tmp_path / "plan.ics"
    quiet = Console(quiet=True)
    assert cmd_plan_export(quiet, quiet, str(target), 4, on=wednesday) == 0
    exported = sorted(
        (e.start.date(), e.uid.split("-", 3)[-1].split("@")[0]) for e in events(target)
    )
    shown = []
    for week in range(4):
        day = MONDAY + timedelta(weeks=week)
        assert main(["week", "--date", day.isoformat(), "--json"]) == 0
        for entry in json.loads(capsys.readouterr().out):
            if entry["session"]:
                shown.append((date.fromisoformat(entry["date"]), entry["session"]))
    assert exported == sorted(shown)
    assert min(d for d, _ in exported) >= wednesday  # nothing is invented for days gone by
    assert max(d for d, _ in exported) > MONDAY + timedelta(weeks=3, days=4)  # whole weeks


def test_new_settings_are_checked() -> None:
    chosen, warnings = from_mapping({"long_run_minutes": 90, "session_time": "7:05"}, "s")
    assert (chosen.long_run_minutes, chosen.session_time, warnings) == (90, "07:05", [])
    chosen, warnings = from_mapping({"long_run_minutes": 5, "session_time": "25:00"}, "s")
    assert (chosen.long_run_minutes, chosen.session_time) == (75, "18:00")
    assert warnings == [
        "s: long_run_minutes: expected a whole number from 20 to 600, got 5; using the default",
        "s: session_time: expected a 24-hour time such as \"18:00\", got '25:00'; "
        "using the default",
    ]
    assert from_mapping({"session_time": 1800}, "s")[0].session_time == "18:00"
