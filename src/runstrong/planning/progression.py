"""Progressive overload: the next target for an exercise that has a `progression`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from runstrong.workout.model import Exercise, Phase, PhaseKind, Progression, Session


def next_target(
    progression: Progression, current: int, last_sets: list[tuple[int | None, int]]
) -> int:
    """Up one step (capped at `to`) when every set last time met its target; else the same.

    `current` is the file's target; history may hold a higher one accepted earlier.
    """
    if not last_sets:
        return current
    last_target = max((t for t, _ in last_sets if t is not None), default=current)
    base = max(current, min(last_target, progression.end))
    if all(t is None or a >= t for t, a in last_sets):
        return min(progression.end, base + progression.step)
    return base


def with_target(exercise: Exercise, target: int) -> Exercise:
    """The exercise with its single phase's target replaced (used for the session only)."""
    phase: Phase = exercise.phases[0]
    return replace(exercise, phases=(replace(phase, target=target),))


@dataclass(frozen=True, slots=True)
class Suggestion:
    index: int
    name: str
    unit: str
    current: int
    suggested: int


def suggestions(
    session: Session, last_sets: Callable[[str], list[tuple[int | None, int]]]
) -> list[Suggestion]:
    """Exercises whose target should move, given each one's sets from its latest session."""
    found: list[Suggestion] = []
    for index, exercise in enumerate(session.exercises):
        rule = exercise.progression
        if rule is None or exercise.phases[0].target is None:
            continue
        current = exercise.phases[0].target
        suggested = next_target(rule, current, last_sets(exercise.key))
        if suggested != current:
            unit = "s" if exercise.phases[0].kind is PhaseKind.HOLD else "reps"
            found.append(Suggestion(index, exercise.name, unit, current, suggested))
    return found


def apply(session: Session, chosen: list[Suggestion]) -> Session:
    exercises = list(session.exercises)
    for suggestion in chosen:
        exercises[suggestion.index] = with_target(exercises[suggestion.index], suggestion.suggested)
    return replace(session, exercises=tuple(exercises))
