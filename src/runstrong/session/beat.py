"""When the session screen next looks different: the beat it redraws on.

A screen that refreshes on a fixed tick shows each change up to one tick late; one that wakes
exactly when something visible changes is both on time and idle in between. Everything that
moves on screen is a function of the View's time (the big number, the blink of its last
seconds, the figure's frame, the step's end, a cue), so the next moment of change is too. Pure:
no clock is read here; the engine adds the moment the View was taken.
"""

from __future__ import annotations

import math

from runstrong.session.cues import next_cue
from runstrong.session.timeline import SessionPhase
from runstrong.session.view import View

# Float arithmetic on clock readings: 19.9999999 s left is shown (and woken for) as 20 s.
EPS = 1e-6
# The digits blink (half a second on, half off) over the last numbers of a timed step.
FLASH_SECONDS = 3
BLINK_SECONDS = 0.5
# A moving figure shows this many frames a second, rounded so that each rep has an even
# number of frames: the first key position on the rep's first frame, the last one halfway.
FIGURE_FRAMES_PER_SECOND = 4.0
# Reps the person counts themselves have no tempo: the figure moves at an easy pace instead.
SELF_COUNTED_REP_SECONDS = 3.0
# A timed movement (a hold whose figure has no still `hold` position, e.g. an arm swing).
TIMED_MOVEMENT_SECONDS = 1.5


def shown_down(value: float, unit: float = 1.0) -> int:
    """A countdown as shown: 20.0 and 19.3 s left are both "20"; it changes on the unit."""
    return math.ceil(value / unit - EPS)


def shown_up(value: float, unit: float = 1.0) -> int:
    """A count up as shown: whole units reached (74.99999 s of float arithmetic is 75)."""
    return math.floor(value / unit + EPS)


def _until_down(value: float, unit: float = 1.0) -> float:
    """Seconds until a countdown at `value` shows its next lower unit (0 at the end)."""
    return max(0.0, value - max(0, shown_down(value, unit) - 1) * unit)


def _until_up(value: float, unit: float) -> float:
    """Seconds until a count up at `value` reaches its next whole unit."""
    return (shown_up(value, unit) + 1) * unit - value


def frames_per_cycle(cycle: float) -> int:
    return max(2, 2 * round(cycle * FIGURE_FRAMES_PER_SECOND / 2))


def figure_cycle(view: View) -> float | None:
    """Seconds of one movement of the figure now, or None while it stands still."""
    figure = view.exercise.figure
    step = view.step
    if figure is None or view.paused or view.counting_in is not None:
        return None
    if step.kind is SessionPhase.REPS:
        tempo = step.phase.tempo if step.phase and step.phase.tempo else None
        return tempo or SELF_COUNTED_REP_SECONDS
    if step.kind is SessionPhase.HOLD and not (figure.has_hold or len(figure.positions) == 1):
        return TIMED_MOVEMENT_SECONDS
    return None


def _frame_fraction(elapsed: float, cycle: float) -> float:
    frames = frames_per_cycle(cycle)
    return (shown_up(elapsed, cycle / frames) % frames) / frames


def figure_moment(view: View) -> tuple[str | None, float | None]:
    """(position, fraction) to show for the session's moment: the rep under way on its tempo,
    the held position in a hold (or the movement, for a drill done for a time), the start
    position while getting ready (or resting, or switching sides). The fraction moves in
    whole frames, so the drawing changes only on the frame moments `next_change` names."""
    figure = view.exercise.figure
    if figure is None:
        return None, None
    step = view.step
    if step.kind is SessionPhase.REPS:
        tempo = step.phase.tempo if step.phase and step.phase.tempo else SELF_COUNTED_REP_SECONDS
        return None, _frame_fraction(view.elapsed, tempo)
    if step.kind is SessionPhase.HOLD:
        if figure.has_hold or len(figure.positions) == 1:
            return figure.hold_name, None
        return None, _frame_fraction(view.elapsed, TIMED_MOVEMENT_SECONDS)
    return figure.start_name, None


def _blinks(view: View) -> bool:
    """Whether the digits blink now: the last numbers of a hold, rest or GET READY, and all
    through switching sides."""
    remaining = view.remaining
    if view.paused or view.finished or remaining is None or view.counting_in is not None:
        return False
    kind = view.step.kind
    if kind is SessionPhase.SWITCH:
        return True
    last_numbers = remaining > 0 and shown_down(remaining) <= FLASH_SECONDS
    return kind in (SessionPhase.HOLD, SessionPhase.REST, SessionPhase.GET_READY) and last_numbers


def flashing(view: View) -> bool:
    """The digits are lit in the first half of each blinking second (3.0 to 2.5 s left)."""
    remaining = view.remaining
    return remaining is not None and _blinks(view) and shown_down(remaining, BLINK_SECONDS) % 2 == 0


def next_change(view: View) -> float | None:
    """Seconds from the View's moment until the screen would show something else: the next
    whole second of the number shown, the next rep on the tempo, the blink, the figure's next
    frame, the step's end or a cue. None when nothing moves by itself (paused, finished, reps
    counted by key with no figure): then only a key or a slow safety tick redraws."""
    if view.paused or view.finished:
        return None
    if view.counting_in is not None:
        # The count-in shows whole seconds down to its end, when the work clock starts.
        return _until_down(view.counting_in)
    elapsed, remaining = view.elapsed, view.remaining
    moments: list[float] = []
    phase = view.step.phase
    if view.reps is None:
        moments.append(_until_up(elapsed, 1.0) if remaining is None else _until_down(remaining))
    elif phase is not None and phase.tempo and view.reps < (phase.target or 0):
        moments.append(_until_up(elapsed, phase.tempo))
    if remaining is not None:
        moments.append(remaining)
        if _blinks(view):
            moments.append(_until_down(remaining, BLINK_SECONDS))
        cue = next_cue(view.step, elapsed + remaining, elapsed)
        if cue is not None:
            moments.append(cue - elapsed)
    cycle = figure_cycle(view)
    if cycle is not None:
        moments.append(_until_up(elapsed, cycle / frames_per_cycle(cycle)))
    return min(moments, default=None)
