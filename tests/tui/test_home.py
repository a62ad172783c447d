"""The home screen: filters as reactive state, keys that keep your place, words not codes."""

from __future__ import annotations

from textual.widgets import DataTable, Input, Static

from runstrong import paths
from runstrong.history import HistoryStore
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.home import HomeScreen
from runstrong.workout.catalog import Catalog
from runstrong.workout.model import Session

from ..conftest import make_app as shared_app
from ..fakes import FakeClock
from ..helpers import exercise, hold, home_filled, reps

SESSIONS = {
    slug: Session(
        slug=slug,
        name=name,
        focus=(focus,),
        equipment=kit,
        exercises=(exercise("Plank", hold(30), sets=3), exercise("Taps", reps(8))),
    )
    for slug, name, focus, kit in (
        ("a-core", "A core", "core", ()),
        ("b-bands", "B bands", "hips", ("band",)),
        ("c-core", "C core", "core", ()),
    )
}


def make_app() -> RunstrongApp:
    return shared_app(catalog=Catalog(dict(SESSIONS), {}, ()))[0]


def listed(home: HomeScreen) -> list[str]:
    table = home.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_filters_are_reactive_state() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        assert isinstance(home, HomeScreen)
        home.no_kit = True
        await pilot.pause()
        assert listed(home) == ["A core", "C core"]
        home.words = "c-core"
        await pilot.pause()
        assert listed(home) == ["C core"]
        await pilot.press("slash", "backspace")  # typing sets the same state
        home.query_one(Input).value = "band"
        await pilot.pause()
        assert home.words == "band" and listed(home) == []
        assert "No session matches" in str(home.query_one("#detail", Static).render())


async def test_escape_leaves_the_filter_box_and_keeps_the_words() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("slash", "c", "o")
        assert isinstance(app.focused, Input)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.focused, DataTable) and isinstance(app.screen, HomeScreen)
        assert app.screen.words == "co" and listed(app.screen) == ["A core", "C core"]


async def test_light_toggle_keeps_the_cursor_on_its_row() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("down", "down")
        table = app.screen.query_one(DataTable)
        assert table.cursor_row == 2
        await pilot.press("l")
        await pilot.pause()
        assert table.cursor_row == 2 and "~" in str(table.get_row_at(2)[1])
        detail = str(app.screen.query_one("#detail", Static).render())
        assert "C core" in detail or "2 exercises" in detail
        await pilot.press("l")
        await pilot.pause()
        assert table.cursor_row == 2


async def test_recent_line_says_how_sessions_ended_in_words() -> None:
    clock = FakeClock()
    store = HistoryStore(paths.history_file())
    for status in ("completed", "stopped", None):
        session_id = store.begin_session(SESSIONS["a-core"], clock.wall(), 4)
        if status is not None:
            store.finish(session_id, completed=status == "completed", ended_ts=clock.wall())
        clock.advance(60)
    store.close()
    app = make_app()
    async with app.run_test(size=(200, 24)) as pilot:
        await home_filled(pilot)
        await pilot.press("escape")  # the resume question for the unfinished one
        await pilot.pause()
        recent = str(app.screen.query_one("#recent", Static).render())
    assert "(done)" in recent and "(stopped)" in recent and "(not finished)" in recent
    assert "in_progress" not in recent and "completed" not in recent
