"""Small builders shared by the tests."""

from __future__ import annotations

from runstrong.model import Exercise, Phase, PhaseKind, Session, Side


def hold(seconds: int | None) -> Phase:
    return Phase(PhaseKind.HOLD, seconds)


def reps(count: int, tempo: float | None = None) -> Phase:
    return Phase(PhaseKind.REPS, count, tempo)


def exercise(
    name: str, *phases: Phase, sets: int = 1, rest: int = 30, sides: tuple[Side, ...] = ()
) -> Exercise:
    return Exercise(name=name, sets=sets, phases=phases, rest=rest, sides=sides,
                    cues=(f"{name} cue",))


def session(*exercises: Exercise, rest_between_exercises: int = 45) -> Session:
    return Session(slug="test", name="Test session", exercises=exercises,
                   rest_between_exercises=rest_between_exercises)
