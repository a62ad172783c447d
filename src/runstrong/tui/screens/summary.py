"""The end of a session: how long it took, what was done, against what was planned."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from runstrong.summary import SessionSummary
from runstrong.tui.widgets.phase_banner import PhaseBanner
from runstrong.tui.widgets.step_clock import clock_text


class SummaryScreen(Screen[None]):
    DEFAULT_CSS = """
    SummaryScreen #facts { padding: 1 2 0 2; text-style: bold; height: auto; }
    SummaryScreen #results { margin: 1 2; height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape,q", "close", "Close", priority=True),
    ]

    def __init__(self, summary: SessionSummary, *, completed: bool) -> None:
        super().__init__()
        self.summary = summary
        self.completed = completed

    def compose(self) -> ComposeResult:
        banner = PhaseBanner(id="banner")
        banner.phase = "DONE" if self.completed else "STOPPED"
        yield banner
        s = self.summary
        with Vertical():
            facts = Text(s.name)
            facts.append(f"\n{clock_text(s.seconds)} taken   ·   "
                         f"{s.sets_done} of {s.sets_planned} sets done", style="")
            yield Static(facts, id="facts")
            yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("exercise", "sets", "done")
        for result in self.summary.exercises:
            table.add_row(Text(result.name), f"{result.sets_done}/{result.planned_sets}",
                          Text(result.actuals))

    def action_close(self) -> None:
        self.dismiss(None)
