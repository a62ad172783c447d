"""Small modal screens over a running session: quit confirmation and exercise details."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from runstrong.model import Exercise

DIALOG_CSS = """
ConfirmQuit, ExerciseInfo {
    align: center middle;
    background: $background 60%;
}
#dialog {
    width: 64;
    max-width: 100%;
    height: auto;
    max-height: 90%;
    border: thick $primary;
    background: $surface;
    padding: 1 2;
}
#dialog .heading { text-style: bold; margin-bottom: 1; }
#dialog .section { margin-top: 1; }
#buttons { height: auto; align: center middle; margin-top: 1; }
#buttons Button { margin: 0 1; }
"""


class ConfirmQuit(ModalScreen[bool]):
    DEFAULT_CSS = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Stop the session"),
        Binding("n,escape,q", "answer(False)", "Keep going"),
    ]

    def __init__(self, phases_logged: int) -> None:
        super().__init__()
        self.phases_logged = phases_logged

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static("Stop this session?", classes="heading")
            kept = (f"The {self.phases_logged} completed set record"
                    f"{'s' * (self.phases_logged != 1)} stay in your history."
                    if self.phases_logged else "Nothing has been completed yet.")
            yield Static(kept)
            with Horizontal(id="buttons"):
                yield Button("Stop (y)", variant="error", id="stop")
                yield Button("Keep going (n)", variant="primary", id="keep")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "stop")

    def action_answer(self, stop: bool) -> None:
        self.dismiss(stop)


class ExerciseInfo(ModalScreen[None]):
    DEFAULT_CSS = DIALOG_CSS
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,i,enter,q", "close", "Back to the session"),
    ]

    def __init__(self, exercise: Exercise) -> None:
        super().__init__()
        self.exercise = exercise

    def compose(self) -> ComposeResult:
        exercise = self.exercise
        with VerticalScroll(id="dialog"):
            yield Static(Text(exercise.name), classes="heading")
            yield Static(Text(exercise.describe()))
            if exercise.description:
                yield Static(Text(exercise.description), classes="section")
            for label, value in (("Easier", exercise.easier), ("Harder", exercise.harder)):
                if value:
                    line = Text(f"{label}: ", style="bold")
                    line.append(value)
                    yield Static(line, classes="section")
            if exercise.equipment:
                yield Static(Text("Equipment: " + ", ".join(exercise.equipment)),
                             classes="section")
            yield Static(Text("esc to go back", style="dim"), classes="section")

    def action_close(self) -> None:
        self.dismiss(None)
