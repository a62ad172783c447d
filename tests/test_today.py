from __future__ import annotations

from datetime import date, timedelta

import pytest

from runstrong.planning.plans import Plan, load_plans
from runstrong.planning.today import Verdict, next_in_rotation, suggest
from runstrong.settings import Settings
from runstrong.workouts import load_catalog

OFF = Plan("off-season", "Off-season", 3, ("power", "hips-and-glutes", "core-stability"))
MONDAY = date(2026, 11, 23)
NAMES = {"power": "Power", "hips-and-glutes": "Hips and glutes",
         "core-stability": "Core stability"}


def run(done: list[tuple[date, str]], today: date, settings: Settings | None = None,
        plan: Plan = OFF):  # type: ignore[no-untyped-def]
    return suggest(plan, done, settings or Settings(), today,
                   is_heavy=lambda slug: slug == "power", name_of=NAMES.__getitem__)


def test_rotation_moves_on_across_weeks() -> None:
    done: list[tuple[date, str]] = []
    seen = []
    day = MONDAY
    for _ in range(21):  # three weeks, training whenever the plan says so
        answer = run(done, day)
        if answer.verdict is Verdict.SESSION:
            assert answer.slug is not None
            done.append((day, answer.slug))
            seen.append(answer.slug)
        day += timedelta(days=1)
    assert seen == list(OFF.rotation) * 3
    assert next_in_rotation(OFF, done) == 0


def test_done_today_and_rest_when_week_is_met() -> None:
    done = [(MONDAY, "power")]
    answer = run(done, MONDAY)
    assert answer.verdict is Verdict.DONE and "Hips and glutes" in answer.reason
    done += [(MONDAY + timedelta(days=1), "hips-and-glutes"),
             (MONDAY + timedelta(days=2), "core-stability")]
    answer = run(done, MONDAY + timedelta(days=4))
    assert answer.verdict is Verdict.REST and "3 sessions are done" in answer.reason
    assert answer.done_this_week == 3


def test_no_power_the_day_before_a_key_run() -> None:
    sunday_long_run = Settings(key_run_days=("sun",), run_days=("tue", "thu", "sun"))
    saturday = MONDAY + timedelta(days=5)
    answer = run([], saturday, sunday_long_run)
    assert answer.slug == "hips-and-glutes" and answer.light
    assert answer.reason == "Key run tomorrow: hips and glutes, light"


def test_run_day_suggests_light_activation() -> None:
    answer = run([(MONDAY, "power")], MONDAY + timedelta(days=1), Settings(run_days=("tue",)))
    assert answer.slug == "hips-and-glutes" and answer.light
    assert answer.reason.startswith("Run day:")


def test_plan_days_make_other_days_rest_unless_behind() -> None:
    plan = Plan("p", "Plan", 2, ("power", "core-stability"), days=("mon", "thu"))
    tuesday = MONDAY + timedelta(days=1)
    assert run([(MONDAY, "power")], tuesday, plan=plan).verdict is Verdict.REST
    friday = MONDAY + timedelta(days=4)
    assert run([], friday, plan=plan).verdict is Verdict.SESSION  # behind: catch up


def test_bundled_plans_validate() -> None:
    plans = load_plans(load_catalog().entries)
    assert {"off-season", "in-season", "beginner"} <= set(plans)
    assert all(isinstance(p, Plan) for p in plans.values()), plans
    assert plans["off-season"].sessions_per_week == 3  # type: ignore[union-attr]


@pytest.mark.parametrize(("text", "expected"), [
    ('[plan]\nname = "x"\nsessions_per_week = 9\nrotation = ["power"]',
     "expected 1 to 7 sessions a week"),
    ('[plan]\nname = "x"\nsessions_per_week = 2\nrotation = ["powr"]',
     "no session 'powr' (did you mean 'power'?)"),
    ('[plan]\nname = "x"\nsessions_per_week = 2\nrotation = ["power"]\ndays = ["someday"]',
     "unknown day"),
    ('[plan]\nsessions_per_week = 2\nrotation = ["power"]\nweekly = 3', "unknown key"),
])
def test_bad_plan_files(tmp_path, text: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    from runstrong.planning.plans import InvalidPlan, load_plan_file

    path = tmp_path / "mine.toml"
    path.write_text(text)
    result = load_plan_file(path, ["power", "core-stability"], "user")
    assert isinstance(result, InvalidPlan)
    assert any(expected in str(p) and str(path) in str(p) for p in result.problems), \
        result.problems
