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


def clock_text(seconds: float) -> str:
    """Whole seconds as `45` or `1:30`, the way a sports watch shows them."""
    whole = max(0, int(seconds))
    if whole < 60:
        return str(whole)
    minutes, rest = divmod(whole, 60)
    if minutes < 60:
        return f"{minutes}:{rest:02d}"
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02d}:{rest:02d}"
