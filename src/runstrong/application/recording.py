"""Where a running session's events go: the history, as they happen, when there is one; and,
when it cannot take them, what is still only in memory (`unsaved`)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from runstrong.application.instance_lock import SessionLock
from runstrong.application.unsaved import SessionFacts, Unsaved, unsaved
from runstrong.history import HistoryError, HistoryStore, SessionLog
from runstrong.history.database import new_uid
from runstrong.session.events import Event, PhaseCorrected, PhaseLogged, PhaseRecord, SessionEnded
from runstrong.session.timeline import planned_sets
from runstrong.workout.model import Session


class Recorder:
    """Saves each record at once when a history is open.

    If the history cannot be written, nothing is dropped: SessionLog keeps the writes and
    retries them on every `flush()`, and `flush()` says what is wrong so the screen shows it;
    `unsaved()` gives what is still only in memory, ready for a file `import` reads.
    """

    def __init__(
        self, store: HistoryStore | None, wall: Callable[[], float], unavailable: str | None = None
    ) -> None:
        self.store = store
        self.wall = wall
        self.log: SessionLog | None = None
        self._unavailable = unavailable
        self._session: tuple[Session, float] | None = None
        # Ids given to the session and its sets before they are written, so a copy written to
        # a file (when the history cannot take them) and a later successful write are one.
        self.uid = new_uid()
        self.uids: dict[int, str] = {}
        self._latest: dict[tuple[int, int, str | None, int], PhaseRecord] = {}
        self._ended: SessionEnded | None = None
        # While this session runs, no other runstrong offers to resume it.
        self.lock = None if store is None else SessionLock(store.path)

    def begin(self, session: Session, *, resume_id: int | None = None) -> None:
        """Get ready to record; the history row itself waits for the first completed set,
        so a session stopped before any set leaves no trace."""
        started = self.wall()
        self._session = (session, started)
        if self.store is None:
            return
        if resume_id is not None:
            # A damaged history: a file copy of its sets gets a fresh session id.
            with contextlib.suppress(HistoryError):
                self.uid = self.store.session_uid(resume_id) or self.uid
            self.log = SessionLog(self.store, resume_id, uids=self.uids)
        else:
            self.log = SessionLog.for_new(
                self.store, session, started, planned_sets(session), uid=self.uid, uids=self.uids
            )
        self._hold()

    def _hold(self) -> None:
        """The lock, once the session has a row and while it runs."""
        log, lock = self.log, self.lock
        running = self._ended is None
        if lock is not None and log is not None and log.session_id is not None and running:
            lock.hold(log.session_id)

    def release(self) -> None:
        """The session is over (or put aside to finish later): others may offer it."""
        if self.lock is not None:
            self.lock.release()

    def handle(self, event: Event) -> None:
        if isinstance(event, PhaseLogged | PhaseCorrected):
            self.uids.setdefault(event.record.seq, new_uid())
            self._latest[event.record.key] = event.record
        elif isinstance(event, SessionEnded):
            self._ended = event
            self.release()
        if self.log is not None:
            self.log.handle(event, self.wall())
            self._hold()

    def rate(self, exercise_index: int, rpe: int) -> None:
        if self.log is not None:
            self.log.rate(exercise_index, rpe)

    def flush(self) -> str | None:
        """Retry anything unsaved; the problem to show, or None when all is saved."""
        if self.log is not None:
            self.log.flush()
            self._hold()
            return self.log.problem
        return self._unavailable

    def unsaved(self, *, retry: bool = True) -> Unsaved | None:
        """After one more try (unless `retry` is off: no history call at all): the sets the
        history does not have, and why; None if all are saved (or there were none)."""
        problem = self.flush() if retry else self._unavailable
        if self.log is not None:
            problem = self.log.error or self.log.problem or problem
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
            None if ended is None else ended.taken,
        )
        return unsaved(facts, records, self.uids, problem or "the history could not be written")

    @property
    def started(self) -> float:
        return self.wall() if self._session is None else self._session[1]
