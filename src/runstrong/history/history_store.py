"""The history's one API object: reads and writes go through HistoryStore, never a raw
connection, and a running session is written as it happens, one committed row per phase."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, tzinfo
from functools import wraps
from pathlib import Path
from typing import TYPE_CHECKING, Concatenate, ParamSpec, TypeVar

from runstrong.activities.model import Activity
from runstrong.history import queries, runs
from runstrong.history import weeks as per_week
from runstrong.history.balance import Balance, balances
from runstrong.history.database import (
    HistoryError,
    HistoryReadError,
    HistoryWriteError,
    SessionStatus,
    check_integrity,
    empty_history,
    iso,
    new_uid,
    open_for_reading,
    open_history,
    transaction,
)
from runstrong.history.import_check import MAX_TEXT
from runstrong.history.last_time import Best, LastTime, bests, last_full, phase_records
from runstrong.session.events import PhaseRecord
from runstrong.workout.model import Session, Source

if TYPE_CHECKING:
    from runstrong.history.exchange import ImportResult
    from runstrong.history.import_check import Progress, Record


@dataclass(frozen=True, slots=True)
class Unfinished:
    """A session left in progress: by a crash, a closed terminal, or put aside to finish later
    (then `taken_s` is the time its first part took; after a crash the sets tell)."""

    id: int
    slug: str
    name: str
    started_ts: float
    light: bool
    sets_logged: int
    source_path: str | None = None
    source_hash: str | None = None
    taken_s: float | None = None


P = ParamSpec("P")
R = TypeVar("R")
_DAMAGE = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def _reads(
    method: Callable[Concatenate[HistoryStore, P], R],
) -> Callable[Concatenate[HistoryStore, P], R]:
    """A read whose SQLite failure becomes one HistoryError naming the file, as writes do:
    a history damaged past its first pages only shows when those pages are read."""

    @wraps(method)
    def read(store: HistoryStore, /, *args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return method(store, *args, **kwargs)
        except HistoryError:
            raise
        except sqlite3.DatabaseError as error:
            if getattr(error, "sqlite_errorcode", None) in _DAMAGE:
                raise HistoryReadError(
                    store.path,
                    f"is damaged ({error}). It has not been changed; move it aside "
                    "to start a new one.",
                    damaged=True,
                ) from error
            raise HistoryReadError(
                store.path, f"could not be read ({error})", damaged=False
            ) from error

    return read


def _fits(text: str) -> str:
    """Text as an export line may carry it: what is stored must import again (a workout
    file's name has no length limit; an import's text has MAX_TEXT)."""
    return text[:MAX_TEXT]


class HistoryStore:
    def __init__(self, path: Path, *, db: sqlite3.Connection | None = None) -> None:
        self.path = path
        self.db = open_history(path) if db is None else db

    @classmethod
    def for_reading(cls, path: Path) -> HistoryStore | None:
        """The history opened read-only (nothing created, migrated or switched to WAL);
        None when there is no history yet. Raises HistoryError like opening for writing."""
        db = open_for_reading(path)
        return None if db is None else cls(path, db=db)

    @classmethod
    def empty(cls) -> HistoryStore:
        """A history in memory with nothing in it: what exporting no history writes."""
        return cls(Path(":memory:"), db=empty_history())

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        try:
            with transaction(self.db) as db:
                yield db
        except sqlite3.DatabaseError as error:
            # Locked, read-only, full or damaged: the caller keeps the write and says why.
            raise HistoryWriteError(self.path, f"could not save ({error})") from error

    def begin_session(
        self, session: Session, started_ts: float, planned_sets: int, uid: str | None = None
    ) -> int:
        from_file = session.source is Source.FILE and session.path
        with self._writing() as db:
            cursor = db.execute(
                "INSERT INTO sessions (uid, slug, name, started_ts, started_at, status, "
                "planned_sets, light, source_path, source_hash) "
                "VALUES (?, ?, ?, ?, ?, 'in_progress', ?, ?, ?, ?)",
                (
                    uid or new_uid(),
                    _fits(session.slug),
                    _fits(session.name),
                    started_ts,
                    iso(started_ts),
                    planned_sets,
                    int(session.light),
                    session.path if from_file else None,
                    session.digest or None,
                ),
            )
        return int(cursor.lastrowid or 0)

    @_reads
    def session_uid(self, session_id: int) -> str | None:
        row = self.db.execute("SELECT uid FROM sessions WHERE id = ?", (session_id,)).fetchone()
        return None if row is None else str(row[0])

    def record(
        self, session_id: int, seq: int, record: PhaseRecord, uid: str | None = None
    ) -> None:
        """Save a completed phase; a redone set replaces the first attempt's row."""
        exercise_index, set_number, side, phase_index = record.key
        with self._writing() as db:
            db.execute(
                "DELETE FROM sets WHERE session_id = ? AND exercise_index = ? AND "
                "set_number = ? AND side IS ? AND phase_index = ? AND seq != ?",
                (session_id, exercise_index, set_number, side, phase_index, seq),
            )
            db.execute(
                "INSERT OR IGNORE INTO sets (uid, session_id, seq, exercise, exercise_name, "
                "exercise_index, set_number, side, phase_index, kind, target, actual, "
                "started_at, completed_ts, completed_at, load_kg, paced, warm_up) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    uid or new_uid(),
                    session_id,
                    seq,
                    _fits(record.exercise),
                    _fits(record.exercise_name),
                    record.exercise_index,
                    record.set_number,
                    None if record.side is None else record.side.value,
                    record.phase_index,
                    record.kind.value,
                    record.target,
                    record.actual,
                    iso(record.started_at),
                    record.ended_at,
                    iso(record.ended_at),
                    record.load_kg,
                    int(record.paced),
                    int(record.warm_up),
                ),
            )

    def correct(self, session_id: int, seq: int, actual: int, load_kg: float | None = None) -> None:
        """A logged phase's rep count, and its load, fixed in the rest after it."""
        with self._writing() as db:
            db.execute(
                "UPDATE sets SET actual = ?, load_kg = ? WHERE session_id = ? AND seq = ?",
                (actual, load_kg, session_id, seq),
            )

    def set_rpe(self, session_id: int, exercise_index: int, rpe: int) -> None:
        with self._writing() as db:
            db.execute(
                "UPDATE sets SET rpe = ? WHERE session_id = ? AND exercise_index = ?",
                (rpe, session_id, exercise_index),
            )

    def finish(
        self, session_id: int, completed: bool, ended_ts: float, taken: float | None = None
    ) -> None:
        status = SessionStatus.COMPLETED if completed else SessionStatus.STOPPED
        with self._writing() as db:
            db.execute(
                "UPDATE sessions SET status = ?, ended_at = ?, taken_s = ? WHERE id = ?",
                (status.value, iso(ended_ts), taken, session_id),
            )

    def set_aside(self, session_id: int, taken: float | None) -> None:
        """A session put aside to finish later: it stays open, with the time it has taken."""
        with self._writing() as db:
            db.execute(
                "UPDATE sessions SET taken_s = ? WHERE id = ? AND status = 'in_progress'",
                (taken, session_id),
            )

    @_reads
    def unfinished(self) -> list[Unfinished]:
        rows = self.db.execute(
            "SELECT s.id, s.slug, s.name, s.started_ts, s.light, s.source_path, s.source_hash, "
            "s.taken_s, "
            f"(SELECT {queries.SETS_DONE} FROM sets WHERE session_id = s.id) AS logged "
            "FROM sessions s WHERE status = 'in_progress' ORDER BY started_ts DESC"
        ).fetchall()
        return [
            Unfinished(
                r["id"],
                r["slug"],
                r["name"],
                r["started_ts"],
                bool(r["light"]),
                r["logged"],
                r["source_path"],
                r["source_hash"],
                r["taken_s"],
            )
            for r in rows
        ]

    @_reads
    def records_of(self, session_id: int) -> list[PhaseRecord]:
        """The phases already logged for a session, oldest first, as the engine made them."""
        return phase_records(self.db, session_id)

    # -- reads for the screens and commands ----------------------------------------------
    @_reads
    def sessions(
        self, *, limit: int | None = 20, exercise: str | None = None
    ) -> list[queries.SessionRow]:
        return queries.sessions(self.db, limit=limit, exercise=exercise)

    @_reads
    def session_detail(self, session_id: int) -> queries.SessionRow | None:
        return queries.session_detail(self.db, session_id)

    @_reads
    def session_heads(self, limit: int = 500) -> list[queries.SessionHead]:
        return queries.session_heads(self.db, limit)

    @_reads
    def exercise_stats(self) -> list[queries.ExerciseStat]:
        return queries.exercise_stats(self.db)

    @_reads
    def progress(self, exercise: str) -> list[tuple[str, str, str | None, int]]:
        return queries.progress(self.db, exercise)

    @_reads
    def last_full(self, exercise: str) -> LastTime | None:
        """The exercise's sets in its latest full (not light) session."""
        return last_full(self.db, exercise)

    @_reads
    def bests(self) -> dict[tuple[str, str], Best]:
        return bests(self.db)

    @_reads
    def weekly_counts(
        self, weeks: int = 8, today: date | None = None, counting: queries.Counts | None = None
    ) -> list[tuple[date, int]]:
        return per_week.weekly_counts(self.db, weeks, today, counting)

    @_reads
    def streak_weeks(
        self, target: int = 1, today: date | None = None, counting: queries.Counts | None = None
    ) -> int:
        return per_week.streak_weeks(self.db, target, today, counting)

    @_reads
    def balances(self) -> list[Balance]:
        return balances(self.db)

    @_reads
    def trained_days(self, since: date | None = None) -> list[tuple[date, str]]:
        return queries.trained_days(self.db, since)

    @_reads
    def trained_sessions(self, since: date | None = None) -> list[tuple[date, str, bool, str]]:
        return queries.trained_sessions(self.db, since)

    # -- runs ----------------------------------------------------------------------------
    def add_runs(self, activities: Iterable[Activity]) -> runs.AddResult:
        """Store the runs not stored yet, in one transaction."""
        try:
            return runs.add_runs(self.db, activities)
        except sqlite3.DatabaseError as error:
            raise HistoryWriteError(self.path, f"could not save ({error})") from error

    @_reads
    def recent_runs(self, limit: int | None = None) -> list[runs.RunRow]:
        return runs.recent_runs(self.db, limit)

    @_reads
    def runs_between(
        self, first: date, last: date, zone: tzinfo | None = None
    ) -> list[runs.RunRow]:
        return runs.runs_between(self.db, first, last, zone)

    @_reads
    def weekly_km(
        self, weeks: int = 8, today: date | None = None, zone: tzinfo | None = None
    ) -> list[tuple[date, float]]:
        return runs.weekly_km(self.db, weeks, today, zone)

    @_reads
    def has_runs(self) -> bool:
        """Whether any run was ever imported (a chart of none says why it is empty)."""
        return bool(runs.recent_runs(self.db, limit=1))

    @_reads
    def integrity_problem(self) -> str | None:
        """SQLite's first complaint about the file, None when sound; reads every page."""
        return check_integrity(self.db)

    # -- exchange ------------------------------------------------------------------------
    @_reads
    def export(self, fmt: str) -> str:
        from runstrong.history.exchange import render

        return render(self.db, fmt)

    def import_jsonl(self, text: str, file: str = "import") -> ImportResult:
        from runstrong.history.exchange import import_jsonl

        return import_jsonl(self.db, text, file)

    def import_records(
        self, records: list[Record], progress: Progress | None = None
    ) -> ImportResult:
        """Write the records of a file `import_check.check_lines` accepted, in one
        transaction; HistoryWriteError when it cannot be saved."""
        from runstrong.history.exchange import import_records

        try:
            return import_records(self.db, records, progress)
        except sqlite3.DatabaseError as error:
            raise HistoryWriteError(self.path, f"could not save ({error})") from error


def open_existing_quietly(path: Path) -> HistoryStore | None:
    """The history read-only, or None when there is none or it cannot be used: for optional
    extras (hints, suggestions) that do without it."""
    try:
        return HistoryStore.for_reading(path)
    except HistoryError:
        return None
