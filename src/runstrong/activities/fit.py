"""FIT files (what Garmin, Coros, Suunto and Wahoo watches write) read with fitdecode.

Only the summary is needed: the `session` message has the sport, start, elapsed time and
distance; `file_id` gives the serial number and creation time that identify the file.

fitdecode raises on damaged files rather than reporting them, and not only FitError: random
corruptions also gave TypeError, AssertionError, struct.error and ValueError (see the tech
notes). So any exception while decoding one file means "this file is damaged"; session
summaries read before the damage are kept, since each is complete on its own.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import Any

import fitdecode

from runstrong.activities.model import Activity, NotAnActivity, short_text, whole_seconds

LABELS = {
    "treadmill": "Treadmill run",
    "trail": "Trail run",
    "track": "Track run",
    "virtual_activity": "Virtual run",
}


def _aware(value: Any) -> datetime | None:
    if not isinstance(value, datetime):
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value


def _value(frame: Any, name: str) -> Any:
    return frame.get_value(name, fallback=None) if frame.has_field(name) else None


SESSION_FIELDS = (
    "sport",
    "sub_sport",
    "start_time",
    "total_elapsed_time",
    "total_timer_time",
    "total_distance",
    "timestamp",
)


def _decode(data: bytes, file_id: dict[str, Any], sessions: list[dict[str, Any]]) -> None:
    # A bad checksum alone (a watch that lost power at the end) still leaves a readable
    # summary, so it is not checked; broken structure still raises.
    with fitdecode.FitReader(
        io.BytesIO(data),
        check_crc=fitdecode.CrcCheck.DISABLED,
        error_handling=fitdecode.ErrorHandling.RAISE,
    ) as reader:
        for frame in reader:
            if not isinstance(frame, fitdecode.FitDataMessage):
                continue
            if frame.name == "file_id" and not file_id:
                file_id.update({n: _value(frame, n) for n in ("serial_number", "time_created")})
            elif frame.name == "session":
                sessions.append({n: _value(frame, n) for n in SESSION_FIELDS})


def read_fit(data: bytes) -> list[Activity]:
    file_id: dict[str, Any] = {}
    sessions: list[dict[str, Any]] = []
    try:
        _decode(data, file_id, sessions)
    except fitdecode.FitError as error:
        if not sessions:
            raise NotAnActivity(f"not a readable FIT file ({error})") from None
    except Exception as error:  # any exception from the decoder: a damaged file
        if not sessions:
            raise NotAnActivity(f"a damaged FIT file ({type(error).__name__}: {error})") from None
    if not sessions:
        raise NotAnActivity("a FIT file without a session summary (not an activity file)")
    found = []
    created = _aware(file_id.get("time_created"))
    serial = file_id.get("serial_number")
    for number, session in enumerate(sessions):
        start = _aware(session["start_time"]) or created
        elapsed = session["total_elapsed_time"] or session["total_timer_time"]
        if start is None or not isinstance(elapsed, int | float):
            raise NotAnActivity("a FIT session without a start time or elapsed time")
        sport = short_text(str(session["sport"] or ""))
        sub_sport = short_text(str(session["sub_sport"] or ""))
        distance = session["total_distance"]
        identity = None
        if created is not None:
            identity = f"fit:{serial if isinstance(serial, int) else 0}-{int(created.timestamp())}"
            identity += f"-{number}" if len(sessions) > 1 else ""
        found.append(
            Activity(
                start=start,
                duration_s=whole_seconds(float(elapsed)),
                distance_m=float(distance)
                if isinstance(distance, int | float) and distance
                else None,
                name=LABELS.get(sub_sport, "Run" if sport == "running" else sport.title()),
                sport=f"{sport}/{sub_sport}" if sub_sport and sub_sport != "generic" else sport,
                source="fit",
                source_id=identity,
            )
        )
    return found
