"""This week at a glance on the home screen: seven narrow columns, Monday to Sunday.

Row one is the day and its run, row two the strength work: the session's first word, a tick
once done, a "½" for a light version. Today stands out; days gone by are dimmed. In an
easier week a third line says so.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rich.text import Text
from textual.widgets import Static

from runstrong.planning.easier import WORDS as EASIER_WORDS
from runstrong.planning.rules import RunKind, When, weekday
from runstrong.planning.schedule import Day

CELL = 10
NARROWEST = 6  # "Sun LO" / "✓Core": below this a column says nothing
RUN_MARKS = {
    RunKind.NONE: "",
    RunKind.EASY: "run",
    RunKind.KEY: "KEY",
    RunKind.LONG: "LONG",
    RunKind.RACE: "RACE",
}


def short_name(name: str, cell: int = CELL) -> str:
    word = name.split()[0] if name.split() else name
    return word if len(word) <= cell - 1 else word[: cell - 2] + "…"


def cell_for(width: int) -> int:
    """Columns per day so the seven fit `width` on one line each (the strip never wraps)."""
    return max(NARROWEST, min(CELL, width // 7)) if width > 0 else CELL


def strip_text(
    week: Sequence[Day], name_of: Callable[[str], str], today: date, cell: int = CELL
) -> Text:
    top, bottom = Text(), Text()
    for day in week:
        style = "reverse bold" if day.day == today else ("dim" if day.day < today else "")
        head = f"{weekday(day.day).capitalize()} {RUN_MARKS[day.run]}".strip()
        if day.session is None:
            label = "·"
        else:
            label = short_name(name_of(day.session), cell)
            if day.done:
                label = "✓" + label[: cell - 2]
            elif day.light:
                label = label[: cell - 2] + "½"
        session_style = style or ("italic" if day.when is When.BEFORE_RUN else "bold")
        # Styles cover the words only, so a highlighted day never runs into the next one.
        top.append(head[: cell - 1], style=style)
        top.append(" " * (cell - len(head[: cell - 1])))
        bottom.append(label[: cell - 1], style=session_style)
        bottom.append(" " * (cell - len(label[: cell - 1])))
    top.append("\n")
    top.append_text(bottom)
    if any(day.easier_week for day in week):
        top.append("\n" + EASIER_WORDS, style="bold")
    return top


class WeekStrip(Static):
    """Shows a week handed to it; it works nothing out itself."""

    DEFAULT_CSS = "WeekStrip { text-wrap: nowrap; }"

    _shown: tuple[Sequence[Day], Callable[[str], str], date] | None = None

    def show(self, week: Sequence[Day], name_of: Callable[[str], str], today: date) -> None:
        self.display = bool(week)
        self._shown = (week, name_of, today)
        self._draw()

    def _draw(self) -> None:
        if self._shown is not None and self._shown[0]:
            week, name_of, today = self._shown
            self.update(strip_text(week, name_of, today, cell_for(self.content_size.width)))

    def on_resize(self) -> None:
        self._draw()
