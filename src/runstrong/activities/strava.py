"""Strava's bulk export: `activities.csv`.

Its header repeats names: "Elapsed Time" and "Distance" each appear twice, first in the
summary columns (seconds; kilometres) and again among the detailed ones (seconds; metres).
So columns are found by position, never by a dict of names. Dates look like
"Jan 17, 2027, 8:00:00 AM" and are in UTC.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from runstrong.activities.model import (
    Activity,
    NotAnActivity,
    out_of_range,
    short_text,
    whole_seconds,
)

MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
REQUIRED = ("Activity Date", "Activity Type", "Elapsed Time")
# A description may run to hundreds of kilobytes; csv's default cap (128 KiB a cell) would stop
# the whole file at that row. The file itself is capped before it is read.
CELL_LIMIT = 64 * 1024 * 1024


@dataclass(slots=True)
class StravaCsv:
    activities: list[Activity] = field(default_factory=list)
    # Activity files the rows point at ("activities/123.fit.gz"): already counted here.
    listed_files: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)


def parse_date(text: str) -> datetime:
    """'Jan 17, 2027, 8:00:00 AM' (older exports: '2027-01-17 08:00:00'), always UTC.

    Month names are matched by hand rather than with %b, which follows the machine's locale.
    """
    value = text.strip()
    try:
        month_day, year, clock = (part.strip() for part in value.split(","))
        month, day = month_day.split()
        time_part, half = clock.split()
        hour, minute, second = (int(p) for p in time_part.split(":"))
        if half.upper() not in ("AM", "PM") or not 1 <= hour <= 12:
            raise ValueError(value)
        hour = hour % 12 + (12 if half.upper() == "PM" else 0)
        return datetime(
            int(year), MONTHS[month[:3].lower()], int(day), hour, minute, second, tzinfo=UTC
        )
    except (ValueError, KeyError, OverflowError):
        pass
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"unknown date {value[:60]!r}; expected e.g. 'Jan 17, 2027, 8:00:00 AM'"
        ) from None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment


def _number(text: str) -> float | None:
    value = text.strip()
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    if value.count(",") == 1 and "." not in value:  # a decimal comma
        try:
            return float(value.replace(",", "."))
        except ValueError:
            return None
    return None


def _rows(text: str) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """(line number, row) pairs; a row the csv module cannot read comes as its error."""
    if csv.field_size_limit() < CELL_LIMIT:
        csv.field_size_limit(CELL_LIMIT)
    # newline="": descriptions may hold line breaks inside quoted cells.
    reader = csv.reader(io.StringIO(text, newline=""))
    number = 0
    while True:
        number += 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            yield number, error
            continue
        yield number, row


def _columns(header: list[str], name: str) -> list[int]:
    return [index for index, title in enumerate(header) if title.strip() == name]


def read_activities_csv(text: str) -> StravaCsv:
    rows = _rows(text)
    first = next(rows, (0, []))[1]
    header = [] if isinstance(first, csv.Error) else [t.lstrip("\ufeff") for t in first]
    missing = [name for name in REQUIRED if not _columns(header, name)]
    if missing:
        raise NotAnActivity(f"not a Strava activities.csv (no {', '.join(missing)} column)")
    at = {
        name: _columns(header, name)
        for name in (
            "Activity ID",
            "Activity Date",
            "Activity Name",
            "Activity Type",
            "Elapsed Time",
            "Distance",
            "Filename",
        )
    }
    result = StravaCsv()
    for line_number, row in rows:
        if isinstance(row, csv.Error):
            result.problems.append(f"row {line_number}: not readable as CSV ({row})")
            continue
        if not any(cell.strip() for cell in row):
            continue

        def cell(name: str, which: int = 0, row: list[str] = row) -> str:
            places = at[name]
            return row[places[which]] if len(places) > which and places[which] < len(row) else ""

        try:
            start = parse_date(cell("Activity Date"))
        except (ValueError, OverflowError) as error:
            result.problems.append(f"row {line_number}: {error}")
            continue
        elapsed = _number(cell("Elapsed Time"))
        if elapsed is None:
            result.problems.append(f"row {line_number}: no elapsed time")
            continue
        try:
            seconds = whole_seconds(elapsed, "Elapsed Time")
        except NotAnActivity as problem:
            result.problems.append(f"row {line_number}: {problem}")
            continue
        # The second Distance is in metres whatever the person's units; the first (km for
        # metric accounts) is the fallback for exports that lack the detailed columns.
        metres = _number(cell("Distance", 1))
        if metres is None:
            kilometres = _number(cell("Distance", 0))
            metres = None if kilometres is None else kilometres * 1000
        identity = cell("Activity ID").strip()
        sport = short_text(cell("Activity Type")) or "unknown"
        activity = Activity(
            start=start,
            duration_s=seconds,
            distance_m=round(metres, 1) if metres else None,
            name=short_text(cell("Activity Name")) or sport,
            sport=sport,
            source="strava",
            source_id=f"strava:{identity[:100]}" if identity else None,
        )
        wrong = out_of_range(activity)
        if wrong is not None:
            result.problems.append(f"row {line_number}: {wrong}; skipped")
            continue
        result.activities.append(activity)
        filename = cell("Filename").strip()
        if filename:
            result.listed_files.add(filename)
    return result
