"""Expand a session into the ordered steps a person goes through, and estimate its length."""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Protocol

from runstrong.workout.model import Exercise, Phase, PhaseKind, Session, Side


class SessionPhase(StrEnum):
    """What the person is doing, and the word the banner shows for it. A step is one of the
    first six; PAUSED, COUNT-IN and STOPPED are states of the session around a step."""

    GET_READY = "GET READY"
    HOLD = "HOLD"
    REPS = "REPS"
    SWITCH = "SWITCH SIDES"
    REST = "REST"
    DONE = "DONE"
    STOPPED = "STOPPED"
    PAUSED = "PAUSED"
    COUNT_IN = "COUNT-IN"

    @property
    def is_work(self) -> bool:
        return self in (SessionPhase.HOLD, SessionPhase.REPS)


@dataclass(frozen=True, slots=True)
class Timing:
    """Lengths that come from the person's settings rather than from the workout file, and
    the rests a file that names none takes (`Settings.timing` is the one place that builds it
    from settings)."""

    get_ready: int = 10
    switch_sides: int = 5
    # After a pause in a hold or paced reps: seconds to get back into position.
    count_in: float = 3.0
    rest_between_sets: int = 30
    rest_between_exercises: int = 45
    # Only for estimates: how long a person takes per rep they count themselves.
    seconds_per_rep: float = 3.0
    max_hold_estimate: int = 60


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the timeline.

    For work steps `exercise` is the exercise being done. For GET READY and SWITCH SIDES it is
    the exercise about to start; for REST it is the exercise whose set just ended.
    """

    kind: SessionPhase
    exercise: int
    set_number: int = 0
    side: Side | None = None
    phase_index: int = 0
    phase: Phase | None = None
    seconds: float | None = None

    @property
    def key(self) -> tuple[int, int, str | None, int]:
        """Which phase of which set this is, as `PhaseRecord.key` names a logged one."""
        side = None if self.side is None else self.side.value
        return (self.exercise, self.set_number, side, self.phase_index)

    def same_set(self, other: Step) -> bool:
        return (other.exercise, other.set_number) == (self.exercise, self.set_number)

    @property
    def is_timed(self) -> bool:
        """Steps that end by themselves when their time is up."""
        return self.seconds is not None


def _work_kind(phase: Phase) -> SessionPhase:
    return SessionPhase.HOLD if phase.kind is PhaseKind.HOLD else SessionPhase.REPS


def work_seconds(phase: Phase) -> float | None:
    """How long a work phase lasts on its own, or None when the person ends it."""
    if phase.kind is PhaseKind.HOLD:
        return None if phase.target is None else float(phase.target)
    if phase.tempo is not None and phase.target is not None:
        return phase.target * phase.tempo
    return None


def _set_steps(index: int, exercise: Exercise, set_number: int, timing: Timing) -> list[Step]:
    steps: list[Step] = []
    sides: tuple[Side | None, ...] = exercise.sides or (None,)
    for side_number, side in enumerate(sides):
        if side_number:
            steps.append(
                Step(
                    SessionPhase.SWITCH, index, set_number, side, seconds=float(timing.switch_sides)
                )
            )
        for phase_index, phase in enumerate(exercise.phases):
            steps.append(
                Step(
                    _work_kind(phase),
                    index,
                    set_number,
                    side,
                    phase_index,
                    phase,
                    work_seconds(phase),
                )
            )
    return steps


def session_rests(session: Session, timing: Timing) -> tuple[int, int]:
    """The session's rests between sets and between exercises, the person's where the file
    sets none."""
    return (
        timing.rest_between_sets
        if session.rest_between_sets is None
        else session.rest_between_sets,
        timing.rest_between_exercises
        if session.rest_between_exercises is None
        else session.rest_between_exercises,
    )


def rest_after_set(session: Session, exercise: Exercise, last_set: bool, timing: Timing) -> int:
    """The rest after a set: the exercise's own, else the session's, else the person's."""
    if last_set:
        choices = (exercise.rest_after, session.rest_between_exercises)
        default = timing.rest_between_exercises
    else:
        choices = (exercise.rest, session.rest_between_sets)
        default = timing.rest_between_sets
    return next((seconds for seconds in choices if seconds is not None), default)


def build_timeline(session: Session, timing: Timing | None = None) -> tuple[Step, ...]:
    timing = timing or Timing()
    first = 0
    steps: list[Step] = []
    if timing.get_ready > 0:
        steps.append(Step(SessionPhase.GET_READY, first, 1, seconds=float(timing.get_ready)))
    last_exercise = len(session.exercises) - 1
    for index, exercise in enumerate(session.exercises):
        for set_number in range(1, exercise.sets + 1):
            steps.extend(_set_steps(index, exercise, set_number, timing))
            last_set = set_number == exercise.sets
            if last_set and index == last_exercise:
                continue
            rest = rest_after_set(session, exercise, last_set, timing)
            if rest > 0:
                steps.append(Step(SessionPhase.REST, index, set_number, seconds=float(rest)))
    steps.append(Step(SessionPhase.DONE, last_exercise, 0))
    return tuple(steps)


def estimate_step(step: Step, timing: Timing) -> float:
    if step.seconds is not None:
        return step.seconds
    if step.phase is None:
        return 0.0
    if step.phase.kind is PhaseKind.HOLD:
        return float(timing.max_hold_estimate)
    return (step.phase.target or 0) * timing.seconds_per_rep


def estimate_seconds(session: Session, timing: Timing | None = None) -> int:
    timing = timing or Timing()
    return round(sum(estimate_step(step, timing) for step in build_timeline(session, timing)))


def seconds_per_exercise(session: Session, timing: Timing | None = None) -> list[float]:
    """Estimated time moving (work and side switches, no rests) for each exercise."""
    timing = timing or Timing()
    totals = [0.0] * len(session.exercises)
    for step in build_timeline(session, timing):
        if step.kind.is_work or step.kind is SessionPhase.SWITCH:
            totals[step.exercise] += estimate_step(step, timing)
    return totals


def estimate_minutes(session: Session, timing: Timing | None = None) -> int:
    return max(1, round(estimate_seconds(session, timing) / 60))


def planned_sets(session: Session) -> int:
    return sum(exercise.sets for exercise in session.exercises)


def set_starts(timeline: tuple[Step, ...]) -> dict[tuple[int, int], int]:
    """Where each set begins: (exercise, set number) -> index of its first work step."""
    starts: dict[tuple[int, int], int] = {}
    for index, step in enumerate(timeline):
        if step.kind.is_work:
            starts.setdefault((step.exercise, step.set_number), index)
    return starts


class Keyed(Protocol):
    """A logged phase, named by the same key as the step it was logged from."""

    @property
    def key(self) -> tuple[int, int, str | None, int]: ...


def first_not_done(timeline: tuple[Step, ...], done: Iterable[Keyed]) -> int:
    """Where to pick a session up again: the start of the first set with a phase not done
    (the DONE step when every set is)."""
    logged = {record.key for record in done}
    starts = set_starts(timeline)
    for step in timeline:
        if step.kind.is_work and step.key not in logged:
            return starts[(step.exercise, step.set_number)]
    return len(timeline) - 1


def next_work(timeline: tuple[Step, ...], start: int) -> Step | None:
    """The first work step from `start` on; None when only rests and DONE are left."""
    return next((step for step in timeline[start:] if step.kind.is_work), None)


def focus_at(timeline: tuple[Step, ...], index: int, lead_in: Step | None) -> Step:
    """The work step the moment at `index` is about: the one running, or the one being
    prepared for (`lead_in`: a GET READY put before `index` after a jump)."""
    step = lead_in or timeline[index]
    if step.kind.is_work or step.kind is SessionPhase.DONE:
        return step
    if lead_in is not None:
        return timeline[index]
    return next_work(timeline, index + 1) or step


def up_next_at(timeline: tuple[Step, ...], index: int, lead_in: Step | None) -> Step | None:
    """The next work step that is not running at `index`: what "Up next" and "Next:" name."""
    step = lead_in or timeline[index]
    if step.kind is SessionPhase.DONE:
        return None
    if step.kind.is_work:
        return next_work(timeline, index + 1)
    return focus_at(timeline, index, lead_in)


def next_exercise_start(timeline: tuple[Step, ...], index: int, current: int) -> int | None:
    """Where skipping exercise `current` from `index` lands: the next exercise's first step
    (or DONE)."""
    for later in range(index + 1, len(timeline)):
        step = timeline[later]
        if step.kind is SessionPhase.DONE or (step.kind.is_work and step.exercise > current):
            return later
    return None


def redo_start(timeline: tuple[Step, ...], index: int) -> int | None:
    """Where `back` from `index` lands: the start of the set just done (from its rest), else
    of the set before; None where there is nothing to go back to."""
    starts = set_starts(timeline)
    step = timeline[index]
    if step.kind is SessionPhase.REST:
        return starts[(step.exercise, step.set_number)]
    if not (step.kind.is_work or step.kind is SessionPhase.SWITCH):
        return None
    order = list(starts)
    position = order.index((step.exercise, step.set_number))
    return starts[order[max(0, position - 1)]]


def rated_exercise(step: Step, sets: int) -> int | None:
    """The exercise whose effort may be given at `step` (of an exercise with `sets` sets):
    in the rest after its last set, or at the end for the last exercise."""
    if step.kind is SessionPhase.DONE or (
        step.kind is SessionPhase.REST and step.set_number == sets
    ):
        return step.exercise
    return None


def reps_at(phase: Phase | None, elapsed: float, taps: int) -> int | None:
    """Reps done so far in a step: the person's taps, or one per `tempo` seconds (never past
    the target); None for a hold."""
    if phase is None or phase.kind is not PhaseKind.REPS:
        return None
    if phase.tempo is None:
        return taps
    return min(phase.target or 0, math.floor(elapsed / phase.tempo + 1e-9))
