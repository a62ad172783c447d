"""Issue 18: the coach's concrete cases, each through the commands a runner uses."""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any

import pytest

from runstrong import paths, settings
from runstrong.activities import Activity
from runstrong.cli import main
from runstrong.cli import plan as plan_cli
from runstrong.history import HistoryStore
from runstrong.history.runs import add_runs
from runstrong.planning.plans import Plan, load_plans
from runstrong.planning.rules import Judge, Placed, RunKind, week_problems
from runstrong.planning.week import intensity_in, legs_in
from runstrong.workout.catalog import load_catalog
from runstrong.workout.model import Intensity

EVERY_DAY = 'run_days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n'


def write_settings(text: str) -> None:
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text(text)


def as_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def week_json(capsys: pytest.CaptureFixture[str], day: date) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = as_json(capsys, "week", "--date", day.isoformat(), "--json")
    return found


def level(slug: object) -> Intensity:
    return intensity_in(load_catalog(), str(slug)) if slug else Intensity.EASY


def test_rule_1_no_hard_session_the_day_before_the_long_run(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Runs Tue/Thu/Sat + long Sun, off-season: Saturday 14 March said "Power. After your
    # easy run", the second Power that week.
    write_settings('plan = "off-season"\nrun_days = ["tue", "thu", "sat"]\nlong_run_day = "sun"\n')
    today = as_json(capsys, "today", "--date", "2026-03-14", "--json")
    assert today["session"] not in ("power", "power-home")
    assert level(today["session"]) is not Intensity.HARD
    for monday in (date(2026, 3, 2), date(2026, 3, 9), date(2026, 3, 16)):
        for day in week_json(capsys, monday):
            if day["weekday"] in ("sat", "sun", "mon"):
                assert level(day["session"]) is not Intensity.HARD, day


def test_rule_2_after_the_long_run_no_leg_session() -> None:
    # Runs every day, key runs Tue/Thu, long Sun, off-season: Hips and glutes (lunges,
    # single-leg squats) landed after the long run on 15 March and 5 April.
    from runstrong.planning.rules import runs_from_settings
    from runstrong.planning.schedule import Done, plan_week
    from runstrong.planning.week import coach_for
    from runstrong.settings import Settings

    catalog = load_catalog()
    plan = next(p for s, p in load_plans(catalog.entries).items() if s == "off-season")
    assert isinstance(plan, Plan)
    coach = coach_for(catalog, plan)
    week = Settings(
        run_days=tuple(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]),
        key_run_days=("tue", "thu"),
    )
    start = date(2026, 3, 2)
    runs = runs_from_settings(week, start - timedelta(days=3), start + timedelta(weeks=7))
    done: list[Done] = []
    for offset in range(42):
        today = start + timedelta(days=offset)
        entry = next(d for d in plan_week(coach, runs, done, today) if d.day == today)
        if entry.session and not entry.done:
            done.append(Done(today, entry.session, entry.light))
            if today.weekday() == 6 and entry.when is not None and entry.when.value == "after-run":
                assert not legs_in(catalog, entry.session), entry


def test_rule_3_is_checked_across_weeks() -> None:
    judge = Judge(lambda s: Intensity.HARD if s == "power" else Intensity.MODERATE, lambda s: True)
    runs: dict[date, RunKind] = {}
    sunday, monday = date(2026, 3, 8), date(2026, 3, 9)
    twice = [
        Placed(monday, "power", False, None),
        Placed(monday + timedelta(4), "power", False, None),
    ]
    assert any("power twice" in p for p in week_problems(twice, runs, judge, ()))
    boundary = [Placed(sunday, "core", False, None), Placed(monday, "hips", False, None)]
    assert any("less than 48 h" in p for p in week_problems(boundary, runs, judge, ()))
    three = [Placed(monday + timedelta(2 * n), f"h{n}", False, None) for n in range(3)]
    judge_all_hard = Judge(lambda s: Intensity.HARD, lambda s: True)
    assert any("3 hard sessions" in p for p in week_problems(three, runs, judge_all_hard, ()))
    # A light leg session is moderate for spacing (rule 6).
    light = [Placed(sunday, "hips", True, None), Placed(monday, "core", False, None)]
    assert week_problems(light, runs, judge, ())


def test_rule_4_the_plan_never_stalls(capsys: pytest.CaptureFixture[str]) -> None:
    # Runs every day, key runs Tue/Thu/Sat, long Sun: off-season gave 0 sessions from week 3.
    write_settings(f'plan = "off-season"\n{EVERY_DAY}key_run_days = ["tue", "thu", "sat"]\n')
    waits = 0
    for n in range(8):
        week = week_json(capsys, date(2026, 3, 2) + timedelta(weeks=n))
        counted = [d for d in week if d["session"] and not d["session"].endswith("activation")]
        assert len(counted) == 3, (n, week)
        assert all(level(d["session"]) is not Intensity.HARD for d in counted)
        waits += sum(
            "Power waits: no day this week is clear of key runs." in d["reason"] for d in week
        )
    assert waits == 8  # once a week, on the day that took Power's place
    assert main(["today", "--date", "2026-03-16"]) == 0
    assert "0 of 3 this week" not in capsys.readouterr().out


def test_rule_5_races(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(plan_cli, "today_date", lambda: date(2027, 4, 5))
    write_settings(
        'plan = "off-season"\nrun_days = ["tue", "thu"]\nlong_run_day = "sat"\n'
        'race_dates = ["2027-04-18"]\n'
    )
    days = week_json(capsys, date(2027, 4, 12)) + week_json(capsys, date(2027, 4, 19))
    by_date = {date.fromisoformat(d["date"]): d for d in days}
    race = date(2027, 4, 18)
    assert by_date[race]["run"] == "race"
    for day, entry in by_date.items():
        gap = (race - day).days
        if 0 <= gap <= 7 or -3 <= gap < 0:
            assert level(entry["session"]) is not Intensity.HARD, entry
        if 0 <= gap <= 2:
            assert level(entry["session"]) is Intensity.EASY, entry
        if gap == 0:
            assert "Race on" not in entry["reason"], entry  # it says race day once
        elif 0 < gap <= 2:
            assert "Race on Sun 18 Apr: easy work only in the last two days." in entry["reason"]
        elif 0 <= gap <= 7:
            assert "Race on Sun 18 Apr: nothing hard in the last seven days." in entry["reason"]
    assert by_date[race]["session"] == "key-run-activation"
    # A race in the week before gets no Power in it (it did, on Tuesday, 48 h before pogo hops).
    chosen, warnings = settings.load()
    assert chosen.race_dates == (race,) and not warnings


def record_run(day: date, minutes: int, km: float) -> None:
    store = HistoryStore(paths.history_file())
    start = datetime.combine(day, time(7, 0)).astimezone()
    add_runs(store.db, [Activity(start, minutes * 60, km * 1000, "Run", "Run", "fit", f"f:{day}")])
    store.close()


def test_rule_9_recorded_runs_show_on_past_days(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    thursday = date(2026, 12, 10)
    monkeypatch.setattr(plan_cli, "today_date", lambda: thursday)
    write_settings('plan = "off-season"\nrun_days = ["tue", "thu"]\n')
    record_run(date(2026, 12, 8), 55, 10.3)
    assert main(["week"]) == 0
    out = capsys.readouterr().out
    assert "Tue 08  easy run 10.3 km (recorded), 55 min" in out
    assert main(["today", "--date", thursday.isoformat()]) == 0
    assert "Tue 08  easy run 10.3 km (recorded)" in capsys.readouterr().out


def test_rule_7_a_gentle_start(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    started = date(2026, 12, 7)
    monkeypatch.setattr(plan_cli, "today_date", lambda: started)
    assert main(["plan", "use", "beginner"]) == 0
    capsys.readouterr()
    chosen, _ = settings.load()
    assert chosen.plan_started == started
    assert 'plan_started = "2026-12-07"' in paths.settings_file().read_text()
    week2 = started + timedelta(weeks=1, days=2)
    monkeypatch.setattr(plan_cli, "today_date", lambda: week2)
    week = week_json(capsys, week2)
    assert {d["plan_week"] for d in week} == {2}
    assert any("Week 2 of your start: one set each." in d["reason"] for d in week)
    today = as_json(capsys, "today", "--json")
    assert today["plan_week"] == 2
    from runstrong.cli import prepare

    shown_on = {"day": week2}
    real_prepared = prepare.prepared

    def prepared_on(*args: Any, **kwargs: Any) -> Any:
        return real_prepared(*args, **kwargs, today=shown_on["day"])

    monkeypatch.setattr(prepare, "prepared", prepared_on)
    shown = as_json(capsys, "show", "foundational", "--json")
    assert all(e["sets"] == 1 for e in shown["exercises"])
    assert not any("Goblet" in e["name"] for e in shown["exercises"])
    assert main(["show", "core-stability"]) == 0
    out = capsys.readouterr().out
    assert "Week 2 of your start: one set each." in out and "Weighted sit-up" not in out
    # Week 4: the full sessions.
    shown_on["day"] = started + timedelta(weeks=3)
    shown = as_json(capsys, "show", "foundational", "--json")
    assert any(e["sets"] > 1 for e in shown["exercises"])
    # Without `plan use` there is no week number.
    settings.save(settings.Settings(plan="beginner"))
    assert as_json(capsys, "today", "--json")["plan_week"] is None
