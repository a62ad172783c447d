"""Issue 20, "every count agrees, every record is true": sets of 0, one definition of a set."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from runstrong.application.resume import time_taken
from runstrong.application.summary import summarize
from runstrong.history import HistoryStore, SessionLog, queries
from runstrong.session.engine import SessionEngine
from runstrong.session.events import PhaseLogged, PhaseRecord, sets_in
from runstrong.session.timeline import SessionPhase, Timing, planned_sets
from runstrong.workout.model import Category, Exercise, PhaseKind, Side

from .drive import run_engine
from .fakes import FakeClock
from .helpers import exercise, hold, reps, session


def _engine(*exercises: object, count_in: float = 3.0) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock()
    engine = SessionEngine(
        session(*exercises),  # type: ignore[arg-type]
        clock=clock,
        wall=clock.wall,
        timing=Timing(get_ready=0, switch_sides=5, count_in=count_in),
    )
    engine.start()
    return engine, clock


def test_enter_at_once_in_paced_reps_logs_nothing() -> None:
    engine, _clock = _engine(exercise("Band row", reps(10, tempo=2.0), sets=2))
    events = engine.done()
    assert not [e for e in events if isinstance(e, PhaseLogged)]
    assert engine.records == []


def test_enter_during_a_count_in_starts_the_hold_at_once() -> None:
    engine, clock = _engine(exercise("Plank", hold(30), sets=2), count_in=3.0)
    run_engine(engine, clock, 4.0)
    engine.toggle_pause()  # paused at 4 s
    engine.toggle_pause()  # COUNT-IN before the clock runs again
    clock.advance(1)
    assert engine.view().phase is SessionPhase.COUNT_IN
    events = engine.done()  # nothing is logged, and the set is not skipped: it runs on
    assert not [e for e in events if isinstance(e, PhaseLogged)]
    view = engine.view()
    assert view.phase is SessionPhase.HOLD and view.elapsed == pytest.approx(4.0)
    run_engine(engine, clock, 2.0)
    assert engine.view().elapsed == pytest.approx(6.0)
    (logged,) = [e for e in engine.done() if isinstance(e, PhaseLogged)]
    assert logged.record.actual == 6 and logged.record.set_number == 1


def test_a_hold_of_one_second_is_still_logged() -> None:
    engine, clock = _engine(exercise("Plank", hold(30), sets=2))
    run_engine(engine, clock, 1.2)
    events = engine.done()
    assert [e.record.actual for e in events if isinstance(e, PhaseLogged)] == [1]


def test_no_best_is_ever_zero(tmp_path: Path) -> None:
    # A 0 left by an older version (or an import) is never shown as a personal best.
    store = HistoryStore(tmp_path / "h.sqlite3")
    clock = FakeClock()
    sess = session(exercise("Band row", reps(10, tempo=2.0)))
    sid = store.begin_session(sess, clock.wall(), 1)
    record = PhaseRecord(
        0, 0, "Band row", "Band row", 1, None, 0, PhaseKind.REPS, 10, 0, clock.wall(), clock.wall()
    )
    store.record(sid, 0, record)
    assert queries.exercise_stats(store.db) == []


BOTH = (Side.LEFT, Side.RIGHT)


def _logged_session(tmp_path: Path, *, stop: str) -> tuple[HistoryStore, SessionEngine]:
    """Side plank x2 (both sides) and a plank: one whole side-plank set, then a stop."""
    store = HistoryStore(tmp_path / "h.sqlite3")
    sess = session(exercise("Side plank", hold(5), sets=2, sides=BOTH), exercise("Plank", hold(5)))
    clock = FakeClock()
    engine = SessionEngine(sess, clock=clock, wall=clock.wall, timing=Timing(0, switch_sides=1))
    log = SessionLog(store, store.begin_session(sess, clock.wall(), planned_sets(sess)))
    for event in engine.start() + run_engine(engine, clock, 5 + 1 + 5 + 0.5):
        log.handle(event, clock.wall())
    ended = engine.stop(resumable=stop == "later") if stop else []
    for event in ended:
        log.handle(event, clock.wall())
    return store, engine


def test_one_definition_of_a_set_everywhere(tmp_path: Path) -> None:
    store, engine = _logged_session(tmp_path, stop="later")
    assert len(engine.records) == 2  # left and right ...
    assert sets_in(engine.records) == 1  # ... are one set
    summary = summarize(engine.session, engine.records, 12)
    (unfinished,) = store.unfinished()
    (head,) = store.session_heads()
    (row,) = store.sessions()
    assert summary.sets_done == unfinished.sets_logged == head.sets_done == row.sets_done == 1
    assert summary.sets_planned == head.planned_sets == 3


def test_finish_later_stays_resumable_and_end_it_here_does_not(tmp_path: Path) -> None:
    store, _ = _logged_session(tmp_path / "later", stop="later")
    assert [u.sets_logged for u in store.unfinished()] == [1]
    store, _ = _logged_session(tmp_path / "end", stop="end")
    assert store.unfinished() == []
    assert [row.status for row in store.sessions()] == ["stopped"]


def test_a_resumed_session_shows_the_whole_time(tmp_path: Path) -> None:
    store, engine = _logged_session(tmp_path, stop="later")
    (unfinished,) = store.unfinished()
    done = store.records_of(unfinished.id)
    before = time_taken(unfinished.started_ts, done)
    assert before == pytest.approx(11, abs=0.01)  # 5 s left, 1 s switch, 5 s right
    # Resumed an hour later: the gap is not session time; the first part is.
    clock = FakeClock(start=5000.0, wall_start=engine._wall() + 3600)
    resumed = SessionEngine(
        engine.session,
        clock=clock,
        wall=clock.wall,
        timing=Timing(0, switch_sides=1),
        done=done,
        elapsed_before=before,
    )
    resumed.start()
    clock.advance(10)
    assert resumed.view().session_elapsed == pytest.approx(21, abs=0.01)


def test_time_taken_leaves_out_earlier_interruptions() -> None:
    def rec(start: float, end: float) -> PhaseRecord:
        return PhaseRecord(0, 0, "a", "A", 1, None, 0, PhaseKind.HOLD, 5, 5, start, end)

    # 10 s to the first phase, 5 s of it, then two days away, then 5 s more.
    assert time_taken(100.0, [rec(110, 115), rec(200_000, 200_005)]) == 20


def test_light_sessions_say_so_on_the_summary_and_in_history(tmp_path: Path) -> None:
    from runstrong.planning.light import light_session

    sess = light_session(session(exercise("Plank", hold(30), sets=4)))
    assert sess.light and summarize(sess, [], 10).title == "Test session (light)"


def _both_sides(store: HistoryStore, clock: FakeClock, ex: Exercise, left: int, right: int) -> None:
    """One set on each side: `left` and `right` reps (taps, or seconds into paced reps)."""
    sess = session(ex)
    engine = SessionEngine(sess, clock=clock, wall=clock.wall, timing=Timing(0, switch_sides=1))
    log = SessionLog(store, store.begin_session(sess, clock.wall(), 1))
    events = engine.start()
    for count in (left, right):
        phase = ex.phases[0]
        if phase.tempo is None:
            for _ in range(count):
                engine.tap()
        else:
            events += run_engine(engine, clock, count * phase.tempo + 0.1)
        events += engine.done()  # ends the set (paced: cut short)
        events += engine.done()  # skips the switch
    for event in events:
        log.handle(event, clock.wall())
    clock.advance(86400)


def test_left_right_only_from_counted_reps_and_whole_sets_outside_the_warm_up(
    tmp_path: Path,
) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    clock = FakeClock()
    circles = replace(
        exercise("Standing hip circles", reps(10, tempo=1.0), sides=BOTH),
        category=Category.WARM_UP,
    )
    paced = exercise("Band walk", reps(10, tempo=1.0), sides=BOTH)
    counted = exercise("Single-leg squat", reps(10), sides=BOTH)
    for _ in range(3):
        _both_sides(store, clock, circles, 2, 1)  # a warm-up drill, cut short
        _both_sides(store, clock, paced, 6, 3)  # the timer's count, cut short
        _both_sides(store, clock, counted, 8, 10)  # the person's own count
    (balance,) = store.balances()
    assert balance.name == "Single-leg squat"
    assert (balance.left, balance.right, balance.weaker) == (24, 30, "left")


def _logged(store: HistoryStore, slug: str, on: datetime, *, light: bool = False) -> None:
    """A session of `slug` on `on` with every planned set (one) done: it counts."""
    sess = replace(session(exercise("Plank", hold(5))), slug=slug, light=light)
    sid = store.begin_session(sess, on.timestamp(), 1)
    stamp = on.timestamp() + 60
    record = PhaseRecord(0, 0, "plank", "Plank", 1, None, 0, PhaseKind.HOLD, 5, 5, stamp, stamp)
    store.record(sid, 0, record)
    store.finish(sid, True, stamp + 60)


def test_one_count_of_sessions_this_week_everywhere(tmp_path: Path) -> None:
    from runstrong.planning.today import done_this_week, today_from_week
    from runstrong.planning.week import Record, week_for, week_rule
    from runstrong.settings import Settings
    from runstrong.workout.catalog import load_catalog

    store = HistoryStore(tmp_path / "h.sqlite3")
    monday = datetime(2026, 11, 30, 8)  # a Monday
    _logged(store, "power", monday)  # the plan's: counts
    _logged(store, "pre-run-activation", monday + timedelta(hours=2))  # not the plan's
    _logged(store, "hips-and-glutes", monday + timedelta(days=1), light=True)  # light: one
    _logged(store, "core-stability", monday + timedelta(days=6))  # Sunday, after Wednesday
    catalog, chosen = load_catalog(), Settings(plan="off-season")
    wednesday = (monday + timedelta(days=2)).date()
    record = Record.of(store.trained_sessions())
    plan, week = week_for(catalog, chosen, wednesday, record, today=wednesday)
    assert plan is not None
    today = today_from_week(plan, week, wednesday)
    rule = week_rule(catalog.entries, chosen)
    weeks_tab = store.weekly_counts(1, wednesday, rule.counts)[-1][1]
    assert today is not None and today.per_week == rule.target == 3
    # today, week (and the home screen, which shows both), the Weeks tab: one number.
    assert today.done_this_week == done_this_week(week, wednesday) == weeks_tab == 2
    # Nothing logged after Wednesday shows in Wednesday's week.
    assert [d.day.weekday() for d in week if d.done] == [0, 1]
    sunday = (monday + timedelta(days=6)).date()
    plan, week = week_for(catalog, chosen, sunday, record, today=sunday)
    assert plan is not None and today_from_week(plan, week, sunday).done_this_week == 3
    assert store.weekly_counts(1, sunday, rule.counts)[-1][1] == 3
