"""Where a running session's events go: the history, as they happen, when there is one."""

from __future__ import annotations

from collections.abc import Callable

from runstrong.history import HistoryStore, SessionLog
from runstrong.session.events import Event
from runstrong.session.timeline import planned_sets
from runstrong.workout.model import Session


class Recorder:
    """Saves each record at once when a history is open.

    If the history cannot be written, nothing is dropped: SessionLog keeps the writes and
    retries them on every `flush()`, and `flush()` says what is wrong so the screen shows it.
    """

    def __init__(
        self, store: HistoryStore | None, wall: Callable[[], float], unavailable: str | None = None
    ) -> None:
        self.store = store
        self.wall = wall
        self.log: SessionLog | None = None
        self._unavailable = unavailable

    def begin(self, session: Session, *, resume_id: int | None = None) -> None:
        """Get ready to record; the history row itself waits for the first completed set,
        so a session stopped before any set leaves no trace."""
        if self.store is None:
            return
        if resume_id is not None:
            self.log = SessionLog(self.store, resume_id)
        else:
            self.log = SessionLog.for_new(self.store, session, self.wall(), planned_sets(session))

    def handle(self, event: Event) -> None:
        if self.log is not None:
            self.log.handle(event, self.wall())

    def rate(self, exercise_index: int, rpe: int) -> None:
        if self.log is not None:
            self.log.rate(exercise_index, rpe)

    def flush(self) -> str | None:
        """Retry anything unsaved; the problem to show, or None when all is saved."""
        if self.log is not None:
            self.log.flush()
            return self.log.problem
        return self._unavailable
