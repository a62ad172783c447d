"""TCX files (Garmin's Training Center XML; Strava exports some activities as `.tcx.gz`).

Small enough to read with the standard library's ElementTree, behind defusedxml. A TCX
activity has a sport attribute, an Id (its start time) and laps; each lap has its start, total
time and distance, and a track of timed points. Elapsed time runs from the first lap's start
to the last time recorded, stops included, like the other sources.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime
from xml.etree.ElementTree import Element

from runstrong.activities.model import Activity, NotAnActivity, short_text, whole_seconds
from runstrong.activities.xml_guard import local_name, parse_xml

SPORTS = {"running": "running", "biking": "cycling", "other": "other"}


def _children(element: Element, name: str) -> list[Element]:
    return [child for child in element if local_name(child) == name]


def _text(element: Element, name: str) -> str | None:
    found = _children(element, name)
    return (found[0].text or "").strip() if found else None


def _time(text: str | None, where: str) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
        # TCX times are UTC; a time without a zone still means UTC.
        return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
    except (ValueError, OverflowError):
        raise NotAnActivity(f"{where} is not a time: {text[:40]!r}") from None


def _number(text: str | None, where: str) -> float | None:
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        raise NotAnActivity(f"{where} is not a number: {text[:40]!r}") from None
    if not math.isfinite(value):
        raise NotAnActivity(f"{where} is {text[:40]!r}; expected a number")
    return value


def _activity(element: Element, number: int) -> Activity:
    laps = _children(element, "Lap")
    start = _time(_text(element, "Id"), f"activity {number}'s Id")
    times: list[datetime] = []
    metres = 0.0
    lap_seconds = 0.0
    for lap in laps:
        lap_start = _time(lap.get("StartTime"), "a lap's StartTime")
        if lap_start is not None:
            times.append(lap_start)
        lap_seconds += _number(_text(lap, "TotalTimeSeconds"), "TotalTimeSeconds") or 0.0
        metres += _number(_text(lap, "DistanceMeters"), "DistanceMeters") or 0.0
        for track in _children(lap, "Track"):
            for point in _children(track, "Trackpoint"):
                moment = _time(_text(point, "Time"), "a track point's Time")
                if moment is not None:
                    times.append(moment)
    start = start or (min(times) if times else None)
    if start is None:
        raise NotAnActivity(f"activity {number} has no start time")
    elapsed = (max(times) - start).total_seconds() if times else 0.0
    if elapsed < 0:
        raise NotAnActivity(f"activity {number}'s times go back before its start; not read")
    sport = SPORTS.get((element.get("Sport") or "").strip().lower(), "other")
    return Activity(
        start=start,
        duration_s=whole_seconds(max(elapsed, lap_seconds)),
        distance_m=round(metres, 1) if metres else None,
        name=short_text(_text(element, "Notes") or "") or ("Run" if sport == "running" else sport),
        sport=sport,
        source="tcx",
    )


def read_tcx(data: bytes) -> list[Activity]:
    root = parse_xml(data, "TCX")
    if local_name(root) != "TrainingCenterDatabase":
        raise NotAnActivity("not a TCX file (no <TrainingCenterDatabase> element)")
    activities = [
        element
        for holder in _children(root, "Activities")
        for element in _children(holder, "Activity")
    ]
    if not activities:
        raise NotAnActivity("a TCX file without activities (a course, not a recorded activity)")
    return [_activity(element, number) for number, element in enumerate(activities, start=1)]
