"""Activity files fuzzed: FIT, GPX, TCX, Strava CSV and zips, damaged at random, give runs or
named problems, never an exception; and `runs import` over the whole corpus gives no
traceback."""

from __future__ import annotations

import gzip
import io
import random
import subprocess
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from runstrong.activities.model import NotAnActivity, out_of_range
from runstrong.activities.sources import collect, read_activity
from runstrong.cli import main

from ..activity_files import fit_bytes, gpx_bytes, strava_csv, strava_row, tcx_bytes

START = datetime(2027, 1, 17, 8, 0, tzinfo=UTC)
FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
CELLS = ["nan", "inf", "-inf", "1e308", "1e400", "-5", "", "x" * 2000, "0001", "\x1b[2J", '"']


def _csv_seed() -> bytes:
    rows = [strava_row(n, "Jan 17, 2027, 8:00:00 AM", "Run", "Run", 1800, 5.0) for n in (1, 2)]
    return strava_csv(*rows).encode()


def _zip_seed() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("activities.csv", _csv_seed())
        archive.writestr("activities/1.fit.gz", gzip.compress(fit_bytes(START, 30, 5)))
        archive.writestr("activities/2.gpx", gpx_bytes(START + timedelta(days=1), 30, 5))
        archive.writestr("activities/3.tcx", tcx_bytes(START + timedelta(days=2), 30, 5))
    return buffer.getvalue()


SEEDS = {
    "fit": fit_bytes(START, 30, 5),
    "gpx": gpx_bytes(START, 30, 5),
    "tcx": tcx_bytes(START, 30, 5),
    "csv": _csv_seed(),
    "zip": _zip_seed(),
}


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One of the damages a file meets: flipped bytes, a cut, junk inserted, a chunk repeated,
    or (for text) a field replaced by a hostile value."""
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        how = rng.randrange(5)
        at = rng.randrange(len(out)) if out else 0
        if how == 0 and out:
            out[at] = rng.randrange(256)
        elif how == 1:
            del out[at:]
        elif how == 2:
            out[at:at] = rng.randbytes(rng.randint(1, 16))
        elif how == 3:
            end = min(len(out), at + rng.randint(1, 64))
            out[at:at] = out[at:end]
        else:
            text = out.decode("latin-1").replace("1800", rng.choice(CELLS), 1)
            year = rng.choice(["0001", "9999", "1969"])
            out = bytearray(text.replace("2027", year, 1), "latin-1")
    return bytes(out)


def _suffix(kind: str) -> str:
    return {"csv": "activities.csv"}.get(kind, f"file.{kind}")


def _assert_readable(kind: str, data: bytes, tmp_path: Path) -> None:
    if kind == "zip":
        path = tmp_path / "export.zip"
        path.write_bytes(data)
        found = collect([path])
        assert all(out_of_range(run) is None for run in found.runs)
        return
    try:
        activities = read_activity(_suffix(kind), data)
    except NotAnActivity as problem:
        assert str(problem)
        return
    assert isinstance(activities, list)


@pytest.mark.parametrize("kind", sorted(SEEDS))
@FUZZ
@given(seed=st.integers(0, 2**32))
def test_damaged_files_give_activities_or_a_problem(tmp_path: Path, kind: str, seed: int) -> None:
    _assert_readable(kind, mutate(SEEDS[kind], random.Random(seed)), tmp_path)


def write_corpus(folder: Path, per_kind: int, kinds: tuple[str, ...] = tuple(SEEDS)) -> int:
    """The fuzzers' corpus on disk: `per_kind` damaged copies of each seed file."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for kind in kinds:
        rng = random.Random(f"corpus-{kind}")
        for n in range(per_kind):
            name = "activities.csv" if kind == "csv" else f"{n}.{kind}"
            target = folder / kind / f"{n}" if kind == "csv" else folder / kind
            target.mkdir(parents=True, exist_ok=True)
            (target / name).write_bytes(mutate(SEEDS[kind], rng))
            count += 1
    return count


def test_runs_import_over_the_corpus_gives_no_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write_corpus(tmp_path / "corpus", 60)
    code = main(["runs", "import", str(tmp_path / "corpus")])
    out, err = capsys.readouterr()
    assert code in (0, 1) and "Traceback" not in out + err
    assert "Imported" in out  # the undamaged copies are kept beside the named problems


@pytest.mark.slow
def test_runs_import_over_6000_damaged_fit_files_and_the_rest(tmp_path: Path) -> None:
    write_corpus(tmp_path / "corpus", 6000, ("fit",))
    write_corpus(tmp_path / "corpus", 400, ("gpx", "tcx", "csv", "zip"))
    done = subprocess.run(
        [sys.executable, "-m", "runstrong", "runs", "import", str(tmp_path / "corpus")],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr[-2000:]
    assert "Traceback" not in done.stdout + done.stderr


def test_an_unknown_encoding_in_the_declaration_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    # Found by the fuzz test above (seed 2569): one damaged byte turned UTF-8 into URF-8.
    from runstrong.activities.model import NotAnActivity
    from runstrong.activities.tcx import read_tcx

    data = b'<?xml version="1.0" encoding="URF-8"?>\n<TrainingCenterDatabase/>'
    with pytest.raises(NotAnActivity, match="not a readable TCX file"):
        read_tcx(data)


def test_a_zip_member_without_a_name_is_skipped_and_said(tmp_path: Path) -> None:
    # Found by the zip fuzz test (seed 757): a damaged central directory named a member "".
    from runstrong.activities.sources import collect

    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("activities/run.gpx", "not really a gpx")
    data = path.read_bytes().replace(b"activities/run.gpx", b"\0" * len("activities/run.gpx"))
    # Zero bytes in a name are cut there by zipfile, leaving an empty name.
    path.write_bytes(data)
    found = collect([path])
    assert any("without a name" in problem for problem in found.problems), found.problems
