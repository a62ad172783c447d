"""Runs on the screens: the Weeks tab shows kilometres beside strength sessions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from rich.text import Text
from textual_plotext import PlotextPlot

from runstrong import paths
from runstrong.activities import Activity
from runstrong.history import HistoryStore
from runstrong.history.runs import add_runs
from runstrong.tui.screens.history import HistoryScreen

from .test_app_history import make_app


def _chart_text(screen: HistoryScreen, widget_id: str) -> str:
    return Text.from_ansi(str(screen.query_one(widget_id, PlotextPlot).plt.build())).plain


async def test_weeks_tab_charts_km_run_beside_sessions() -> None:
    store = HistoryStore(paths.history_file())
    now = datetime.now(UTC)
    add_runs(store.db, [
        Activity(now - timedelta(hours=2), 6000, 21100.0, "Long", "Run", "strava", "strava:1"),
        Activity(now - timedelta(days=8), 2400, 8000.0, "Easy", "Run", "strava", "strava:2"),
    ])
    store.close()
    app, _ = make_app(review=True)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HistoryScreen)
        await pilot.press("3")
        await pilot.pause()
        km = _chart_text(screen, "#km-chart")
        assert "Km run per week" in km and "none" not in km
        assert "21.1" in km   # the y axis reaches this week's 21.1 km
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
        assert "Km run per week: none imported" in _chart_text(app.screen, "#km-chart")
