"""Issue 20: a session the history cannot take (disk full, read-only) loses no set silently."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from runstrong.application import unsaved as unsaved_sets
from runstrong.application.recording import Recorder
from runstrong.history import HistoryStore
from runstrong.session.engine import SessionEngine
from runstrong.session.timeline import Timing

from .drive import run_engine
from .fakes import FakeClock
from .helpers import exercise, hold, reps, session

BOTH_SIDES = session(
    exercise("Plank", hold(5), sets=2, rest=5),
    exercise("Lunge", reps(3, tempo=1.0), sets=2, rest=5),
)


def full_disk(store: HistoryStore) -> None:
    """SQLite's own page limit, then filled up: a write that needs a new page fails with
    SQLITE_FULL, "database or disk is full", exactly as on a full file system."""
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages}")
    for number in range(10_000):
        try:
            store.db.execute(
                "INSERT INTO sessions (uid, slug, name, started_ts, started_at, status) "
                "VALUES (?, 'filler', 'filler', 0, '2026-01-01', 'stopped')",
                (f"filler-{number}",),
            )
        except sqlite3.OperationalError as error:
            assert "full" in str(error)
            return
    raise AssertionError("the history never filled up")


def record_whole_session(store: HistoryStore | None, clock: FakeClock) -> Recorder:
    engine = SessionEngine(BOTH_SIDES, clock=clock, wall=clock.wall, timing=Timing(get_ready=0))
    recorder = Recorder(store, clock.wall, None if store else "History not saved: read-only")
    recorder.begin(BOTH_SIDES)
    for event in engine.start() + run_engine(engine, clock, 120):
        recorder.handle(event)
    assert engine.finished
    return recorder


def sets_in_history(path: Path) -> int:
    with HistoryStore.for_reading(path) as store:  # type: ignore[union-attr]
        return int(store.db.execute("SELECT count(*) FROM sets").fetchone()[0])


@pytest.mark.parametrize("trouble", ["disk full", "read-only"])
def test_every_set_reaches_a_file_the_person_can_import(tmp_path: Path, trouble: str) -> None:
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).close()
    if trouble == "disk full":
        store: HistoryStore | None = HistoryStore(path)
        assert store is not None
        full_disk(store)
    else:
        store = HistoryStore.for_reading(path)  # writes fail: "readonly database"
    clock = FakeClock()
    recorder = record_whole_session(store, clock)
    left = recorder.unsaved()
    assert left is not None
    assert left.sets == 4 and len(left.records) == 4
    assert "4 sets are not saved" in left.sentence()
    assert ("full" if trouble == "disk full" else "readonly") in left.reason
    assert sets_in_history(path) == 0
    # The file, by default beside the history, imports every set.
    target = unsaved_sets.default_path(path, recorder.started)
    assert target.parent == path.parent
    said = unsaved_sets.write(left, target)
    assert "runstrong import" in said and str(target) in said
    with pytest.raises(FileExistsError):
        unsaved_sets.write(left, target)  # never over an existing file
    with HistoryStore(tmp_path / "other.sqlite3") as other:
        result = other.import_jsonl(target.read_text(), str(target))
        assert result.sets_added == 4 and result.sessions_added == 1
        (row,) = other.sessions()
        assert row.status == "completed" and row.sets_done == 4


def test_a_retry_that_succeeds_and_the_file_add_each_set_once(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path)
    full_disk(store)
    recorder = record_whole_session(store, FakeClock())
    left = recorder.unsaved()
    assert left is not None
    target = tmp_path / "copy.jsonl"
    unsaved_sets.write(left, target)
    store.db.execute("PRAGMA max_page_count = 1073741823")  # space again
    store.db.execute("DELETE FROM sessions WHERE slug = 'filler'")
    assert recorder.unsaved() is None  # the retry saved everything
    assert sets_in_history(path) == 4
    result = store.import_jsonl(target.read_text(), str(target))
    assert result.sets_added == 0 and result.sessions_added == 0
    lines = [json.loads(line) for line in target.read_text().splitlines()]
    assert {line["session_id"] for line in lines} == {recorder.uid}


def test_at_exit_unsaved_sets_are_written_somewhere(tmp_path: Path) -> None:
    recorder = record_whole_session(None, FakeClock())
    left = recorder.unsaved()
    assert left is not None and left.sets == 4
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("")
    said = unsaved_sets.rescue(left, blocked / "history.sqlite3", recorder.started)
    written = Path(said.split(" to ", 1)[1].split(". ", 1)[0])
    assert written.exists() and len(written.read_text().splitlines()) == 4
    written.unlink()


def test_the_file_has_every_field_an_export_has(tmp_path: Path) -> None:
    from runstrong.history.exchange import EXPORT_FIELDS

    recorder = record_whole_session(None, FakeClock())
    left = recorder.unsaved()
    assert left is not None
    assert set(json.loads(left.lines[0])) == set(EXPORT_FIELDS)
