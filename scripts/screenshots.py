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
    from runstrong.history import SessionLog
    from runstrong.session.engine import SessionEngine
    from runstrong.session.timeline import SessionPhase, Timing, planned_sets

    engine = SessionEngine(session, clock=clock, wall=clock.wall, timing=Timing())
    log = SessionLog(store, store.begin_session(session, clock.wall(), planned_sets(session)))
    for event in engine.start():
        log.handle(event, clock.wall())
    while not engine.finished:
        step = engine.step
        phase = step.phase
        if (
            step.kind is SessionPhase.HOLD
            and phase is not None
            and phase.target
            and step.side is not None
            and step.side.value == "left"
        ):
            for _ in range(round(phase.target * 0.8) + week):  # the weaker side stops early
                clock.advance(1)
                engine.update()
            events = engine.done()
        elif step.kind is SessionPhase.REPS and phase is not None and phase.tempo is None:
            for _ in range(phase.target or 1):
                clock.advance(2.5)
                engine.update()
            events = engine.done()
        else:
            # In steps of a second, as the app updates: a longer jump is a gap it would pause.
            events = []
            for _ in range(int(step.seconds or 0) + 1):
                clock.advance(1)
                events += engine.update()
        for event in events:
            log.handle(event, clock.wall())


async def shoot() -> None:
    sys.path.insert(0, str(ROOT))
    from tests.fakes import FakeClock, FakePlayer

    from runstrong.history import HistoryStore
    from runstrong.paths import history_file
    from runstrong.settings import Settings
    from runstrong.tui.app import RunstrongApp
    from runstrong.tui.screens.session import SessionScreen
    from runstrong.workout.catalog import load_catalog

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

    async def save(app: RunstrongApp, name: str, keys: list[str], until: Any = None) -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for key in keys:
                await pilot.press(key)
                await pilot.pause()
            # Run the session until the moment worth showing, at the app's 4 Hz.
            while until is not None and isinstance(app.screen, SessionScreen):
                if until(app.screen.runner.view):
                    break
                session_clock.advance(0.25)
                app.screen.runner.tick()
            await pilot.pause()
            app.save_screenshot(str(DOCS / f"{name}.svg"))

    def in_plank(view: Any) -> bool:  # 8 s into the first front plank: a hold with its figure
        return (
            view.exercise.key == "front-plank"
            and view.step.kind.value == "HOLD"
            and view.elapsed >= 8
        )

    def resting_after_reps(view: Any) -> bool:  # a rest where +/- and the rating apply
        return view.correction is not None and view.elapsed >= 6

    core = catalog.entries["core-stability"]
    for name, keys, until in (
        ("session-hold", [], in_plank),
        ("session-rest", [], resting_after_reps),
    ):
        session_clock = FakeClock()
        # A history of its own: the seeded one would offer progressions first.
        app = RunstrongApp(
            session=core,
            clock=session_clock,
            wall=session_clock.wall,  # type: ignore[arg-type]
            player=FakePlayer(),
            settings=Settings(),
            history_path=Path(os.environ["RUNSTRONG_DATA_DIR"]) / f"{name}.db",
        )
        await save(app, name, keys, until)
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
