"""Save SVG screenshots of the main screens into docs/ for the README.

    python scripts/screenshots.py

Uses a scratch config and data folder and a fake clock, so the pictures are the same on every
run and nobody's history is touched.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def simulate(session: Any, store: Any, clock: Any, week: int) -> None:
    """A person doing a whole session; the left side stops early, a little less each week."""
    from runstrong.engine import EngineOptions, SessionEngine
    from runstrong.history import SessionLog
    from runstrong.timeline import StepKind, Timing, planned_sets

    engine = SessionEngine(session, clock=clock, wall=clock.wall, options=EngineOptions(Timing()))
    log = SessionLog(store, store.begin_session(session, clock.wall(), planned_sets(session)))
    for event in engine.start():
        log.handle(event, clock.wall())
    while not engine.finished:
        step = engine.step
        phase = step.phase
        if (
            step.kind is StepKind.HOLD
            and phase is not None
            and phase.target
            and step.side is not None
            and step.side.value == "left"
        ):
            clock.advance(round(phase.target * 0.8) + week)  # the weaker side stops early
            events = engine.done()
        elif step.kind is StepKind.REPS and phase is not None and phase.tempo is None:
            clock.advance(2.5 * (phase.target or 1))
            events = engine.done()
        else:
            clock.advance(step.seconds or 0)
            events = engine.update()
        for event in events:
            log.handle(event, clock.wall())


async def shoot() -> None:
    sys.path.insert(0, str(ROOT))
    from tests.fakes import FakeClock, FakePlayer

    from runstrong.engine import EngineOptions
    from runstrong.history import HistoryStore
    from runstrong.paths import history_file
    from runstrong.timeline import Timing
    from runstrong.tui.app import RunstrongApp
    from runstrong.tui.screens.session import SessionScreen
    from runstrong.workouts import load_catalog

    DOCS.mkdir(exist_ok=True)
    catalog = load_catalog()
    store = HistoryStore(history_file())
    clock = FakeClock(wall_start=datetime(2026, 10, 5, 7, 30).timestamp())
    rotation = ["core-stability", "hips-and-glutes", "foundational"]
    for number in range(12):
        session = catalog.entries[rotation[number % 3]]
        simulate(session, store, clock, week=number // 3)  # type: ignore[arg-type]
        clock.advance(2 * 86400 + 3600 * (number % 2))
    store.close()

    async def save(app: RunstrongApp, name: str, keys: list[str], seconds: float = 0) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            for _ in range(round(seconds / 0.25)):
                session_clock.advance(0.25)
                if isinstance(app.screen, SessionScreen):
                    app.screen.tick()
            await pilot.pause()
            app.save_screenshot(str(DOCS / f"{name}.svg"))

    core = catalog.entries["core-stability"]
    # Core stability: get ready 10, heel taps 30+30+30, rest 45, deadbug 30+30+30, rest 45.
    for name, keys, seconds in (("session-hold", [], 280 + 12), ("session-rest", [], 235 + 14)):
        session_clock = FakeClock()
        # A history of its own: the seeded one would offer progressions first.
        app = RunstrongApp(
            session=core,
            clock=session_clock,
            wall=session_clock.wall,  # type: ignore[arg-type]
            player=FakePlayer(),
            options=EngineOptions(Timing()),
            history_path=Path(os.environ["RUNSTRONG_DATA_DIR"]) / f"{name}.db",
        )
        await save(app, name, keys, seconds)
    session_clock = FakeClock()
    await save(RunstrongApp(player=FakePlayer()), "home", ["escape"])
    await save(RunstrongApp(review=True, player=FakePlayer()), "history", [])
    await save(
        RunstrongApp(review=True, player=FakePlayer()), "history-chart", ["2", *["down"] * 10]
    )


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        os.environ["RUNSTRONG_CONFIG_DIR"] = str(Path(tmp) / "config")
        os.environ["RUNSTRONG_DATA_DIR"] = str(Path(tmp) / "data")
        asyncio.run(shoot())
    print(f"saved screenshots to {DOCS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
