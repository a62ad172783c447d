"""A running session made durable as it happens."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from runstrong.history.database import HistoryWriteError, new_uid
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
        uid: str | None = None,
        uids: dict[int, str] | None = None,
    ) -> None:
        self.store = store
        self.session_id = session_id
        # The row to write first, for a session that has none yet: session, start, planned sets.
        self._new = new
        # Ids chosen before writing (the session's, and seq -> each set's), shared with
        # whoever may write the same sets to a file: importing both adds each once.
        self.uid = uid
        self.uids = {} if uids is None else uids
        # Each write waiting, with the seq of the phase it is about (None: the session's own).
        self._pending: deque[tuple[int | None, Callable[[int], None]]] = deque()
        self.problem: str | None = None
        self.error: str | None = None
        """The last failed write's reason, without the advice around it."""

    @classmethod
    def for_new(
        cls,
        store: HistoryStore,
        session: Session,
        started_ts: float,
        planned_sets: int,
        *,
        uid: str | None = None,
        uids: dict[int, str] | None = None,
    ) -> SessionLog:
        return cls(store, None, new=(session, started_ts, planned_sets), uid=uid, uids=uids)

    @property
    def unsaved_seqs(self) -> set[int]:
        """The phases whose record (or its correction) is not in the history yet."""
        return {seq for seq, _ in self._pending if seq is not None}

    def handle(self, event: Event, wall: float) -> None:
        if isinstance(event, PhaseLogged):
            seq, rec = event.record.seq, event.record
            uid = self.uids.setdefault(seq, new_uid())
            self._pending.append((seq, lambda sid: self.store.record(sid, seq, rec, uid)))
        elif isinstance(event, PhaseCorrected):
            seq, actual, load = event.record.seq, event.record.actual, event.record.load_kg
            self._pending.append((seq, lambda sid: self.store.correct(sid, seq, actual, load)))
        elif isinstance(event, SessionEnded):
            if self.session_id is None and not self._pending:
                return  # stopped before its first set: nothing to keep
            done, taken = event.completed, event.taken
            if event.resumable:
                # Put aside to finish later: the row stays open, offered next time, and its
                # second part's clock carries on from the time the first one took.
                self._pending.append((None, lambda sid: self.store.set_aside(sid, taken)))
            else:
                self._pending.append((None, lambda sid: self.store.finish(sid, done, wall, taken)))
        else:
            return
        self.flush()

    def rate(self, exercise_index: int, rpe: int) -> None:
        self._pending.append((None, lambda sid: self.store.set_rpe(sid, exercise_index, rpe)))
        self.flush()

    def flush(self) -> bool:
        """Write everything waiting, in order; False (and `problem` set) if something failed."""
        if self._pending and self.session_id is None and self._new is not None:
            try:
                self.session_id = self.store.begin_session(*self._new, uid=self.uid)
            except HistoryWriteError as error:
                self.error = str(error)
                self.problem = f"Not saved yet (will retry): {error}"
                return False
        while self._pending and self.session_id is not None:
            try:
                self._pending[0][1](self.session_id)
            except HistoryWriteError as error:
                self.error = str(error)
                self.problem = f"Not saved yet ({len(self._pending)} waiting, will retry): {error}"
                return False
            self._pending.popleft()
        self.problem = self.error = None
        return True
