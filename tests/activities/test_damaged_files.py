"""Damaged, hostile and impossible activity files: each is named with its reason and skipped,
the good ones beside it still import, and nothing raises."""

from __future__ import annotations

import gzip
import io
import struct
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import fitdecode
import pytest

from runstrong.activities import sources
from runstrong.activities.fit import read_fit
from runstrong.activities.model import NotAnActivity
from runstrong.activities.sources import collect, read_activity
from runstrong.activities.strava import read_activities_csv

from ..activity_files import fit_bytes, gpx_bytes, strava_csv, strava_row, tcx_bytes

START = datetime(2027, 1, 17, 8, 0, tzinfo=UTC)


def _gpx(*times: str) -> bytes:
    points = "".join(
        f'<trkpt lat="{45 + n / 1000}" lon="7"><time>{t}</time></trkpt>'
        for n, t in enumerate(times)
    )
    return (
        '<?xml version="1.0"?><gpx version="1.1" creator="t" '
        'xmlns="http://www.topografix.com/GPX/1/1">'
        f"<trk><name>R</name><type>running</type><trkseg>{points}</trkseg></trk></gpx>"
    ).encode()


BOMB = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
)


@pytest.mark.parametrize(
    "error", [TypeError("x"), AssertionError(), struct.error("unpack"), ValueError("size")]
)
def test_any_exception_from_fitdecode_is_a_damaged_file(
    monkeypatch: pytest.MonkeyPatch, error: Exception
) -> None:
    def broken(*_: object, **__: object) -> None:
        raise error

    monkeypatch.setattr(fitdecode, "FitReader", broken)
    with pytest.raises(NotAnActivity, match="damaged FIT file"):
        read_fit(fit_bytes(START, 30, 5))


def test_a_fit_damaged_after_its_summary_keeps_the_summary() -> None:
    data = fit_bytes(START, 30, 5)
    # Garbage where the checksum was: a record header with no record behind it.
    (found,) = read_fit(data[:-2] + b"\x40\xff")
    assert found.duration_s == 1800 and found.distance_m == 5000


@pytest.mark.parametrize(
    ("times", "reason"),
    [
        (("0001-01-01T00:00:00Z", "0001-01-01T00:30:00Z"), "1970 to 2100"),
        (("9999-12-31T23:00:00Z", "9999-12-31T23:30:00Z"), "1970 to 2100"),
        (("2027-01-17T08:30:00Z", "2027-01-17T08:00:00Z"), "go backwards at track point 2"),
        (("2027-01-17T08:00:00", "2027-01-17T08:30:00Z"), "mix"),
        # A bad first timestamp: a run of 848,475,600 s.
        (("2000-03-19T08:00:00Z", "2027-01-17T08:00:00Z"), "7 days"),
    ],
)
def test_gpx_with_impossible_times_is_reported_not_stored(
    tmp_path: Path, times: tuple[str, ...], reason: str
) -> None:
    (tmp_path / "bad.gpx").write_bytes(_gpx(*times))
    found = collect([tmp_path / "bad.gpx"])
    assert not found.runs
    assert len(found.problems) == 1 and reason in found.problems[0]
    assert "bad.gpx" in found.problems[0]


def test_xml_entity_bombs_are_refused_in_gpx_and_tcx() -> None:
    gpx = BOMB + b'<gpx version="1.1" creator="&lol2;"><trk/></gpx>'
    tcx = BOMB + b"<TrainingCenterDatabase><Activities/></TrainingCenterDatabase>"
    for name, data in (("a.gpx", gpx), ("a.tcx", tcx)):
        with pytest.raises(NotAnActivity, match="entities"):
            read_activity(name, data)


def test_tcx_and_tcx_gz_with_strava_leading_spaces() -> None:
    (run,) = read_activity("a.tcx", tcx_bytes(START, 40, 8.2, lead="          "))
    assert (run.start, run.duration_s, run.distance_m, run.sport) == (
        START,
        2400,
        8200,
        "running",
    )
    (ride,) = read_activity("b.tcx.gz", gzip.compress(tcx_bytes(START, 60, 30, sport="Biking")))
    assert ride.sport == "cycling" and ride.source == "tcx"


@pytest.mark.parametrize(
    ("cells", "reason"),
    [
        ({"seconds": "nan"}, "Elapsed Time nan"),
        ({"seconds": "inf"}, "Elapsed Time inf"),
        ({"seconds": "1e308"}, "Elapsed Time 1e+308"),
        ({"date": "Jan 1, 0001, 8:00:00 AM"}, "1970 to 2100"),
        ({"date": "Dec 31, 9999, 8:00:00 AM"}, "1970 to 2100"),
        ({"metres": "1e400"}, "0 to 1,000 km"),
        ({"metres": "-5000"}, "0 to 1,000 km"),
    ],
)
def test_strava_rows_out_of_range_are_named_and_skipped(cells: dict[str, str], reason: str) -> None:
    date = cells.get("date", "Jan 17, 2027, 8:00:00 AM")
    seconds, metres = cells.get("seconds", "1800"), cells.get("metres", "5000.0")
    bad = f'7,"{date}","Bad",Run,,{seconds},5.0,,,,,,,70,,{seconds},0,{metres},4'
    good = strava_row(8, "Jan 18, 2027, 8:00:00 AM", "Good", "Run", 1800, 5.0)
    export = read_activities_csv(strava_csv(bad, good))
    assert [a.name for a in export.activities] == ["Good"]
    (problem,) = export.problems
    assert problem.startswith("row 2:") and reason in problem


def test_a_200_kb_description_cell_still_reads_its_row() -> None:
    row = strava_row(9, "Jan 17, 2027, 8:00:00 AM", "Long notes", "Run", 1800, 5.0)
    head, tail = row.split(",Run,,", 1)
    export = read_activities_csv(strava_csv(f'{head},Run,"{"x" * 200_000}",{tail}'))
    assert [a.name for a in export.activities] == ["Long notes"] and not export.problems


def _patch_member(data: bytes, local_offset: int, central_offset: int, value: bytes) -> bytes:
    """Overwrite a field of the first member in both its local and its central header."""
    out = bytearray(data)
    local, central = out.index(b"PK\x03\x04"), out.index(b"PK\x01\x02")
    out[local + local_offset : local + local_offset + len(value)] = value
    out[central + central_offset : central + central_offset + len(value)] = value
    return bytes(out)


def _zip(members: dict[str, bytes], method: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_damaged_zip_members_are_skipped_and_the_rest_read(tmp_path: Path) -> None:
    good = gpx_bytes(START + timedelta(days=1), 30, 5)
    first = {"activities/1.gpx": gpx_bytes(START, 30, 5), "activities/2.gpx": good}
    encrypted = _patch_member(_zip(first), 6, 8, b"\x01")  # flag bit 0: encrypted
    unsupported = _patch_member(_zip(first), 8, 10, b"\x63")  # method 99 (AES)
    lzma = bytearray(_zip(first, zipfile.ZIP_LZMA))
    lzma[60:80] = b"\xff" * 20  # inside the first member's compressed data
    nested = _zip({"inner.zip": _zip(first), "activities/2.gpx": good})
    for name, data in (
        ("encrypted.zip", encrypted),
        ("unsupported.zip", unsupported),
        ("lzma.zip", bytes(lzma)),
        ("nested.zip", nested),
    ):
        (tmp_path / name).write_bytes(data)
        found = collect([tmp_path / name])
        assert [r.start for r in found.runs] == [START + timedelta(days=1)], name
        assert len(found.problems) == 1 and name in found.problems[0], found.problems
    assert "encrypted" in collect([tmp_path / "encrypted.zip"]).problems[0]
    assert "zip inside a zip" in collect([tmp_path / "nested.zip"]).problems[0]


def test_zips_over_the_caps_are_refused_with_a_message(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert (sources.MAX_ARCHIVE_UNPACKED, sources.MAX_ARCHIVE_MEMBERS) == (2 * 1024**3, 100_000)
    path = tmp_path / "export.zip"
    path.write_bytes(_zip({f"activities/{n}.gpx": gpx_bytes(START, 30, 5) for n in range(4)}))
    monkeypatch.setattr(sources, "MAX_ARCHIVE_MEMBERS", 3)
    (problem,) = collect([path]).problems
    assert "holds 4 files" in problem and "not read" in problem
    monkeypatch.setattr(sources, "MAX_ARCHIVE_MEMBERS", 100_000)
    monkeypatch.setattr(sources, "MAX_ARCHIVE_UNPACKED", 1000)
    (problem,) = collect([path]).problems
    assert "unpack" in problem and "not read" in problem


def test_a_symlink_loop_is_named_not_followed(tmp_path: Path) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "a.gpx").symlink_to(folder / "b.gpx")
    (folder / "b.gpx").symlink_to(folder / "a.gpx")
    (folder / "good.gpx").write_bytes(gpx_bytes(START, 30, 5))
    found = collect([folder, folder / "a.gpx"])
    assert len(found.runs) == 1
    assert len(found.problems) == 3 and all("cannot be read" in p for p in found.problems)
