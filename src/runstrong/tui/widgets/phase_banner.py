"""The phase word across the top of the session screen, coloured by what the body is doing."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

from runstrong.session.timeline import SessionPhase

PHASE_CLASSES = {
    SessionPhase.GET_READY: "-ready",
    SessionPhase.COUNT_IN: "-ready",
    SessionPhase.HOLD: "-work",
    SessionPhase.REPS: "-work",
    SessionPhase.SWITCH: "-switch",
    SessionPhase.REST: "-rest",
    SessionPhase.PAUSED: "-paused",
    SessionPhase.DONE: "-done",
    SessionPhase.STOPPED: "-paused",
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
    """

    phase: reactive[SessionPhase | None] = reactive(None)

    def watch_phase(self, phase: SessionPhase | None) -> None:
        self.remove_class(*PHASE_CLASSES.values())
        if phase is not None:
            self.add_class(PHASE_CLASSES[phase])
        self._draw()

    def _draw(self) -> None:
        # The word exactly as written: people (and checks) read "GET READY", not "G E T".
        self.update("" if self.phase is None else self.phase.value)
