"""A running session made durable as it happens."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from runstrong.history.database import HistoryWriteError
from runstrong.history.history_store import HistoryStore
from runstrong.session.events import Event, PhaseCorrected, PhaseLogged, SessionEnded
from runstrong.workout.model import Session


class SessionLog:
    """Takes the engine's events for one session and makes them durable.

    The one retry queue: a write that fails (read-only folder, full disk) is kept in order and
    tried again on the next `flush()`; `problem` says what went wrong until it succeeds, so the
    screen can show it. A new session's row is written with its first set, so a session
    stopped before any set leaves no trace.
    """

    def __init__(
        self,
        store: HistoryStore,
        session_id: int | None,
        *,
        new: tuple[Session, float, int] | None = None,
    ) -> None:
        self.store = store
        self.session_id = session_id
        # The row to write first, for a session that has none yet: session, start, planned sets.
        self._new = new
        self._pending: deque[Callable[[int], None]] = deque()
        self.problem: str | None = None

    @classmethod
    def for_new(
        cls, store: HistoryStore, session: Session, started_ts: float, planned_sets: int
    ) -> SessionLog:
        return cls(store, None, new=(session, started_ts, planned_sets))

    def handle(self, event: Event, wall: float) -> None:
        if isinstance(event, PhaseLogged):
            seq, rec = event.record.seq, event.record
            self._pending.append(lambda sid: self.store.record(sid, seq, rec))
        elif isinstance(event, PhaseCorrected):
            seq, actual, load = event.record.seq, event.record.actual, event.record.load_kg
            self._pending.append(lambda sid: self.store.correct(sid, seq, actual, load))
        elif isinstance(event, SessionEnded):
            if self.session_id is None and not self._pending:
                return  # stopped before its first set: nothing to keep
            done = event.completed
            self._pending.append(lambda sid: self.store.finish(sid, done, wall))
        else:
            return
        self.flush()

    def rate(self, exercise_index: int, rpe: int) -> None:
        self._pending.append(lambda sid: self.store.set_rpe(sid, exercise_index, rpe))
        self.flush()

    def flush(self) -> bool:
        """Write everything waiting, in order; False (and `problem` set) if something failed."""
        if self._pending and self.session_id is None and self._new is not None:
            try:
                self.session_id = self.store.begin_session(*self._new)
            except HistoryWriteError as error:
                self.problem = f"Not saved yet (will retry): {error}"
                return False
        while self._pending and self.session_id is not None:
            try:
                self._pending[0](self.session_id)
            except HistoryWriteError as error:
                self.problem = f"Not saved yet ({len(self._pending)} waiting, will retry): {error}"
                return False
            self._pending.popleft()
        self.problem = None
        return True
