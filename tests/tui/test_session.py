"""The session screen driven like a person would: keys in, words and digits out."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Digits, Static

from runstrong.session.timeline import Timing
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.session import SessionScreen
from runstrong.tui.screens.summary import SummaryScreen
from runstrong.tui.widgets.phase_banner import PhaseBanner
from runstrong.workout.model import Exercise, Side

from ..conftest import make_app as shared_app
from ..conftest import screen_text
from ..drive import drive
from ..fakes import FakeClock, FakePlayer
from ..helpers import exercise, hold, reps, saved_records

BOTH = (Side.LEFT, Side.RIGHT)


def make_app(
    *exercises_: Exercise, mute: bool = False
) -> tuple[RunstrongApp, FakeClock, FakePlayer]:
    return shared_app(*exercises_, mute=mute, timing=Timing(get_ready=10, switch_sides=5))


async def advance(app: RunstrongApp, clock: FakeClock, pilot: Pilot[Any], seconds: float) -> None:
    await drive(app, clock, seconds, pilot)


async def test_a_session_followed_to_done_without_keys() -> None:
    app, clock, player = make_app(
        exercise("Plank", hold(4), sets=2, rest=5),
        exercise("Side plank", hold(3), sides=BOTH),
        exercise("Taps", reps(3, tempo=1.0)),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        banner = app.screen.query_one(PhaseBanner)
        assert banner.phase == "GET READY"
        assert "Up next: Plank" in screen_text(app)
        await advance(app, clock, pilot, 10)
        assert banner.phase == "HOLD"
        assert app.screen.query_one(Digits).value == "4"
        await advance(app, clock, pilot, 1)
        assert app.screen.query_one(Digits).value == "3"
        await advance(app, clock, pilot, 3)
        assert banner.phase == "REST"
        await advance(app, clock, pilot, 5 + 4 + 20)
        assert banner.phase == "HOLD" and "left side" in screen_text(app)
        await advance(app, clock, pilot, 3)
        assert banner.phase == "SWITCH SIDES"
        await advance(app, clock, pilot, 5 + 3 + 20)
        assert banner.phase == "REPS"
        await advance(app, clock, pilot, 2)
        assert app.screen.query_one(Digits).value == "2"
        await advance(app, clock, pilot, 1.25)
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.query_one(PhaseBanner).phase == "DONE"
        logged = saved_records(app)
        assert len(logged) == 5
        assert player.played[-1] == "complete"
        # 3-2-1 in every step of 5 s or more (GET READY, two plank holds, three rests, the
        # switch) and 2-1 in each 3 s side plank hold: 3 * 7 + 2 * 2.
        assert player.played.count("tick") == 25
        await pilot.press("enter")
        await pilot.pause()
    assert app.return_code == 0


async def test_keys_pause_count_reps_and_quit() -> None:
    app, _clock, _player = make_app(exercise("Lunge", reps(5), sets=2, sides=BOTH))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # skip GET READY
        banner = app.screen.query_one(PhaseBanner)
        assert banner.phase == "REPS"
        await pilot.press("space", "space")
        assert app.screen.query_one(Digits).value == "2"
        await pilot.press("enter")
        assert banner.phase == "SWITCH SIDES"
        await pilot.press("space")
        assert banner.phase == "PAUSED"
        await pilot.press("space")
        await pilot.press("enter", "enter")  # skip switch, right side done at target
        assert banner.phase == "REST"
        await pilot.press("minus")
        await pilot.press("q")
        await pilot.press("n")
        assert isinstance(app.screen, SessionScreen)
        assert banner.phase == "REST"
        await pilot.press("q", "e")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.query_one(PhaseBanner).phase == "STOPPED"
        records = saved_records(app)
        # `-` in the rest took the right side from 5 to 4, and the history kept the fix.
        assert [(r.side, r.actual) for r in records] == [("left", 2), ("right", 4)]


async def test_info_pauses_and_mute_silences() -> None:
    app, clock, player = make_app(exercise("Plank", hold(30)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("enter")
        await advance(app, clock, pilot, 5)
        await pilot.press("i")
        assert "Plank" in str(app.screen.query(Static).first().render())
        await pilot.press("escape")
        session_screen = app.screen
        assert isinstance(session_screen, SessionScreen)
        assert session_screen.runner.view.counting_in == 3
        await pilot.press("m")
        played = len(player.played)
        await advance(app, clock, pilot, 30)
        assert len(player.played) == played


async def test_small_terminal_and_resize_do_not_crash() -> None:
    app, clock, _ = make_app(exercise("A very long exercise name " * 5, hold(10), sides=BOTH))
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        await advance(app, clock, pilot, 12)
        await pilot.resize_terminal(120, 40)
        await advance(app, clock, pilot, 1)
        await pilot.resize_terminal(60, 20)
        await advance(app, clock, pilot, 1)
        assert app.screen.query_one(PhaseBanner).phase == "HOLD"
