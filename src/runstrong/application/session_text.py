"""The words on the session screen, all read off the engine's View (no widgets here)."""

from __future__ import annotations

from runstrong.application.last_words import last_time_text
from runstrong.formatting import amount, duration_text, load_text
from runstrong.history.last_time import LastTime

# The blink is part of the beat the screen redraws on, so the session works it out.
from runstrong.session.beat import flashing as flashing
from runstrong.session.beat import shown_down, shown_up
from runstrong.session.events import PhaseRecord
from runstrong.session.timeline import SessionPhase, Step
from runstrong.session.view import View
from runstrong.workout.model import Exercise, PhaseKind, Session

SEPARATOR = "  ·  "


def big_number(view: View) -> str:
    # Whole seconds counted the way `beat` wakes the screen for them: down when counting down,
    # up when counting up (74.99999 s of float arithmetic is 75 s).
    if view.counting_in is not None:
        return str(shown_down(view.counting_in))
    if view.reps is not None:
        return str(view.reps)
    if view.remaining is not None:
        return duration_text(shown_down(view.remaining), short=True)
    return duration_text(shown_up(view.elapsed), short=True)


def _describe(step: Step, exercise: Exercise) -> list[str]:
    side = f"{step.side} side" if step.side else ""
    return [exercise.name, side, f"set {step.set_number}/{exercise.sets}"]


def title(view: View, session: Session) -> str:
    """Exercise, side and set of the step in progress, or of the one being prepared for."""
    if view.step.kind is SessionPhase.DONE:
        return session.name
    parts = _describe(view.focus, view.exercise)
    if not view.step.kind.is_work:
        parts[0] = "Up next: " + parts[0]
    return SEPARATOR.join(part for part in parts if part)


def target_text(view: View) -> str:
    """What the big number is counting towards."""
    if view.counting_in is not None:
        return "get into position: starting in"
    phase = view.step.phase
    if phase is None:
        if view.step.kind is SessionPhase.SWITCH and view.step.side:
            return f"change to the {view.step.side} side"
        return ""
    if phase.kind is PhaseKind.HOLD:
        return (
            "hold as long as you can: enter when you stop"
            if phase.target is None
            else f"of {phase.target} s"
        )
    if phase.tempo is not None:
        return f"of {amount(phase.target, 'reps')}, one every {phase.tempo:g} s"
    return f"of {amount(phase.target, 'reps')}: space counts a rep, enter ends the set"


def next_text(view: View, session: Session) -> str:
    """The bottom line; it names the same step as the title's "Up next"."""
    if view.step.kind is SessionPhase.DONE:
        return ""
    upcoming = view.up_next
    if upcoming is None:
        return "Next: finished"
    exercise = session.exercises[upcoming.exercise]
    planned = upcoming.phase.describe() if upcoming.phase else ""
    side = f" ({upcoming.side})" if upcoming.side else ""
    return f"Next: {exercise.name}{side}, set {upcoming.set_number}/{exercise.sets}, {planned}"


def status_text(view: View, session: Session) -> str:
    count = len(session.exercises)
    number = min(count, view.focus.exercise + 1)
    light = " (light)" if session.light else ""
    return SEPARATOR.join(
        [
            f"{session.name}{light}",
            f"exercise {number}/{count}",
            f"{round(view.session_progress * 100)}% done",
            f"{duration_text(view.session_elapsed)} elapsed",
        ]
    )


def correction_text(record: PhaseRecord) -> str:
    side = f" ({record.side})" if record.side else ""
    return f"{record.exercise_name}, set {record.set_number}{side}: {amount(record.actual, 'reps')}"


def hint_text(view: View, muted: bool, rated: dict[int, int]) -> str:
    hints = []
    if view.correction is not None:
        hints.append(f"{correction_text(view.correction)}  +/- fix reps")
    if view.rating_for is not None:
        if view.rating_for in rated:
            hints.append(f"effort {rated[view.rating_for]}/10 saved")
        else:
            hints.append("effort 1-9, 0 = 10")
    if view.phase is SessionPhase.REST:
        hints.append("r +15 s")
    if muted:
        hints.append("sound off (m)")
    return "  ·  ".join(hints)


def about(view: View) -> int:
    """The exercise "last time" is about: in a rest, the one just done; else the focus."""
    return view.step.exercise if view.step.kind is SessionPhase.REST else view.focus.exercise


def with_load(view: View, text: str, units: str, last: LastTime | None) -> str:
    """During a set: its load and what it did last time, after the target."""
    if not view.step.kind.is_work:
        return text
    parts = [text]
    if view.load_kg is not None:
        parts.append(load_text(view.load_kg, units))
    if last is not None:
        parts.append(last_time_text(last, units))
    return SEPARATOR.join(part for part in parts if part)


def rest_load(view: View, hint: str, units: str, last: LastTime | None) -> str:
    """In the rest after a set: the load just lifted (with its keys) and last time."""
    if view.step.kind is not SessionPhase.REST:
        return hint
    parts = []
    if view.load_for is not None:
        parts.append(f"load {load_text(view.load_kg or 0.0, units)}  [ ] -/+2.5 kg")
    if last is not None:
        parts.append(last_time_text(last, units))
    parts.append(hint)
    return "  ·  ".join(part for part in parts if part)
