"""What to do today: the next session of the active plan, placed around the running week.

Heavy or power work the day before a key run (long run, intervals) leaves legs flat for it,
so on those days a lighter session is chosen instead; on a run day the light version is
offered as activation before the run. When the week's sessions are done, today is a rest day.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from runstrong.planning.plans import Plan
from runstrong.settings import WEEKDAYS, Settings


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


def _weekday(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def next_in_rotation(plan: Plan, done: Sequence[tuple[date, str]]) -> int:
    """Index of the session after the last one done from this plan's rotation."""
    for _, slug in sorted(done, reverse=True):
        if slug in plan.rotation:
            return (plan.rotation.index(slug) + 1) % len(plan.rotation)
    return 0


def suggest(
    plan: Plan,
    done: Sequence[tuple[date, str]],
    settings: Settings,
    today: date,
    *,
    is_heavy: Callable[[str], bool],
    name_of: Callable[[str], str],
) -> Today:
    """`done`: the local date and slug of every session with work logged, any order."""
    monday = today - timedelta(days=today.weekday())
    this_week = [(d, s) for d, s in done if monday <= d <= today]
    count, per_week = len(this_week), plan.sessions_per_week
    index = next_in_rotation(plan, done)
    upcoming = plan.rotation[index]
    if any(d == today for d, _ in this_week):
        return Today(Verdict.DONE, upcoming, False,
                     f"Done for today. Next time: {name_of(upcoming)}.", count, per_week)
    if count >= per_week:
        return Today(Verdict.REST, None, False,
                     f"Rest day: this week's {per_week} sessions are done.", count, per_week)
    weekday, tomorrow = _weekday(today), _weekday(today + timedelta(days=1))
    if plan.days and weekday not in plan.days:
        days_left = sum(1 for n in range(today.weekday(), 7) if WEEKDAYS[n] in plan.days)
        if days_left >= per_week - count:
            return Today(Verdict.REST, None, False,
                         f"Rest day: {plan.name} trains on {', '.join(plan.days)}.",
                         count, per_week)
    key_tomorrow = tomorrow in settings.key_run_days
    key_today = weekday in settings.key_run_days
    run_today = weekday in settings.run_days or key_today
    light = False
    reason = f"{plan.name}, session {count + 1} of {per_week} this week"
    if (key_tomorrow or key_today) and is_heavy(upcoming):
        lighter = [s for s in plan.rotation[index:] + plan.rotation[:index] if not is_heavy(s)]
        if lighter:
            upcoming = lighter[0]
        light = True
        reason = ("Key run tomorrow" if key_tomorrow else "Key run today") + \
            f": {name_of(upcoming).lower()}, light"
    elif key_tomorrow:
        light = True
        reason = f"Key run tomorrow: {name_of(upcoming).lower()}, light"
    elif run_today:
        light = True
        reason = f"Run day: {name_of(upcoming).lower()}, light, as activation before you run"
    return Today(Verdict.SESSION, upcoming, light, reason, count, per_week)
