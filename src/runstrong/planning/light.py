"""The light version of a session: fewer sets, less of each, and nothing that jumps or is loaded.

Light work should wake muscles up, not tire them. Plyometric and loaded exercises are what
tire legs most, so they are left out; the warm-up block stays whole (it is already gentle);
everything else loses about half its volume. The result stays at or under 0.7 of the full
session's time.
"""

from __future__ import annotations

import math
from dataclasses import replace

from runstrong.session.timeline import Timing, estimate_seconds
from runstrong.workout.model import Category, Exercise, Intensity, Phase, PhaseKind, Session

MIN_FACTOR, MAX_FACTOR = 0.5, 0.8
MAX_TIME_RATIO = 0.7


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
    return replace(
        exercise, sets=sets, phases=tuple(_scaled(phase, factor) for phase in exercise.phases)
    )


def _lightened(exercise: Exercise) -> Exercise:
    if exercise.category is Category.WARM_UP:
        return exercise
    return light_exercise(exercise)


def light_session(session: Session) -> Session:
    if session.light:
        return session
    kept = [e for e in session.exercises if not (e.category and e.category.is_demanding)]
    if not kept:
        kept = [session.exercises[0]]  # never an empty session, even from odd files
    light = replace(
        session, light=True, intensity=Intensity.EASY, exercises=tuple(_lightened(e) for e in kept)
    )
    full_time = estimate_seconds(session)
    # A long warm-up before little else, or rests longer than the work, can leave the light
    # version too long: trim the warm-up too, then halve the rests (light work needs less
    # recovery), and only then drop exercises from the end.
    if estimate_seconds(light) > MAX_TIME_RATIO * full_time:
        light = replace(light, exercises=tuple(light_exercise(e) for e in light.exercises))
    if estimate_seconds(light) > MAX_TIME_RATIO * full_time:
        light = _shorter_rests(light)
    while len(light.exercises) > 1 and estimate_seconds(light) > MAX_TIME_RATIO * full_time:
        light = replace(light, exercises=light.exercises[:-1])
    return light


def _shorter_rests(session: Session) -> Session:
    """Halve every rest the file sets; a rest it leaves to the person's default (None) is
    halved from the standard default, so the light version stays short for everyone."""
    standard = Timing()

    def half(seconds: int | None, default: int) -> int:
        return (default if seconds is None else seconds) // 2

    exercises = tuple(
        replace(
            e,
            rest=half(
                session.rest_between_sets if e.rest is None else e.rest,
                standard.rest_between_sets,
            ),
            rest_after=None if e.rest_after is None else e.rest_after // 2,
        )
        for e in session.exercises
    )
    return replace(
        session,
        exercises=exercises,
        rest_between_sets=half(session.rest_between_sets, standard.rest_between_sets),
        rest_between_exercises=half(
            session.rest_between_exercises, standard.rest_between_exercises
        ),
    )


def volume(session: Session) -> float:
    """Total work: seconds held plus reps done, over every set and side."""
    total = 0.0
    for exercise in session.exercises:
        sides = len(exercise.sides) or 1
        total += exercise.sets * sides * sum(p.target or 0 for p in exercise.phases)
    return total
