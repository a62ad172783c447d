"""The five coaching rules, proved by following the suggestions for 12 weeks.

Every bundled plan meets several running weeks (3, 5 and 6 run days, key and long runs on
different days, and no running at all). Each day the runner does exactly what `today`
says; afterwards the whole record is checked against the rules, and each Monday's forecast
must be what the week turned out to be.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from functools import lru_cache

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runstrong.planning.plans import Plan, load_plans
from runstrong.planning.rules import (
    Placed,
    RunKind,
    When,
    hard_forbidden,
    runs_from_settings,
    session_problems,
    week_problems,
)
from runstrong.planning.schedule import ACTIVATION, Day, Done, monday_of, plan_week
from runstrong.planning.week import coach_for, intensity_in
from runstrong.settings import Settings
from runstrong.workout.catalog import Catalog, load_catalog
from runstrong.workout.model import Intensity, Session

from ..fuzzing import fuzz

START = date(2026, 11, 23)  # a Monday
WEEKS = 12
PATTERNS = {
    "3 days, key tue, long sun": Settings(
        run_days=("thu",), key_run_days=("tue",), long_run_day="sun"
    ),
    "3 days, key wed, long sat": Settings(
        run_days=("mon",), key_run_days=("wed",), long_run_day="sat"
    ),
    "5 days, key tue thu, long sun": Settings(
        run_days=("mon", "fri"), key_run_days=("tue", "thu"), long_run_day="sun"
    ),
    "5 days, key tue, long sat": Settings(
        run_days=("wed", "thu", "sun"), key_run_days=("tue",), long_run_day="sat"
    ),
    "6 days, key tue thu, long sun": Settings(
        run_days=("mon", "wed", "fri"), key_run_days=("tue", "thu"), long_run_day="sun"
    ),
    "6 days, key wed, long sat": Settings(
        run_days=("mon", "tue", "thu", "sun"), key_run_days=("wed",), long_run_day="sat"
    ),
    "no running": Settings(long_run_day=""),
}


@pytest.fixture
def catalog() -> Catalog:
    return load_catalog()


def bundled_plans(catalog: Catalog) -> list[Plan]:
    plans = [p for p in load_plans(catalog.entries).values() if isinstance(p, Plan)]
    assert {p.slug for p in plans} >= {"beginner", "in-season", "off-season"}
    return plans


def follow(
    catalog: Catalog, plan: Plan, settings: Settings
) -> tuple[list[Placed], list[Done], dict[date, list[Day]]]:
    coach = coach_for(catalog, plan)
    runs = runs_from_settings(
        settings, START - timedelta(days=1), START + timedelta(weeks=WEEKS, days=1)
    )
    placed: list[Placed] = []
    done: list[Done] = []
    forecasts: dict[date, list[Day]] = {}
    for offset in range(WEEKS * 7):
        today = START + timedelta(days=offset)
        week = plan_week(coach, runs, done, today)
        if today.weekday() == 0:
            forecasts[today] = week
        entry = next(day for day in week if day.day == today)
        if entry.session is not None and not entry.done:
            done.append(Done(today, entry.session, entry.light))
            placed.append(Placed(today, entry.session, entry.light, entry.when))
    return placed, done, forecasts


@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_twelve_weeks_keep_every_rule(catalog: Catalog, pattern: str) -> None:
    settings = PATTERNS[pattern]
    runs = runs_from_settings(
        settings, START - timedelta(days=1), START + timedelta(weeks=WEEKS, days=1)
    )
    for plan in bundled_plans(catalog):
        placed, done, forecasts = follow(catalog, plan, settings)
        where = f"{plan.slug}, {pattern}"
        # Rules 1-3 on everything that was done, across week boundaries too.
        problems = week_problems(placed, runs, lambda s: intensity_in(catalog, s), ACTIVATION)
        assert not problems, (where, problems)
        for monday, forecast in forecasts.items():
            week = [p for p in placed if monday_of(p.day) == monday]
            # The plan's count is met every week: these weeks all have room for it.
            counted = [p for p in week if plan.counts(p.slug)]
            assert len(counted) == plan.sessions_per_week, (where, monday, week)
            # Monday's forecast is what following it gives.
            assert [(d.day, d.session, d.light, d.when) for d in forecast if d.session] == [
                (p.day, p.slug, p.light, p.when) for p in week
            ], (where, monday)
        # Every session of the rotation comes round, hard ones included.
        assert {plan.original(d.slug) for d in done} >= set(plan.rotation), where


@pytest.mark.parametrize("pattern", sorted(PATTERNS))
def test_run_days_get_activation_before_or_the_session_after(
    catalog: Catalog, pattern: str
) -> None:
    settings = PATTERNS[pattern]
    runs = runs_from_settings(
        settings, START - timedelta(days=1), START + timedelta(weeks=WEEKS, days=1)
    )
    for plan in bundled_plans(catalog):
        placed, _, forecasts = follow(catalog, plan, settings)
        for item in placed:
            run = runs[item.day]
            if item.slug == ACTIVATION:
                assert item.when is When.BEFORE_RUN and run is not RunKind.NONE
            elif run is RunKind.NONE:
                assert item.when is When.ANY
            else:
                assert item.when is When.AFTER_RUN
        for week in forecasts.values():
            for day in week:
                if day.session is None:
                    continue
                assert ("before" in day.reason) == (day.when is When.BEFORE_RUN), day
                assert ("After your" in day.reason) == (day.when is When.AFTER_RUN), day


def test_hard_sessions_meet_their_forbidden_days_and_give_way(catalog: Catalog) -> None:
    # Six run days with two key runs leave only Friday and Saturday for hard work.
    settings = PATTERNS["6 days, key tue thu, long sun"]
    runs = runs_from_settings(
        settings, START - timedelta(days=1), START + timedelta(weeks=1, days=1)
    )
    free = [
        START + timedelta(days=n)
        for n in range(7)
        if not hard_forbidden(runs, START + timedelta(days=n))
    ]
    assert [f"{d:%a}" for d in free] == ["Fri", "Sat"]
    plan = next(p for p in bundled_plans(catalog) if p.slug == "off-season")
    week = plan_week(coach_for(catalog, plan), runs, [], START)
    hard = [d for d in week if d.session and intensity_in(catalog, d.session) is Intensity.HARD]
    assert [d.day for d in hard] and all(d.day in free for d in hard)
    assert not any(d.light for d in hard)
    gave_way = [d for d in week if "Power is hard and waits" in d.reason]
    assert gave_way and all(hard_forbidden(runs, d.day) for d in gave_way)
    assert all(d.session != "power" for d in gave_way)


def test_every_bundled_session_keeps_rules_four_and_five(catalog: Catalog) -> None:
    for session in catalog.sessions:
        assert not session_problems(session), session_problems(session)


def test_declared_intensity_matches_the_exercises(catalog: Catalog) -> None:
    for session in catalog.sessions:
        assert session.intensity is not None, session.slug
        demanding = any(e.category and e.category.is_demanding for e in session.exercises)
        assert (session.intensity is Intensity.HARD) == demanding, session.slug


def test_in_season_sessions_are_short_and_keep_a_loaded_lift(catalog: Catalog) -> None:
    from runstrong.session.timeline import estimate_seconds

    plan = next(p for p in bundled_plans(catalog) if p.slug == "in-season")
    sessions = [catalog.entries[slug] for slug in plan.rotation]
    assert all(isinstance(s, Session) and estimate_seconds(s) <= 20 * 60 for s in sessions)
    loaded = {
        e.library_id
        for s in sessions
        if isinstance(s, Session)
        for e in s.exercises
        if e.category and e.category.value == "loaded"
    }
    assert loaded & {"trap-bar-deadlift", "rucksack-deadlift"}


RUN_KINDS = st.sampled_from(list(RunKind))


@lru_cache(maxsize=1)
def bundled_catalog() -> Catalog:
    # First called inside a test, with the config folders isolated: bundled files only.
    return load_catalog()


@fuzz(60)
@given(
    st.lists(RUN_KINDS, min_size=9, max_size=9),
    st.integers(0, 6),
    st.sampled_from(["beginner", "in-season", "off-season"]),
)
def test_rules_one_and_two_hold_for_any_running_week(
    kinds: list[RunKind], start: int, slug: str
) -> None:
    catalog = bundled_catalog()
    plan = next(p for p in bundled_plans(catalog) if p.slug == slug)
    runs = {START - timedelta(days=1) + timedelta(days=n): kind for n, kind in enumerate(kinds)}
    today = START + timedelta(days=start)
    week = plan_week(coach_for(catalog, plan), runs, [], today)
    placed = [Placed(d.day, d.session, d.light, d.when) for d in week if d.session]
    problems = week_problems(placed, runs, lambda s: intensity_in(catalog, s), ACTIVATION)
    assert not [p for p in problems if not p.startswith("rule 3")], problems
    assert len([p for p in placed if plan.counts(p.slug)]) <= plan.sessions_per_week


def test_logged_light_sessions_read_back_as_light(tmp_path: object) -> None:
    from pathlib import Path

    from runstrong.history import HistoryStore
    from runstrong.planning.light import light_session

    from ..fakes import FakeClock
    from ..helpers import exercise, hold, session
    from ..history.test_history_store import run_session

    store = HistoryStore(Path(str(tmp_path)) / "h.sqlite3")
    clock = FakeClock(wall_start=datetime(2026, 11, 23, 8).timestamp())
    light = light_session(session(exercise("Plank", hold(10), sets=4, rest=5)))
    run_session(store, light, clock=clock)
    run_session(store, clock=clock)
    assert sorted(light for _, _, light in store.trained_sessions()) == [False, True]
    store.close()
