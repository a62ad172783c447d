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
    easier_week: bool = False


def today_from_week(plan: Plan, week: Sequence[Day], today: date) -> Today:
    entry = next(day for day in week if day.day == today)
    return replace(_today(plan, week, today, entry), easier_week=entry.easier_week)


def _today(plan: Plan, week: Sequence[Day], today: date, entry: Day) -> Today:
    done = sum(1 for day in week if day.done and day.counts)
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
        )
    if entry.session is None:
        return Today(
            Verdict.REST, None, False, entry.reason, done, plan.sessions_per_week, None, entry.run
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
    )
