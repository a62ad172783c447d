"""The session engine: where in the session a person is, and what happens next.

Pure Python on an injected clock. Every timed step ends at an absolute deadline fixed when the
step started, and the next step starts at that deadline, not at whatever moment the screen
next looked: Textual's timers drop ticks when the event loop stalls, so anything that counted
ticks would drift. Cues fire when the time left crosses a threshold between two updates, so a
stall can neither skip a cue nor play it twice.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from runstrong.events import (
    Cue,
    CueEvent,
    Event,
    PhaseCorrected,
    PhaseLogged,
    PhaseRecord,
    SessionEnded,
    SpeakEvent,
    StepStarted,
)
from runstrong.model import Exercise, PhaseKind, Session
from runstrong.timeline import Step, StepKind, Timing, build_timeline, estimate_step

Clock = Callable[[], float]

TICK_SECONDS = (3, 2, 1)
HALFWAY_MIN_HOLD = 20.0
EXTRA_REST = 15.0


@dataclass(frozen=True, slots=True)
class EngineOptions:
    timing: Timing = field(default_factory=Timing)
    count_in: float = 3.0


@dataclass(frozen=True, slots=True)
class View:
    """Everything the screen needs to draw the present moment."""

    index: int
    step: Step
    exercise: Exercise
    paused: bool
    counting_in: float | None
    elapsed: float
    remaining: float | None
    reps: int | None
    step_progress: float
    session_progress: float
    session_elapsed: float
    finished: bool

    @property
    def label(self) -> str:
        return "PAUSED" if self.paused else self.step.kind.value


class SessionEngine:
    def __init__(
        self,
        session: Session,
        *,
        clock: Clock = time.monotonic,
        wall: Clock = time.time,
        options: EngineOptions | None = None,
        start_index: int = 0,
    ) -> None:
        self.session = session
        self.options = options or EngineOptions()
        self.timeline: tuple[Step, ...] = build_timeline(session, self.options.timing)
        self._clock = clock
        self._wall = wall
        self._estimates = [estimate_step(s, self.options.timing) for s in self.timeline]
        self._total_estimate = sum(self._estimates) or 1.0
        self.records: list[PhaseRecord] = []
        self.index = start_index
        self.started = False
        self.finished = False
        # Work-clock state for the current step: elapsed time is `now - anchor` while running;
        # while paused (or counting in after a pause) it is frozen at `frozen`.
        self._anchor = 0.0
        self._frozen: float | None = None
        self._count_in_until: float | None = None
        self._step_extra = 0.0
        self._taps = 0
        self._last_seen = 0.0
        self._session_start = 0.0
        self._step_started_wall = 0.0

    # -- reading -------------------------------------------------------------------------
    @property
    def step(self) -> Step:
        return self.timeline[self.index]

    def exercise_of(self, step: Step) -> Exercise:
        return self.session.exercises[step.exercise]

    def _duration(self) -> float | None:
        seconds = self.step.seconds
        return None if seconds is None else seconds + self._step_extra

    def _elapsed(self, now: float) -> float:
        if self._frozen is not None:
            return self._frozen
        if self._count_in_until is not None and now < self._count_in_until:
            return self._count_in_until - self._anchor
        return max(0.0, now - self._anchor)

    def _reps_done(self, elapsed: float) -> int | None:
        phase = self.step.phase
        if phase is None or phase.kind is not PhaseKind.REPS:
            return None
        if phase.tempo is None:
            return self._taps
        return min(phase.target or 0, math.floor(elapsed / phase.tempo + 1e-9))

    def view(self) -> View:
        now = self._clock()
        elapsed = self._elapsed(now) if self.started else 0.0
        duration = self._duration()
        remaining = None if duration is None else max(0.0, duration - elapsed)
        if duration:
            step_progress = min(1.0, elapsed / duration)
        elif self.step.phase is not None and self.step.phase.kind is PhaseKind.REPS:
            step_progress = min(1.0, (self._taps / (self.step.phase.target or 1)))
        else:
            step_progress = 0.0
        done_before = sum(self._estimates[: self.index])
        current = self._estimates[self.index] * step_progress
        counting_in = None
        if self._count_in_until is not None and now < self._count_in_until:
            counting_in = self._count_in_until - now
        return View(
            index=self.index,
            step=self.step,
            exercise=self.exercise_of(self.step),
            paused=self._frozen is not None and self._count_in_until is None,
            counting_in=counting_in,
            elapsed=elapsed,
            remaining=remaining,
            reps=self._reps_done(elapsed),
            step_progress=step_progress,
            session_progress=1.0 if self.finished else
            min(1.0, (done_before + current) / self._total_estimate),
            session_elapsed=(now - self._session_start) if self.started else 0.0,
            finished=self.finished,
        )

    def next_work_step(self) -> Step | None:
        """The next step in which the person works, for the "next" preview."""
        for step in self.timeline[self.index + 1:]:
            if step.kind.is_work:
                return step
        return None

    @property
    def paused(self) -> bool:
        return self._frozen is not None and self._count_in_until is None

    @property
    def taps_count(self) -> bool:
        """Space counts a rep (rather than pausing) in reps the person counts themselves."""
        phase = self.step.phase
        return phase is not None and phase.kind is PhaseKind.REPS and phase.tempo is None

    # -- moving --------------------------------------------------------------------------
    def start(self) -> list[Event]:
        now = self._clock()
        self.started = True
        self._session_start = now
        return self._enter(self.index, now)

    def update(self) -> list[Event]:
        """Advance through every step whose deadline has passed, firing the cues crossed."""
        if not self.started or self.finished:
            return []
        now = self._clock()
        events: list[Event] = []
        if self._count_in_until is not None and now >= self._count_in_until:
            self._count_in_until = None
        while not self.finished and self._frozen is None:
            duration = self._duration()
            deadline = None if duration is None else self._anchor + duration
            until = now if deadline is None else min(now, deadline)
            events += self._cues_between(self._last_seen, until - self._anchor)
            self._last_seen = max(self._last_seen, until - self._anchor)
            phase = self.step.phase
            if deadline is not None and now >= deadline:
                actual = phase.target if phase is not None and phase.target is not None else 0
                events += self._finish_step(deadline, actual)
            else:
                break
        return events

    def _cues_between(self, before: float, after: float) -> list[Event]:
        """Cues whose moment lies in (before, after] of the current step's elapsed time."""
        if after <= before:
            return []
        events: list[Event] = []
        step, duration = self.step, self._duration()
        phase = step.phase
        if phase is not None and phase.is_paced and phase.tempo:
            first = math.floor(before / phase.tempo + 1e-9) + 1
            last = min(phase.target or 0, math.floor(after / phase.tempo + 1e-9))
            # The last rep's tick would land on top of the next step's own cue.
            events += [CueEvent(Cue.REP) for n in range(first, last + 1)
                       if n < (phase.target or 0)]
            return events
        if duration is None:
            return events
        if step.kind is StepKind.HOLD and duration >= HALFWAY_MIN_HOLD:
            half = duration / 2
            if before < half <= after:
                events.append(CueEvent(Cue.HALFWAY))
        for left in TICK_SECONDS:
            moment = duration - left
            if moment > 0 and before < moment <= after:
                events.append(CueEvent(Cue.TICK))
        return events

    def _enter(self, index: int, at: float) -> list[Event]:
        self.index = index
        self._anchor = at
        self._frozen = None
        self._count_in_until = None
        self._step_extra = 0.0
        self._taps = 0
        self._last_seen = 0.0
        self._step_started_wall = self._wall() - (self._clock() - at)
        step = self.step
        events: list[Event] = [StepStarted(index)]
        exercise = self.exercise_of(step)
        if step.kind is StepKind.DONE:
            self.finished = True
            events += [CueEvent(Cue.COMPLETE), SpeakEvent("Done. Well trained."),
                       SessionEnded(completed=True)]
        elif step.kind is StepKind.GET_READY:
            first = self.next_work_step() or step
            events.append(SpeakEvent(self._spoken_name(exercise, first)))
        elif step.kind is StepKind.SWITCH:
            events += [CueEvent(Cue.SWITCH),
                       SpeakEvent(f"Switch sides. {exercise.name}, {step.side} side")]
        elif step.kind is StepKind.REST:
            events += [CueEvent(Cue.REST), SpeakEvent(self._rest_words())]
        else:
            events.append(CueEvent(Cue.GO))
        return events

    def _spoken_name(self, exercise: Exercise, step: Step) -> str:
        side = f", {step.side} side" if step.side else ""
        return f"Get ready: {exercise.name}{side}"

    def _rest_words(self) -> str:
        upcoming = self.next_work_step()
        if upcoming is None:
            return "Rest"
        exercise = self.exercise_of(upcoming)
        if upcoming.exercise != self.step.exercise:
            return f"Rest. Next: {exercise.name}"
        if exercise.sets > 1 and upcoming.set_number == exercise.sets:
            return "Rest. Last set next"
        return "Rest"

    def _finish_step(self, at: float, actual: int | None) -> list[Event]:
        """End the current step at monotonic time `at`, logging work, and enter the next."""
        events: list[Event] = []
        step = self.step
        if step.kind.is_work and step.phase is not None and actual is not None:
            record = PhaseRecord(
                seq=len(self.records),
                exercise_index=step.exercise,
                exercise=self.exercise_of(step).key,
                exercise_name=self.exercise_of(step).name,
                set_number=step.set_number,
                side=step.side,
                phase_index=step.phase_index,
                kind=step.phase.kind,
                target=step.phase.target,
                actual=max(0, actual),
                started_at=self._step_started_wall,
                ended_at=self._wall() - (self._clock() - at),
            )
            self.records.append(record)
            events.append(PhaseLogged(record))
            following = self.timeline[self.index + 1]
            ends_set = not (following.kind.is_work and following.set_number == step.set_number
                            and following.exercise == step.exercise)
            if ends_set and following.kind.is_work:
                events.append(CueEvent(Cue.SET_DONE))
        return events + self._enter(self.index + 1, at)

    # -- the person's keys ---------------------------------------------------------------
    def toggle_pause(self) -> list[Event]:
        if not self.started or self.finished:
            return []
        now = self._clock()
        events = self.update()
        if self._frozen is None:
            self._frozen = self._elapsed(now)
            self._count_in_until = None
            return events
        frozen = self._frozen
        self._frozen = None
        counts_in = self.step.kind.is_work and self.step.is_timed and self.options.count_in > 0
        if counts_in:
            self._count_in_until = now + self.options.count_in
            self._anchor = self._count_in_until - frozen
        else:
            self._anchor = now - frozen
        return events

    def space(self) -> list[Event]:
        """Space counts a rep in self-counted reps, and pauses or resumes otherwise."""
        if self.taps_count and not self.paused and not self.finished:
            self._taps += 1
            phase = self.step.phase
            if phase is not None and phase.target is not None and self._taps >= phase.target:
                return self._finish_step(self._clock(), self._taps)
            return [CueEvent(Cue.REP)]
        return self.toggle_pause()

    def done(self) -> list[Event]:
        """Enter: finish the current step now (a hold ends early, a rest is skipped)."""
        if not self.started or self.finished:
            return []
        events = self.update()
        if self.finished:
            return events
        now = self._clock()
        elapsed = self._elapsed(now)
        step = self.step
        actual: int | None = None
        if step.kind.is_work and step.phase is not None:
            if step.phase.kind is PhaseKind.HOLD:
                actual = round(elapsed)
            elif step.phase.tempo is not None:
                actual = self._reps_done(elapsed)
            else:
                actual = self._taps or step.phase.target
        return events + self._finish_step(now, actual)

    def add_rest(self, seconds: float = EXTRA_REST) -> list[Event]:
        if self.step.kind in (StepKind.REST, StepKind.GET_READY, StepKind.SWITCH):
            self._step_extra += seconds
        return []

    def _jump(self, index: int) -> list[Event]:
        if not self.started or self.finished:
            return []
        return self._enter(index, self._clock())

    def skip_exercise(self) -> list[Event]:
        """Leave the current exercise unfinished and go to the next one's first set."""
        current = self.step.exercise
        for index in range(self.index + 1, len(self.timeline)):
            step = self.timeline[index]
            if step.kind is StepKind.DONE or (step.kind.is_work and step.exercise > current):
                return self._jump(index)
        return []

    def _set_starts(self) -> dict[tuple[int, int], int]:
        starts: dict[tuple[int, int], int] = {}
        for index, step in enumerate(self.timeline):
            if step.kind.is_work:
                starts.setdefault((step.exercise, step.set_number), index)
        return starts

    def back(self) -> list[Event]:
        """Back to the start of the set just done (from its rest) or of the previous set."""
        starts = self._set_starts()
        order = list(starts)
        step = self.step
        if step.kind is StepKind.REST:
            return self._jump(starts[(step.exercise, step.set_number)])
        if not (step.kind.is_work or step.kind is StepKind.SWITCH):
            return []
        position = order.index((step.exercise, step.set_number))
        return self._jump(starts[order[max(0, position - 1)]])

    def adjust_reps(self, delta: int) -> list[Event]:
        """+ and -: correct the rep count of the set just logged, during the rest after it."""
        if self.step.kind not in (StepKind.REST, StepKind.SWITCH, StepKind.DONE):
            return []
        # Only the set just finished: a hold before this rest leaves older reps alone.
        if not self.records or self.records[-1].kind is not PhaseKind.REPS:
            return []
        fixed = replace(self.records[-1], actual=max(0, self.records[-1].actual + delta))
        self.records[-1] = fixed
        return [PhaseCorrected(fixed)]

    def stop(self) -> list[Event]:
        if self.finished:
            return []
        self.finished = True
        return [SessionEnded(completed=False)]
