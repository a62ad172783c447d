"""What the session engine reports: cues to play, words to say, and phases to log."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

from runstrong.session.timeline import Step
from runstrong.workout.model import Category, Exercise, PhaseKind, Side


class Cue(StrEnum):
    """Sound cues; each value is the name of a WAV file in sounds/."""

    TICK = "tick"
    GO = "go"
    HALFWAY = "halfway"
    SWITCH = "switch"
    REST = "rest"
    SET_DONE = "set_done"
    COMPLETE = "complete"
    REP = "rep"


@dataclass(frozen=True, slots=True)
class CueEvent:
    cue: Cue


@dataclass(frozen=True, slots=True)
class PhaseRecord:
    """One completed phase of one set (a whole set unless the exercise is compound).

    Times are wall-clock epoch seconds; the engine's own clock is monotonic and never stored.
    """

    seq: int
    exercise_index: int
    exercise: str
    exercise_name: str
    set_number: int
    side: Side | None
    phase_index: int
    kind: PhaseKind
    target: int | None
    actual: int
    started_at: float
    ended_at: float
    load_kg: float | None = None
    # What left against right may compare: reps the timer counted, warm-up drills are not.
    paced: bool = False
    warm_up: bool = False

    @classmethod
    def of(
        cls,
        seq: int,
        step: Step,
        exercise: Exercise,
        actual: int,
        started: float,
        ended: float,
        load_kg: float | None = None,
    ) -> PhaseRecord:
        """The record of a finished work step (`step.phase` is set for work steps)."""
        phase = step.phase
        assert phase is not None
        return cls(
            seq,
            step.exercise,
            exercise.key,
            exercise.name,
            step.set_number,
            step.side,
            step.phase_index,
            phase.kind,
            phase.target,
            max(0, actual),
            started,
            ended,
            load_kg,
            phase.is_paced,
            exercise.category is Category.WARM_UP,
        )

    @property
    def key(self) -> tuple[int, int, str | None, int]:
        """Which phase of which set this is: a redone set has the same key as the first try."""
        side = None if self.side is None else self.side.value
        return (self.exercise_index, self.set_number, side, self.phase_index)


def sets_in(records: Iterable[PhaseRecord]) -> int:
    """How many sets the records cover: the one definition of "a set" for the stop dialog,
    the resume offer, the summary and the history. A set is one exercise's set number, so a
    set done on both sides (or a hold and its pulses) is one set."""
    return len({(r.exercise_index, r.set_number) for r in records})


@dataclass(frozen=True, slots=True)
class PhaseLogged:
    record: PhaseRecord


@dataclass(frozen=True, slots=True)
class PhaseCorrected:
    """The person fixed a logged rep count with + or - during the rest that followed."""

    record: PhaseRecord


@dataclass(frozen=True, slots=True)
class StepStarted:
    index: int


@dataclass(frozen=True, slots=True)
class SessionEnded:
    completed: bool
    # Stopped to finish later: the history keeps it open, to be offered for resuming.
    resumable: bool = False
    # The whole session's time, as its clock and summary show it (a resumed session's first
    # part included, the interruption left out).
    taken: float | None = field(default=None, compare=False)


Event = CueEvent | PhaseLogged | PhaseCorrected | StepStarted | SessionEnded
