"""The builder hands its draft to the app; the app saves it, asking before replacing anything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Button, Input, OptionList, Static

from runstrong import paths
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.builder import BuilderScreen
from runstrong.tui.screens.dialogs import Choice
from runstrong.tui.screens.session import SessionScreen
from runstrong.workout import builder
from runstrong.workout.catalog import Catalog
from runstrong.workout.model import LibraryExercise, Session, Source

from ..conftest import make_app as shared_app
from ..helpers import exercise, hold

LIBRARY = {"front-plank": LibraryExercise("front-plank", "Front plank", ("Long line",), "x")}
BUNDLED = Session(
    slug="core", name="Core", exercises=(exercise("Plank", hold(30)),), source=Source.BUNDLED
)


def make_app() -> RunstrongApp:
    return shared_app(catalog=Catalog({"core": BUNDLED}, dict(LIBRARY), ()))[0]


async def open_builder(app: RunstrongApp, pilot: Pilot[Any], name: str) -> BuilderScreen:
    await pilot.pause()
    await pilot.press("n")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, BuilderScreen)
    screen.query_one("#name", Input).value = name
    screen.query_one(OptionList).focus()
    await pilot.press("enter")  # Front plank
    await pilot.pause()
    return screen


def words(screen: object) -> str:
    assert isinstance(screen, Choice)
    return " ".join(str(w.render()) for w in screen.query(Static) if not isinstance(w, Button))


async def test_saving_onto_your_own_file_asks_first_and_names_it(user_workouts: Path) -> None:
    mine = user_workouts / "two-moves.toml"
    mine.write_text("# my own session\n")
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_builder(app, pilot, "Two moves")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert str(mine) in words(app.screen)
        await pilot.press("n")
        await pilot.pause()
        assert app.screen is screen and mine.read_text() == "# my own session\n"
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert app.screen is screen and "Front plank" not in mine.read_text()
        assert "front-plank" in mine.read_text()
        # Saving the same draft again replaces only its own file: no second question.
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen


async def test_a_name_that_would_hide_a_bundled_session_asks_first() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await open_builder(app, pilot, "Core")
        await pilot.press("ctrl+r")
        await pilot.pause()
        text = words(app.screen)
        assert "Core (core)" in text and str(paths.user_workouts_dir() / "core.toml") in text
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, BuilderScreen)
        assert not (paths.user_workouts_dir() / "core.toml").exists()
        await pilot.press("ctrl+r", "y")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
    assert (paths.user_workouts_dir() / "core.toml").exists()


async def test_a_failed_save_shows_the_error_and_keeps_the_draft(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def full_disk(path: Path, text: str) -> None:
        raise OSError(28, "No space left on device")

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        # Only the writer is patched, and only for the failing save: monkeypatch.undo() would
        # also undo the isolated config folder and write into the real one.
        with monkeypatch.context() as patched:
            patched.setattr(builder, "write_session_file", full_disk)
            screen = await open_builder(app, pilot, "Full disk")
            await pilot.press("ctrl+r")
            await pilot.pause()
            assert app.screen is screen and app.is_running
            assert [e.name for e in screen.draft.exercises] == ["Front plank"]
            assert screen.query_one("#name", Input).value == "Full disk"
            shown = [n.message for n in app._notifications]
            assert any("No space left on device" in m and "full-disk.toml" in m for m in shown)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert (paths.user_workouts_dir() / "full-disk.toml").exists()


def test_a_draft_never_replaces_a_file_unless_told(user_workouts: Path) -> None:
    draft = builder.Draft(name="Mine", exercises=[builder.DraftExercise("front-plank", "FP")])
    (user_workouts / "mine.toml").write_text("keep me")
    with pytest.raises(FileExistsError):
        draft.save()
    assert (user_workouts / "mine.toml").read_text() == "keep me"
    assert draft.save(overwrite=True) == user_workouts / "mine.toml"
    assert "front-plank" in (user_workouts / "mine.toml").read_text()
