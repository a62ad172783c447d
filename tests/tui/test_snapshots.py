"""Whole-screen snapshots at 80x24, each taken at a fixed fake-clock moment."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

import pytest
from textual.pilot import Pilot

from runstrong.settings import Settings
from runstrong.tui.app import RunstrongApp
from runstrong.workout.catalog import load_library
from runstrong.workout.model import Exercise, Phase, PhaseKind, Session, Side

from ..drive import drive
from ..fakes import FakeClock, FakePlayer

# The figures come from the bundled library, so the snapshots show them beside the clock.
LIBRARY = load_library()[0]
SNAPSHOT_SESSION = Session(
    slug="snapshot",
    name="Core stability",
    rest_between_exercises=45,
    exercises=(
        Exercise(
            name="Side plank",
            sets=2,
            rest=30,
            sides=(Side.LEFT, Side.RIGHT),
            phases=(Phase(PhaseKind.HOLD, 15),),
            cues=("Elbow under shoulder", "Hips high, body in one line", "Breathe steadily"),
            figure=LIBRARY["side-plank"].figure,
        ),
        Exercise(
            name="Double heel taps",
            sets=2,
            rest=30,
            phases=(Phase(PhaseKind.REPS, 10, 2.0),),
            cues=("Knees over hips, shins level", "Lower back stays down"),
            figure=LIBRARY["double-heel-taps"].figure,
        ),
    ),
)


def app_at(seconds: float) -> tuple[RunstrongApp, Callable[[Pilot[Any]], Awaitable[None]]]:
    clock = FakeClock()
    app = RunstrongApp(
        session=SNAPSHOT_SESSION,
        clock=clock,
        wall=clock.wall,
        player=FakePlayer(),
        settings=Settings(get_ready=10, switch_sides=5),
    )

    async def run_before(pilot: Pilot[Any]) -> None:
        await drive(app, clock, seconds, pilot)

    return app, run_before


# Timeline: GET READY 10 | HOLD L 15 | SWITCH 5 | HOLD R 15 | REST 30 | ... | REPS ...
MOMENTS = {
    "get_ready": 3.0,
    "hold": 10 + 6.0,
    # The right side of the side plank: its figure is the left side's, mirrored.
    "hold_right": 10 + 15 + 5 + 6.0,
    "switch_sides": 10 + 15 + 2.0,
    "rest": 10 + 15 + 5 + 15 + 12.0,
    "reps": 10 + (15 + 5 + 15 + 30) * 2 - 30 + 45 + 6.5,
    "done": 10 + (15 + 5 + 15 + 30) * 2 - 30 + 45 + 20 + 30 + 20 + 1,
}


@pytest.mark.parametrize("moment", list(MOMENTS))
def test_session_screen(snap_compare: Any, moment: str) -> None:
    app, run_before = app_at(MOMENTS[moment])
    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_home_screen(snap_compare: Any) -> None:
    from datetime import datetime

    # A fixed Wednesday, so the week strip draws the same on every run.
    clock = FakeClock(wall_start=datetime(2026, 11, 25, 12, 0).timestamp())
    assert snap_compare(RunstrongApp(player=FakePlayer(), wall=clock.wall), terminal_size=(80, 24))


def test_settings_screen(snap_compare: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    # The screen names its file; a fixed folder keeps the picture the same on every run.
    monkeypatch.setenv("RUNSTRONG_CONFIG_DIR", "/nonexistent/runstrong-snapshot/config")
    assert snap_compare(RunstrongApp(player=FakePlayer()), terminal_size=(80, 24), press=["comma"])


def test_builder_screen(snap_compare: Any) -> None:
    async def compose(pilot: Pilot[Any]) -> None:
        await pilot.pause()  # the home screen is ready for keys
        await pilot.press("n")
        await pilot.pause()
        assert type(pilot.app.screen).__name__ == "BuilderScreen"
        await pilot.press("tab", "enter", "down", "down", "enter")
        await pilot.pause()

    assert snap_compare(
        RunstrongApp(player=FakePlayer()), terminal_size=(80, 24), run_before=compose
    )


def _history_app() -> RunstrongApp:
    from datetime import datetime

    from runstrong import paths
    from runstrong.history import HistoryStore

    from ..history.test_history_store import run_session

    store = HistoryStore(paths.history_file())
    clock = FakeClock(wall_start=datetime(2026, 11, 2, 7, 30).timestamp())
    for _ in range(3):
        run_session(store, clock=clock)
        clock.advance(2 * 86400)
    store.close()
    return RunstrongApp(review=True, player=FakePlayer())


def test_history_sessions_screen(snap_compare: Any) -> None:
    assert snap_compare(_history_app(), terminal_size=(80, 24))


def test_history_exercise_chart(snap_compare: Any) -> None:
    assert snap_compare(_history_app(), terminal_size=(80, 24), press=["2", "down"])
