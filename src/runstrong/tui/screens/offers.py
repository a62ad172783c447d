"""Questions the app asks before a session: resume a crashed one, take a progression, and what
to do with a history file that is not ours."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from runstrong.formatting import when_text
from runstrong.history import Unfinished
from runstrong.history.database import iso
from runstrong.planning.progression import Suggestion
from runstrong.tui.screens.dialogs import DIALOG_CSS

OFFER_CSS = DIALOG_CSS.replace("ConfirmQuit, ExerciseInfo", "Choice")


class Choice(ModalScreen[str]):
    """A question with a few keyed answers; dismissed with the chosen answer's key."""

    DEFAULT_CSS = OFFER_CSS
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "choose('escape')", "Later")]

    def __init__(self, heading: str, body: Text | str, answers: list[tuple[str, str]]) -> None:
        super().__init__()
        self.heading = heading
        self.body = body
        self.answers = answers

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="dialog"):
            yield Static(Text(self.heading), classes="heading")
            yield Static(self.body if isinstance(self.body, Text) else Text(self.body))
            with Horizontal(id="buttons"):
                for number, (key, label) in enumerate(self.answers):
                    yield Button(f"{label} ({key})", id=f"answer-{key}",
                                 variant="primary" if number == 0 else "default")

    def on_key(self, event: events.Key) -> None:
        if any(event.key == answer for answer, _ in self.answers):
            event.stop()
            self.dismiss(event.key)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "").removeprefix("answer-"))

    def action_choose(self, key: str) -> None:
        self.dismiss(key)


def sets_text(count: int) -> str:
    return f"{count} completed set" + ("" if count == 1 else "s")


def resume_offer(unfinished: Unfinished, *, fresh: bool = False) -> Choice:
    light = " (light)" if unfinished.light else ""
    saved = sets_text(unfinished.sets_logged)
    body = Text(f"{unfinished.name}{light} was left unfinished on "
                f"{when_text(iso(unfinished.started_ts))}, with {saved} saved. ")
    if fresh:
        body.append("Pick it up from the first set not done, or start it again from the "
                    f"beginning (the {saved} stay{'s' if unfinished.sets_logged == 1 else ''} "
                    "in your history).")
        return Choice("Unfinished session", body, [("r", "Resume"), ("f", "Start fresh")])
    body.append("Pick it up from the first set not done, or close it as stopped (the saved "
                "sets stay).")
    return Choice("Unfinished session", body, [("r", "Resume"), ("c", "Close it")])


def history_problem(message: str, *, can_move: bool) -> Choice:
    body = Text(message + "\n\n")
    if can_move:
        body.append("runstrong has not changed the file. It can rename it (adding the date "
                    "and time) and start a new, empty history beside it. Or carry on without "
                    "saving this time.")
        return Choice("History file problem", body,
                      [("m", "Move it aside"), ("n", "Don't save this time")])
    body.append("Sessions will run, but nothing can be saved until this is fixed.")
    return Choice("History file problem", body, [("n", "Carry on without saving")])


def progression_offer(offers: list[Suggestion]) -> Choice:
    body = Text("Last time you met every target, so these can build up today:\n\n")
    for offer in offers:
        body.append(f"  {offer.name}: {offer.suggested} {offer.unit}", style="bold")
        body.append(f" (file: {offer.current} {offer.unit})\n")
    body.append("\nAccepted targets are used for this session and saved with its sets.")
    return Choice("Ready to progress", body, [("a", "Accept"), ("k", "Keep file values")])
