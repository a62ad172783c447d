"""A non-editable install must carry the workouts and sounds inside the package."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (found,) = out.glob("runstrong-*.whl")
    return found


def test_wheel_ships_workouts_and_sounds(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    assert "runstrong/workouts/exercises.toml" in names
    assert "runstrong/workouts/core-stability.toml" in names
    assert any(n.startswith("runstrong/sounds/") and n.endswith(".wav") for n in names)
    assert not any(n.startswith(("workouts/", "sounds/", "tests/")) for n in names)


def test_installed_wheel_finds_its_content_from_elsewhere(wheel: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    code = (
        "import runstrong, runstrong.paths as p, runstrong.workout.catalog as w\n"
        f"assert str(runstrong.__file__).startswith({str(site)!r}), runstrong.__file__\n"
        "c = w.load_catalog()\n"
        "assert not c.invalid and not c.library_problems\n"
        f"print(len(c.sessions), str(p.bundled_workouts()).startswith({str(site)!r}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={
            "PYTHONPATH": str(site),
            "RUNSTRONG_CONFIG_DIR": str(tmp_path / "c"),
            "RUNSTRONG_DATA_DIR": str(tmp_path / "d"),
        },
    )
    assert result.returncode == 0, result.stderr
    count, inside = result.stdout.split()
    assert int(count) >= 8 and inside == "True"
