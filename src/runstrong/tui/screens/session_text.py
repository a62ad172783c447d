"""Words for the session screen, computed from the engine's View (no widgets here)."""

from __future__ import annotations

import math

from runstrong.engine import SessionEngine, View
from runstrong.formatting import duration_text
from runstrong.model import Exercise, PhaseKind
from runstrong.timeline import Step, StepKind
from runstrong.tui.widgets.step_clock import clock_text

FLASH_SECONDS = 3.0


def big_number(view: View) -> str:
    if view.counting_in is not None:
        return str(math.ceil(view.counting_in))
    if view.reps is not None:
        return str(view.reps)
    if view.remaining is not None:
        return clock_text(math.ceil(view.remaining - 1e-9))
    return clock_text(view.elapsed + 1e-6)  # 74.99999 s of float arithmetic is 75 s


def flashing(view: View) -> bool:
    """The digits blink in the last seconds of a hold or rest, and while switching sides."""
    if view.paused or view.finished or view.remaining is None:
        return False
    kind = view.step.kind
    blink_on = (view.remaining % 1.0) >= 0.5
    if kind is StepKind.SWITCH:
        return blink_on
    if kind in (StepKind.HOLD, StepKind.REST, StepKind.GET_READY):
        return 0 < view.remaining <= FLASH_SECONDS and blink_on
    return False


def side_text(step: Step) -> str:
    return f"{step.side} side" if step.side else ""


def set_text(step: Step, exercise: Exercise) -> str:
    return f"set {step.set_number}/{exercise.sets}"


def title(engine: SessionEngine, view: View) -> str:
    """Exercise, side and set of the step in progress, or of the one coming up."""
    step = view.step
    if step.kind in (StepKind.REST, StepKind.GET_READY):
        upcoming = engine.next_work_step()
        if upcoming is None:
            return "Last one done"
        exercise = engine.exercise_of(upcoming)
        parts = ["Up next: " + exercise.name, side_text(upcoming), set_text(upcoming, exercise)]
    elif step.kind is StepKind.DONE:
        return engine.session.name
    else:
        parts = [view.exercise.name, side_text(step), set_text(step, view.exercise)]
    return "  ·  ".join(part for part in parts if part)


def target_text(view: View) -> str:
    """What the big number is counting towards."""
    phase = view.step.phase
    if view.counting_in is not None:
        return "back in position: starting in"
    if phase is None:
        if view.step.kind is StepKind.SWITCH and view.step.side:
            return f"change to the {view.step.side} side"
        return ""
    if phase.kind is PhaseKind.HOLD:
        return "hold as long as you can: enter when you stop" if phase.target is None \
            else f"of {phase.target} s"
    if phase.tempo is not None:
        return f"of {phase.target} reps, one every {phase.tempo:g} s"
    return f"of {phase.target} reps: space for each rep, enter when done"


def next_text(engine: SessionEngine, view: View) -> str:
    """A preview in plain words; phase names in capitals are kept for the current step."""
    if view.step.kind is StepKind.DONE:
        return ""
    upcoming = engine.next_work_step()
    if view.step.kind in (StepKind.REST, StepKind.GET_READY) and upcoming is not None:
        later = [s for s in engine.timeline[engine.timeline.index(upcoming) + 1:]
                 if s.kind.is_work and s.exercise != upcoming.exercise]
        upcoming = later[0] if later else None
    if upcoming is None:
        return "Next: finished"
    exercise = engine.exercise_of(upcoming)
    phase = upcoming.phase
    amount = phase.describe() if phase else ""
    side = f" ({upcoming.side})" if upcoming.side else ""
    return f"Next: {exercise.name}{side}, {set_text(upcoming, exercise)}, {amount}"


def status_text(engine: SessionEngine, view: View) -> str:
    count = len(engine.session.exercises)
    number = min(count, view.step.exercise + 1)
    light = " (light)" if engine.session.light else ""
    return (f"{engine.session.name}{light}  ·  exercise {number}/{count}  ·  "
            f"{round(view.session_progress * 100)}% done  ·  "
            f"{duration_text(view.session_elapsed)} elapsed")


def hint_text(view: View, muted: bool, rating_for: int | None,
              rated: dict[int, int]) -> str:
    hints = []
    if rating_for is not None:
        if rating_for in rated:
            hints.append(f"effort {rated[rating_for]}/10 saved")
        else:
            hints.append("how hard was that? 1-9, 0 = 10")
    if view.step.kind is StepKind.REST:
        hints.append("+/- fix reps   r +15 s")
    if muted:
        hints.append("sound off (m)")
    return "   ".join(hints)
