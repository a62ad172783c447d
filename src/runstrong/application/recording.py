"""Where a running session's events go: the history when it can be written, memory always."""

from __future__ import annotations

from collections.abc import Callable

from runstrong.history import HistoryStore, HistoryWriteError, SessionLog
from runstrong.session.events import Event, PhaseLogged
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
        self._session: tuple[Session, float] | None = None

    def begin(self, session: Session, *, resume_id: int | None = None) -> None:
        """Get ready to record; the history row itself waits for the first completed set,
        so a session stopped before any set leaves no trace."""
        self._session = (session, self.wall())
        if self.store is not None and resume_id is not None:
            self.log = SessionLog(self.store, resume_id)

    def _open_log(self) -> None:
        if self.store is None or self._session is None or self.log is not None:
            return
        if not any(isinstance(event, PhaseLogged) for event in self.events):
            return
        session, started = self._session
        try:
            sid = self.store.begin_session(session, started, planned_sets(session))
        except HistoryWriteError as error:
            self._start_problem = f"Not saved yet (will retry): {error}"
            return
        self._start_problem = None
        self.log = SessionLog(self.store, sid)

    def handle(self, event: Event) -> None:
        self.events.append(event)
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

    @property
    def session_id(self) -> int | None:
        return None if self.log is None else self.log.session_id
