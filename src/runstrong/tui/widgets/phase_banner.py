"""The phase word across the top of the session screen, coloured by what the body is doing.

The banner is told the phase (a `ScreenPhase`), never words: how each phase reads and which
colour it takes is decided here, in one table.
"""

from __future__ import annotations

from enum import Enum

from textual.reactive import reactive
from textual.widgets import Static

from runstrong.timeline import StepKind


class ScreenPhase(Enum):
    """What the session screen is showing: a step of the timeline, or a state around it."""

    GET_READY = "get ready"
    HOLD = "hold"
    REPS = "reps"
    SWITCH = "switch sides"
    REST = "rest"
    DONE = "done"
    STOPPED = "stopped"
    PAUSED = "paused"
    COUNT_IN = "count-in"  # the seconds before a paused hold or set goes on

    @classmethod
    def of(cls, kind: StepKind) -> ScreenPhase:
        return STEP_PHASES[kind]


STEP_PHASES = {
    StepKind.GET_READY: ScreenPhase.GET_READY,
    StepKind.HOLD: ScreenPhase.HOLD,
    StepKind.REPS: ScreenPhase.REPS,
    StepKind.SWITCH: ScreenPhase.SWITCH,
    StepKind.REST: ScreenPhase.REST,
    StepKind.DONE: ScreenPhase.DONE,
}

# The word exactly as written (people, and checks, read "GET READY", not "G E T"), and the
# colour class.
LOOKS: dict[ScreenPhase, tuple[str, str]] = {
    ScreenPhase.GET_READY: ("GET READY", "-ready"),
    ScreenPhase.HOLD: ("HOLD", "-work"),
    ScreenPhase.REPS: ("REPS", "-work"),
    ScreenPhase.SWITCH: ("SWITCH SIDES", "-switch"),
    ScreenPhase.REST: ("REST", "-rest"),
    ScreenPhase.DONE: ("DONE", "-done"),
    ScreenPhase.STOPPED: ("STOPPED", "-stopped"),
    ScreenPhase.PAUSED: ("PAUSED", "-paused"),
    ScreenPhase.COUNT_IN: ("COUNT-IN", "-ready"),
}


class PhaseBanner(Static):
    DEFAULT_CSS = """
    PhaseBanner {
        width: 1fr;
        height: 3;
        content-align: center middle;
        text-style: bold;
        color: $text;
        background: $panel;
    }
    PhaseBanner.-work { background: $success-darken-1; }
    PhaseBanner.-rest { background: $primary-darken-1; }
    PhaseBanner.-ready { background: $warning-darken-2; }
    PhaseBanner.-switch { background: $accent-darken-1; }
    PhaseBanner.-paused { background: $surface-lighten-2; }
    PhaseBanner.-done { background: $success; }
    PhaseBanner.-stopped { background: $panel; }
    """

    phase: reactive[ScreenPhase] = reactive(ScreenPhase.GET_READY)
    detail: reactive[str] = reactive("")

    @property
    def word(self) -> str:
        """What the banner says for its phase."""
        return LOOKS[self.phase][0]

    def watch_phase(self, phase: ScreenPhase) -> None:
        for _, colour in LOOKS.values():
            self.remove_class(colour)
        self.add_class(LOOKS[phase][1])
        self._draw()

    def watch_detail(self) -> None:
        self._draw()

    def _draw(self) -> None:
        text = self.word
        if self.detail:
            text += f"   {self.detail}"
        self.update(text)
