"""The engine's answer to "what is on screen now": screens read this and never work it out."""

from __future__ import annotations

from dataclasses import dataclass

from runstrong.session.events import PhaseRecord
from runstrong.session.timeline import SessionPhase, Step
from runstrong.workout.model import Exercise


@dataclass(frozen=True, slots=True)
class View:
    step: Step
    """The step running now (a GET READY before a jump's landing step included)."""
    phase: SessionPhase
    focus: Step
    """The work step this moment is about: the one running, or the one being prepared for."""
    exercise: Exercise
    """The exercise of `focus`: its name, cues and figure belong on screen."""
    up_next: Step | None
    """The next work step that is not running now; None when only DONE is left."""
    paused: bool
    counting_in: float | None
    elapsed: float
    remaining: float | None
    reps: int | None
    counts_taps: bool
    """Space counts a rep: reps without a tempo, counted by the person."""
    step_progress: float
    session_progress: float
    session_elapsed: float
    correction: PhaseRecord | None
    """The logged rep set that + and - would correct, in the rest right after it."""
    rating_for: int | None
    """The exercise (index) that an effort rating applies to, after its last set."""
    finished: bool
    load_for: int | None = None
    """The exercise (index) whose load the load keys change, in the rest after its set."""
    load_kg: float | None = None
    """The load of the set on screen (in a rest: of the set just done), if it takes one."""
