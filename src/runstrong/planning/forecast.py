"""The plan's sessions over the weeks ahead, on dates: what a calendar export shows.

The weeks come from `planning.week.calendar_weeks`, the one function that also decides
`runstrong week`, so the calendar and the week never disagree: every day that shows a
session in `week` is an event, logged sessions of the current week included.
"""

from __future__ import annotations

from collections.abc import Sequence

from runstrong.planning.schedule import Day


def planned_sessions(weeks: Sequence[Sequence[Day]]) -> list[Day]:
    """Every day of `weeks` with a session, in date order."""
    return [day for week in weeks for day in week if day.session]
