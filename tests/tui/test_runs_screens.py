"""Runs on the screens: the Weeks tab shows kilometres beside strength sessions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rich.text import Text
from textual.widgets import Input
from textual_plotext import PlotextPlot

from runstrong import paths, settings
from runstrong.activities import Activity
from runstrong.history import HistoryStore
from runstrong.history.runs import add_runs
from runstrong.tui.screens.history import HistoryScreen
from runstrong.tui.screens.settings import SettingsScreen

from ..tui.test_app_history import make_app


def _chart_text(screen: HistoryScreen, widget_id: str) -> str:
    return Text.from_ansi(str(screen.query_one(widget_id, PlotextPlot).plt.build())).plain


async def test_weeks_tab_charts_km_run_beside_sessions() -> None:
    store = HistoryStore(paths.history_file())
    now = datetime.now(UTC)
    add_runs(
        store.db,
        [
            Activity(now - timedelta(hours=2), 6000, 21100.0, "Long", "Run", "strava", "strava:1"),
            Activity(now - timedelta(days=8), 2400, 8000.0, "Easy", "Run", "strava", "strava:2"),
        ],
    )
    store.close()
    app, _ = make_app(review=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        await app.workers.wait_for_complete()
        await pilot.press("3")
        await pilot.pause()
        km = _chart_text(screen, "#km-chart")
        assert "Km run per week" in km and "none" not in km
        assert "21.1" in km  # the y axis reaches this week's 21.1 km
        assert "Sessions per week" in _chart_text(screen, "#week-chart")


async def test_weeks_tab_says_how_to_add_runs_when_there_are_none() -> None:
    store = HistoryStore(paths.history_file())
    store.close()
    app, _ = make_app(review=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("3")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        assert "Km run per week: no runs imported" in _chart_text(app.screen, "#km-chart")


async def test_settings_screen_keeps_the_run_settings_it_does_not_show() -> None:
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text('long_run_minutes = 90\nsession_time = "06:45"\n')
    app, _ = make_app(settings=settings.load()[0])  # as the command line starts it
    async with app.run_test(size=(80, 30)) as pilot:
        await pilot.pause()
        await pilot.press("comma")
        await pilot.pause()
        assert isinstance(app.screen, SettingsScreen)
        app.screen.query_one("#count_in", Input).value = "0"
        await pilot.press("ctrl+s")
        await pilot.pause()
    saved, warnings = settings.load()
    assert (saved.count_in, saved.long_run_minutes, saved.session_time) == (0, 90, "06:45")
    assert warnings == []
