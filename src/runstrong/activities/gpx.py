"""GPX tracks (a watch's or Strava's export) read with gpxpy."""

from __future__ import annotations

from datetime import UTC

import gpxpy
import gpxpy.gpx

from runstrong.activities.model import Activity, NotAnActivity
from runstrong.text import clean_text


def read_gpx(data: bytes, fallback_name: str) -> Activity:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotAnActivity("not a GPX file (not UTF-8 text)") from None
    if "<gpx" not in text[:4096]:
        raise NotAnActivity("not a GPX file (no <gpx> element)")
    try:
        document = gpxpy.parse(text)
    except (gpxpy.gpx.GPXException, ValueError) as error:
        raise NotAnActivity(f"not a readable GPX file ({error})") from None
    bounds = document.get_time_bounds()
    if bounds.start_time is None or bounds.end_time is None:
        raise NotAnActivity("a GPX file without times: a route, not a recorded activity")
    # GPX times are UTC by definition; a file that omits the zone still means UTC.
    start = bounds.start_time
    end = bounds.end_time
    start = start.replace(tzinfo=UTC) if start.tzinfo is None else start.astimezone(UTC)
    end = end.replace(tzinfo=UTC) if end.tzinfo is None else end
    track = document.tracks[0] if document.tracks else None
    name = clean_text(document.name or (track.name if track and track.name else "") or "")
    sport = clean_text((track.type if track and track.type else "") or "")
    length = document.length_2d()
    return Activity(
        start=start,
        duration_s=max(0, round((end - start).total_seconds())),
        distance_m=round(length, 1) if length else None,
        name=name or fallback_name,
        # A GPX without a type comes from a watch that only records runs or an app that
        # leaves it out; someone importing it is importing a run.
        sport=sport or "running",
        source="gpx",
    )
