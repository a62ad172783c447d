"""How closely steps end on their deadlines: a real-clock app run and a fake two-hour one."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from runstrong.session.engine import SessionEngine
from runstrong.session.events import Event
from runstrong.session.timeline import Timing
from runstrong.settings import Settings
from runstrong.workout.model import Exercise, Phase, PhaseKind, Session


class Silent:
    name = "silent"

    def play(self, cue: str) -> None: ...

    def say(self, text: str) -> None: ...

    def close(self) -> None: ...


def _session(seconds: float, hold: int = 4, rest: int = 3) -> Session:
    sets = max(1, round(seconds / (hold + rest)))
    return Session(
        slug="timer",
        name="Timer",
        exercises=(
            Exercise(name="Plank", sets=sets, rest=rest, phases=(Phase(PhaseKind.HOLD, hold),)),
        ),
    )


def _planned_starts(engine: SessionEngine, start: float) -> list[float]:
    starts, at = [], start
    for step in engine.timeline:
        starts.append(at)
        at += step.seconds or 0.0
    return starts


async def real_clock_run(seconds: float) -> tuple[float, float, float, int]:
    """(max schedule error, median and max screen lateness, steps) of a real-time app run."""
    from runstrong.tui.app import RunstrongApp
    from runstrong.tui.screens.session import SessionScreen

    with tempfile.TemporaryDirectory() as tmp:
        app = RunstrongApp(
            session=_session(seconds),
            player=Silent(),
            settings=Settings(get_ready=0),
            history_path=Path(tmp) / "h.sqlite3",
        )
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, SessionScreen)
            engine = screen.runner.engine
            seen: dict[int, tuple[float, float]] = {}
            update = engine.update

            def watched() -> list[Event]:
                before = engine.index
                events = update()
                if engine.index != before:
                    seen[engine.index] = (time.monotonic(), engine._anchor)
                return events

            engine.update = watched  # type: ignore[method-assign]
            while not engine.finished:
                await asyncio.sleep(0.5)
            planned = _planned_starts(engine, engine._session_start)
    errors = [abs(anchor - planned[i]) for i, (_, anchor) in seen.items()]
    lateness = [noticed - anchor for noticed, anchor in seen.values()]
    return max(errors), statistics.median(lateness), max(lateness), len(seen)


def fake_two_hours() -> tuple[float, float]:
    """Max step-start error in the first and the last hour of a simulated 2 h session."""

    class Clock:
        now = 0.0

        def __call__(self) -> float:
            return self.now

    clock = Clock()
    engine = SessionEngine(
        _session(2 * 3600 + 60, hold=45, rest=20),
        clock=clock,
        wall=clock,
        timing=Timing(get_ready=0),
    )
    engine.start()
    planned = _planned_starts(engine, 0.0)
    starts: dict[int, float] = {}
    count = 0
    while not engine.finished:
        count += 1
        clock.now += 2.0 if count % 101 == 0 else 0.25  # a 2 s stall now and then
        before = engine.index
        engine.update()
        if engine.index != before:
            starts[engine.index] = engine._anchor
    first = [abs(starts[i] - planned[i]) for i in starts if planned[i] < 3600]
    last = [abs(starts[i] - planned[i]) for i in starts if planned[i] >= 3600]
    return max(first), max(last)
