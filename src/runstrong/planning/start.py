"""A gentle start: the first weeks of a plan that asks for one (`start_weeks`), lighter.

Master the movement first, weights once the form is right: in those weeks every exercise of
the plan's sessions runs one set, and each loaded exercise becomes its body-weight version
(the plan's `start_swaps`, e.g. goblet squat -> body-weight squat; an entry that dresses a
library exercise up, such as a weighted sit-up, swaps back to the library's own). A loaded
exercise with no body-weight version is left out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import date

from runstrong.planning.placement import plan_week_number
from runstrong.planning.plans import Plan
from runstrong.workout.model import Category, Exercise, LibraryExercise, Session


def start_note(week_number: int) -> str:
    return f"Week {week_number} of your start: one set each."


def in_start(plan: Plan, week_number: int | None) -> bool:
    return week_number is not None and 1 <= week_number <= plan.start_weeks


def _swapped(exercise: Exercise, target: LibraryExercise) -> Exercise:
    return replace(
        exercise,
        name=target.name,
        cues=target.cues,
        description=target.description,
        easier=target.easier,
        harder=target.harder,
        focus=target.focus,
        equipment=target.equipment,
        library_id=target.id,
        category=target.category,
        figure=target.figure,
        progression=None,
        load=None,
        takes_load=target.takes_load,
    )


def start_version(
    session: Session,
    plan: Plan,
    week_number: int | None,
    library: Mapping[str, LibraryExercise],
) -> Session:
    """`session` as week `week_number` of `plan` has it: itself outside the start."""
    if not in_start(plan, week_number) or not plan.counts(session.slug):
        return session
    swaps = dict(plan.start_swaps)
    exercises: list[Exercise] = []
    for exercise in session.exercises:
        target = library.get(swaps.get(exercise.key, ""))
        if target is not None:
            exercise = _swapped(exercise, target)
        elif exercise.category is Category.LOADED:
            continue
        if any(e.key == exercise.key and e.name == exercise.name for e in exercises):
            continue  # a swap that repeats an exercise already in the session
        exercises.append(replace(exercise, sets=1, load=None))  # body weight only
    return replace(session, exercises=tuple(exercises), intensity=None)


def as_started(
    session: Session,
    plan: Plan | None,
    started: date | None,
    today: date,
    library: Mapping[str, LibraryExercise],
) -> tuple[Session, str | None]:
    """The session as today's week of the active plan has it, and the note to show."""
    week_number = plan_week_number(started, today)
    if plan is None or not plan.counts(session.slug) or not in_start(plan, week_number):
        return session, None
    return start_version(session, plan, week_number, library), start_note(week_number or 1)
