"""Small real activity files for the tests: GPX written by gpxpy, FIT written by hand to the
FIT protocol (fitdecode only reads), and Strava-style activities.csv rows."""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta

import gpxpy.gpx
from fitdecode.utils import compute_crc

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
SPORTS = {"running": 1, "cycling": 2}
SUB_SPORTS = {"generic": 0, "treadmill": 1, "trail": 3}


def gpx_bytes(
    start: datetime,
    minutes: float,
    km: float,
    *,
    name: str = "Morning Run",
    kind: str | None = "running",
) -> bytes:
    """A track going north: one point a minute, `km` long in all."""
    gpx = gpxpy.gpx.GPX()
    track = gpxpy.gpx.GPXTrack(name=name)
    track.type = kind  # type: ignore[assignment]  # gpxpy annotates it as always None
    segment = gpxpy.gpx.GPXTrackSegment()
    steps = max(1, round(minutes))
    # One degree of latitude is about 111.2 km.
    for n in range(steps + 1):
        segment.points.append(
            gpxpy.gpx.GPXTrackPoint(
                latitude=45.0 + km / 111.195 * n / steps,
                longitude=7.0,
                time=start + timedelta(minutes=minutes * n / steps),
            )
        )
    track.segments.append(segment)
    gpx.tracks.append(track)
    return gpx.to_xml().encode("utf-8")


def _fit_seconds(moment: datetime) -> int:
    return int((moment - FIT_EPOCH).total_seconds())


def _message(local: int, global_number: int, fields: list[tuple[int, str, int]]) -> bytes:
    """A definition record and one data record; fields are (number, struct code, value)."""
    base_types = {"B": (1, 0x00), "H": (2, 0x84), "I": (4, 0x86)}
    definition = struct.pack("<BBBHB", 0x40 | local, 0, 0, global_number, len(fields))
    for number, code, _ in fields:
        size, base = base_types[code]
        definition += struct.pack("<BBB", number, size, base)
    data = struct.pack("<B", local) + b"".join(
        struct.pack("<" + code, value) for _, code, value in fields
    )
    return definition + data


def fit_bytes(
    start: datetime,
    minutes: float,
    km: float,
    *,
    sport: str = "running",
    sub_sport: str = "generic",
    serial: int = 3_900_000_001,
) -> bytes:
    begin, elapsed_ms = _fit_seconds(start), round(minutes * 60_000)
    records = _message(0, 0, [(0, "B", 4), (1, "H", 1), (3, "I", serial), (4, "I", begin)])
    records += _message(
        1,
        18,
        [
            (253, "I", begin + round(minutes * 60)),
            (2, "I", begin),
            (7, "I", elapsed_ms),
            (8, "I", elapsed_ms),
            (9, "I", round(km * 100_000)),
            (5, "B", SPORTS[sport]),
            (6, "B", SUB_SPORTS[sub_sport]),
        ],
    )
    header = struct.pack("<BBHI4s", 14, 0x20, 2132, len(records), b".FIT")
    header += struct.pack("<H", compute_crc(header))
    body = header + records
    return body + struct.pack("<H", compute_crc(body))


STRAVA_HEADER = (
    "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,"
    "Elapsed Time,Distance,Max Heart Rate,Relative Effort,Commute,"
    "Activity Private Note,Activity Gear,Filename,Athlete Weight,Bike Weight,"
    "Elapsed Time,Moving Time,Distance,Max Speed"
)


def strava_row(
    activity_id: int, date: str, name: str, kind: str, seconds: int, km: float, filename: str = ""
) -> str:
    # Two Distance columns (kilometres, then metres) and two Elapsed Time columns.
    return (
        f'{activity_id},"{date}","{name}",{kind},,{seconds},{km:.2f},150,40,false,,,'
        f"{filename},70,,{seconds}.0,{seconds - 60}.0,{km * 1000:.1f},4.5"
    )


def strava_csv(*rows: str) -> str:
    return "\n".join((STRAVA_HEADER, *rows)) + "\n"


def tcx_bytes(
    start: datetime, minutes: float, km: float, *, sport: str = "Running", lead: str = ""
) -> bytes:
    """A one-lap TCX activity with a point a minute (`lead`: Strava's leading spaces)."""
    stamp = "%Y-%m-%dT%H:%M:%SZ"
    points = "".join(
        f"<Trackpoint><Time>{(start + timedelta(minutes=n)).strftime(stamp)}</Time>"
        f"<DistanceMeters>{km * 1000 * n / max(1, minutes):.1f}</DistanceMeters></Trackpoint>"
        for n in range(round(minutes) + 1)
    )
    return (
        f'{lead}<?xml version="1.0" encoding="UTF-8"?>\n'
        '<TrainingCenterDatabase xmlns="http://www.garmin.com/xmlschemas/'
        'TrainingCenterDatabase/v2"><Activities>'
        f'<Activity Sport="{sport}"><Id>{start.strftime(stamp)}</Id>'
        f'<Lap StartTime="{start.strftime(stamp)}">'
        f"<TotalTimeSeconds>{minutes * 60 - 30:.1f}</TotalTimeSeconds>"
        f"<DistanceMeters>{km * 1000:.1f}</DistanceMeters>"
        f"<Track>{points}</Track></Lap></Activity></Activities></TrainingCenterDatabase>"
    ).encode()
