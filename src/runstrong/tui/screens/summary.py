"""The end of a session: how long it took, what was done, against what was planned."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from runstrong.application.rpe import RPE_KEYS
from runstrong.application.summary import SessionSummary
from runstrong.formatting import duration_text
from runstrong.session.view import SessionPhase
from runstrong.tui.widgets.phase_banner import PhaseBanner


class SummaryScreen(Screen[None]):
    DEFAULT_CSS = """
    SummaryScreen #facts { padding: 1 2 0 2; text-style: bold; height: auto; }
    SummaryScreen #results { margin: 1 2; height: 1fr; }
    SummaryScreen .note { padding: 0 2; color: $warning; text-style: bold; height: auto; }
    SummaryScreen #rate { padding: 0 2; color: $text-muted; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape,q", "close", "Close", priority=True),
    ]

    @dataclass
    class Rated(Message):
        """The person rated how hard an exercise felt (RPE 1-10) on the summary."""

        exercise_index: int
        rpe: int

    def __init__(
        self,
        summary: SessionSummary,
        *,
        completed: bool,
        notes: list[str] | None = None,
        rating_for: tuple[int, str] | None = None,
    ) -> None:
        super().__init__()
        self.summary = summary
        self.completed = completed
        self.notes = notes or []
        self.rating_for = rating_for

    def compose(self) -> ComposeResult:
        banner = PhaseBanner(id="banner")
        banner.phase = SessionPhase.DONE if self.completed else SessionPhase.STOPPED
        yield banner
        s = self.summary
        with Vertical():
            facts = Text(s.title)
            facts.append(
                f"\n{duration_text(s.seconds)} taken   ·   "
                f"{s.sets_done} of {s.sets_planned} sets done",
                style="",
            )
            yield Static(facts, id="facts")
            yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
            for note in self.notes:
                yield Static(Text(note), classes="note")
            if self.rating_for is not None:
                name = self.rating_for[1]
                yield Static(
                    Text(f"How hard was {name}? Press 1-9, or 0 for 10 (optional)."), id="rate"
                )
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("exercise", "sets", "done")
        for result in self.summary.exercises:
            table.add_row(
                Text(result.name), f"{result.sets_done}/{result.planned_sets}", Text(result.actuals)
            )

    def on_key(self, event: events.Key) -> None:
        rpe = RPE_KEYS.get(event.key)
        if rpe is None or self.rating_for is None:
            return
        event.stop()
        self.post_message(self.Rated(self.rating_for[0], rpe))
        self.query_one("#rate", Static).update(f"Effort {rpe}/10 saved.")

    def action_close(self) -> None:
        self.dismiss(None)
