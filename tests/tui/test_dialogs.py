"""Dialogs: typed answers, words that agree with their numbers, buttons never under a notice."""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.geometry import Region
from textual.widgets import Button, Static
from textual.widgets._toast import Toast

from runstrong import paths
from runstrong.application.resume import ResumeAnswer
from runstrong.history import Unfinished
from runstrong.planning.progression import Suggestion
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.dialogs import ConfirmQuit, Dialog, StopAnswer, kept_sentence
from runstrong.tui.screens.offers import (
    HistoryAnswer,
    ProgressionAnswer,
    history_problem,
    progression_offer,
    resume_offer,
)
from runstrong.workout.catalog import Catalog

from ..fakes import FakePlayer

UNFINISHED = Unfinished(
    id=1, slug="core", name="Core", started_ts=1_700_000_000.0, light=False, sets_logged=1
)
OFFER = Suggestion(index=0, name="Plank", unit="s", current=30, suggested=35)


class Host(App[None]):
    """Shows dialogs one after another and keeps what each was dismissed with."""

    def __init__(self) -> None:
        super().__init__()
        self.answers: list[object] = []

    def ask(self, dialog: Dialog[Any]) -> None:
        self.push_screen(dialog, self.answers.append)


def dialog_text(dialog: Dialog[Any]) -> str:
    return " ".join(str(w.render()) for w in dialog.query(Static) if not isinstance(w, Button))


ANSWERS: list[tuple[Any, str, object]] = [
    (lambda: resume_offer(UNFINISHED), "r", ResumeAnswer.RESUME),
    (lambda: resume_offer(UNFINISHED), "c", ResumeAnswer.CLOSE),
    (lambda: resume_offer(UNFINISHED), "escape", ResumeAnswer.LATER),
    (lambda: history_problem("broken", can_move=True), "m", HistoryAnswer.MOVE_ASIDE),
    (lambda: history_problem("broken", can_move=True), "n", HistoryAnswer.CARRY_ON),
    (lambda: history_problem("broken", can_move=False), "escape", HistoryAnswer.CARRY_ON),
    (lambda: progression_offer([OFFER]), "a", ProgressionAnswer.ACCEPT),
    (lambda: progression_offer([OFFER]), "k", ProgressionAnswer.KEEP),
    (lambda: ConfirmQuit(2), "l", StopAnswer.FINISH_LATER),
    (lambda: ConfirmQuit(2), "e", StopAnswer.END_HERE),
    (lambda: ConfirmQuit(2), "q", StopAnswer.KEEP_GOING),
    (lambda: ConfirmQuit(2), "enter", StopAnswer.KEEP_GOING),  # the focused button
]


async def test_dialogs_answer_with_typed_values() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        for make, key, answer in ANSWERS:
            app.ask(make())
            await pilot.pause()
            await pilot.press(key)
            await pilot.pause()
            assert app.answers[-1:] == [answer], (key, answer)
    assert len(app.answers) == len(ANSWERS)


async def test_a_button_gives_the_same_answer_as_its_key() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        app.ask(resume_offer(UNFINISHED))
        await pilot.pause()
        await pilot.click("#answer-1")
        await pilot.pause()
    assert app.answers == [ResumeAnswer.CLOSE]


async def test_quit_and_resume_dialogs_agree_with_the_count() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        for sets, words in (
            (0, "Nothing has been completed yet."),
            (1, "The 1 completed set stays in your history."),
            (2, "The 2 completed sets stay in your history."),
        ):
            assert kept_sentence(sets) == words
            for dialog in (
                ConfirmQuit(sets),
                resume_offer(Unfinished(1, "core", "Core", 1_700_000_000.0, False, sets)),
            ):
                app.ask(dialog)
                await pilot.pause()
                text = dialog_text(dialog)
                assert words in text
                assert "(s)" not in text and "set records" not in text
                await pilot.press("escape")
                await pilot.pause()


def overlaps(a: Region, b: Region) -> bool:
    return bool(a.intersection(b).area)


async def test_notices_never_cover_a_dialogs_buttons_at_80x24() -> None:
    # A history file that is not ours opens a dialog at start; the settings warnings and a
    # sound problem arrive as notices at the same moment.
    path = paths.history_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not ours" * 50)
    warnings = [
        f"/home/someone/.config/runstrong/settings.toml: key_{n}: unknown setting; "
        "ignored, and this message is long enough to wrap over several lines"
        for n in range(4)
    ]
    app = RunstrongApp(catalog=Catalog({}, {}, ()), player=FakePlayer(), warnings=warnings)
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await pilot.pause()
        app.notify("Sound is off: runstrong's sound files are missing", severity="warning")
        app.notify("A third notice with a title", title="History", severity="error")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, Dialog)
        buttons = list(dialog.query(Button))
        toasts = list(app.screen.query(Toast))
        assert buttons and toasts
        for button in buttons:
            assert button.region.area and app.screen.region.contains_region(button.region)
            for toast in toasts:
                assert not overlaps(button.region, toast.region), (button, toast.region)
