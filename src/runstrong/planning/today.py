"""What to do today: one day of the week's placement (`planning.schedule`), in few words.

Today is always the same answer as today's entry in `runstrong week`, so the two never
disagree: the week decides, today reads it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from enum import StrEnum

from runstrong.planning.plans import Plan
from runstrong.planning.rules import RunKind, When
from runstrong.planning.schedule import Day


class Verdict(StrEnum):
    SESSION = "session"
    DONE = "done"
    REST = "rest"


@dataclass(frozen=True, slots=True)
class Today:
    verdict: Verdict
    slug: str | None
    light: bool
    reason: str
    done_this_week: int
    per_week: int
    when: When | None = None
    run: RunKind = RunKind.NONE
    plan_week: int | None = None  # 1-based week since `plan use`, None without a start date
    easier_week: bool = False


def done_this_week(week: Sequence[Day], on: date) -> int:
    """The one count of "sessions this week", shared by `today`, `week`, the home screen and
    the history's Weeks tab (`history.weeks.weekly_counts`): the plan's sessions logged Monday to
    `on` with at least half their sets done; a light session counts as one (it is the plan's
    session, done lighter before a run); activation and other sessions do not count."""
    return sum(day.sessions_done for day in week if day.day <= on)


def today_from_week(plan: Plan, week: Sequence[Day], today: date) -> Today:
    entry = next(day for day in week if day.day == today)
    return replace(_today(plan, week, today, entry), easier_week=entry.easier_week)


def _today(plan: Plan, week: Sequence[Day], today: date, entry: Day) -> Today:
    done = done_this_week(week, today)
    if entry.done:
        following = next((d for d in week if d.day > today and d.counts and not d.done), None)
        reason = entry.reason
        if following is not None:
            reason += f" Next session: {following.day:%A}."
        return Today(
            Verdict.DONE,
            entry.session,
            entry.light,
            reason,
            done,
            plan.sessions_per_week,
            None,
            entry.run,
            entry.plan_week,
        )
    if entry.session is None:
        return Today(
            Verdict.REST,
            None,
            False,
            entry.reason,
            done,
            plan.sessions_per_week,
            None,
            entry.run,
            entry.plan_week,
        )
    return Today(
        Verdict.SESSION,
        entry.session,
        entry.light,
        entry.reason,
        done,
        plan.sessions_per_week,
        entry.when,
        entry.run,
        entry.plan_week,
    )
