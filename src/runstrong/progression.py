"""Progressive overload: the next target for an exercise that has a `progression`."""

from __future__ import annotations

from dataclasses import replace

from runstrong.model import Exercise, Phase, Progression


def next_target(progression: Progression, current: int,
                last_sets: list[tuple[int | None, int]]) -> int:
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
