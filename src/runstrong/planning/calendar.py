"""The plan as an iCalendar file, so planned sessions sit in the person's own calendar.

Each event's UID comes from the plan, the date and the session, so exporting again updates the
events already imported instead of adding copies. Times are floating (no zone): "18:00" means
18:00 wherever the person is, which is what a local session time is.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from icalendar import Calendar, Event

from runstrong.session.timeline import estimate_minutes
from runstrong.text import clean_text
from runstrong.workout.model import Session

PRODUCT = "-//runstrong//plan export//EN"


def event_uid(plan_slug: str, day: date, session_slug: str) -> str:
    return f"{plan_slug}-{day:%Y%m%d}-{session_slug}@runstrong"


def description(session: Session, minutes: int) -> str:
    lines = [f"About {minutes} min.", ""]
    lines += [f"- {clean_text(e.name)}: {e.describe()}" for e in session.exercises]
    light = " --light" if session.light else ""
    lines += ["", f"Start it with: runstrong start {session.slug}{light}"]
    return "\n".join(lines)


def plan_calendar(
    plan_slug: str,
    plan_name: str,
    planned: Sequence[tuple[date, Session]],
    at: time,
    stamp: datetime,
) -> bytes:
    """`planned`: each date and the session (light already applied) to do on it;
    `at`: the local session time; `stamp`: when the file is written (DTSTAMP, aware)."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", f"runstrong: {clean_text(plan_name)}")
    for day, session in planned:
        minutes = estimate_minutes(session)
        start = datetime.combine(day, at)
        event = Event()
        event.add("uid", event_uid(plan_slug, day, session.slug))
        event.add("dtstamp", stamp)
        event.add("dtstart", start)
        event.add("dtend", start + timedelta(minutes=minutes))
        event.add("summary", clean_text(session.name) + (" (light)" if session.light else ""))
        event.add("description", description(session, minutes))
        calendar.add_component(event)
    return bytes(calendar.to_ical())
