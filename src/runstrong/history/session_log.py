"""A running session made durable as it happens, and where to pick an interrupted one up."""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from runstrong.history.database import HistoryWriteError
from runstrong.history.history_store import HistoryStore, PhaseKey
from runstrong.session.events import Event, PhaseCorrected, PhaseLogged, SessionEnded
from runstrong.session.timeline import Step, set_starts


def resume_index(timeline: tuple[Step, ...], done: set[PhaseKey]) -> int:
    """Where to pick a session up again: the start of the first set not fully done."""
    starts = set_starts(timeline)
    for step in timeline:
        if not step.kind.is_work:
            continue
        side = None if step.side is None else step.side.value
        if (step.exercise, step.set_number, side, step.phase_index) not in done:
            return starts[(step.exercise, step.set_number)]
    return len(timeline) - 1


class SessionLog:
    """Takes the engine's events for one session and makes them durable.

    A write that fails (read-only folder, full disk) is kept in memory and tried again on the
    next `flush()`; `problem` says what went wrong until it succeeds, so the screen can show it.
    """

    def __init__(self, store: HistoryStore, session_id: int) -> None:
        self.store = store
        self.session_id = session_id
        self._pending: deque[Callable[[], None]] = deque()
        self.problem: str | None = None

    @property
    def pending(self) -> int:
        return len(self._pending)

    def handle(self, event: Event, wall: float) -> None:
        sid = self.session_id
        if isinstance(event, PhaseLogged):
            seq, rec = event.record.seq, event.record
            self._pending.append(lambda: self.store.record(sid, seq, rec))
        elif isinstance(event, PhaseCorrected):
            seq, actual, load = event.record.seq, event.record.actual, event.record.load_kg
            self._pending.append(lambda: self.store.correct(sid, seq, actual, load))
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
                self.problem = f"Not saved yet ({len(self._pending)} waiting, will retry): {error}"
                return False
            self._pending.popleft()
        self.problem = None
        return True
