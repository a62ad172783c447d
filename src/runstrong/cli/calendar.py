"""`plan export --ics`: the active plan's weeks as calendar events."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from rich.console import Console
from rich.text import Text

from runstrong import settings
from runstrong.cli.record import read_record
from runstrong.formatting import counted
from runstrong.planning.calendar import plan_calendar
from runstrong.planning.forecast import planned_sessions
from runstrong.planning.light import light_session
from runstrong.planning.plans import load_plans
from runstrong.planning.rules import RACE_NOTHING_HARD_BEFORE
from runstrong.planning.schedule import monday_of
from runstrong.planning.start import start_version
from runstrong.planning.week import (
    DEFAULT_PLAN,
    active_plan,
    calendar_weeks,
    coach_for,
    runs_around,
)
from runstrong.workout.catalog import load_catalog
from runstrong.workout.model import Session

EXIT_INVALID = 1


def cmd_plan_export(
    out: Console, err: Console, ics: str, weeks: int, *, on: date | None = None
) -> int:
    """The active plan's whole weeks, the current one first, as an iCalendar file."""
    catalog = load_catalog()
    chosen, warnings = settings.load()
    for warning in warnings:
        err.print(Text(warning), style="yellow", soft_wrap=True)
    plan = active_plan(load_plans(catalog.entries), chosen.plan)
    if plan is None:
        err.print(
            Text(
                f"runstrong: the active plan '{chosen.plan or DEFAULT_PLAN}' is missing "
                "or invalid; see `runstrong plan`"
            ),
            style="red",
        )
        return EXIT_INVALID
    hours, minutes = settings.clock_time(chosen.session_time) or (18, 0)
    today = on or date.today()
    first = monday_of(today) - timedelta(days=3)
    last = monday_of(today) + timedelta(days=7 * weeks + RACE_NOTHING_HARD_BEFORE)
    record = read_record(first, today)
    runs, ran = runs_around(chosen, first, last, today, record.runs)
    coach = coach_for(catalog, plan, chosen.plan_started)
    planned = planned_sessions(calendar_weeks(coach, runs, record.sessions, today, weeks, ran))
    events = []
    for item in planned:
        entry = catalog.entries.get(item.session or "")
        if isinstance(entry, Session):
            shown = light_session(entry) if item.light else entry
            if item.counts:
                shown = start_version(shown, plan, item.plan_week, catalog.library)
            events.append((item.day, shown))
    data = plan_calendar(plan.slug, plan.name, events, time(hours, minutes), datetime.now(UTC))
    try:
        Path(ics).write_bytes(data)
    except OSError as error:
        err.print(Text(f"runstrong: cannot write {ics}: {error.strerror or error}"), style="red")
        return EXIT_INVALID
    out.print(
        Text(
            f"Wrote {counted(len(events), 'session')} of {plan.name} over "
            f"{counted(weeks, 'week')} to {ics} (at {chosen.session_time}), "
            f"whole weeks from Monday {monday_of(today):%d %b}."
        )
    )
    return 0
