"""How demanding a session is, and whether it opens with a proper warm-up.

A session with any plyometric or loaded exercise is hard: it needs fresh legs and leaves them
tired, so the week keeps it away from key runs. Files declare `intensity`; a file that calls
jumps "easy" is not believed.
"""

from __future__ import annotations

from runstrong.session.timeline import Timing, seconds_per_exercise
from runstrong.workout.model import Category, Intensity, Session

GENTLE = (Category.WARM_UP, Category.MOBILITY)
# A session whose focus stays within these spares the legs: fine after the long run, and its
# light version is easy. Any other focus counts as leg work.
LEG_FREE_FOCUS = frozenset({"core", "upper-body", "mobility", "warm-up"})
WARM_UP_MIN_EXERCISES = 2
WARM_UP_MIN_SECONDS = 180


def derived_intensity(session: Session) -> Intensity:
    """What the exercises alone say: hard with jumps or load, easy when all gentle."""
    categories = [exercise.category for exercise in session.exercises]
    if any(c is not None and c.is_demanding for c in categories):
        return Intensity.HARD
    if categories and all(c in GENTLE for c in categories):
        return Intensity.EASY
    return Intensity.MODERATE


def works_legs(session: Session) -> bool:
    return not set(session.focus) <= LEG_FREE_FOCUS


def intensity_of(session: Session) -> Intensity:
    if session.light:
        # Light versions drop jumps and load, but light leg work still tires the legs.
        return Intensity.MODERATE if works_legs(session) else Intensity.EASY
    derived = derived_intensity(session)
    if derived is Intensity.HARD or session.intensity is None:
        return derived
    return session.intensity


def warm_up_block(session: Session) -> int:
    """How many exercises at the start of the session are warm-ups."""
    count = 0
    for exercise in session.exercises:
        if exercise.category is not Category.WARM_UP:
            break
        count += 1
    return count


def warm_up_seconds(session: Session, timing: Timing | None = None) -> float:
    """Time spent moving in the opening warm-up block (rests not counted)."""
    block = warm_up_block(session)
    return sum(seconds_per_exercise(session, timing or Timing())[:block])


def has_warm_up(session: Session, timing: Timing | None = None) -> bool:
    return (
        warm_up_block(session) >= WARM_UP_MIN_EXERCISES
        and warm_up_seconds(session, timing) >= WARM_UP_MIN_SECONDS
    )
