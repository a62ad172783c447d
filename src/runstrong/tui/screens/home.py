"""The first screen: what runstrong is, and the sessions to choose from."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from runstrong.model import Session
from runstrong.timeline import estimate_minutes
from runstrong.workouts import Catalog

INTRO = ("Strength and coordination sessions for runners. Pick one and follow along: "
         "runstrong times every hold, counts paced reps and rests for you.")


class HomeScreen(Screen[None]):
    class StartRequested(Message):
        def __init__(self, session: Session) -> None:
            super().__init__()
            self.session = session

    DEFAULT_CSS = """
    HomeScreen #brand { height: 1; padding: 0 2; text-style: bold; color: $accent; margin-top: 1; }
    HomeScreen #intro { height: auto; padding: 0 2; color: $text-muted; }
    HomeScreen DataTable { margin: 1 2 0 2; height: 1fr; }
    HomeScreen #detail { height: auto; max-height: 4; padding: 0 2; margin-bottom: 1; }
    HomeScreen #problems { height: auto; max-height: 3; padding: 0 2; color: $error; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "Start session", priority=True),
        Binding("h", "app.history", "History"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.rows: list[Session] = catalog.sessions

    def compose(self) -> ComposeResult:
        yield Static("runstrong", id="brand")
        yield Static(INTRO, id="intro")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static(id="detail")
        broken = self.catalog.invalid
        if broken:
            names = ", ".join(item.path for item in broken)
            yield Static(Text(f"Not loaded (run `runstrong validate`): {names}"), id="problems")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("session", "min", "exercises", "focus")
        for session in self.rows:
            table.add_row(Text(session.name), f"~{estimate_minutes(session)}",
                          str(len(session.exercises)), Text(", ".join(session.focus)),
                          key=session.slug)
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        session = self.rows[event.cursor_row]
        detail = Text(session.description or session.name)
        if session.equipment:
            detail.append("\nEquipment: " + ", ".join(session.equipment), style="dim")
        self.query_one("#detail", Static).update(detail)

    def action_start(self) -> None:
        if self.rows:
            self.post_message(self.StartRequested(self.rows[self.query_one(DataTable).cursor_row]))
