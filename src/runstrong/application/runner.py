"""A running session, for whatever shows it: the engine, the recorder, and where each event goes.

The session screen and the companion page drive a session through the same plain methods
(`tap`, `done`, `skip`, ...) and read the same `view`. Each command, and each `tick`, hands
the engine's events on: cues to the player, a sentence to the voice as a step starts, records
to the history. Listeners hear about every change and read what they need from the runner.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from runstrong.application.recording import Recorder
from runstrong.application.summary import SessionSummary, summarize
from runstrong.audio.voice import announcement
from runstrong.session.engine import Clock, SessionEngine
from runstrong.session.events import CueEvent, Event, PhaseRecord, SessionEnded, StepStarted
from runstrong.session.timeline import Timing
from runstrong.session.view import View
from runstrong.workout.model import Session

if TYPE_CHECKING:
    from runstrong.audio import Player
    from runstrong.history import HistoryStore

Listener = Callable[[], None]

# Effort ratings: 1 (easy) to 10 (all out).
RPE_RANGE = range(1, 11)


class SessionRunner:
    """One session from its first step to its end; `ended` is None while it runs, then True
    when it reached DONE and False when the person stopped it."""

    def __init__(
        self,
        engine: SessionEngine,
        recorder: Recorder,
        player: Player,
        *,
        muted: bool = False,
    ) -> None:
        self.engine = engine
        self.recorder = recorder
        self.player = player
        self.muted = muted
        self.ended: bool | None = None
        self.rated: dict[int, int] = {}
        """Effort given so far: exercise index -> RPE."""
        self.saving_problem: str | None = None
        """Why the history is not up to date, while it is not."""
        self._listeners: list[Listener] = []

    @classmethod
    def begin(
        cls,
        session: Session,
        *,
        store: HistoryStore | None,
        player: Player,
        timing: Timing,
        clock: Clock,
        wall: Clock,
        muted: bool = False,
        resume_id: int | None = None,
        done: Sequence[PhaseRecord] = (),
        unavailable: str | None = None,
        elapsed_before: float = 0.0,
    ) -> SessionRunner:
        """A runner for `session`, recording into `store` (or saying `unavailable` when there
        is none); with `resume_id` and its `done` records it picks the session up again."""
        engine = SessionEngine(
            session,
            clock=clock,
            wall=wall,
            timing=timing,
            done=done,
            elapsed_before=elapsed_before,
        )
        why = unavailable or "no history file"
        recorder = Recorder(store, wall, None if store else f"History not saved: {why}")
        recorder.begin(session, resume_id=resume_id)
        return cls(engine, recorder, player, muted=muted)

    # -- reading ---------------------------------------------------------------------------
    @property
    def session(self) -> Session:
        return self.engine.session

    @property
    def view(self) -> View:
        return self.engine.view()

    @property
    def records(self) -> list[PhaseRecord]:
        return self.engine.records

    def summary(self, units: str = "kg") -> SessionSummary:
        return summarize(self.session, self.engine.records, self.view.session_elapsed, units)

    def listen(self, listener: Listener) -> Callable[[], None]:
        """Call `listener` after every change; the answer stops it."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    # -- time --------------------------------------------------------------------------------
    def start(self) -> None:
        self._handle(self.engine.start())

    def tick(self) -> None:
        """Move the clock on, and retry anything the history has not taken yet."""
        self._dispatch(self.engine.update())
        self.saving_problem = self.recorder.flush()
        self._notify()

    # -- what the person does --------------------------------------------------------------
    def tap(self) -> None:
        """Space: count a rep the person counts, else pause or resume."""
        self._handle(self.engine.tap())

    def toggle_pause(self) -> None:
        self._handle(self.engine.toggle_pause())

    def done(self) -> None:
        self._handle(self.engine.done())

    def skip(self) -> None:
        self._handle(self.engine.skip_exercise())

    def back(self) -> None:
        self._handle(self.engine.back())

    def more_rest(self) -> None:
        self._handle(self.engine.add_rest())

    def fix_count(self, delta: int) -> None:
        """Correct the rep count of the set just done, in the rest right after it."""
        self._handle(self.engine.adjust_reps(delta))

    def change_load(self, delta_kg: float) -> None:
        """In the rest after a set of a loaded exercise: that set's load, and the next's."""
        self._handle(self.engine.adjust_load(delta_kg))

    def rate(self, rpe: int) -> bool:
        """Effort for the exercise whose last set was just done; False when nothing is open
        to a rating now."""
        target = self.view.rating_for
        if target is None or rpe not in RPE_RANGE:
            return False
        self.rated[target] = rpe
        self.recorder.rate(target, rpe)
        self._notify()
        return True

    def rate_exercise(self, exercise_index: int, rpe: int) -> None:
        """Effort given after the end (on the summary) for the exercise it names."""
        self.rated[exercise_index] = rpe
        self.recorder.rate(exercise_index, rpe)

    def toggle_mute(self) -> None:
        self.muted = not self.muted
        self._notify()

    def stop(self, *, resumable: bool = False) -> None:
        """End here (closed as stopped), or, `resumable`, put aside to finish later."""
        self._handle(self.engine.stop(resumable=resumable))

    def pause_unless_paused(self) -> bool:
        """Pause for a question or a detail box; True if it was running (so it resumes)."""
        view = self.view
        if view.paused or view.finished:
            return False
        self.toggle_pause()
        return True

    # -- events ------------------------------------------------------------------------------
    def _handle(self, events: list[Event]) -> None:
        self._dispatch(events)
        self._notify()

    def _dispatch(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, CueEvent):
                if not self.muted:
                    self.player.play(event.cue)
            elif isinstance(event, StepStarted):
                sentence = announcement(self.view)
                if sentence and not self.muted:
                    self.player.say(sentence)
            else:
                self.recorder.handle(event)
                if isinstance(event, SessionEnded):
                    self.ended = event.completed

    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()
