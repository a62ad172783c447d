"""GPX tracks (a watch's or Strava's export) read with gpxpy, after a guarded parse.

A track's times must run forwards and all say (or all omit) their zone: a point that jumps
back, or a file mixing the two, would otherwise give a run of 0 s or of years.
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise

import gpxpy
import gpxpy.gpx

from runstrong.activities.model import Activity, NotAnActivity, short_text, whole_seconds
from runstrong.activities.xml_guard import parse_xml


def _times(document: gpxpy.gpx.GPX) -> list[datetime]:
    times = [
        point.time
        for track in document.tracks
        for segment in track.segments
        for point in segment.points
        if point.time is not None
    ]
    if not times:
        raise NotAnActivity("a GPX file without times: a route, not a recorded activity")
    if len({moment.tzinfo is None for moment in times}) > 1:
        raise NotAnActivity("its times mix some with a time zone and some without; not read")
    # GPX times are UTC by definition; a file that omits the zone still means UTC.
    aware = [m.replace(tzinfo=UTC) if m.tzinfo is None else m for m in times]
    for number, (before, after) in enumerate(pairwise(aware), start=2):
        if after < before:
            raise NotAnActivity(
                f"its times go backwards at track point {number} "
                f"({before.isoformat()} then {after.isoformat()}); not read"
            )
    return aware


def read_gpx(data: bytes, fallback_name: str) -> Activity:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotAnActivity("not a GPX file (not UTF-8 text)") from None
    if "<gpx" not in text[:4096]:
        raise NotAnActivity("not a GPX file (no <gpx> element)")
    parse_xml(data, "GPX")  # refuses entity bombs before gpxpy's own parser sees the file
    try:
        document = gpxpy.parse(text)
        times = _times(document)
        start, end = times[0].astimezone(UTC), times[-1]
        seconds = (end - start).total_seconds()
        length = document.length_2d()
    except (gpxpy.gpx.GPXException, ValueError, OverflowError) as error:
        # Years 1 and 9999 overflow in gpxpy's own arithmetic.
        raise NotAnActivity(f"not a readable GPX file ({error})") from None
    track = document.tracks[0] if document.tracks else None
    name = short_text(document.name or (track.name if track and track.name else "") or "")
    sport = short_text((track.type if track and track.type else "") or "")
    return Activity(
        start=start,
        duration_s=whole_seconds(seconds),
        distance_m=round(length, 1) if length else None,
        name=name or fallback_name,
        # A GPX without a type comes from a watch that only records runs or an app that
        # leaves it out; someone importing it is importing a run.
        sport=sport or "running",
        source="gpx",
    )
