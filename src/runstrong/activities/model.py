"""One recorded activity, whatever file it came from."""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import UTC, datetime

from runstrong.text import clean_text

# Names the sources use for running, lower-cased with "_" as a space: Strava's activity types,
# FIT's sport/sub-sport, and the <type> of GPX files (Garmin writes "running", Strava "9").
RUNNING = frozenset(
    {
        "run",
        "running",
        "trail run",
        "trail running",
        "treadmill",
        "treadmill running",
        "virtual run",
        "virtual running",
        "track running",
        "street running",
        "indoor running",
        "9",
    }
)


# What a recorded run can be. Anything outside is a bad file or row, reported and skipped
# before anything is written: a year-1 date or an infinite distance stored once breaks every
# later `runs`, chart and export.
FIRST_START = datetime(1970, 1, 1, tzinfo=UTC)
LAST_START = datetime(2100, 12, 31, 23, 59, 59, tzinfo=UTC)
MAX_DURATION_S = 7 * 86400
MAX_DISTANCE_M = 1_000_000.0
MAX_NAME = 200  # names are shown in a table row; an export line keeps each text under 500


class NotAnActivity(Exception):
    """A file that holds no recorded activity; the message says why, without the file name."""


@dataclass(frozen=True, slots=True)
class Activity:
    start: datetime  # aware
    duration_s: int  # elapsed, stops included: what every source records alike
    distance_m: float | None
    name: str
    sport: str  # as the source wrote it ("Run", "running/treadmill", ...)
    source: str  # "gpx", "fit" or "strava"
    source_id: str | None = None  # stable id from the source, when it has one


def is_running(sport: str) -> bool:
    label = sport.strip().lower().replace("_", " ")
    # FIT sports arrive as "running/treadmill": the sport decides, the sub-sport refines.
    return label in RUNNING or label.split("/")[0] in RUNNING


def out_of_range(activity: Activity) -> str | None:
    """Why an activity cannot be a recorded run (dates 1970-2100, up to 7 days, 0-1,000 km),
    or None when it can."""
    start = activity.start
    if start.tzinfo is None or not FIRST_START <= start <= LAST_START:
        return f"starts {_shown_time(start)}; expected a date from 1970 to 2100"
    if not 0 <= activity.duration_s <= MAX_DURATION_S:
        return f"lasts {activity.duration_s:,} s; expected at most 7 days ({MAX_DURATION_S:,} s)"
    distance = activity.distance_m
    if distance is not None and not (math.isfinite(distance) and 0 <= distance <= MAX_DISTANCE_M):
        return f"has a distance of {distance!r} m; expected 0 to 1,000 km"
    return None


def _shown_time(moment: datetime) -> str:
    try:
        return moment.isoformat(timespec="seconds")
    except (ValueError, OverflowError):
        return repr(moment)


def whole_seconds(value: float, what: str = "elapsed time") -> int:
    """A duration as whole seconds; NaN, infinity or a number past 7 days is a bad file."""
    if not math.isfinite(value) or not 0 <= value <= MAX_DURATION_S:
        raise NotAnActivity(f"{what} {value!r} s; expected 0 to {MAX_DURATION_S:,} s (7 days)")
    return round(value)


def short_text(text: str) -> str:
    """Text from a file, cleaned of controls and cut to a name's length."""
    return clean_text(text)[:MAX_NAME].strip()
