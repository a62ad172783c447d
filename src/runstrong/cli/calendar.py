"""`plan export --ics`: the active plan's coming sessions as calendar events."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from rich.console import Console
from rich.text import Text

from runstrong import settings
from runstrong.formatting import counted
from runstrong.planning.calendar import plan_calendar
from runstrong.planning.forecast import planned_sessions
from runstrong.planning.light import light_session
from runstrong.planning.plans import load_plans
from runstrong.planning.schedule import Done, monday_of
from runstrong.planning.week import DEFAULT_PLAN, active_plan, coach_for, runs_around, trained_days
from runstrong.workout.catalog import load_catalog
from runstrong.workout.model import Session

EXIT_INVALID = 1


def cmd_plan_export(
    out: Console, err: Console, ics: str, weeks: int, *, on: date | None = None
) -> int:
    """The active plan's sessions over the next `weeks` weeks as an iCalendar file."""
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
    first = on or date.today()
    last = first + timedelta(days=7 * weeks)
    runs, ran = runs_around(chosen, monday_of(first) - timedelta(days=1), last, first)
    done = [Done(day, slug) for day, slug in trained_days()]
    planned = planned_sessions(coach_for(catalog, plan), runs, done, first, weeks, ran)
    events = []
    for item in planned:
        entry = catalog.entries.get(item.slug)
        if isinstance(entry, Session):
            events.append((item.day, light_session(entry) if item.light else entry))
    data = plan_calendar(plan.slug, plan.name, events, time(hours, minutes), datetime.now(UTC))
    try:
        Path(ics).write_bytes(data)
    except OSError as error:
        err.print(Text(f"runstrong: cannot write {ics}: {error.strerror or error}"), style="red")
        return EXIT_INVALID
    out.print(
        Text(
            f"Wrote {counted(len(planned), 'session')} of {plan.name} over "
            f"{counted(weeks, 'week')} to {ics} (at {chosen.session_time})."
        )
    )
    return 0
