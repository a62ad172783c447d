"""Dialogs: one base class and one stylesheet for every question and detail box.

A dialog is dismissed with a typed answer (an enum member, a bool), never a letter, so the
code that asked reads `if answer is ResumeAnswer.RESUME` rather than comparing keys.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import ClassVar, Generic, Literal, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from runstrong.formatting import counted
from runstrong.tui.widgets.figure import ExerciseFigure
from runstrong.workout.model import Exercise

AnswerT = TypeVar("AnswerT")


class Dialog(ModalScreen[AnswerT]):
    """A box in the middle of the screen: `#body` scrolls, `#buttons` stay in view."""

    # Absolute, so subclasses defined in other folders still find the one stylesheet.
    CSS_PATH = Path(__file__).with_name("dialogs.tcss")


@dataclass(frozen=True, slots=True)
class Answer(Generic[AnswerT]):
    key: str
    label: str
    value: AnswerT
    # Unset: the first answer is the suggested one.
    variant: Literal["default", "primary", "error"] | None = None


class Choice(Dialog[AnswerT]):
    """A question with a few keyed answers; escape gives `otherwise`."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "otherwise", "Later")]

    def __init__(
        self,
        heading: str,
        body: Text | str,
        answers: Sequence[Answer[AnswerT]],
        *,
        otherwise: AnswerT,
    ) -> None:
        super().__init__()
        self.heading = heading
        self.body = body
        self.answers = list(answers)
        self.otherwise = otherwise
        # Each answer's key is a binding of this dialog, so the keys panel names it too.
        for number, answer in enumerate(self.answers):
            self._bindings.bind(answer.key, f"answer({number})", answer.label)

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            with VerticalScroll(id="body"):
                yield Static(Text(self.heading), classes="heading")
                yield Static(self.body if isinstance(self.body, Text) else Text(self.body))
            with Horizontal(id="buttons"):
                for number, answer in enumerate(self.answers):
                    variant = answer.variant or ("primary" if number == 0 else "default")
                    yield Button(
                        f"{answer.label} ({answer.key})", id=f"answer-{number}", variant=variant
                    )

    def action_answer(self, number: int) -> None:
        self.dismiss(self.answers[number].value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(int((event.button.id or "answer-0").removeprefix("answer-")))

    def action_otherwise(self) -> None:
        self.dismiss(self.otherwise)


def kept_sentence(sets: int) -> str:
    """What a stop leaves behind, in words that agree with the number."""
    if not sets:
        return "Nothing has been completed yet."
    verb = "stays" if sets == 1 else "stay"
    return f"The {counted(sets, 'completed set')} {verb} in your history."


class StopAnswer(Enum):
    FINISH_LATER = "finish later"  # kept open, offered for resuming next time
    END_HERE = "end it here"  # closed as stopped
    KEEP_GOING = "keep going"


class ConfirmQuit(Choice[StopAnswer]):
    """Stop to finish later (resumable, as after a closed terminal), end it here, or not."""

    # The key that asked the question also takes it back.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("q,escape", "otherwise", "Keep going"),
    ]

    def __init__(self, sets_done: int) -> None:
        super().__init__(
            "Stop this session?",
            kept_sentence(sets_done)
            + " Finish later: it is offered for resuming next time. End it here: it is "
            "closed as stopped and cannot be resumed.",
            [
                Answer("l", "Finish later", StopAnswer.FINISH_LATER),
                Answer("e", "End it here", StopAnswer.END_HERE, "error"),
                Answer("n", "Keep going", StopAnswer.KEEP_GOING, "primary"),
            ],
            otherwise=StopAnswer.KEEP_GOING,
        )
        self.sets_done = sets_done

    def on_mount(self) -> None:
        # Ending cannot be undone, so enter on a fresh dialog keeps going.
        self.query_one("#answer-2", Button).focus()


class ExerciseInfo(Dialog[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,i,enter,q", "close", "Back to the session"),
    ]

    def __init__(self, exercise: Exercise, side: str | None = None) -> None:
        super().__init__()
        self.exercise = exercise
        # The side being worked, for a one-sided exercise: its figure is drawn for that side.
        self.side = side

    def compose(self) -> ComposeResult:
        exercise = self.exercise
        with Vertical(id="dialog"):
            with VerticalScroll(id="body"):
                yield from self._body(exercise)
            # Outside the scrolling part (docked below it), so it is always in view.
            yield Static(Text("Escape closes this   ·   up/down scroll"), id="info-keys")

    def on_mount(self) -> None:
        # Focused, so the arrow keys and page keys scroll a text longer than the box.
        self.query_one("#body", VerticalScroll).focus()

    def _body(self, exercise: Exercise) -> ComposeResult:
        yield Static(Text(exercise.name), classes="heading")
        if exercise.figure is not None:
            # Every key position side by side: how the movement starts and where it goes.
            # Each by its own key name: a label may join two equal ones ("end / hold").
            with Horizontal(id="figures"):
                for label, position in exercise.figure.distinct():
                    with Vertical(classes="pose"):
                        yield ExerciseFigure(
                            exercise.figure, position=position.name, side=self.side
                        )
                        yield Static(label, classes="pose-label")
        yield Static(Text(exercise.describe()))
        if exercise.description:
            yield Static(Text(exercise.description), classes="section")
        for label, value in (("Easier", exercise.easier), ("Harder", exercise.harder)):
            if value:
                line = Text(f"{label}: ", style="bold")
                line.append(value)
                yield Static(line, classes="section")
        if exercise.equipment:
            yield Static(Text("Equipment: " + ", ".join(exercise.equipment)), classes="section")

    def action_close(self) -> None:
        self.dismiss(None)
