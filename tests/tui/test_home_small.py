"""Issue 20: the home screen at 60x20, before a running week is set, and a pasted flood."""

from __future__ import annotations

import time

from textual import events
from textual.widgets import DataTable, Input, Static

from runstrong import settings
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.home import FILTER_MAX, HomeScreen, keys_text
from runstrong.tui.widgets.week_strip import WeekStrip
from runstrong.workout.catalog import load_catalog

from ..fakes import FakePlayer
from ..helpers import home_filled


def new_person_app() -> RunstrongApp:
    chosen, _ = settings.load()  # no settings file: the running week is not told
    assert not chosen.week_told
    return RunstrongApp(catalog=load_catalog(), player=FakePlayer(), settings=chosen)


async def test_home_at_60x20_shows_sessions_both_key_lines_and_a_week_on_one_line() -> None:
    app = new_person_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await home_filled(pilot)
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        table = screen.query_one(DataTable)
        assert table.region.height - 1 >= 3 and table.row_count >= 3  # rows below the header
        keys = screen.query_one("#keys", Static)
        assert screen.region.contains_region(keys.region) and keys.region.height == 2
        shown = str(keys.render()).splitlines()
        assert len(shown) == 2 and all(len(line) <= keys.content_size.width for line in shown)
        # Every key of the full lines is there, in fewer words.
        full = keys_text(HomeScreen.BINDINGS).replace("\n", "  ").split("  ")
        assert len("  ".join(shown).split("  ")) == len(full)
        strip = screen.query_one(WeekStrip)
        lines = str(strip.render()).splitlines()
        assert strip.region.height == len(lines) and len(lines) >= 2  # nothing wrapped
        assert all(len(line) <= strip.content_size.width for line in lines)
        today = str(screen.query_one("#today", Static).render())
        assert "long run" not in today.lower().replace("and long run", "")
        assert "press ," in today


async def test_a_20_kb_paste_with_escape_codes_into_the_filter_is_cut_short() -> None:
    app = new_person_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await home_filled(pilot)
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        await pilot.press("slash")
        box = screen.query_one("#filter", Input)
        flood = ("core \x1b[31m\x1b]0;title\x07 band \x1b[2J" * 700)[:20_000]
        started = time.monotonic()
        box.post_message(events.Paste(flood))
        await pilot.pause()
        await pilot.pause()
        assert time.monotonic() - started < 2.0
        assert 0 < len(box.value) <= FILTER_MAX and "\x1b" not in box.value
        assert screen.words.split() == box.value.split()
