"""Writing a session into the history as it happens, one committed row per completed phase."""

from __future__ import annotations

import sqlite3
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from runstrong.events import Event, PhaseCorrected, PhaseLogged, PhaseRecord, SessionEnded
from runstrong.history.database import (
    HistoryWriteError,
    iso,
    new_uid,
    open_for_reading,
    open_history,
    transaction,
)
from runstrong.model import Session
from runstrong.timeline import Step


@dataclass(frozen=True, slots=True)
class Unfinished:
    """A session left in progress, by a crash or a closed terminal."""

    id: int
    slug: str
    name: str
    started_ts: float
    light: bool
    sets_logged: int


PhaseKey = tuple[int, int, str | None, int]


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

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def _writing(self) -> Iterator[sqlite3.Connection]:
        try:
            with transaction(self.db) as db:
                yield db
        except sqlite3.DatabaseError as error:
            # Locked, read-only, full or damaged: the caller keeps the write and says why.
            raise HistoryWriteError(self.path, f"could not save ({error})") from error

    def begin_session(self, session: Session, started_ts: float, planned_sets: int) -> int:
        with self._writing() as db:
            cursor = db.execute(
                "INSERT INTO sessions (uid, slug, name, started_ts, started_at, status, "
                "planned_sets, light) VALUES (?, ?, ?, ?, ?, 'in_progress', ?, ?)",
                (new_uid(), session.slug, session.name, started_ts, iso(started_ts),
                 planned_sets, int(session.light)),
            )
        return int(cursor.lastrowid or 0)

    def record(self, session_id: int, seq: int, record: PhaseRecord) -> None:
        with self._writing() as db:
            db.execute(
                "INSERT OR IGNORE INTO sets (uid, session_id, seq, exercise, exercise_name, "
                "exercise_index, set_number, side, phase_index, kind, target, actual, "
                "started_at, completed_ts, completed_at) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (new_uid(), session_id, seq, record.exercise, record.exercise_name,
                 record.exercise_index, record.set_number,
                 None if record.side is None else record.side.value, record.phase_index,
                 record.kind.value, record.target, record.actual, iso(record.started_at),
                 record.ended_at, iso(record.ended_at)),
            )

    def correct(self, session_id: int, seq: int, actual: int) -> None:
        with self._writing() as db:
            db.execute("UPDATE sets SET actual = ? WHERE session_id = ? AND seq = ?",
                       (actual, session_id, seq))

    def set_rpe(self, session_id: int, exercise_index: int, rpe: int) -> None:
        with self._writing() as db:
            db.execute("UPDATE sets SET rpe = ? WHERE session_id = ? AND exercise_index = ?",
                       (rpe, session_id, exercise_index))

    def finish(self, session_id: int, completed: bool, ended_ts: float) -> None:
        with self._writing() as db:
            db.execute("UPDATE sessions SET status = ?, ended_at = ? WHERE id = ?",
                       ("completed" if completed else "stopped", iso(ended_ts), session_id))

    def unfinished(self) -> list[Unfinished]:
        rows = self.db.execute(
            "SELECT s.id, s.slug, s.name, s.started_ts, s.light, "
            "(SELECT count(*) FROM sets WHERE session_id = s.id) AS logged "
            "FROM sessions s WHERE status = 'in_progress' ORDER BY started_ts DESC"
        ).fetchall()
        return [Unfinished(r["id"], r["slug"], r["name"], r["started_ts"], bool(r["light"]),
                           r["logged"]) for r in rows]

    def done_phases(self, session_id: int) -> set[PhaseKey]:
        rows = self.db.execute(
            "SELECT exercise_index, set_number, side, phase_index FROM sets "
            "WHERE session_id = ?", (session_id,)).fetchall()
        return {(r[0], r[1], r[2], r[3]) for r in rows}

    def next_seq(self, session_id: int) -> int:
        row = self.db.execute("SELECT coalesce(max(seq) + 1, 0) FROM sets WHERE session_id = ?",
                              (session_id,)).fetchone()
        return int(row[0])


def resume_index(timeline: tuple[Step, ...], done: set[PhaseKey]) -> int:
    """Where to pick a session up again: the start of the first set not fully done."""
    set_start: dict[tuple[int, int], int] = {}
    for index, step in enumerate(timeline):
        if not step.kind.is_work:
            continue
        set_start.setdefault((step.exercise, step.set_number), index)
        side = None if step.side is None else step.side.value
        if (step.exercise, step.set_number, side, step.phase_index) not in done:
            return set_start[(step.exercise, step.set_number)]
    return len(timeline) - 1


class SessionLog:
    """Takes the engine's events for one session and makes them durable.

    A write that fails (read-only folder, full disk) is kept in memory and tried again on the
    next `flush()`; `problem` says what went wrong until it succeeds, so the screen can show it.
    """

    def __init__(self, store: HistoryStore, session_id: int, seq_base: int = 0) -> None:
        self.store = store
        self.session_id = session_id
        self.seq_base = seq_base
        self._pending: deque[Callable[[], None]] = deque()
        self.problem: str | None = None

    @property
    def pending(self) -> int:
        return len(self._pending)

    def handle(self, event: Event, wall: float) -> None:
        sid = self.session_id
        if isinstance(event, PhaseLogged):
            seq, rec = self.seq_base + event.record.seq, event.record
            self._pending.append(lambda: self.store.record(sid, seq, rec))
        elif isinstance(event, PhaseCorrected):
            seq, actual = self.seq_base + event.record.seq, event.record.actual
            self._pending.append(lambda: self.store.correct(sid, seq, actual))
        elif isinstance(event, SessionEnded):
            done = event.completed
            self._pending.append(lambda: self.store.finish(sid, done, wall))
        else:
            return
        self.flush()

    def rate(self, exercise_index: int, rpe: int) -> None:
        sid = self.session_id
        self._pending.append(lambda: self.store.set_rpe(sid, exercise_index, rpe))
        self.flush()

    def flush(self) -> bool:
        """Write everything waiting, in order; False (and `problem` set) if something failed."""
        while self._pending:
            try:
                self._pending[0]()
            except HistoryWriteError as error:
                self.problem = (f"Not saved yet ({len(self._pending)} waiting, will retry): "
                                f"{error}")
                return False
            self._pending.popleft()
        self.problem = None
        return True
