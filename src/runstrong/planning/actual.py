"""The runs that happened, as the placement's input: recorded runs for the days gone by,
the settings' usual week for the days ahead.

A long run recorded yesterday rules out a hard session today whatever the settings say; a
run recorded today is over, so today's session comes after it. Someone who has not imported
runs lately keeps the usual week from settings for past days too, since "no run recorded"
then says nothing.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from runstrong.history.runs import RunLength
from runstrong.planning.rules import RunKind

RECENT_DAYS = 14  # runs recorded within this many days mean the record is kept up


def week_runs(
    usual: Mapping[date, RunKind], recorded: Mapping[date, RunLength], today: date
) -> dict[date, RunKind]:
    """Each date of `usual` with its run: recorded up to today, usual after.

    `recorded` holds the dates with a recorded run (long or not), at least over the
    RECENT_DAYS before `today`.
    """
    kept_up = any(today - timedelta(days=RECENT_DAYS) <= day <= today for day in recorded)
    runs: dict[date, RunKind] = {}
    for day, planned in usual.items():
        length = recorded.get(day)
        if planned is RunKind.RACE:
            runs[day] = planned  # a race is a race, run or not yet
        elif day > today or (length is None and (day == today or not kept_up)):
            runs[day] = planned  # ahead, or nothing says otherwise
        elif length is None:
            runs[day] = RunKind.NONE
        elif length is RunLength.LONG:
            runs[day] = RunKind.LONG
        else:
            # A recorded run on a key-run day was most likely that session (intervals are
            # short but hard); any other short run was an easy one.
            runs[day] = RunKind.KEY if planned is RunKind.KEY else RunKind.EASY
    return runs
