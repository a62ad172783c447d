"""The plan's sessions over the weeks ahead, on dates: what a calendar export shows.

Week by week the same placement as `runstrong week` decides, each week continuing the
rotation from the sessions placed before it, so the calendar and the week never disagree.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from runstrong.planning.rules import RunKind
from runstrong.planning.schedule import Coach, Done, monday_of, plan_week


@dataclass(frozen=True, slots=True)
class Planned:
    day: date
    slug: str
    light: bool


def planned_sessions(
    coach: Coach,
    runs: Mapping[date, RunKind],
    done: Sequence[Done],
    first_day: date,
    weeks: int,
    ran: Collection[date] = frozenset(),
) -> list[Planned]:
    """Every plan session placed from `first_day` over `weeks` weeks, in date order.

    `runs` should cover the day before `first_day`'s Monday to the day after the last day;
    sessions already logged count towards their week and are not listed.
    """
    last_day = first_day + timedelta(days=7 * weeks - 1)
    known = list(done)
    planned: list[Planned] = []
    today = first_day
    while today <= last_day:
        for entry in plan_week(coach, runs, known, today, ran):
            if (
                entry.counts
                and not entry.done
                and entry.session
                and first_day <= entry.day <= last_day
            ):
                planned.append(Planned(entry.day, entry.session, entry.light))
                # Placed sessions count as done for the weeks after, so the rotation goes on.
                known.append(Done(entry.day, entry.session, entry.light))
        today = monday_of(today) + timedelta(days=7)
    return planned
