"""Where a running session's events go: the history when it can be written, memory always."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable

from runstrong.application.instance_lock import SessionLock
from runstrong.application.unsaved import SessionFacts, Unsaved, unsaved
from runstrong.history import HistoryError, HistoryStore, HistoryWriteError, SessionLog
from runstrong.history.database import new_uid
from runstrong.session.events import Event, PhaseCorrected, PhaseLogged, PhaseRecord, SessionEnded
from runstrong.session.timeline import planned_sets
from runstrong.workout.model import Session


class Recorder:
    """Keeps every record in memory and, when a history is open, saves it at once.

    If the history cannot be written, nothing is dropped: SessionLog keeps the writes and
    retries them on every `flush()`, and `problem` says what is wrong so the screen shows it.
    """

    def __init__(
        self, store: HistoryStore | None, wall: Callable[[], float], unavailable: str | None = None
    ) -> None:
        self.store = store
        self.wall = wall
        self.log: SessionLog | None = None
        self.events: list[Event] = []
        # Events that came before the session row could be written, replayed once it is.
        self._backlog: list[Event] = []
        self._unavailable = unavailable
        self._start_problem: str | None = None
        self._start_error: str | None = None
        self._session: tuple[Session, float] | None = None
        # Ids given to the session and its sets before they are written, so a copy written to
        # a file (when the history cannot take them) and a later successful write are one.
        self.uid = new_uid()
        self.uids: dict[int, str] = {}
        self._latest: dict[tuple[int, int, str | None, int], PhaseRecord] = {}
        self._ended: SessionEnded | None = None
        # While this session runs, no other runstrong offers to resume it.
        self.lock = None if store is None else SessionLock(store.path)

    def begin(
        self, session: Session, *, resume_id: int | None = None, started: float | None = None
    ) -> None:
        """Get ready to record; the history row itself waits for the first completed set,
        so a session stopped before any set leaves no trace."""
        self._session = (session, self.wall() if started is None else started)
        if self.store is not None and resume_id is not None:
            # A damaged history: a file copy of its sets gets a fresh session id.
            with contextlib.suppress(HistoryError, sqlite3.DatabaseError):
                self.uid = self.store.session_uid(resume_id) or self.uid
            self.log = SessionLog(self.store, resume_id, self.uids)
            self._hold(resume_id)

    def _open_log(self) -> None:
        if self.store is None or self._session is None or self.log is not None:
            return
        if not any(isinstance(event, PhaseLogged) for event in self.events):
            return
        session, started = self._session
        try:
            sid = self.store.begin_session(session, started, planned_sets(session), self.uid)
        except HistoryWriteError as error:
            self._start_error = str(error)
            self._start_problem = f"Not saved yet (will retry): {error}"
            return
        self._start_problem = self._start_error = None
        self.log = SessionLog(self.store, sid, self.uids)
        if self._ended is None:
            self._hold(sid)

    def _hold(self, session_id: int) -> None:
        if self.lock is not None:
            self.lock.hold(session_id)

    def release(self) -> None:
        """The session is over (or put aside to finish later): others may offer it."""
        if self.lock is not None:
            self.lock.release()

    def handle(self, event: Event) -> None:
        self.events.append(event)
        if isinstance(event, PhaseLogged | PhaseCorrected):
            self.uids.setdefault(event.record.seq, new_uid())
            self._latest[event.record.key] = event.record
        elif isinstance(event, SessionEnded):
            self._ended = event
            self.release()
        self._open_log()
        if self.log is not None:
            self.log.handle(event, self.wall())
        elif self.store is not None:
            self._backlog.append(event)

    def rate(self, exercise_index: int, rpe: int) -> None:
        if self.log is not None:
            self.log.rate(exercise_index, rpe)

    def flush(self) -> str | None:
        """Retry anything unsaved; the problem to show, or None when all is saved."""
        self._open_log()
        if self.log is not None:
            while self._backlog:
                self.log.handle(self._backlog.pop(0), self.wall())
            self.log.flush()
            return self.log.problem
        return self._start_problem or self._unavailable

    def unsaved(self, *, retry: bool = True) -> Unsaved | None:
        """After one more try (unless `retry` is off: no history call at all): the sets the
        history does not have, and why; None if all are saved (or there were none)."""
        problem = self.flush() if retry else (self._start_problem or self._unavailable)
        if self.log is not None:
            problem = self.log.error or problem
        else:
            problem = self._start_error or problem
        waiting = None if self.log is None else self.log.unsaved_seqs
        records = sorted(
            (r for r in self._latest.values() if waiting is None or r.seq in waiting),
            key=lambda r: r.seq,
        )
        if not records or self._session is None:
            return None
        session, started = self._session
        ended = self._ended
        facts = SessionFacts(
            self.uid,
            session.slug,
            session.name,
            started,
            planned_sets(session),
            session.light,
            "completed" if ended is not None and ended.completed else "stopped",
            self.wall() if ended is not None else None,
        )
        return unsaved(facts, records, self.uids, problem or "the history could not be written")

    @property
    def started(self) -> float:
        return self.wall() if self._session is None else self._session[1]

    @property
    def session_id(self) -> int | None:
        return None if self.log is None else self.log.session_id
