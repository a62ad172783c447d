from __future__ import annotations

import csv
import io
import json
import sqlite3
import threading
from pathlib import Path

import pytest

from runstrong.history import (
    HistoryStore,
    HistoryWriteError,
    NewerHistory,
    NotAHistory,
    SessionLog,
    queries,
)
from runstrong.history import weeks as per_week
from runstrong.history.database import APPLICATION_ID
from runstrong.history.exchange import ImportProblem, import_jsonl, render
from runstrong.history.migrations import MIGRATIONS, SCHEMA_VERSION, _v1
from runstrong.session.engine import SessionEngine
from runstrong.session.events import PhaseLogged
from runstrong.session.timeline import Timing
from runstrong.workout.model import Session, Side

from ..drive import run_engine
from ..fakes import FakeClock
from ..helpers import exercise, hold, reps, session

BOTH = (Side.LEFT, Side.RIGHT)


def run_session(
    store: HistoryStore,
    sess: Session | None = None,
    *,
    until: float | None = None,
    clock: FakeClock | None = None,
) -> tuple[SessionEngine, SessionLog]:
    sess = sess or session(
        exercise("Plank", hold(10), sets=2, rest=5),
        exercise("Lunge", reps(5, tempo=1.0), sides=BOTH),
    )
    clock = clock or FakeClock()
    engine = SessionEngine(sess, clock=clock, wall=clock.wall, timing=Timing(get_ready=0))
    sid = store.begin_session(sess, clock.wall(), 4)
    log = SessionLog(store, sid)
    for event in engine.start():
        log.handle(event, clock.wall())
    elapsed = 0.0
    while not engine.finished and (until is None or elapsed < until):
        clock.advance(0.5)
        elapsed += 0.5
        for event in engine.update():
            log.handle(event, clock.wall())
    return engine, log


def test_sets_saved_as_they_happen_and_session_closed(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    engine, log = run_session(store, until=11)
    rows = queries.sessions(store.db)
    assert rows[0].status == "in_progress" and len(rows[0].sets) == 1
    for event in engine.stop():
        log.handle(event, 0)
    assert queries.sessions(store.db)[0].status == "stopped"
    engine, _ = run_session(store)
    latest = queries.sessions(store.db)[0]
    assert latest.status == "completed"
    assert [(s.exercise, s.set, s.side, s.kind, s.actual) for s in latest.sets] == [
        ("Plank", 1, None, "hold", 10),
        ("Plank", 2, None, "hold", 10),
        ("Lunge", 1, "left", "reps", 5),
        ("Lunge", 1, "right", "reps", 5),
    ]
    other = sqlite3.connect(tmp_path / "h.sqlite3")
    assert other.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_resume_from_first_set_not_done(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    engine, _log = run_session(store, until=16)  # plank set 1 done, set 2 under way
    (unfinished,) = store.unfinished()
    assert unfinished.sets_logged == 1
    resumed = SessionEngine(
        engine.session, timing=engine.timing, done=store.records_of(unfinished.id)
    )
    step = resumed.timeline[resumed.index]
    assert (step.exercise, step.set_number, step.kind.value) == (0, 2, "HOLD")
    assert [r.seq for r in store.records_of(unfinished.id)] == [0]


def test_rep_correction_and_rpe_are_saved(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    sess = session(exercise("Lunge", reps(5), sets=2))
    clock = FakeClock()
    engine = SessionEngine(sess, clock=clock, wall=clock.wall, timing=Timing(get_ready=0))
    log = SessionLog(store, store.begin_session(sess, clock.wall(), 2))
    for event in engine.start() + engine.done() + engine.adjust_reps(-2):
        log.handle(event, clock.wall())
    log.rate(0, 7)
    (row,) = queries.sessions(store.db)
    assert row.sets[0].actual == 3 and row.sets[0].rpe == 7


def test_not_a_history_is_never_touched(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database at all" * 100)
    other = tmp_path / "other.sqlite3"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE notes (body TEXT)")
    db.execute("INSERT INTO notes VALUES ('mine')")
    db.commit()
    db.close()
    corrupt = tmp_path / "corrupt.sqlite3"
    HistoryStore(corrupt).close()
    data = bytearray(corrupt.read_bytes())
    data[100:4000] = b"\x00" * 3900
    corrupt.write_bytes(bytes(data))
    for path in (garbage, other, corrupt):
        before = path.read_bytes()
        with pytest.raises(NotAHistory) as caught:
            HistoryStore(path)
        assert str(path) in str(caught.value)
        assert path.read_bytes() == before
        assert not Path(str(path) + "-wal").exists()


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    HistoryStore(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.commit()
    db.close()
    before = path.read_bytes()
    with pytest.raises(NewerHistory, match="newer runstrong"):
        HistoryStore(path)
    assert path.read_bytes() == before


def test_migration_from_version_1_keeps_data(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    _v1(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO sessions (uid, slug, name, started_ts, started_at, status) "
        "VALUES ('u1', 'core', 'Core', 0, '1970-01-01T00:00:00+00:00', 'completed')"
    )
    db.execute(
        "INSERT INTO sets (uid, session_id, seq, exercise, exercise_name, "
        "exercise_index, set_number, kind, target, actual, started_at, completed_ts, "
        "completed_at) VALUES ('s1', 1, 0, 'plank', 'Plank', 0, 1, 'hold', 30, 30, "
        "'1970-01-01T00:00:00+00:00', 30, '1970-01-01T00:00:30+00:00')"
    )
    db.close()
    store = HistoryStore(path)
    assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    (row,) = queries.sessions(store.db)
    assert row.sets[0].actual == 30 and row.sets[0].rpe is None and row.light is False


def test_failed_write_is_kept_and_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    real = store.record
    failing = {"on": True}

    def flaky(*args: object) -> None:
        if failing["on"]:
            raise HistoryWriteError(store.path, "could not save (database or disk is full)")
        real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "record", flaky)
    _, log = run_session(store)
    # Four sets and the session's end wait, in order.
    assert log.problem and "5 waiting" in log.problem and "disk is full" in log.problem
    assert queries.sessions(store.db)[0].sets == []
    failing["on"] = False
    assert log.flush()
    row = queries.sessions(store.db)[0]
    assert len(row.sets) == 4 and row.status == "completed" and log.problem is None


def test_read_only_history_raises_write_error(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    store = HistoryStore(path)
    store.db.execute("PRAGMA query_only = ON")  # stands in for a read-only file system
    with pytest.raises(HistoryWriteError, match="could not save"):
        store.begin_session(session(exercise("A", hold(1))), 0, 1)


def test_two_writers_both_complete(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite3"
    HistoryStore(path).close()
    errors: list[BaseException] = []

    def writer() -> None:
        try:
            store = HistoryStore(path)
            for _ in range(3):
                run_session(store)
            store.close()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=writer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    rows = queries.sessions(HistoryStore(path).db, limit=None)
    assert len(rows) == 6 and all(len(r.sets) == 4 for r in rows)


def test_export_import_round_trip_is_idempotent(tmp_path: Path) -> None:
    source = HistoryStore(tmp_path / "a.sqlite3")
    run_session(source)
    run_session(source)
    text = render(source.db, "jsonl")
    lines = [json.loads(line) for line in text.splitlines()]
    assert len(lines) == 8
    assert {
        "set_id",
        "session_id",
        "session",
        "session_name",
        "started_at",
        "exercise",
        "set",
        "side",
        "kind",
        "target",
        "actual",
        "completed_at",
        "rpe",
    } <= set(lines[0])
    assert lines[0]["completed_at"][-6] in "+-"
    target = HistoryStore(tmp_path / "b.sqlite3")
    first = import_jsonl(target.db, text)
    again = import_jsonl(target.db, text)
    assert (first.sets_added, first.sessions_added) == (8, 2)
    assert (again.sets_added, again.sets_skipped) == (0, 8)
    assert render(target.db, "jsonl").count("\n") == 8


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 2: not valid JSON"),
        ('{"set_id": "x"}', "line 2: session_id: missing"),
        ("[1, 2]", "line 2: expected a JSON object"),
    ],
)
def test_bad_line_imports_nothing(tmp_path: Path, line: str, message: str) -> None:
    source = HistoryStore(tmp_path / "a.sqlite3")
    run_session(source)
    good = render(source.db, "jsonl").splitlines()
    text = "\n".join([good[0], line, *good[1:]])
    target = HistoryStore(tmp_path / "b.sqlite3")
    with pytest.raises(ImportProblem, match=message):
        import_jsonl(target.db, text)
    assert queries.sessions(target.db) == []


def test_csv_and_strong_exports_read_back(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "a.sqlite3")
    run_session(store)
    rows = list(csv.DictReader(io.StringIO(render(store.db, "csv"))))
    assert len(rows) == 4 and rows[2]["side"] == "left"
    strong = list(csv.DictReader(io.StringIO(render(store.db, "strong"))))
    assert list(strong[0]) == [
        "Date",
        "Workout Name",
        "Duration",
        "Exercise Name",
        "Set Order",
        "Weight",
        "Reps",
        "Distance",
        "Seconds",
        "Notes",
        "Workout Notes",
        "RPE",
    ]
    plank, lunge_left = strong[0], strong[2]
    assert (plank["Seconds"], plank["Reps"], plank["Set Order"]) == ("10", "", "1")
    assert (lunge_left["Reps"], lunge_left["Notes"]) == ("5", "left")


def _side_session(left: int, right: int, clock: FakeClock, store: HistoryStore) -> None:
    # Holds to the limit: each side's time is the person's own (a timed hold cut short is
    # not compared).
    sess = session(exercise("Side plank", hold(None), sides=BOTH))
    engine = SessionEngine(
        sess,
        clock=clock,
        wall=clock.wall,
        timing=Timing(get_ready=0, switch_sides=1),
    )
    log = SessionLog(store, store.begin_session(sess, clock.wall(), 1))
    for event in engine.start():
        log.handle(event, clock.wall())
    for seconds in (left, right):
        for event in run_engine(engine, clock, seconds) + engine.done() + engine.done():
            log.handle(event, clock.wall())
    clock.advance(86400)


def test_left_right_balance_over_last_three_sessions(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "a.sqlite3")
    clock = FakeClock()
    _side_session(10, 60, clock, store)  # old and lopsided: outside the last three
    for left, right in ((40, 45), (40, 46), (41, 45)):
        _side_session(left, right, clock, store)
    (balance,) = store.balances()
    assert (balance.left, balance.right, balance.sessions) == (121, 136, 3)
    assert balance.weaker == "left" and balance.lag_percent == 11
    _side_session(45, 45, clock, store)
    assert store.balances()[0].weaker is None


def test_stats_best_latest_weeks_and_streak(tmp_path: Path) -> None:
    from datetime import date, datetime

    store = HistoryStore(tmp_path / "a.sqlite3")
    clock = FakeClock(wall_start=datetime(2026, 11, 2, 8).timestamp())  # a Monday
    for _week in range(3):
        _engine, _ = run_session(store, clock=clock)
        clock.advance(7 * 86400)
    stats = {(s.exercise, s.kind): s for s in queries.exercise_stats(store.db)}
    assert stats[("Plank", "hold")].best == 10 and stats[("Plank", "hold")].sessions == 3
    today = date(2026, 11, 24)
    weeks = per_week.weekly_counts(store.db, 4, today)
    assert [n for _, n in weeks] == [1, 1, 1, 0]
    assert per_week.streak_weeks(store.db, 1, today) == 3
    assert per_week.streak_weeks(store.db, 2, today) == 0
    assert queries.progress(store.db, "Plank")[0][1:] == ("hold", None, 10)


def test_logged_events_hold_what_history_needs() -> None:
    clock = FakeClock()
    engine = SessionEngine(session(exercise("A", hold(5))), clock=clock, wall=clock.wall)
    engine.start()
    engine.done()
    clock.advance(5)
    (event,) = [e for e in engine.update() if isinstance(e, PhaseLogged)]
    assert event.record.ended_at - event.record.started_at == 5


def test_a_session_counts_for_the_week_only_with_half_its_sets(tmp_path: Path) -> None:
    from datetime import date, datetime

    store = HistoryStore(tmp_path / "a.sqlite3")
    monday = datetime(2026, 11, 2, 8).timestamp()
    # Plank x2 and Lunge x1 (4 planned in the row): 1 set is not enough, 2 sets is half.
    run_session(store, until=11, clock=FakeClock(wall_start=monday))
    assert store.weekly_counts(2, date(2026, 11, 3))[-1][1] == 0
    assert store.trained_days() == [] and store.streak_weeks(1, date(2026, 11, 3)) == 0
    run_session(store, until=26, clock=FakeClock(wall_start=monday + 3600))
    assert store.weekly_counts(2, date(2026, 11, 3))[-1][1] == 1
    assert len(store.trained_days()) == 1 and store.streak_weeks(1, date(2026, 11, 3)) == 1


def test_balance_compares_only_sets_done_on_both_sides(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "a.sqlite3")
    clock = FakeClock()
    _side_session(40, 50, clock, store)
    _side_session(40, 50, clock, store)
    (balance,) = store.balances()
    # Two sessions show a lag, but a side is named only after three.
    assert balance.sessions == 2 and balance.weaker is None and balance.unit == "s"
    # A session stopped after the left side says nothing about the right.
    sess = session(exercise("Side plank", hold(None), sides=BOTH))
    engine = SessionEngine(
        sess,
        clock=clock,
        wall=clock.wall,
        timing=Timing(get_ready=0, switch_sides=1),
    )
    log = SessionLog(store, store.begin_session(sess, clock.wall(), 1))
    for event in engine.start() + run_engine(engine, clock, 20) + engine.done():
        log.handle(event, clock.wall())
    (balance,) = store.balances()
    assert (balance.left, balance.right, balance.sessions) == (80, 100, 2)
