"""Sessions per week and the streak: the one count `today`, `week`, `stats`, the home
screen and the Weeks tab share."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from runstrong.history.queries import COUNTS, Counts, _since, local_day


def _week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weekly_counts(
    db: sqlite3.Connection,
    weeks: int = 8,
    today: date | None = None,
    counting: Counts | None = None,
) -> list[tuple[date, int]]:
    """Sessions that count, per week (Monday first), this week last: the plan's sessions
    (`counting`; every session without one) with half their sets done, light ones as one,
    up to and including `today`. The same count as `today`, `week` and the home screen."""
    today = today or date.today()
    first = _week_start(today) - timedelta(weeks=weeks - 1)
    counts = {first + timedelta(weeks=i): 0 for i in range(weeks)}
    for started, slug in db.execute(
        f"SELECT started_ts, slug FROM sessions WHERE started_ts >= ? AND {COUNTS}",
        (_since(first),),
    ):
        day = local_day(started)
        if day is None or day > today or (counting is not None and not counting(slug)):
            continue
        week = _week_start(day)
        if week in counts:
            counts[week] += 1
    return sorted(counts.items())


def streak_weeks(
    db: sqlite3.Connection,
    target: int = 1,
    today: date | None = None,
    counting: Counts | None = None,
) -> int:
    """Weeks in a row that met `target` sessions (counted as `weekly_counts` does), counting
    back from this week.

    This week counts once it meets the target; until then the streak runs to last week, so a
    Monday morning does not show a broken streak.
    """
    today = today or date.today()
    weeks: dict[date, int] = {}
    for started, slug in db.execute(f"SELECT started_ts, slug FROM sessions WHERE {COUNTS}"):
        day = local_day(started)
        if day is not None and day <= today and (counting is None or counting(slug)):
            weeks[_week_start(day)] = weeks.get(_week_start(day), 0) + 1
    week = _week_start(today)
    streak = 0
    if weeks.get(week, 0) >= target:
        streak += 1
    week -= timedelta(weeks=1)
    while weeks.get(week, 0) >= target:
        streak += 1
        week -= timedelta(weeks=1)
    return streak
