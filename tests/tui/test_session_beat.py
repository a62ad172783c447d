"""The session screen sleeps until the next visible change, with a 1 s safety tick."""

from __future__ import annotations

import pytest

from runstrong.session.engine import EngineOptions
from runstrong.session.timeline import Timing
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.session import SAFETY_SECONDS, WAKE_LATE, SessionScreen

from ..fakes import FakeClock, FakePlayer
from ..helpers import exercise, hold, session


async def test_the_screen_sets_its_timer_for_the_next_change(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    delays: list[float] = []
    original = SessionScreen.set_timer

    def recording(self: SessionScreen, delay: float, *args: object, **kwargs: object) -> object:
        delays.append(delay)
        return original(self, delay, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(SessionScreen, "set_timer", recording)
    clock = FakeClock()
    app = RunstrongApp(
        session=session(exercise("Plank", hold(20)), exercise("B", hold(5))),
        clock=clock,
        wall=clock.wall,
        player=FakePlayer(),
        options=EngineOptions(Timing(get_ready=0)),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert delays[-1] == pytest.approx(1.0 + WAKE_LATE)  # "20" until 1.000 s
        clock.advance(0.4)
        screen.tick()
        assert delays[-1] == pytest.approx(0.6 + WAKE_LATE)
        for step in (0.6, *[1.0] * 16):  # to 3 s left: the digits blink every half second
            clock.advance(step)
            screen.tick()
        assert delays[-1] == pytest.approx(0.5 + WAKE_LATE)
        await pilot.press("p")  # paused: nothing moves, only the safety tick
        assert delays[-1] == pytest.approx(SAFETY_SECONDS + WAKE_LATE)
