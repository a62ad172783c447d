"""Hostile text in workout files renders literally and never breaks the layout."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from runstrong.settings import Settings
from runstrong.tui.app import RunstrongApp
from runstrong.tui.widgets.phase_banner import PhaseBanner
from runstrong.workout.catalog import load_library, load_session_file
from runstrong.workout.model import Session

from .fakes import FakeClock, FakePlayer

HOSTILE = r"""
[session]
name = "[bold red]Evil[/] \u001b]0;owned\u0007 session"

[[exercises]]
name = "[link=http://x]click[/link] \u001b[2J\u001b[H plank \u202eesrever"
cues = ["[blink]cue[/blink] \u0007\u0007", "שלום עולם e\u0301\u0301\u0301", "{0}"]
hold = 10
sides = ["left", "right"]

[[exercises]]
name = "{1}"
reps = 5
""".replace("{0}", "x" * 400).replace("{1}", "Very long name " * 30)


def load(tmp_path: Path) -> Session:
    path = tmp_path / "evil.toml"
    path.write_text(HOSTILE)
    session = load_session_file(path, load_library()[0])
    assert isinstance(session, Session), session
    return session


def test_loaded_text_keeps_markup_as_data_and_drops_escapes(tmp_path: Path) -> None:
    session = load(tmp_path)
    assert session.name == "[bold red]Evil[/] session"
    name = session.exercises[0].name
    assert "\x1b" not in name and "\u202e" not in name and "[link=http://x]" in name


async def test_session_screen_shows_it_literally_at_60x20(tmp_path: Path) -> None:
    clock = FakeClock()
    app = RunstrongApp(
        session=load(tmp_path),
        clock=clock,
        wall=clock.wall,
        player=FakePlayer(),
        settings=Settings(get_ready=0),
    )
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        texts = [str(w.render()) for w in app.screen.query(Static)]
        joined = "\n".join(texts)
        assert "[link=http://x]click[/link]" in joined
        assert "[blink]cue[/blink]" in joined
        assert "\x1b" not in joined and "\x07" not in joined
        banner = app.screen.query_one(PhaseBanner)
        # Below 32 rows the banner is one row: it gives its rows to the clock.
        assert banner.phase == "HOLD" and banner.region.height == 1
        title = app.screen.query_one("#title", Static)
        assert title.region.height <= 2 and title.region.width <= 60
        await pilot.press("enter", "enter", "enter")  # to the long-named exercise
        await pilot.pause()
        assert app.screen.query_one("#title", Static).region.height <= 2
        assert app.screen.query_one("#next", Static).region.height == 1
