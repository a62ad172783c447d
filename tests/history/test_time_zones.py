"""Times are stored in UTC and shown in the reader's zone, for sets, sessions and runs alike:
a history written in Tokyo and read in New York puts a session and a run of the same moment
on the same local day and week."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from runstrong.activities.model import Activity
from runstrong.formatting import when_text
from runstrong.history import HistoryStore, queries
from runstrong.history.database import migrate
from runstrong.history.migrations import MIGRATIONS, SCHEMA_VERSION
from runstrong.history.runs import add_runs, recent_runs
from runstrong.session.events import PhaseRecord
from runstrong.workout.model import PhaseKind, Session

# Monday 06:00 in Tokyo, Sunday 21:00 in UTC, Sunday 16:00 in New York.
MOMENT = datetime(2027, 1, 17, 21, 0, tzinfo=UTC)


@contextmanager
def local_zone(name: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", name)
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_written_in_tokyo_read_in_new_york(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "history.sqlite3"
    stamp = MOMENT.timestamp()
    with local_zone("Asia/Tokyo", monkeypatch), HistoryStore(path) as store:
        sid = store.begin_session(Session(slug="core", name="Core", exercises=()), stamp, 1)
        store.record(
            sid,
            0,
            PhaseRecord(0, 0, "plank", "Plank", 1, None, 0, PhaseKind.HOLD, 30, 30, stamp, stamp),
        )
        store.finish(sid, True, stamp + 600)
        add_runs(store.db, [Activity(MOMENT, 1800, 5000.0, "Run", "running", "gpx")])
        stored = store.db.execute(
            "SELECT s.started_at, s.ended_at, t.completed_at, t.started_at FROM sessions s "
            "JOIN sets t ON t.session_id = s.id"
        ).fetchone()
        assert all(str(text).endswith("+00:00") for text in stored)
        assert store.db.execute("SELECT start_at FROM runs").fetchone()[0].endswith("+00:00")
    with local_zone("America/New_York", monkeypatch), HistoryStore(path) as store:
        (row,) = store.sessions()
        (run,) = recent_runs(store.db)
        assert when_text(row.started_at) == "Sun 17 Jan 2027 16:00"
        assert run.local_start().date() == date(2027, 1, 17)
        assert store.trained_days() == [(date(2027, 1, 17), "core")]
        weeks = dict(store.weekly_counts(2, today=date(2027, 1, 18)))
        assert weeks == {date(2027, 1, 11): 1, date(2027, 1, 18): 0}
        assert store.progress("plank")[0][0] == "2027-01-17"
        assert row.as_json()["started_at"] == "2027-01-17T16:00:00-05:00"


def test_an_older_history_moves_to_utc(tmp_path: Path) -> None:
    db = sqlite3.connect(tmp_path / "old.sqlite3", isolation_level=None)
    db.row_factory = sqlite3.Row
    for step in MIGRATIONS[:4]:
        step(db)
    db.execute("PRAGMA user_version = 4")
    db.execute(
        "INSERT INTO sessions (uid, slug, name, started_ts, started_at, ended_at, status) "
        "VALUES ('s', 'core', 'Core', ?, '2027-01-18T06:00:00+09:00', "
        "'2027-01-18T06:10:00+09:00', 'completed')",
        (MOMENT.timestamp(),),
    )
    db.execute(
        "INSERT INTO sets (uid, session_id, seq, exercise, exercise_name, exercise_index, "
        "set_number, kind, actual, started_at, completed_ts, completed_at) VALUES "
        "('t', 1, 0, 'plank', 'Plank', 0, 1, 'hold', 30, 'not a time', ?, "
        "'2027-01-18T06:00:00+09:00')",
        (MOMENT.timestamp(),),
    )
    migrate(db)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    assert tuple(db.execute("SELECT started_at, ended_at FROM sessions").fetchone()) == (
        "2027-01-17T21:00:00+00:00",
        "2027-01-17T21:10:00+00:00",
    )
    # A time an old import left unreadable stays as it was.
    assert tuple(db.execute("SELECT completed_at, started_at FROM sets").fetchone()) == (
        "2027-01-17T21:00:00+00:00",
        "not a time",
    )
    assert queries.sessions(db)[0].duration_seconds == 600
