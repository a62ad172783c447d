"""The recorder: events to the history as they happen, one retry queue for every write."""

from __future__ import annotations

from pathlib import Path

import pytest

from runstrong.application.recording import Recorder
from runstrong.history import HistoryStore, HistoryWriteError
from runstrong.session.engine import SessionEngine
from runstrong.session.timeline import Timing

from ..drive import run_engine
from ..fakes import FakeClock
from ..helpers import exercise, hold, session

SESSION = session(exercise("Plank", hold(4), sets=2, rest=3))


def start(store: HistoryStore | None) -> tuple[SessionEngine, Recorder, FakeClock]:
    clock = FakeClock()
    engine = SessionEngine(SESSION, clock=clock, wall=clock.wall, timing=Timing(get_ready=0))
    recorder = Recorder(store, clock.wall, unavailable="No history: nothing is saved")
    recorder.begin(SESSION)
    for event in engine.start():
        recorder.handle(event)
    return engine, recorder, clock


def advance(engine: SessionEngine, recorder: Recorder, clock: FakeClock, seconds: float) -> None:
    for event in run_engine(engine, clock, seconds):
        recorder.handle(event)


def test_a_session_stopped_before_its_first_set_leaves_no_row(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    engine, recorder, clock = start(store)
    advance(engine, recorder, clock, 2)
    for event in engine.stop():
        recorder.handle(event)
    assert recorder.flush() is None
    assert store.sessions() == []


def test_a_failed_first_write_keeps_the_row_and_its_sets_until_it_works(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    real = store.begin_session
    failing = {"on": True}

    def flaky(*args: object, **kwargs: object) -> int:
        if failing["on"]:
            raise HistoryWriteError(store.path, "could not save (database or disk is full)")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "begin_session", flaky)
    engine, recorder, clock = start(store)
    advance(engine, recorder, clock, 4.25)  # set 1 done: the session's row cannot be written
    problem = recorder.flush()
    assert problem is not None and "will retry" in problem and "disk is full" in problem
    advance(engine, recorder, clock, 3 + 4.25)  # set 2 done and the session over, still failing
    assert engine.finished and store.sessions() == []
    failing["on"] = False
    assert recorder.flush() is None
    (row,) = store.sessions()
    assert [s.set for s in row.sets] == [1, 2] and row.status == "completed"


def test_a_resumed_session_adds_to_its_own_row(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    engine, recorder, clock = start(store)
    advance(engine, recorder, clock, 4.25)  # set 1 saved, then the app went away
    (unfinished,) = store.unfinished()
    engine, _, clock = start(None)
    recorder = Recorder(store, clock.wall)
    recorder.begin(SESSION, resume_id=unfinished.id)
    advance(engine, recorder, clock, 4.25 + 3 + 4.25)
    (row,) = store.sessions()
    assert row.id == unfinished.id
    assert [s.set for s in row.sets] == [1, 2] and row.status == "completed"


def test_without_a_history_it_says_so_and_keeps_nothing() -> None:
    engine, recorder, clock = start(None)
    advance(engine, recorder, clock, 4.25)
    assert recorder.flush() == "No history: nothing is saved"
