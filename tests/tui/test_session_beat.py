"""The session screen sleeps until the next visible change, with a 1 s safety tick."""

from __future__ import annotations

import pytest

from runstrong.session.timeline import Timing
from runstrong.tui.screens.session import SAFETY_SECONDS, SessionScreen
from runstrong.tui.widgets.step_clock import StepClock

from ..conftest import make_app
from ..helpers import exercise, hold


async def test_the_screen_sets_its_timer_for_the_next_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    delays: list[float] = []
    original = SessionScreen._wake_in

    def recording(self: SessionScreen, seconds: float) -> None:
        delays.append(seconds)
        original(self, seconds)

    monkeypatch.setattr(SessionScreen, "_wake_in", recording)
    app, clock, player = make_app(
        exercise("Plank", hold(20)), exercise("B", hold(5)), timing=Timing(get_ready=0)
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert delays[-1] == pytest.approx(1.0)  # "20" until 1.000 s
        clock.advance(0.4)
        screen.tick()
        assert delays[-1] == pytest.approx(0.6)
        for step in (0.6, *[1.0] * 16):  # to 3 s left: the digits blink every half second
            clock.advance(step)
            screen.tick()
        assert delays[-1] == pytest.approx(0.5)
        # The wake-up itself ticks the screen (here: now), which plays the cue just crossed.
        clock.advance(1.1)  # 1.9 s left: the tick of "2" is due
        screen._wake_in(0)
        await pilot.pause(0.05)
        assert player.played[-1] == "tick"
        assert str(screen.query_one(StepClock).value) == "2"
        await pilot.press("p")  # paused: nothing moves, only the safety tick
        assert delays[-1] == pytest.approx(SAFETY_SECONDS)
        assert screen._wake is not None  # one wake-up set, for the tick of this screen
        await app.action_quit()
    assert screen._wake is None


async def test_the_step_bar_keeps_no_timer_and_redraws_only_on_a_new_half_cell(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from textual.app import App, ComposeResult

    from runstrong.tui.widgets.step_bar import StepBar

    class BarApp(App[None]):
        CSS = "StepBar Bar { width: 40; }"

        def compose(self) -> ComposeResult:
            yield StepBar(id="step-bar")

    app = BarApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        bar = app.query_one(StepBar)
        # ProgressBar's own once-a-second ETA refresh would wake the app between beats.
        assert not list(bar._timers)
        updates: list[float] = []
        show = StepBar.show

        def counting(self: StepBar, fraction: float) -> None:
            before = self.progress
            show(self, fraction)
            if self.progress != before:
                updates.append(self.progress)

        monkeypatch.setattr(StepBar, "show", counting)
        for fraction in (0.1, 0.101, 0.11, 0.111, 0.5, 1.0):  # 80 half cells: 8, 8, 8, 8, 40, 80
            bar.show(fraction)
        assert updates == [0.1, 0.5, 1.0]
