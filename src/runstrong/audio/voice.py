"""The sentences a voice says as a step starts, worded from the engine's View.

The engine only says which step started; what a person hears is decided here, beside the
sound backends, so the wording can change without touching the session's timekeeping.
"""

from __future__ import annotations

from runstrong.session.timeline import SessionPhase
from runstrong.session.view import View


def _name_and_side(view: View) -> str:
    side = f", {view.focus.side} side" if view.focus.side else ""
    return f"{view.exercise.name}{side}"


def announcement(view: View) -> str | None:
    """What to say as the step in `view` starts, or None for steps that only play a cue."""
    kind = view.step.kind
    if kind is SessionPhase.DONE:
        return "Done. Well trained."
    if kind is SessionPhase.GET_READY:
        return f"Get ready: {_name_and_side(view)}"
    if kind is SessionPhase.SWITCH:
        return f"Switch sides. {_name_and_side(view)}"
    if kind is SessionPhase.REST:
        upcoming = view.up_next
        if upcoming is None:
            return "Rest"
        if upcoming.exercise != view.step.exercise:
            return f"Rest. Next: {view.exercise.name}"
        if view.exercise.sets > 1 and upcoming.set_number == view.exercise.sets:
            return "Rest. Last set next"
        return "Rest"
    return None
