"""`runs import`, `runs`, runs in the JSONL export and import."""

from __future__ import annotations

import gzip
import json
import os
import time
import zipfile
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from runstrong import paths
from runstrong.activities import sources
from runstrong.cli import main
from runstrong.history import HistoryStore
from runstrong.history.runs import (
    RunLength,
    recent_runs,
    run_kinds,
    runs_between,
    taken_into_account,
    weekly_km,
)

from ..activity_files import fit_bytes, gpx_bytes, strava_csv, strava_row, tcx_bytes

SUNDAY = datetime(2027, 1, 17, 8, 0, tzinfo=UTC)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def runs_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "runs", "--json", *args)
    assert code == 0
    data: list[dict[str, object]] = json.loads(out)
    return data


@pytest.fixture
def zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The machine's local time zone for one test: New York (UTC-5 in January)."""
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield "America/New_York"
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def watch_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "watch"
    (folder / "nested").mkdir(parents=True)
    (folder / "easy.gpx").write_bytes(gpx_bytes(SUNDAY - timedelta(days=2), 40, 8.0))
    (folder / "long.fit").write_bytes(fit_bytes(SUNDAY, 100, 21.1, serial=1))
    (folder / "nested" / "treadmill.fit.gz").write_bytes(
        gzip.compress(
            fit_bytes(SUNDAY + timedelta(days=1), 30, 6.0, sub_sport="treadmill", serial=2)
        )
    )
    (folder / "ride.gpx").write_bytes(
        gpx_bytes(SUNDAY - timedelta(days=1), 60, 30.0, kind="cycling")
    )
    (folder / "readme.md").write_text("not an activity")
    return folder


def test_import_a_folder_keeps_runs_and_counts_the_rest(
    capsys: pytest.CaptureFixture[str], watch_folder: Path
) -> None:
    code, out, err = run(capsys, "runs", "import", str(watch_folder))
    assert (code, err) == (0, "")
    assert "Imported 3 runs." in out
    assert "Skipped 1 activity that is not a run (cycling 1)." in out
    assert "Ignored 1 file" in out
    data = runs_json(capsys)
    assert [r["name"] for r in data] == ["Treadmill run", "Run", "Morning Run"]
    assert [r["source"] for r in data] == ["fit", "fit", "gpx"]


def test_importing_twice_adds_nothing(
    capsys: pytest.CaptureFixture[str], watch_folder: Path
) -> None:
    run(capsys, "runs", "import", str(watch_folder))
    code, out, _ = run(capsys, "runs", "import", str(watch_folder))
    assert code == 0 and "Imported 0 runs; 3 already in your history." in out
    assert len(runs_json(capsys)) == 3


def test_the_same_run_from_a_file_and_from_strava_is_stored_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # No source id in common: the GPX has none, so start and duration decide (Strava's
    # elapsed time differs from the track's by a few seconds).
    gpx = tmp_path / "sunday.gpx"
    gpx.write_bytes(gpx_bytes(SUNDAY + timedelta(seconds=4), 100, 21.1))
    csv_file = tmp_path / "activities.csv"
    csv_file.write_text(
        strava_csv(strava_row(9, "Jan 17, 2027, 8:00:00 AM", "Long", "Run", 6003, 21.1))
    )
    assert run(capsys, "runs", "import", str(csv_file))[0] == 0
    code, out, _ = run(capsys, "runs", "import", str(gpx))
    assert code == 0 and "Imported 0 runs; 1 already" in out
    # A different run the same morning (much shorter) is kept.
    other = tmp_path / "shakeout.gpx"
    other.write_bytes(gpx_bytes(SUNDAY + timedelta(seconds=30), 20, 3.0))
    assert "Imported 1 run." in run(capsys, "runs", "import", str(other))[1]


def test_a_strava_export_zip_prefers_its_csv_rows(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    export = tmp_path / "export_12345.zip"
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr(
            "activities.csv",
            strava_csv(
                strava_row(
                    1,
                    "Jan 17, 2027, 8:00:00 AM",
                    "Sunday long",
                    "Run",
                    6000,
                    21.1,
                    "activities/1.fit.gz",
                ),
                strava_row(
                    2,
                    "Jan 16, 2027, 9:00:00 AM",
                    "Coffee ride",
                    "Ride",
                    3600,
                    30.0,
                    "activities/2.gpx",
                ),
                strava_row(3, "Jan 15, 2027, 6:00:00 PM", "Treadmill", "Treadmill", 1800, 6.0),
            ),
        )
        # The listed files are the same activities, from a second, slightly different clock.
        archive.writestr(
            "activities/1.fit.gz",
            gzip.compress(fit_bytes(SUNDAY + timedelta(minutes=10), 90, 20.0, serial=5)),
        )
        archive.writestr("activities/2.gpx", gpx_bytes(SUNDAY, 60, 30, kind="cycling"))
        # Not in the csv: imported from its file.
        archive.writestr(
            "activities/4.gpx", gpx_bytes(SUNDAY + timedelta(days=1), 45, 9.0, name="Recovery")
        )
        archive.writestr("profile.csv", "Athlete ID\n1\n")
        archive.writestr("media/photo.jpg", b"\xff\xd8")
    code, out, err = run(capsys, "runs", "import", str(export))
    assert (code, err) == (0, "")
    assert "Imported 3 runs." in out and "Skipped 1 activity" in out and "Ride 1" in out
    data = runs_json(capsys)
    assert [(r["name"], r["source"]) for r in data] == [
        ("Recovery", "gpx"),
        ("Sunday long", "strava"),
        ("Treadmill", "strava"),
    ]
    assert data[1]["duration_s"] == 6000 and data[1]["distance_km"] == 21.1
    assert "Imported 0 runs; 3 already" in run(capsys, "runs", "import", str(export))[1]


def test_a_file_that_is_not_an_activity_fails_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("remember the bridges")
    good = tmp_path / "good.gpx"
    good.write_bytes(gpx_bytes(SUNDAY, 40, 8))
    broken = tmp_path / "broken.fit"
    broken.write_bytes(b"\x0e\x20garbage")
    code, out, err = run(
        capsys, "runs", "import", str(notes), str(good), str(broken), str(tmp_path / "missing.gpx")
    )
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 3 and "Traceback" not in err
    assert lines[0].startswith(f"runstrong: {notes}: not an activity file")
    assert any(line.startswith(f"runstrong: {broken}: ") for line in lines)
    assert any("missing.gpx: cannot be read" in line for line in lines)
    assert "Imported 1 run." in out
    assert len(runs_json(capsys)) == 1


def test_special_and_huge_files_are_refused_before_reading(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fifo = tmp_path / "pipe.gpx"
    os.mkfifo(fifo)  # opening it for reading would wait forever for a writer
    big = tmp_path / "big.gpx"
    big.write_bytes(gpx_bytes(SUNDAY, 40, 8))
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 100)
    code, _, err = run(capsys, "runs", "import", str(fifo), str(big), "/dev/null")
    assert code == 1
    assert f"{fifo}: is not a regular file" in err
    assert "/dev/null: is not a regular file" in err
    assert f"{big}: is " in err and "are not read" in err


def test_archives_are_read_within_the_cap(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "MAX_FILE_BYTES", 50_000)
    bomb = tmp_path / "bomb.fit.gz"
    bomb.write_bytes(gzip.compress(b"\0" * 200_000))  # small packed, too big unpacked
    export = tmp_path / "export.zip"
    with zipfile.ZipFile(export, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("activities/huge.gpx", b" " * 100_000)
        archive.writestr("activities/fine.gpx", gpx_bytes(SUNDAY, 40, 8))
    not_zip = tmp_path / "fake.zip"
    not_zip.write_text("not a zip")
    code, out, err = run(capsys, "runs", "import", str(bomb), str(export), str(not_zip))
    assert code == 1 and "Imported 1 run." in out
    assert f"{bomb}: more than 0 MB once decompressed" in err
    assert f"{export}:activities/huge.gpx: is 0 MB; files over 0 MB are not read" in err
    assert f"{not_zip}: not a readable zip file" in err


def test_runs_json_contract(capsys: pytest.CaptureFixture[str], tmp_path: Path, zone: str) -> None:
    csv_file = tmp_path / "activities.csv"
    csv_file.write_text(
        strava_csv(
            # 03:00 UTC on the 17th is 22:00 on the 16th in New York.
            strava_row(1, "Jan 17, 2027, 3:00:00 AM", "Late long run", "Run", 75 * 60, 15.0),
            strava_row(2, "Jan 18, 2027, 5:00:00 PM", "Easy", "Run", 74 * 60 + 59, 12.0),
        )
    )
    run(capsys, "runs", "import", str(csv_file))
    newest, oldest = runs_json(capsys)
    assert set(newest) == {"date", "start", "name", "distance_km", "duration_s", "kind", "source"}
    assert oldest == {
        "date": "2027-01-16",
        "start": "2027-01-16T22:00:00-05:00",
        "name": "Late long run",
        "distance_km": 15.0,
        "duration_s": 4500,
        "kind": "long",
        "source": "strava",
    }
    assert (newest["date"], newest["kind"]) == ("2027-01-18", "run")
    assert len(runs_json(capsys, "--limit", "1")) == 1
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text("long_run_minutes = 60\n")
    assert [r["kind"] for r in runs_json(capsys)] == ["long", "long"]
    code, out, _ = run(capsys, "runs")
    assert code == 0 and "Late long run" in out and "15.0" in out


def test_no_runs_yet(capsys: pytest.CaptureFixture[str]) -> None:
    assert runs_json(capsys) == []
    assert "No runs yet" in run(capsys, "runs")[1]
    assert not paths.history_file().exists()


def test_runs_go_out_with_export_and_come_back_with_import(
    capsys: pytest.CaptureFixture[str],
    watch_folder: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    run(capsys, "runs", "import", str(watch_folder))
    before = runs_json(capsys)
    exported = tmp_path / "export.jsonl"
    assert run(capsys, "export", "--format", "jsonl", "-o", str(exported))[0] == 0
    lines = [json.loads(line) for line in exported.read_text().splitlines()]
    assert [line["kind"] for line in lines] == ["run"] * 3
    monkeypatch.setenv("RUNSTRONG_DATA_DIR", str(tmp_path / "elsewhere"))
    code, out, _ = run(capsys, "import", str(exported))
    assert code == 0 and "Imported 3 run(s); 0 already present." in out
    assert runs_json(capsys) == before
    assert "Imported 0 run(s); 3 already present." in run(capsys, "import", str(exported))[1]
    assert runs_json(capsys) == before


def test_imported_run_names_are_cleaned(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    line = tmp_path / "runs.jsonl"
    line.write_text(
        json.dumps(
            {
                "kind": "run",
                "run_id": "r1",
                "source_id": None,
                "source": "gpx",
                "name": "Tempo\x1b[2J\x1b]0;pwned\x07 [red]x[/red]",
                "sport": "running",
                "start": "2027-01-17T08:00:00+01:00",
                "duration_s": 1800,
                "distance_m": 6000,
            }
        )
        + "\n"
    )
    assert run(capsys, "import", str(line))[0] == 0
    (only,) = runs_json(capsys)
    assert only["name"] == "Tempo [red]x[/red]"
    code, out, _ = run(capsys, "runs")
    assert code == 0 and "[red]x[/red]" in out and "\x1b" not in out


def test_a_wrong_run_line_stops_the_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        '{"kind": "run", "run_id": "a", "source": "gpx", "name": "x", '
        '"sport": "running", "start": "2027-01-17T08:00:00", "duration_s": 60}\n'
    )
    code, _, err = run(capsys, "import", str(bad))
    assert code == 1
    assert "line 1: start: needs a UTC offset" in err and "nothing was imported" in err


def test_run_kinds_per_local_date(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    folder = tmp_path / "runs"
    folder.mkdir()
    (folder / "a.fit").write_bytes(fit_bytes(SUNDAY, 100, 21.1, serial=1))
    (folder / "b.fit").write_bytes(fit_bytes(SUNDAY + timedelta(hours=8), 20, 3, serial=2))
    (folder / "c.fit").write_bytes(fit_bytes(SUNDAY + timedelta(days=2), 30, 6, serial=3))
    run(capsys, "runs", "import", str(folder))
    store = HistoryStore(paths.history_file())
    first, last = date(2027, 1, 16), date(2027, 1, 18)
    in_range = runs_between(store.db, first, last, UTC)
    assert len(in_range) == 2
    assert run_kinds(in_range, 75, UTC) == {date(2027, 1, 17): RunLength.LONG}
    every = run_kinds(recent_runs(store.db), 75, UTC)
    assert every == {date(2027, 1, 17): RunLength.LONG, date(2027, 1, 19): RunLength.RUN}
    store.close()


def test_what_today_takes_into_account_and_km_per_week(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    folder = tmp_path / "runs"
    folder.mkdir()
    (folder / "long.fit").write_bytes(fit_bytes(SUNDAY, 110, 21.1, serial=1))
    (folder / "easy.fit").write_bytes(fit_bytes(SUNDAY + timedelta(days=2), 40, 8, serial=2))
    (folder / "short.fit").write_bytes(fit_bytes(SUNDAY - timedelta(days=3), 20, 4, serial=3))
    run(capsys, "runs", "import", str(folder))
    store = HistoryStore(paths.history_file())
    rows = recent_runs(store.db)
    monday = date(2027, 1, 18)
    assert taken_into_account(rows, monday, 75, UTC) == "long run yesterday, 21.1 km"
    assert taken_into_account(rows, date(2027, 1, 19), 75, UTC) == "ran today, 8.0 km"
    assert taken_into_account(rows, date(2027, 1, 21), 75, UTC) is None
    # With loads in pounds, runs are in miles too.
    assert taken_into_account(rows, monday, 75, UTC, units="lb") == "long run yesterday, 13.1 mi"
    (folder / "double.fit").write_bytes(fit_bytes(SUNDAY + timedelta(days=1), 30, 5, serial=4))
    run(capsys, "runs", "import", str(folder / "double.fit"))
    assert (
        taken_into_account(recent_runs(store.db), monday, 75, UTC)
        == "ran today, 5.0 km; long run yesterday, 21.1 km"
    )
    week_runs = runs_between(store.db, monday, monday + timedelta(days=6), UTC)
    assert run_kinds(week_runs, 75, UTC) == {
        monday: RunLength.RUN,
        date(2027, 1, 19): RunLength.RUN,
    }
    assert weekly_km(store.db, 3, date(2027, 1, 24), UTC) == [
        (date(2027, 1, 4), 0.0),
        (date(2027, 1, 11), 25.1),
        (monday, 13.0),
    ]
    store.close()


def test_one_bad_file_in_a_strava_export_is_named_and_the_rest_import(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    export = tmp_path / "export_9.zip"
    fit = fit_bytes(SUNDAY + timedelta(days=2), 30, 5.0)
    with zipfile.ZipFile(export, "w") as archive:
        archive.writestr(
            "activities.csv",
            strava_csv(
                strava_row(1, "Jan 17, 2027, 8:00:00 AM", "Long", "Run", 6000, 21.1),
                strava_row(2, "Jan 1, 0001, 8:00:00 AM", "Year one", "Run", 1800, 5.0),
            ),
        )
        archive.writestr(
            "activities/3.tcx.gz", gzip.compress(tcx_bytes(SUNDAY + timedelta(days=1), 40, 8.0))
        )
        archive.writestr("activities/4.fit.gz", gzip.compress(fit[:20] + b"\x00" * 30 + fit[50:]))
        archive.writestr("activities/5.fit", fit)
        archive.writestr(
            "activities/6.gpx",
            b"<gpx><trk><trkseg><trkpt lat='1' lon='1'>"
            b"<time>2027-01-20T08:30:00Z</time></trkpt><trkpt lat='1' lon='1'>"
            b"<time>2027-01-20T08:00:00Z</time></trkpt></trkseg></trk></gpx>",
        )
    code, out, err = run(capsys, "runs", "import", str(export))
    assert code == 1 and "Traceback" not in err
    assert "Imported 3 runs." in out
    problems = err.strip().splitlines()
    assert len(problems) == 3, err
    assert any("activities.csv: row 3:" in p and "1970 to 2100" in p for p in problems)
    assert any("activities/4.fit.gz:" in p for p in problems)
    assert any("activities/6.gpx:" in p and "backwards" in p for p in problems)
    assert {r["source"] for r in runs_json(capsys)} == {"strava", "tcx", "fit"}
