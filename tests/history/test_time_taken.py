"""The history's time of a session is the summary's: a resumed session's parts added up, the
hours between them left out."""

from __future__ import annotations

from pathlib import Path

from runstrong.application.resume import resumed_time, time_taken
from runstrong.history import HistoryStore, SessionLog
from runstrong.session.engine import SessionEngine
from runstrong.session.timeline import Timing, planned_sets

from ..drive import run_engine
from ..fakes import FakeClock
from ..helpers import exercise, hold, session

PLAN = session(exercise("Plank", hold(10), sets=2, rest=5), rest_between_exercises=5)


def test_history_and_summary_agree_on_a_resumed_session(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    clock = FakeClock()
    first = SessionEngine(PLAN, clock=clock, wall=clock.wall, timing=Timing(get_ready=0))
    log = SessionLog.for_new(store, PLAN, clock.wall(), planned_sets(PLAN))
    for event in first.start() + run_engine(first, clock, 12.0):
        log.handle(event, clock.wall())
    for event in first.stop(resumable=True):
        log.handle(event, clock.wall())

    clock.advance(3600.0)  # an hour later, the session is picked up again
    (unfinished,) = store.unfinished()
    done = store.records_of(unfinished.id)
    second = SessionEngine(
        PLAN,
        clock=clock,
        wall=clock.wall,
        timing=Timing(get_ready=0),
        done=done,
        elapsed_before=time_taken(unfinished.started_ts, done),
    )
    log = SessionLog(store, unfinished.id)
    for event in second.start() + run_engine(second, clock, 30.0):
        log.handle(event, clock.wall())
    assert second.finished
    summary_seconds = second.view().session_elapsed

    (row,) = store.sessions()
    assert row.duration_seconds == summary_seconds
    assert summary_seconds < 60  # not the hour between the two parts


def test_a_session_put_aside_is_not_last_time_for_itself(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    clock = FakeClock()
    engine = SessionEngine(PLAN, clock=clock, wall=clock.wall, timing=Timing(get_ready=0))
    log = SessionLog.for_new(store, PLAN, clock.wall(), planned_sets(PLAN))
    for event in engine.start() + run_engine(engine, clock, 3.0) + engine.done():
        log.handle(event, clock.wall())
    for event in engine.stop(resumable=True):
        log.handle(event, clock.wall())
    key = PLAN.exercises[0].key
    assert store.last_full(key) is None  # the 3 s try belongs to the session still open
    (unfinished,) = store.unfinished()
    store.finish(unfinished.id, completed=False, ended_ts=clock.wall())
    found = store.last_full(key)
    assert found is not None and [s.actual for s in found.sets] == [3]


def test_the_time_taken_travels_with_an_export(tmp_path: Path) -> None:
    test_history_and_summary_agree_on_a_resumed_session(tmp_path / "a")
    source = HistoryStore(tmp_path / "a" / "history.sqlite3")
    (before,) = source.sessions()
    moved = HistoryStore(tmp_path / "b.sqlite3")
    moved.import_jsonl(source.export("jsonl"))
    (after,) = moved.sessions()
    taken = after.duration_seconds
    assert taken is not None and taken == before.duration_seconds and taken < 60


def test_a_resumed_session_carries_on_from_the_time_its_stop_summary_said(
    tmp_path: Path,
) -> None:
    store = HistoryStore(tmp_path / "history.sqlite3")
    clock = FakeClock()
    first = SessionEngine(PLAN, clock=clock, wall=clock.wall, timing=Timing(get_ready=0))
    log = SessionLog.for_new(store, PLAN, clock.wall(), planned_sets(PLAN))
    # Set 1 (10 s), then 4 s into the rest: put aside to finish later.
    for event in first.start() + run_engine(first, clock, 14.0):
        log.handle(event, clock.wall())
    for event in first.stop(resumable=True):
        log.handle(event, clock.wall())
    said = first.view().session_elapsed  # what the stop summary showed
    assert said == 14.0
    clock.advance(3600.0)
    (unfinished,) = store.unfinished()
    done = store.records_of(unfinished.id)
    assert time_taken(unfinished.started_ts, done) == 10.0  # the sets alone tell less
    assert resumed_time(unfinished, done) == said
