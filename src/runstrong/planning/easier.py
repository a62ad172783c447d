"""Easier weeks: every fourth week of a plan is lighter, so the body catches up with the work.

A plan's weeks count from `plan_started` (settings, written by `plan use`), or from the first
session of the plan in the history when the setting is absent. Weeks run Monday to Sunday, like
`runstrong week`: the start's own week is week 1, and weeks 4, 8, 12... are easier. In an easier
week every exercise does one set fewer (never below one) and no progression is offered.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, timedelta

from runstrong.workout.model import Session

EVERY_WEEKS = 4
WORDS = "Easier week: one set less of everything"


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_number(day: date, started: date) -> int:
    """1 for the week (Monday to Sunday) holding `started`, 2 for the next, ..."""
    return (_monday(day) - _monday(started)).days // 7 + 1


def is_easier_week(day: date, started: date | None) -> bool:
    if started is None or day < _monday(started):
        return False
    return week_number(day, started) % EVERY_WEEKS == 0


def plan_start(
    setting: date | None, sessions: Iterable[tuple[date, str]], counts: set[str]
) -> date | None:
    """`plan_started` when set, else the day of the first session the plan counts."""
    if setting is not None:
        return setting
    days = [day for day, slug in sessions if slug in counts]
    return min(days) if days else None


def easier_session(session: Session) -> Session:
    """One set fewer of every exercise, never below one."""
    return replace(
        session,
        exercises=tuple(replace(e, sets=max(1, e.sets - 1)) for e in session.exercises),
    )
