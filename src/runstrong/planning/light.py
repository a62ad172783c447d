"""The light version of a session: worth doing before a run, and nothing that tires the legs.

Light work should wake muscles up, not tire them. So the light version leaves out what tires
legs most or needs fresh tendons: plyometric and loaded exercises, and slow-lowering tendon
work (a tempo of 3 s or more on calves, ankles or a decline). The warm-up block stays whole.
Everything else loses about half its volume, but never below an amount worth doing (5 reps
per side, a 10 s hold): an exercise that would shrink below that is left out instead. The
result takes at most 0.7 of the full session's time.

A session that is easy already (pre-run activation, mobility) is its own light version. A
session whose light version would keep nothing but its warm-up has none.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from runstrong.planning.intensity import has_warm_up, intensity_of, warm_up_block
from runstrong.session.timeline import Timing, estimate_seconds
from runstrong.workout.model import Category, Exercise, Intensity, Phase, PhaseKind, Session

MIN_FACTOR, MAX_FACTOR = 0.5, 0.8
MAX_TIME_RATIO = 0.7
MIN_REPS = 5
MIN_HOLD = 10
SLOW_TEMPO = 3.0  # seconds a rep: lowering this slowly loads the tendons
TENDON_FOCUS = frozenset({"calves", "ankles", "achilles"})


@dataclass(frozen=True, slots=True)
class NoLight:
    """Why a session has no light version."""

    reason: str


def is_tendon_work(exercise: Exercise) -> bool:
    """Slow lowering on calves, ankles or a decline: good loading, but not before a run."""
    slow = any(p.tempo is not None and p.tempo >= SLOW_TEMPO for p in exercise.phases)
    tendons = bool(TENDON_FOCUS & set(exercise.focus)) or "decline" in exercise.key.lower()
    return slow and tendons


def is_left_out(exercise: Exercise) -> bool:
    demanding = exercise.category is not None and exercise.category.is_demanding
    return demanding or is_tendon_work(exercise)


def _floor(phase: Phase) -> int:
    return MIN_HOLD if phase.kind is PhaseKind.HOLD else MIN_REPS


def _scaled(phase: Phase, factor: float) -> Phase:
    if phase.target is None:
        return phase  # a hold to the limit has no target to shorten
    value = phase.target * factor
    if phase.kind is PhaseKind.HOLD and value >= 15:
        value = 5 * round(value / 5)  # holds read best in whole fives
    return replace(phase, target=min(phase.target, max(_floor(phase), round(value))))


def worth_doing(exercise: Exercise) -> bool:
    """Whether every part of a set reaches the least amount worth doing."""
    return all(p.target is None or p.target >= _floor(p) for p in exercise.phases)


def light_exercise(exercise: Exercise) -> Exercise:
    sets = max(1, math.ceil(exercise.sets / 2))
    factor = min(MAX_FACTOR, max(MIN_FACTOR, 0.5 * exercise.sets / sets))
    return replace(
        exercise, sets=sets, phases=tuple(_scaled(phase, factor) for phase in exercise.phases)
    )


def already_light(session: Session) -> bool:
    return not session.light and intensity_of(session) is Intensity.EASY


def light_version(session: Session) -> Session | NoLight:
    if session.light or already_light(session):
        return session
    block = warm_up_block(session)
    warm_up = session.exercises[:block]
    work = [
        light_exercise(e)
        for e in session.exercises[block:]
        if not is_left_out(e) and worth_doing(e) and e.category is not Category.WARM_UP
    ]
    light = replace(
        session, light=True, intensity=Intensity.EASY, exercises=tuple(warm_up) + tuple(work)
    )
    full_time = estimate_seconds(session)
    # Rests longer than the work can leave the light version too long: halve them first
    # (light work needs less recovery), and only then drop exercises from the end.
    if estimate_seconds(light) > MAX_TIME_RATIO * full_time:
        light = _shorter_rests(light, block)
    while len(light.exercises) > block and estimate_seconds(light) > MAX_TIME_RATIO * full_time:
        light = replace(light, exercises=light.exercises[:-1])
    if len(light.exercises) <= block:
        return NoLight(
            f"{session.name} has no light version: without its jumps, loaded lifts and slow "
            "tendon work only the warm-up would be left. Do it in full on a fresh day, or "
            "pick another session."
        )
    return light


def light_session(session: Session) -> Session:
    """The light version, or the session itself when it has none (callers check first)."""
    found = light_version(session)
    return session if isinstance(found, NoLight) else found


def has_light_version(session: Session) -> bool:
    return not isinstance(light_version(session), NoLight)


def _shorter_rests(session: Session, block: int) -> Session:
    """Half the rests after the warm-up block (which stays as it is). A rest the file leaves
    to the person's default (None) is halved from the standard default, so the light
    version stays short for everyone."""
    standard = Timing()

    def half(seconds: int | None, default: int) -> int:
        return (default if seconds is None else seconds) // 2

    between_sets = session.rest_between_sets
    between_exercises = session.rest_between_exercises
    shorter = tuple(
        replace(
            e,
            rest=half(between_sets if e.rest is None else e.rest, standard.rest_between_sets),
            rest_after=half(
                between_exercises if e.rest_after is None else e.rest_after,
                standard.rest_between_exercises,
            ),
        )
        for e in session.exercises[block:]
    )
    return replace(session, exercises=session.exercises[:block] + shorter)


def volume(session: Session) -> float:
    """Total work: seconds held plus reps done, over every set and side."""
    total = 0.0
    for exercise in session.exercises:
        sides = len(exercise.sides) or 1
        total += exercise.sets * sides * sum(p.target or 0 for p in exercise.phases)
    return total


def session_problems(session: Session) -> list[str]:
    """The light-version rule (6) and the opening warm-up for one session."""
    problems: list[str] = []
    level = intensity_of(session)
    if level is not Intensity.EASY and not has_warm_up(session):
        problems.append(
            f"{session.slug} ({level.value}) does not open with a warm-up block of two or "
            "more warm-up exercises and 3 minutes"
        )
    light = light_version(session)
    if isinstance(light, NoLight) or light is session:
        return problems
    block = warm_up_block(session)
    if light.exercises[:block] != session.exercises[:block]:
        problems.append(f"rule 6: the light {session.slug} does not keep its warm-up whole")
    for exercise in light.exercises[block:]:
        if is_left_out(exercise):
            problems.append(f"rule 6: the light {session.slug} still has {exercise.name}")
        if not worth_doing(exercise):
            problems.append(f"rule 6: the light {session.slug} shrinks {exercise.name} too far")
    full_time, light_time = estimate_seconds(session), estimate_seconds(light)
    if light_time > MAX_TIME_RATIO * full_time:
        problems.append(
            f"rule 6: the light {session.slug} takes {light_time} s of "
            f"{full_time} s, more than {MAX_TIME_RATIO:g}"
        )
    return problems
