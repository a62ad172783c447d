from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from runstrong.planning.plans import Plan, load_plans
from runstrong.planning.rules import RunKind, When, runs_from_settings
from runstrong.planning.schedule import Coach, Day, Done, plan_week
from runstrong.planning.today import Today, Verdict, today_from_week
from runstrong.planning.week import Record, week_for
from runstrong.settings import Settings
from runstrong.workout.catalog import load_catalog
from runstrong.workout.model import Intensity

OFF = Plan(
    "off-season",
    "Off-season",
    3,
    ("power", "hips-and-glutes", "core-stability"),
    variants=(("power", "power-home"),),
)
MONDAY = date(2026, 11, 23)
NAMES = {
    "power": "Power",
    "power-home": "Power at home",
    "hips-and-glutes": "Hips and glutes",
    "core-stability": "Core stability",
    "pre-run-activation": "Pre-run activation",
}
LEVELS = {
    "power": Intensity.HARD,
    "power-home": Intensity.HARD,
    "hips-and-glutes": Intensity.MODERATE,
    "core-stability": Intensity.MODERATE,
    "pre-run-activation": Intensity.EASY,
}


def week(
    done: list[Done], today: date, settings: Settings | None = None, plan: Plan = OFF
) -> list[Day]:
    settings = settings or Settings(long_run_day="")
    runs = runs_from_settings(settings, MONDAY - timedelta(days=1), MONDAY + timedelta(days=8))
    coach = Coach(plan, LEVELS.__getitem__, NAMES.__getitem__)
    return plan_week(coach, runs, done, today)


def run(done: list[Done], today: date, settings: Settings | None = None, plan: Plan = OFF) -> Today:
    return today_from_week(plan, week(done, today, settings, plan), today)


def test_a_session_done_early_leaves_the_rest_of_the_week_as_planned() -> None:
    planned = [(d.day, d.session) for d in week([], MONDAY) if d.session]
    first_day, first = planned[0]
    after = week([Done(first_day, str(first))], first_day + timedelta(days=1))
    assert [(d.day, d.session) for d in after if d.session and not d.done] == planned[1:]


def test_done_today_and_rest_when_week_is_met() -> None:
    done = [Done(MONDAY, "power")]
    answer = run(done, MONDAY)
    assert answer.verdict is Verdict.DONE and answer.reason.startswith("Done: Power.")
    assert "Next session: Wednesday" in answer.reason
    done += [
        Done(MONDAY + timedelta(days=1), "hips-and-glutes"),
        Done(MONDAY + timedelta(days=2), "core-stability"),
    ]
    answer = run(done, MONDAY + timedelta(days=4))
    assert answer.verdict is Verdict.REST and "sessions are done" in answer.reason
    assert answer.done_this_week == 3


def test_no_hard_session_the_day_before_a_key_run() -> None:
    saturday = MONDAY + timedelta(days=5)
    answer = run([], saturday, Settings(key_run_days=("sun",), long_run_day=""))
    assert answer.slug != "power" and not answer.light  # never power, never a light version


def test_an_easy_run_day_gets_activation_before_the_run_never_light_power() -> None:
    # The complaint that started it all: light Power "as activation" on a run day.
    settings = Settings(run_days=("mon", "tue", "wed", "thu", "fri", "sat", "sun"), long_run_day="")
    days = week([], MONDAY, settings)
    assert not any(d.session == "power" and d.light for d in days)
    before = [d for d in days if d.when is When.BEFORE_RUN]
    assert before and all(d.session == "pre-run-activation" and not d.light for d in before)
    assert all("before you go" in d.reason for d in before)
    after = [d for d in days if d.when is When.AFTER_RUN]
    assert len(after) == 3 and all(d.reason.startswith("After your easy run") for d in after)


def test_week_json_has_the_contract_fields() -> None:
    settings = Settings(run_days=("tue",), key_run_days=("thu",), long_run_day="sun")
    days = [d.as_json() for d in week([], MONDAY, settings)]
    assert [d["weekday"] for d in days] == ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    assert [d["run"] for d in days] == ["none", "easy", "none", "key", "none", "none", "long"]
    assert all(
        set(d)
        == {
            "date",
            "weekday",
            "run",
            "session",
            "light",
            "when",
            "reason",
            "plan_week",
            "easier_week",
        }
        for d in days
    )
    assert days[0]["date"] == "2026-11-23"
    assert {d["when"] for d in days} <= {"before-run", "after-run", "any", None}


def test_days_before_today_show_what_was_done() -> None:
    days = week([Done(MONDAY, "power")], MONDAY + timedelta(days=2))
    assert days[0].done and days[0].session == "power" and days[0].reason == "Done: Power."
    assert days[1].session is None and days[1].reason == "Nothing logged."


def test_a_session_from_a_file_outside_the_catalog_is_done_by_its_name() -> None:
    logged = Record.of([(MONDAY, "quick", False, "Quick lunch core")])
    _, days = week_for(load_catalog(), Settings(), MONDAY + timedelta(days=2), logged)
    assert days[0].done and days[0].reason == "Done: Quick lunch core."


def test_plan_days_are_preferred() -> None:
    plan = Plan("p", "Plan", 2, ("hips-and-glutes", "core-stability"), days=("tue", "fri"))
    days = week([], MONDAY, plan=plan)
    assert [d.day.strftime("%a") for d in days if d.session] == ["Tue", "Fri"]


def test_runs_come_in_as_data() -> None:
    # Placement reads runs per date, so logged runs can replace the usual week.
    runs = {MONDAY + timedelta(days=n): RunKind.NONE for n in range(-1, 8)}
    runs[MONDAY + timedelta(days=2)] = RunKind.KEY
    coach = Coach(OFF, LEVELS.__getitem__, NAMES.__getitem__)
    days = plan_week(coach, runs, [], MONDAY)
    hard = [d for d in days if d.session == "power"]
    assert hard and all(d.day.weekday() not in (1, 2) for d in hard)


def test_bundled_plans_validate() -> None:
    plans = load_plans(load_catalog().entries)
    assert {"off-season", "in-season", "beginner"} <= set(plans)
    assert all(isinstance(p, Plan) for p in plans.values()), plans
    assert plans["off-season"].sessions_per_week == 3  # type: ignore[union-attr]
    assert plans["off-season"].variants == (("power", "power-home"),)  # type: ignore[union-attr]
    assert not plans["off-season"].days  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            '[plan]\nname = "x"\nsessions_per_week = 9\nrotation = ["power"]',
            "expected 1 to 7 sessions a week",
        ),
        (
            '[plan]\nname = "x"\nsessions_per_week = 2\nrotation = ["powr"]',
            "no session 'powr' (did you mean 'power'?)",
        ),
        (
            '[plan]\nname = "x"\nsessions_per_week = 2\nrotation = ["power"]\ndays = ["someday"]',
            "unknown day",
        ),
        ('[plan]\nsessions_per_week = 2\nrotation = ["power"]\nweekly = 3', "unknown key"),
        (
            '[plan]\nname = "x"\nsessions_per_week = 2\nrotation = ["power"]\n'
            'variants = { power = "powr-home" }',
            "variants.power: no session 'powr-home'",
        ),
    ],
)
def test_bad_plan_files(tmp_path: Path, text: str, expected: str) -> None:
    from runstrong.planning.plans import InvalidPlan, load_plan_file

    path = tmp_path / "mine.toml"
    path.write_text(text)
    result = load_plan_file(path, ["power", "core-stability"], "user")
    assert isinstance(result, InvalidPlan)
    assert any(expected in str(p) and str(path) in str(p) for p in result.problems), result.problems


def test_a_one_session_plan_never_repeats_it_in_a_week() -> None:
    plan = Plan("core", "Core only", 3, ("core-stability",))
    days = week([], MONDAY, plan=plan)
    assert [d.day.strftime("%a") for d in days if d.session] == ["Mon"]
