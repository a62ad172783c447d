"""The seven days of a training week: where the plan's sessions go around the runs.

Pure: the runs come in as data (a run kind per date), so recorded runs can replace the usual
week from settings without changing anything here. Days before `today`, and days with a
session logged, show what was done; the rest are a forecast as if every suggestion is
followed. `planning.placement` chooses the days, `planning.reasons` words them.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date, timedelta

from runstrong.planning.placement import (
    ACTIVATION,
    KEY_ACTIVATION,
    Coach,
    Day,
    Done,
    candidates,
    place,
    plan_week_number,
)
from runstrong.planning.reasons import Words
from runstrong.planning.rules import MIN_GAP_DAYS, RunKind, monday_of
from runstrong.workout.model import Intensity

__all__ = [
    "ACTIVATION",
    "KEY_ACTIVATION",
    "Coach",
    "Day",
    "Done",
    "monday_of",
    "plan_week",
    "plan_week_number",
]


def plan_week(
    coach: Coach,
    runs: Mapping[date, RunKind],
    done: Sequence[Done],
    today: date,
    ran: Collection[date] = frozenset(),
) -> list[Day]:
    """Monday to Sunday of the week holding `today`.

    `runs` gives each date's run (missing dates: no run) and should cover the 3 days before
    Monday and the 7 after Sunday too (races reach that far); `done` is every logged session,
    any order. What was logged after `today` is left out: the week as it stood on that day.
    """
    plan = coach.plan
    done = [d for d in done if d.day <= today]
    judge = coach.judge
    monday = monday_of(today)
    week = [monday + timedelta(days=n) for n in range(7)]
    logged = {day: [d for d in done if d.day == day] for day in week}
    counted = [d for day in week for d in logged[day] if plan.counts(d.slug)]
    wanted = max(0, plan.sessions_per_week - len(counted))
    free = [day for day in week if day >= today and not logged[day]]
    demanding = [
        d.day
        for d in done
        if monday - timedelta(days=MIN_GAP_DAYS) <= d.day <= today
        and judge.felt(d.slug, d.light) is not Intensity.EASY
    ]
    hard_done = sum(
        1 for day in week for d in logged[day] if judge.felt(d.slug, d.light) is Intensity.HARD
    )
    options = candidates(coach, monday, {plan.original(d.slug) for d in counted})
    chosen = place(coach, runs, free, wanted, options, max(demanding, default=None), hard_done)
    words = Words(coach, runs, frozenset(ran), today)
    # A week already met has nothing waiting; otherwise say what gave way, and why.
    own = [o.slug for o in options if o.own] if wanted else []
    waiting = words.waiting(own, chosen, free)
    return words.days(week, logged, {c.day: c for c in chosen}, waiting, len(counted))
