"""The app meets a history damaged past its first pages: a message and the move-aside offer,
never a traceback, and nothing more written into the file."""

from __future__ import annotations

import hashlib
from pathlib import Path

from runstrong import paths
from runstrong.history import HistoryStore
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.dialogs import Choice
from runstrong.tui.screens.home import HomeScreen
from runstrong.tui.screens.summary import SummaryScreen

from ..conftest import screen_text
from ..fakes import FakePlayer
from ..history.test_hostile_history import make_damaged_history
from ..tui.test_app_history import SESSION, make_app, run


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


async def test_history_screen_on_a_damaged_file_offers_to_move_it(tmp_path: Path) -> None:
    damaged = tmp_path / "damaged.sqlite3"
    make_damaged_history(damaged)
    before = _digest(damaged)
    app, _ = make_app(history_path=damaged)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.pause()
        if isinstance(app.screen, Choice):  # home's reads met the damage: the offer at once
            assert "damaged" in screen_text(app)
            await pilot.press("n")
            await pilot.pause()
        # A damage not seen yet (the file went bad while the app ran) shows on `h`.
        app.store = HistoryStore(damaged)
        app.history_problem = None
        await pilot.press("h")
        for _ in range(3):
            await pilot.pause()
        if app.store is not None:  # the list read fine: the damage is in the charts' pages
            await pilot.press("2")
            for _ in range(3):
                await pilot.pause()
        assert isinstance(app.screen, Choice) and "damaged" in screen_text(app)
        assert app.store is None
        assert _digest(damaged) == before
        await pilot.press("m")
        await pilot.pause()
    moved = [p for p in tmp_path.iterdir() if p.name.startswith("damaged.") and p != damaged]
    assert any(_digest(p) == before for p in moved)


async def test_session_summary_on_a_damaged_file_does_not_crash() -> None:
    path = paths.history_file()
    path.parent.mkdir(parents=True)
    make_damaged_history(path)
    app, clock = make_app(session=SESSION)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await run(app, clock, pilot, 4 + 5 + 4 + 5 + 3 + 1 + 3 + 0.5)
        for _ in range(3):
            await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)  # no question blocked the session
        assert app.store is None  # found damaged: nothing more is written into it


async def test_home_screen_on_a_history_damaged_from_page_3_on() -> None:
    """The home screen's reads meet the damage: today's line and the week still come from the
    plan and the settings (nothing reopens the file behind the app's back), and the app offers
    to move the file aside instead of dying with SQLite's "malformed" traceback."""
    path = paths.history_file()
    path.parent.mkdir(parents=True)
    make_damaged_history(path)
    data = bytearray(path.read_bytes())
    data[4096 * 2 :] = b"\xff" * (len(data) - 4096 * 2)  # every page from the third on
    path.write_bytes(bytes(data))
    before = _digest(path)
    app = RunstrongApp(player=FakePlayer())
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(6):
            await pilot.pause()
        assert app.is_running
        assert isinstance(app.screen, Choice) and "damaged" in screen_text(app)
        assert app.store is None
        home = app.screen_stack[0]
        assert isinstance(home, HomeScreen) and home.today is not None
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen) and app.store is not None
    moved = [p for p in path.parent.iterdir() if p.name.startswith("history.") and p != path]
    assert [_digest(p) for p in moved if p.suffix == path.suffix] == [before]
