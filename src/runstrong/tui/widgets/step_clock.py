"""The big number: time left, time held, or reps done."""

from __future__ import annotations

from textual.widgets import Digits


class StepClock(Digits):
    DEFAULT_CSS = """
    StepClock {
        width: auto;
        text-style: bold;
        color: $text;
        padding: 0 2;
    }
    StepClock.-flash {
        background: $warning;
        color: $background;
    }
    """

    def show(self, value: str, *, flash: bool) -> None:
        # Digits re-renders on every update; only touch it when something changed.
        if value != self.value:
            self.update(value)
        self.set_class(flash, "-flash")
