"""What the companion page shows, as plain JSON: the same words the terminal shows, read off
the same View, so the two can never disagree. No web server here, so it is tested without one.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from runstrong.application import session_text as words
from runstrong.figures.canvas import Charset
from runstrong.figures.render import draw
from runstrong.session.timeline import SessionPhase
from runstrong.session.view import View
from runstrong.workout.model import Session

# The braille figure on the page: wide enough to read on a phone held upright.
FIGURE_COLUMNS = 28
FIGURE_ROWS = 10

# Commands the page may send: the same ones the keys send (see the session screen's keys).
COMMANDS = frozenset({"pause", "done", "skip", "back", "more_rest", "tap", "rate"})


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    value: int | None = None


@dataclass(frozen=True, slots=True)
class BadCommand:
    reason: str


def parse_command(data: object) -> Command | BadCommand:
    """A command from the page's JSON body; anything else is refused with the reason."""
    if not isinstance(data, dict):
        return BadCommand("expected a JSON object with a 'command'")
    name = data.get("command")
    if not isinstance(name, str) or name not in COMMANDS:
        return BadCommand(f"unknown command; expected one of {', '.join(sorted(COMMANDS))}")
    value = data.get("value")
    if name == "rate":
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= 10:
            return BadCommand("'rate' takes a whole 'value' from 1 to 10")
        return Command(name, value)
    return Command(name)


@dataclass(slots=True)
class FigureCache:
    """Drawing a figure costs a millisecond or two: each key position is drawn once."""

    drawn: dict[tuple[int, str | None, bool], list[str]] = field(default_factory=dict)

    def frames(self, view: View) -> list[list[str]]:
        figure = view.exercise.figure
        if figure is None:
            return []
        step = view.step
        if step.kind is SessionPhase.HOLD and (figure.has_hold or len(figure.positions) == 1):
            names: list[str | None] = [figure.hold_name]
        elif step.kind in (SessionPhase.REPS, SessionPhase.HOLD):
            names = [p.name for p in figure.positions if p.name != "hold"] or [None]
        else:
            names = [figure.start_name]
        return [self._draw(view, name) for name in names]

    def _draw(self, view: View, name: str | None) -> list[str]:
        figure = view.exercise.figure
        assert figure is not None
        # The other side of a one-sided exercise is the drawing's mirror image, as on screen.
        mirror = figure.mirrored_for(view.focus.side.value if view.focus.side else None)
        key = (id(figure), name, mirror)
        if key not in self.drawn:
            self.drawn[key] = draw(
                figure,
                FIGURE_COLUMNS,
                FIGURE_ROWS,
                position=name,
                charset=Charset.BRAILLE,
                mirror=mirror,
            )
        return self.drawn[key]


def _seconds_shown(view: View) -> int | None:
    if view.counting_in is not None:
        return math.ceil(view.counting_in)
    if view.remaining is not None:
        return math.ceil(view.remaining - 1e-9)
    return None


def state(
    view: View,
    session: Session,
    *,
    rated: dict[int, int],
    figures: FigureCache,
    sequence: int = 0,
) -> dict[str, object]:
    """The page's whole state. `remaining` and `counting_in` let the page count the seconds
    down between events (it never decides when a step ends: the next event says so)."""
    step = view.step
    running = not view.paused and not view.finished
    rating_for = view.rating_for
    tempo = step.phase.tempo if step.phase is not None else None
    return {
        "seq": sequence,
        "session": session.name + (" (light)" if session.light else ""),
        "phase": view.phase.value,
        "phase_key": view.phase.name.lower(),
        "title": words.title(view, session),
        "number": words.big_number(view),
        "target": words.target_text(view),
        "next": words.next_text(view, session),
        "cues": list(view.exercise.cues) if step.kind is not SessionPhase.DONE else [],
        "running": running,
        "paused": view.paused,
        "finished": view.finished,
        "counting_down": _seconds_shown(view) is not None and view.reps is None,
        "remaining": None if view.remaining is None else round(view.remaining, 3),
        "counting_in": None if view.counting_in is None else round(view.counting_in, 3),
        "counts_taps": view.counts_taps,
        "in_rest": view.phase is SessionPhase.REST,
        "rating_for": rating_for,
        "rated": rated.get(rating_for) if rating_for is not None else None,
        "figure": figures.frames(view),
        "tempo": tempo,
        # Whole percent: a finer figure would send an event for nothing the page shows.
        "progress": round(view.session_progress * 100),
    }


def visible(current: dict[str, object]) -> dict[str, object]:
    """The part of the state whose change is worth an event: everything but the fractions of
    a second the page counts down itself."""
    return {k: v for k, v in current.items() if k not in ("seq", "remaining", "counting_in")}
