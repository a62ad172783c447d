"""Issue 20: the settings screen writes only what the person edited on it."""

from __future__ import annotations

from textual.widgets import Input

from runstrong import settings
from runstrong.cli import main
from runstrong.settings import Settings
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.home import HomeScreen
from runstrong.workout.catalog import load_catalog

from ..fakes import FakePlayer
from .test_settings import open_settings


async def test_saving_settings_does_not_undo_a_plan_use_made_meanwhile() -> None:
    settings.save(Settings(plan="off-season"))
    app = RunstrongApp(catalog=load_catalog(), player=FakePlayer(), settings=settings.load()[0])
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        assert main(["plan", "use", "in-season"]) == 0  # another terminal, meanwhile
        screen.query_one("#count_in", Input).value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert (app.effective.saved.plan, app.effective.saved.count_in) == ("in-season", 5)
    saved, _ = settings.load()
    assert (saved.plan, saved.count_in) == ("in-season", 5)
