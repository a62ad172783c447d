"""Recorded runs feed the week's placement: past days as run, days ahead as usual."""

from __future__ import annotations

from datetime import date, timedelta

from runstrong.history.runs import RunLength
from runstrong.planning.actual import week_runs
from runstrong.planning.rules import RunKind, hard_forbidden

WEDNESDAY = date(2027, 1, 20)
TUESDAY, THURSDAY = WEDNESDAY - timedelta(days=1), WEDNESDAY + timedelta(days=1)


def usual_week(kinds: dict[int, RunKind]) -> dict[date, RunKind]:
    monday = date(2027, 1, 18)
    return {monday + timedelta(days=n): kinds.get(n, RunKind.NONE) for n in range(-1, 8)}


def test_a_recorded_long_run_yesterday_forbids_hard_work_today_whatever_settings_say() -> None:
    usual = usual_week({6: RunKind.LONG})  # settings: long run on Sunday
    runs = week_runs(usual, {TUESDAY: RunLength.LONG}, WEDNESDAY)
    assert runs[TUESDAY] is RunKind.LONG
    assert hard_forbidden(runs, WEDNESDAY) == "the day after the long run"
    assert hard_forbidden(usual, WEDNESDAY) is None
    # Sunday is still ahead: the usual long run stays in the forecast.
    assert runs[date(2027, 1, 24)] is RunKind.LONG


def test_past_days_follow_the_record_once_it_is_kept_up() -> None:
    usual = usual_week({0: RunKind.EASY, 1: RunKind.KEY, 3: RunKind.EASY})
    runs = week_runs(usual, {TUESDAY: RunLength.RUN}, WEDNESDAY)
    assert runs[date(2027, 1, 18)] is RunKind.NONE  # the usual Monday run did not happen
    assert runs[TUESDAY] is RunKind.KEY  # a run on the key day was the key run
    assert runs[THURSDAY] is RunKind.EASY  # ahead: as usual


def test_today_is_as_usual_until_a_run_is_recorded() -> None:
    usual = usual_week({2: RunKind.KEY})
    assert week_runs(usual, {TUESDAY: RunLength.RUN}, WEDNESDAY)[WEDNESDAY] is RunKind.KEY
    recorded = {WEDNESDAY: RunLength.LONG}
    assert week_runs(usual, recorded, WEDNESDAY)[WEDNESDAY] is RunKind.LONG


def test_without_recent_records_the_settings_still_decide() -> None:
    usual = usual_week({1: RunKind.LONG})
    stale = {WEDNESDAY - timedelta(days=30): RunLength.LONG}
    assert week_runs(usual, stale, WEDNESDAY) == usual
    assert week_runs(usual, {}, WEDNESDAY) == usual
