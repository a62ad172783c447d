"""Reading activity files: GPX, FIT (.fit and .fit.gz), Strava's activities.csv."""

from __future__ import annotations

import gzip
from datetime import UTC, datetime

import pytest

from runstrong.activities import NotAnActivity, is_running
from runstrong.activities.fit import read_fit
from runstrong.activities.gpx import read_gpx
from runstrong.activities.sources import read_activity
from runstrong.activities.strava import parse_date, read_activities_csv

from ..activity_files import fit_bytes, gpx_bytes, strava_csv, strava_row

START = datetime(2027, 1, 17, 8, 0, tzinfo=UTC)


def test_gpx_written_by_gpxpy_gives_start_duration_distance_and_name() -> None:
    run = read_gpx(gpx_bytes(START, 40, 8.0, name="Canal loop"), "Run")
    assert run.start == START and run.start.utcoffset() is not None
    assert run.duration_s == 2400
    assert run.distance_m == pytest.approx(8000, rel=0.01)
    assert (run.name, run.source, run.source_id) == ("Canal loop", "gpx", None)
    assert is_running(run.sport)


def test_gpx_type_decides_whether_it_is_a_run() -> None:
    assert not is_running(read_gpx(gpx_bytes(START, 60, 30, kind="cycling"), "x").sport)
    assert is_running(read_gpx(gpx_bytes(START, 60, 10, kind=None), "x").sport)


def test_gpx_without_times_or_not_gpx_is_not_an_activity() -> None:
    route = (
        b'<?xml version="1.0"?><gpx version="1.1" creator="x"><trk><trkseg>'
        b'<trkpt lat="45" lon="7"/></trkseg></trk></gpx>'
    )
    with pytest.raises(NotAnActivity, match="without times"):
        read_gpx(route, "x")
    with pytest.raises(NotAnActivity, match="not a GPX"):
        read_gpx(b"hello", "x")
    with pytest.raises(NotAnActivity, match="not a readable GPX"):
        read_gpx(b"<gpx><trk><unclosed></gpx>", "x")


def test_fit_written_to_the_protocol_gives_its_session_summary() -> None:
    run = read_fit(fit_bytes(START, 95, 21.1, sub_sport="trail", serial=42))[0]
    assert (run.start, run.duration_s, run.distance_m) == (START, 5700, 21100.0)
    assert (run.name, run.sport, run.source) == ("Trail run", "running/trail", "fit")
    assert run.source_id == f"fit:42-{int(START.timestamp())}"
    assert is_running(run.sport)
    ride = read_fit(fit_bytes(START, 60, 30, sport="cycling"))[0]
    assert not is_running(ride.sport)


def test_fit_gz_is_unpacked_and_broken_fit_is_not_an_activity() -> None:
    packed = gzip.compress(fit_bytes(START, 30, 5, sub_sport="treadmill"))
    (run,) = read_activity("123.fit.gz", packed)
    assert (run.name, run.duration_s) == ("Treadmill run", 1800)
    with pytest.raises(NotAnActivity, match="FIT"):
        read_activity("cut.fit", fit_bytes(START, 30, 5)[:30])
    with pytest.raises(NotAnActivity, match=r"\.gz"):
        read_activity("bad.fit.gz", b"not gzip at all")
    with pytest.raises(NotAnActivity, match="not an activity file"):
        read_activity("notes.txt", b"just some notes")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 17, 2027, 8:00:00 AM", datetime(2027, 1, 17, 8, 0, tzinfo=UTC)),
        ("Jan 7, 2027, 12:05:09 PM", datetime(2027, 1, 7, 12, 5, 9, tzinfo=UTC)),
        ("Dec 31, 2026, 12:00:00 AM", datetime(2026, 12, 31, 0, 0, tzinfo=UTC)),
        ("Sep 3, 2026, 11:59:59 PM", datetime(2026, 9, 3, 23, 59, 59, tzinfo=UTC)),
        ("2026-09-03 06:30:00", datetime(2026, 9, 3, 6, 30, tzinfo=UTC)),
    ],
)
def test_strava_dates_are_utc(text: str, expected: datetime) -> None:
    assert parse_date(text) == expected


def test_strava_csv_columns_are_read_by_position_despite_duplicate_names() -> None:
    export = read_activities_csv(
        strava_csv(
            strava_row(
                111,
                "Jan 17, 2027, 8:00:00 AM",
                "Sunday long",
                "Run",
                5700,
                21.1,
                "activities/111.fit.gz",
            ),
            strava_row(222, "Jan 18, 2027, 6:00:00 PM", "Commute", "Ride", 1800, 9.0),
        )
    )
    long_run, ride = export.activities
    assert long_run.start == datetime(2027, 1, 17, 8, tzinfo=UTC)
    # Elapsed time from the first "Elapsed Time", metres from the second "Distance".
    assert (long_run.duration_s, long_run.distance_m) == (5700, 21100.0)
    assert (long_run.name, long_run.source, long_run.source_id) == (
        "Sunday long",
        "strava",
        "strava:111",
    )
    assert is_running(long_run.sport) and not is_running(ride.sport)
    assert export.listed_files == {"activities/111.fit.gz"}
    assert export.problems == []


def test_strava_descriptions_may_span_lines() -> None:
    header = (
        "Activity ID,Activity Date,Activity Name,Activity Type,Activity Description,Elapsed Time"
    )
    export = read_activities_csv(
        header + '\r\n7,"Mar 2, 2027, 7:00:00 AM",Hills,Run,'
        '"Felt good.\r\nWindy\u2028on top",2400\r\n'
    )
    (run,) = export.activities
    assert (run.name, run.duration_s, run.distance_m, export.problems) == ("Hills", 2400, None, [])


def test_strava_csv_falls_back_to_kilometres_and_reports_bad_rows() -> None:
    header = "Activity ID,Activity Date,Activity Name,Activity Type,Elapsed Time,Distance"
    export = read_activities_csv(
        "\n".join(
            (
                header,
                '5,"Feb 1, 2027, 7:00:00 AM",Easy,Trail Run,3600,"10,5"',
                '6,"yesterday",Easy,Run,3600,10',
            )
        )
    )
    (run,) = export.activities
    assert run.distance_m == 10500.0 and is_running(run.sport)
    assert export.problems == [
        "row 3: unknown date 'yesterday'; expected e.g. 'Jan 17, 2027, 8:00:00 AM'"
    ]


def test_a_csv_that_is_not_strava_is_not_an_activity() -> None:
    with pytest.raises(NotAnActivity, match="Activity Date"):
        read_activities_csv("name,reps\nplank,3\n")


@pytest.mark.parametrize(
    "sport",
    [
        "Run",
        "Trail Run",
        "Treadmill",
        "Virtual Run",
        "running",
        "running/treadmill",
        "9",
        "trail_running",
    ],
)
def test_running_kinds_are_kept(sport: str) -> None:
    assert is_running(sport)


@pytest.mark.parametrize("sport", ["Ride", "Walk", "Hike", "Swim", "cycling", "Workout", ""])
def test_other_sports_are_not_runs(sport: str) -> None:
    assert not is_running(sport)
