"""One recorded activity, whatever file it came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

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
