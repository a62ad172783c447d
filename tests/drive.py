"""Moving time forward in tests: the app's screen or a bare engine, on the fake clock.

Time moves in quarter seconds, at least as often as the screen's beat wakes it (every change
it shows, and once a second regardless): a jump of more than 5 s between two updates is a gap
the app did not see, and the engine pauses there.
"""

from __future__ import annotations

from typing import Any

from runstrong.session.engine import SessionEngine
from runstrong.session.events import Event
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.session import SessionScreen

from .fakes import FakeClock

TICK = 0.25


async def drive(app: RunstrongApp, clock: FakeClock, seconds: float, pilot: Any = None) -> None:
    """Let `seconds` pass on the session screen (if one is showing), then let the app settle."""
    for _ in range(round(seconds / TICK)):
        clock.advance(TICK)
        screen = app.screen
        if isinstance(screen, SessionScreen):
            screen.runner.tick()
    if pilot is not None:
        await pilot.pause()


def run_engine(
    engine: SessionEngine, clock: FakeClock, seconds: float, tick: float = TICK
) -> list[Event]:
    events: list[Event] = []
    for _ in range(round(seconds / tick)):
        clock.advance(tick)
        events += engine.update()
    return events
