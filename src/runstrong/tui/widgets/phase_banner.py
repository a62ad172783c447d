"""The phase word across the top of the session screen, coloured by what the body is doing."""

from __future__ import annotations

from textual.reactive import reactive
from textual.widgets import Static

PHASE_CLASSES = {
    "GET READY": "-ready",
    "HOLD": "-work",
    "REPS": "-work",
    "SWITCH SIDES": "-switch",
    "REST": "-rest",
    "PAUSED": "-paused",
    "DONE": "-done",
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

    phase: reactive[str] = reactive("")
    detail: reactive[str] = reactive("")

    def watch_phase(self, phase: str) -> None:
        for name in PHASE_CLASSES.values():
            self.remove_class(name)
        self.add_class(PHASE_CLASSES.get(phase, "-work"))
        self._draw()

    def watch_detail(self) -> None:
        self._draw()

    def _draw(self) -> None:
        # The word exactly as written: people (and checks) read "GET READY", not "G E T".
        text = self.phase
        if self.detail:
            text += f"   {self.detail}"
        self.update(text)
