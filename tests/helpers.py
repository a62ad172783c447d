"""Small builders shared by the tests."""

from __future__ import annotations

from typing import Any

from runstrong.session.events import PhaseRecord
from runstrong.workout.model import Exercise, Phase, PhaseKind, Session, Side


def hold(seconds: int | None) -> Phase:
    return Phase(PhaseKind.HOLD, seconds)


def reps(count: int, tempo: float | None = None) -> Phase:
    return Phase(PhaseKind.REPS, count, tempo)


def exercise(
    name: str, *phases: Phase, sets: int = 1, rest: int = 30, sides: tuple[Side, ...] = ()
) -> Exercise:
    return Exercise(
        name=name, sets=sets, phases=phases, rest=rest, sides=sides, cues=(f"{name} cue",)
    )


def session(*exercises: Exercise, rest_between_exercises: int = 45) -> Session:
    return Session(
        slug="test",
        name="Test session",
        exercises=exercises,
        rest_between_exercises=rest_between_exercises,
    )


async def home_filled(pilot: Any) -> None:
    """Wait until the home screen has been filled: it paints first, then reads the history,
    the plan and today's line, and asks any question about them."""
    app = pilot.app
    for _ in range(50):
        await pilot.pause()
        if app.store is not None or app.history_problem is not None:
            await pilot.pause()
            return
    raise AssertionError("the home screen was never filled")


def saved_records(app: Any) -> list[PhaseRecord]:
    """Every set the app's history holds, oldest session first: what a session really kept."""
    store = app.store
    assert store is not None
    ids = [row[0] for row in store.db.execute("SELECT id FROM sessions ORDER BY id")]
    return [record for sid in ids for record in store.records_of(sid)]
