"""The session engine: where in the session a person is, and what happens next.

Pure Python on an injected clock. Every timed step ends at an absolute deadline fixed when the
step started, and the next step starts at that deadline, not whenever the screen next looked:
Textual's timers drop ticks when the event loop stalls, so counting ticks would drift. A stall
longer than `GAP_SECONDS` is time the app did not see (Ctrl+Z, a closed lid): the session
pauses where the gap began.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import replace

from runstrong.session.beat import next_change
from runstrong.session.cues import cues_between
from runstrong.session.events import (
    Cue,
    CueEvent,
    Event,
    PhaseCorrected,
    PhaseLogged,
    PhaseRecord,
    SessionEnded,
    StepStarted,
)
from runstrong.session.loads import Loads
from runstrong.session.timeline import (
    SessionPhase,
    Step,
    Timing,
    build_timeline,
    estimate_step,
    first_not_done,
    focus_at,
    next_exercise_start,
    rated_exercise,
    redo_start,
    reps_at,
    up_next_at,
)
from runstrong.session.view import View
from runstrong.workout.model import Exercise, PhaseKind, Session

Clock = Callable[[], float]

EXTRA_REST = 15.0
GAP_SECONDS = 5.0
# With no GET READY in the settings, a jump still gives this long to get into position.
JUMP_COUNT_IN = 3.0


class SessionEngine:
    def __init__(
        self,
        session: Session,
        *,
        clock: Clock = time.monotonic,
        wall: Clock = time.time,
        timing: Timing | None = None,
        done: Sequence[PhaseRecord] = (),
        elapsed_before: float = 0.0,
    ) -> None:
        """`done`: the records of an interrupted session; it picks up again at the start of
        the first set not done."""
        self.session = session
        self.timing = timing or Timing()
        self.timeline: tuple[Step, ...] = build_timeline(session, self.timing)
        self._clock = clock
        self._wall = wall
        self._estimates = [estimate_step(s, self.timing) for s in self.timeline]
        self._total_estimate = sum(self._estimates) or 1.0
        # Records of a resumed session come first, so the summary covers the whole session.
        self.records: list[PhaseRecord] = list(done)
        self._next_seq = max((r.seq for r in done), default=-1) + 1
        self.loads = Loads(session, self.records)
        self.index = first_not_done(self.timeline, done) if done else 0
        self.started = False
        self.finished = False
        # A GET READY inserted before the step a jump landed on; `index` is that step.
        self._lead_in: Step | None = None
        # Work-clock state for the current step: elapsed time is `now - anchor` while running;
        # while paused (or counting in after a pause) it is frozen at `frozen`.
        self._anchor = 0.0
        self._frozen: float | None = None
        self._count_in_until: float | None = None
        self._step_extra = 0.0
        self._taps = 0
        self._last_seen = 0.0
        self._last_update = 0.0
        # A resumed session's clock carries on from the time its first part took.
        self._elapsed_before = elapsed_before
        self._ended: float | None = None
        self._session_start = 0.0
        self._step_started_wall = 0.0

    # -- reading -------------------------------------------------------------------------
    @property
    def step(self) -> Step:
        return self._lead_in or self.timeline[self.index]

    def exercise_of(self, step: Step) -> Exercise:
        return self.session.exercises[step.exercise]

    @property
    def _paused(self) -> bool:
        return self._frozen is not None and self._count_in_until is None

    @property
    def counts_taps(self) -> bool:
        """Space counts a rep (rather than pausing) in reps the person counts themselves."""
        phase = self.step.phase
        return phase is not None and phase.kind is PhaseKind.REPS and not phase.is_paced

    def _duration(self) -> float | None:
        seconds = self.step.seconds
        return None if seconds is None else seconds + self._step_extra

    def _elapsed(self, now: float) -> float:
        if self._frozen is not None:
            return self._frozen
        if self._count_in_until is not None and now < self._count_in_until:
            return self._count_in_until - self._anchor
        return max(0.0, now - self._anchor)

    def _taken(self, now: float) -> float:
        """The session's time so far; once it has ended, the time it took (it stops there)."""
        if self._ended is not None:
            now = self._ended
        return self._elapsed_before + ((now - self._session_start) if self.started else 0.0)

    def _reps_done(self, elapsed: float) -> int | None:
        return reps_at(self.step.phase, elapsed, self._taps)

    def focus(self) -> Step:
        """The work step this moment is about: the one running, or the one being prepared for."""
        return focus_at(self.timeline, self.index, self._lead_in)

    def up_next(self) -> Step | None:
        """The next work step that is not running now: what "Up next" and "Next:" name."""
        return up_next_at(self.timeline, self.index, self._lead_in)

    def _correction(self) -> PhaseRecord | None:
        if self.step.kind is not SessionPhase.REST or not self.records:
            return None
        last = self.records[-1]
        return last if last.kind is PhaseKind.REPS else None

    def _rating_for(self) -> int | None:
        return rated_exercise(self.step, self.exercise_of(self.step).sets)

    def _phase(self, now: float) -> SessionPhase:
        if self._paused:
            return SessionPhase.PAUSED
        if self._count_in_until is not None and now < self._count_in_until:
            return SessionPhase.COUNT_IN
        return self.step.kind

    def view(self) -> View:
        return self._view_at(self._clock())

    def next_change(self) -> float | None:
        """When (on the engine's clock) the screen next shows something new by itself: the
        moment to redraw. None while nothing moves (paused, finished, reps counted by key)."""
        now = self._clock()
        delay = next_change(self._view_at(now))
        return None if delay is None else now + delay

    def _view_at(self, now: float) -> View:
        elapsed = self._elapsed(now) if self.started else 0.0
        duration = self._duration()
        remaining = None if duration is None else max(0.0, duration - elapsed)
        phase = self.step.phase
        if duration:
            step_progress = min(1.0, elapsed / duration)
        elif phase is not None and phase.kind is PhaseKind.REPS:
            step_progress = min(1.0, self._taps / (phase.target or 1))
        else:
            step_progress = 0.0
        current = 0.0 if self._lead_in else self._estimates[self.index] * step_progress
        done = sum(self._estimates[: self.index]) + current
        until = self._count_in_until or 0.0
        counting_in = until - now if now < until else None
        progress = 1.0 if self.finished else min(1.0, done / self._total_estimate)
        focus = self.focus()
        return View(
            step=self.step,
            phase=self._phase(now),
            focus=focus,
            exercise=self.exercise_of(focus),
            up_next=self.up_next(),
            paused=self._paused,
            counting_in=counting_in,
            elapsed=elapsed,
            remaining=remaining,
            reps=self._reps_done(elapsed),
            counts_taps=self.counts_taps,
            step_progress=step_progress,
            session_progress=progress,
            session_elapsed=self._taken(now),
            correction=self._correction(),
            rating_for=self._rating_for(),
            finished=self.finished,
            load_for=self.loads.adjustable(self.step),
            load_kg=self.loads.shown(self.step, focus),
        )

    # -- moving --------------------------------------------------------------------------
    def start(self) -> list[Event]:
        now = self._clock()
        self.started = True
        self._session_start = now
        self._last_update = now
        return self._enter(self.index, now, lead_in=self.index > 0)

    def update(self) -> list[Event]:
        """Advance through every step whose deadline has passed, firing the cues crossed."""
        if not self.started or self.finished:
            return []
        now = self._clock()
        seen, self._last_update = self._last_update, now
        if self._frozen is None and now - seen > GAP_SECONDS:
            # Nothing after `seen` happened as far as the app knows: pause right there.
            self._frozen = self._elapsed(seen)
            self._count_in_until = None
            return []
        events: list[Event] = []
        if self._count_in_until is not None and now >= self._count_in_until:
            self._count_in_until = None
        while not self.finished and self._frozen is None:
            duration = self._duration()
            deadline = None if duration is None else self._anchor + duration
            until = now if deadline is None else min(now, deadline)
            events += cues_between(
                self.step, self._duration(), self._last_seen, until - self._anchor
            )
            self._last_seen = max(self._last_seen, until - self._anchor)
            phase = self.step.phase
            if deadline is not None and now >= deadline:
                actual = phase.target if phase is not None and phase.target is not None else 0
                events += self._finish_step(deadline, actual)
            else:
                break
        return events

    def _enter(self, index: int, at: float, *, lead_in: bool = False) -> list[Event]:
        self.index = index
        self._lead_in = None
        self._anchor = at
        self._frozen = None
        self._count_in_until = None
        self._step_extra = 0.0
        self._taps = 0
        self._last_seen = 0.0
        step = self.timeline[index]
        if lead_in and step.kind.is_work:
            # A jump never starts the work clock unseen: GET READY first, or a count-in.
            ready = self.timing.get_ready
            if ready > 0:
                self._lead_in = replace(
                    step, kind=SessionPhase.GET_READY, phase=None, seconds=float(ready)
                )
            else:
                self._count_in_until = at + (self.timing.count_in or JUMP_COUNT_IN)
                self._anchor = self._count_in_until
        self._step_started_wall = self._wall() - (self._clock() - self._anchor)
        events: list[Event] = [StepStarted(index)]
        kind = self.step.kind
        if kind is SessionPhase.DONE:
            self.finished = True
            self._ended = at
            events += [CueEvent(Cue.COMPLETE), SessionEnded(True, taken=self._taken(at))]
        elif kind is SessionPhase.SWITCH:
            events.append(CueEvent(Cue.SWITCH))
        elif kind is SessionPhase.REST:
            events.append(CueEvent(Cue.REST))
        elif kind.is_work:
            events.append(CueEvent(Cue.GO))
        return events

    def _finish_step(self, at: float, actual: int | None) -> list[Event]:
        """End the current step at monotonic time `at`, logging work, and enter the next."""
        if self._lead_in is not None:
            return self._enter(self.index, at)
        events: list[Event] = []
        step = self.step
        # A set ended before anything was done (0 reps, 0 s) is skipped, not logged.
        if step.kind.is_work and step.phase is not None and actual:
            ended = self._wall() - (self._clock() - at)
            start, load = self._step_started_wall, self.loads.of(step.exercise)
            record = PhaseRecord.of(
                self._next_seq, step, self.exercise_of(step), actual, start, ended, load
            )
            self._next_seq += 1
            # A redone set (after `back`) replaces the first attempt: a set counts once.
            self.records = [r for r in self.records if r.key != record.key] + [record]
            events.append(PhaseLogged(record))
            following = self.timeline[self.index + 1]
            if following.kind.is_work and not step.same_set(following):
                events.append(CueEvent(Cue.SET_DONE))
        return events + self._enter(self.index + 1, at)

    # -- what the person does ------------------------------------------------------------
    def toggle_pause(self) -> list[Event]:
        if not self.started or self.finished:
            return []
        events = self.update()
        now = self._clock()
        if self._frozen is None:
            self._frozen = self._elapsed(now)
            self._count_in_until = None
            return events
        frozen = self._frozen
        self._frozen = None
        counts_in = self.step.kind.is_work and self.step.is_timed and self.timing.count_in > 0
        if counts_in:
            self._count_in_until = now + self.timing.count_in
            self._anchor = self._count_in_until - frozen
        else:
            self._anchor = now - frozen
        return events

    def tap(self) -> list[Event]:
        """Count one rep in reps the person counts themselves; pause or resume otherwise.

        The count may pass the target (12 of 10 is logged as 12): the set ends on `done`.
        """
        if self.counts_taps and not self._paused and not self.finished:
            self._taps += 1
            return [CueEvent(Cue.REP)]
        return self.toggle_pause()

    def done(self) -> list[Event]:
        """Finish the current step now (a hold ends early, a rest is skipped); in a count-in,
        the work starts now, as enter skips every other wait (ending a set not yet begun
        would skip it unlogged)."""
        if not self.started or self.finished:
            return []
        events = self.update()
        if self.finished:
            return events
        now = self._clock()
        if self._count_in_until is not None and now < self._count_in_until:
            self._anchor -= self._count_in_until - now
            self._count_in_until = None
            return events
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
        if self.step.kind in (SessionPhase.REST, SessionPhase.GET_READY, SessionPhase.SWITCH):
            self._step_extra += seconds
        return []

    def _jump(self, index: int) -> list[Event]:
        if not self.started or self.finished:
            return []
        now = self._clock()
        self._last_update = now
        return self._enter(index, now, lead_in=True)

    def skip_exercise(self) -> list[Event]:
        """Leave the exercise in focus unfinished and get ready for the next one."""
        target = next_exercise_start(self.timeline, self.index, self.focus().exercise)
        return [] if target is None else self._jump(target)

    def back(self) -> list[Event]:
        """Redo the set just done (from its rest) or go back to the previous set."""
        target = redo_start(self.timeline, self.index)
        return [] if target is None else self._jump(target)

    def adjust_reps(self, delta: int) -> list[Event]:
        """Correct the rep count of the set just logged, during the rest right after it."""
        record = self._correction()
        if record is None:
            return []
        fixed = replace(record, actual=max(0, record.actual + delta))
        self.records[-1] = fixed
        return [PhaseCorrected(fixed)]

    def adjust_load(self, delta_kg: float) -> list[Event]:
        """In the rest after a set of a loaded exercise: that set's load, and the next's."""
        return list(self.loads.adjust(self.step, self.records, delta_kg))

    def stop(self, *, resumable: bool = False) -> list[Event]:
        if self.finished:
            return []
        self.finished = True
        self._ended = self._clock()
        return [SessionEnded(completed=False, resumable=resumable, taken=self._taken(self._ended))]
