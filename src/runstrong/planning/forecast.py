"""The plan's sessions over the weeks ahead, on dates: what a calendar export shows.

Days come from the plan when it names them; otherwise the week's sessions go on the days that
keep clear of key runs (and the day before them) and of run days, spread as evenly as the
week allows.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from itertools import combinations

from runstrong.planning.plans import Plan
from runstrong.planning.today import next_in_rotation
from runstrong.settings import WEEKDAYS, Settings


def _day_cost(day: int, settings: Settings) -> int:
    name, tomorrow = WEEKDAYS[day], WEEKDAYS[(day + 1) % 7]
    if name in settings.key_run_days:
        return 3
    if tomorrow in settings.key_run_days:
        return 2
    return 1 if name in settings.run_days else 0


def _smallest_gap(days: tuple[int, ...]) -> int:
    if len(days) < 2:
        return 7
    return min((days[(i + 1) % len(days)] - days[i]) % 7 for i in range(len(days)))


def training_weekdays(plan: Plan, settings: Settings) -> tuple[int, ...]:
    """Weekday numbers (Monday 0) to train on, as many as the plan has sessions a week."""
    if plan.days:
        return tuple(sorted({WEEKDAYS.index(d) for d in plan.days}))
    count = min(7, plan.sessions_per_week)
    # 7 days choose at most 7: a few dozen combinations, cheap to try them all.
    return min(combinations(range(7), count),
               key=lambda c: (sum(_day_cost(d, settings) for d in c) * 10 - _smallest_gap(c),
                              c))


def planned_sessions(plan: Plan, settings: Settings, done: Sequence[tuple[date, str]],
                     first_day: date, weeks: int) -> list[tuple[date, str]]:
    """(date, session slug) for every planned session from `first_day`, `weeks` weeks on.

    Sessions already done this week count towards it, and a session done today means the
    next one is not put on today.
    """
    days = training_weekdays(plan, settings)
    index = next_in_rotation(plan, done)
    last_day = first_day + timedelta(days=7 * weeks - 1)
    monday = first_day - timedelta(days=first_day.weekday())
    planned: list[tuple[date, str]] = []
    while monday <= last_day:
        sunday = monday + timedelta(days=6)
        left = plan.sessions_per_week - sum(1 for d, _ in done if monday <= d <= sunday)
        for weekday in days:
            day = monday + timedelta(days=weekday)
            if left <= 0:
                break
            if day < first_day or day > last_day or any(d == day for d, _ in done):
                continue
            planned.append((day, plan.rotation[index]))
            index = (index + 1) % len(plan.rotation)
            left -= 1
        monday += timedelta(days=7)
    return planned
