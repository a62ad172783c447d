"""The light pre-run version of a session: about half the volume, same exercises, same order.

Strength work right before a run should wake muscles up, not tire them, so the light version
halves the sets (at least one) and trims each hold and rep count so the total comes to roughly
half of the full session.
"""

from __future__ import annotations

import math
from dataclasses import replace

from runstrong.model import Exercise, Phase, PhaseKind, Session

MIN_FACTOR, MAX_FACTOR = 0.5, 0.8


def _scaled(phase: Phase, factor: float) -> Phase:
    if phase.target is None:
        return phase  # a hold to the limit has no target to shorten
    value = phase.target * factor
    if phase.kind is PhaseKind.HOLD:
        # Holds read best in whole fives once they are long enough to count in fives.
        rounded = 5 * round(value / 5) if value >= 15 else round(value)
        return replace(phase, target=max(min(phase.target, 5), rounded))
    return replace(phase, target=max(1, round(value)))


def light_exercise(exercise: Exercise) -> Exercise:
    sets = max(1, math.ceil(exercise.sets / 2))
    factor = min(MAX_FACTOR, max(MIN_FACTOR, 0.5 * exercise.sets / sets))
    return replace(exercise, sets=sets,
                   phases=tuple(_scaled(phase, factor) for phase in exercise.phases))


def light_session(session: Session) -> Session:
    if session.light:
        return session
    return replace(session, light=True,
                   exercises=tuple(light_exercise(e) for e in session.exercises))


def volume(session: Session) -> float:
    """Total work: seconds held plus reps done, over every set and side."""
    total = 0.0
    for exercise in session.exercises:
        sides = len(exercise.sides) or 1
        total += exercise.sets * sides * sum(p.target or 0 for p in exercise.phases)
    return total
