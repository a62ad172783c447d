"""Start-up: the home screen paints first; history, plan and today's line follow."""

from __future__ import annotations

import subprocess
import sys

import pytest
from textual.widgets import DataTable, Static

from runstrong.history import HistoryStore
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.home import HomeScreen

from ..fakes import FakePlayer
from ..helpers import home_filled


async def test_the_home_screen_is_drawn_before_the_history_is_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    seen: list[tuple[int, str]] = []
    opened = HistoryStore.__init__

    def spy(store: HistoryStore, *args: object, **kwargs: object) -> None:
        home = app.screen
        assert isinstance(home, HomeScreen)
        table = home.query_one(DataTable)
        seen.append((table.region.area, str(home.query_one("#today", Static).render())))
        opened(store, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(HistoryStore, "__init__", spy)
    app = RunstrongApp(player=FakePlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        await home_filled(pilot)
        ((area, today_then),) = seen
        # The sessions were on screen, today's line not yet worked out ...
        assert area > 0 and today_then == ""
        # ... and it follows once the history is open.
        assert "Today" in str(app.screen.query_one("#today", Static).render())
        assert app.store is not None


def test_only_the_home_screen_is_imported_at_start() -> None:
    code = "import sys, runstrong.tui.app; print(' '.join(sorted(sys.modules)))"
    loaded = set(
        subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        ).stdout.split()
    )
    for later in (
        "runstrong.session.engine",
        "runstrong.history",
        "runstrong.application.recording",
        "runstrong.tui.screens.session",
        "runstrong.tui.screens.history",
        "runstrong.tui.screens.settings",
        "runstrong.tui.screens.builder",
        "runstrong.tui.screens.offers",
        "textual_plotext",
        "plotext",
    ):
        assert later not in loaded, later
    assert "runstrong.tui.screens.home" in loaded
