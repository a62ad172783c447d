"""Runs in the history file: stored once however often they are imported, read back by date.

An activity is the same one when its source id matches (Strava's activity id, a FIT file's
serial number and creation time) or, for files without one, when it starts within two
minutes of a stored run and lasts about as long: the same run exported as GPX and as a Strava
row differs by a few seconds.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Any

from runstrong.activities.model import Activity
from runstrong.formatting import distance_text
from runstrong.history.database import new_uid, transaction
from runstrong.text import clean_text

START_TOLERANCE_S = 120
DURATION_TOLERANCE = 0.03
RECORD_KIND = "run"  # the `kind` of a run's line in a JSONL export


class RunLength(StrEnum):
    LONG = "long"
    RUN = "run"


@dataclass(frozen=True, slots=True)
class RunRow:
    uid: str
    source_id: str | None
    source: str
    name: str
    sport: str
    start_ts: float
    start_at: str
    duration_s: int
    distance_m: float | None

    def local_start(self, zone: tzinfo | None = None) -> datetime:
        moment = datetime.fromtimestamp(self.start_ts, UTC)
        return moment.astimezone(zone) if zone else moment.astimezone()

    @property
    def distance_km(self) -> float | None:
        return None if self.distance_m is None else round(self.distance_m / 1000, 2)

    def kind(self, long_run_minutes: int) -> RunLength:
        return RunLength.LONG if self.duration_s >= long_run_minutes * 60 else RunLength.RUN

    def as_json(self, long_run_minutes: int, zone: tzinfo | None = None) -> dict[str, Any]:
        start = self.local_start(zone)
        return {
            "date": start.date().isoformat(),
            "start": start.isoformat(timespec="seconds"),
            "name": self.name,
            "distance_km": self.distance_km,
            "duration_s": self.duration_s,
            "kind": self.kind(long_run_minutes).value,
            "source": self.source,
        }


@dataclass(frozen=True, slots=True)
class AddResult:
    added: int
    already: int


def _row(r: sqlite3.Row) -> RunRow:
    return RunRow(
        r["uid"],
        r["source_id"],
        r["source"],
        r["name"],
        r["sport"],
        r["start_ts"],
        r["start_at"],
        r["duration_s"],
        r["distance_m"],
    )


def _known(
    db: sqlite3.Connection, uid: str | None, source_id: str | None, start_ts: float, duration_s: int
) -> bool:
    if uid and db.execute("SELECT 1 FROM runs WHERE uid = ?", (uid,)).fetchone():
        return True
    if source_id and db.execute("SELECT 1 FROM runs WHERE source_id = ?", (source_id,)).fetchone():
        return True
    slack = max(60, round(duration_s * DURATION_TOLERANCE))
    return (
        db.execute(
            "SELECT 1 FROM runs WHERE start_ts BETWEEN ? AND ? AND abs(duration_s - ?) <= ?",
            (start_ts - START_TOLERANCE_S, start_ts + START_TOLERANCE_S, duration_s, slack),
        ).fetchone()
        is not None
    )


def _insert(db: sqlite3.Connection, uid: str, a: Activity) -> None:
    db.execute(
        "INSERT INTO runs (uid, source_id, source, name, sport, start_ts, start_at, "
        "duration_s, distance_m) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            uid,
            a.source_id,
            a.source,
            a.name,
            a.sport,
            a.start.timestamp(),
            a.start.astimezone(UTC).isoformat(timespec="seconds"),  # stored in UTC
            a.duration_s,
            a.distance_m,
        ),
    )


def _merge(db: sqlite3.Connection, items: Iterable[tuple[str | None, Activity]]) -> AddResult:
    added = already = 0
    for uid, activity in items:
        if _known(db, uid, activity.source_id, activity.start.timestamp(), activity.duration_s):
            already += 1
        else:
            _insert(db, uid or new_uid(), activity)
            added += 1
    return AddResult(added, already)


def add_runs(db: sqlite3.Connection, activities: Iterable[Activity]) -> AddResult:
    """Store the runs not stored yet, all in one transaction."""
    with transaction(db):
        return _merge(db, ((None, a) for a in activities))


def recent_runs(db: sqlite3.Connection, limit: int | None = None) -> list[RunRow]:
    rows = db.execute(
        "SELECT * FROM runs ORDER BY start_ts DESC, id DESC LIMIT ?",
        (-1 if limit is None else limit,),
    )
    return [_row(r) for r in rows]


def runs_between(
    db: sqlite3.Connection, first: date, last: date, zone: tzinfo | None = None
) -> list[RunRow]:
    """Runs whose local date falls from `first` to `last`, both included, oldest first."""
    # A day's edges in UTC shift by the zone's offset; a day of slack each side, then the
    # exact local date decides.
    low = datetime.combine(first - timedelta(days=1), datetime.min.time(), UTC).timestamp()
    high = datetime.combine(last + timedelta(days=2), datetime.min.time(), UTC).timestamp()
    rows = db.execute(
        "SELECT * FROM runs WHERE start_ts BETWEEN ? AND ? ORDER BY start_ts", (low, high)
    )
    found = [_row(r) for r in rows]
    return [r for r in found if first <= r.local_start(zone).date() <= last]


def run_kinds(
    runs: Iterable[RunRow], long_run_minutes: int, zone: tzinfo | None = None
) -> dict[date, RunLength]:
    """What running each day held: `long` if any run that day was long, else `run`.

    The placement rules take this as input: the day after a long run gets no hard session,
    and a day with a run done gets its suggestion as "after your run".
    """
    kinds: dict[date, RunLength] = {}
    for run in runs:
        day = run.local_start(zone).date()
        if kinds.get(day) is not RunLength.LONG:
            kinds[day] = run.kind(long_run_minutes)
    return kinds


def longest_on(runs: Iterable[RunRow], day: date, zone: tzinfo | None = None) -> RunRow | None:
    """The longest run of a local date (for lines like "long run yesterday, 21.1 km")."""
    that_day = [r for r in runs if r.local_start(zone).date() == day]
    return max(that_day, key=lambda r: r.duration_s, default=None)


# JSONL export and import: one line per run, told apart from set lines by "kind": "run".


def export_records(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for r in db.execute("SELECT * FROM runs ORDER BY start_ts, id"):
        yield {
            "kind": RECORD_KIND,
            "run_id": r["uid"],
            "source_id": r["source_id"],
            "source": r["source"],
            "name": r["name"],
            "sport": r["sport"],
            "start": r["start_at"],
            "duration_s": r["duration_s"],
            "distance_m": r["distance_m"],
        }


def is_run_record(record: Any) -> bool:
    return isinstance(record, dict) and record.get("kind") == RECORD_KIND


def check_record(record: dict[str, Any]) -> tuple[str, Activity]:
    """The run of an exported line, or ValueError saying which field is wrong."""
    uid = record.get("run_id")
    if not isinstance(uid, str) or not uid:
        raise ValueError("run_id must be text")
    for name in ("source", "name", "sport"):
        if not isinstance(record.get(name), str):
            raise ValueError(f"{name} must be text, got {record.get(name)!r}")
    source_id = record.get("source_id")
    if source_id is not None and not isinstance(source_id, str):
        raise ValueError(f"source_id must be text or null, got {source_id!r}")
    try:
        start = datetime.fromisoformat(str(record.get("start")))
    except ValueError:
        raise ValueError(f"start is not an ISO 8601 time: {record.get('start')!r}") from None
    if start.tzinfo is None:
        raise ValueError(f"start needs a UTC offset, got {record.get('start')!r}")
    duration = record.get("duration_s")
    if type(duration) is not int or not 0 <= duration <= 7 * 86400:
        raise ValueError(f"duration_s must be a whole number of seconds, got {duration!r}")
    distance = record.get("distance_m")
    if distance is not None and (
        type(distance) not in (int, float) or not 0 <= distance <= 2_000_000
    ):
        raise ValueError(
            f"distance_m must be empty or metres from 0 to 2,000,000, got {distance!r}"
        )
    # Text from a file is data: no escape codes or control characters reach the terminal.
    return uid, Activity(
        start,
        duration,
        None if distance is None else float(distance),
        clean_text(record["name"]),
        clean_text(record["sport"]),
        clean_text(record["source"]),
        source_id,
    )


def import_records(db: sqlite3.Connection, checked: Iterable[tuple[str, Activity]]) -> AddResult:
    """Merge exported runs inside the caller's transaction (the import of a whole file)."""
    return _merge(db, checked)


def taken_into_account(
    runs: Iterable[RunRow],
    today: date,
    long_run_minutes: int,
    zone: tzinfo | None = None,
    units: str = "kg",
) -> str | None:
    """What the day's suggestion took into account, e.g. "long run yesterday, 21.1 km"."""
    recent = list(runs)
    parts = []
    for day, word in ((today, "today"), (today - timedelta(days=1), "yesterday")):
        run = longest_on(recent, day, zone)
        if run is None:
            continue
        what = "long run" if run.kind(long_run_minutes) is RunLength.LONG else "ran"
        distance = "" if run.distance_km is None else f", {distance_text(run.distance_km, units)}"
        parts.append(f"{what} {word}{distance}")
    return "; ".join(parts) or None


def weekly_km(
    db: sqlite3.Connection, weeks: int = 8, today: date | None = None, zone: tzinfo | None = None
) -> list[tuple[date, float]]:
    """Kilometres run per week (Monday first, local), oldest first, this week last; the
    same weeks as `weeks.weekly_counts`, so the two charts line up."""
    today = today or datetime.now(UTC).astimezone(zone).date()
    first = today - timedelta(days=today.weekday(), weeks=weeks - 1)
    totals = {first + timedelta(weeks=n): 0.0 for n in range(weeks)}
    for run in runs_between(db, first, first + timedelta(weeks=weeks, days=-1), zone):
        day = run.local_start(zone).date()
        monday = day - timedelta(days=day.weekday())
        totals[monday] += (run.distance_m or 0.0) / 1000
    return [(monday, round(km, 1)) for monday, km in sorted(totals.items())]
