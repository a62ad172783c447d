from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from . import fuzzing


@pytest.fixture(autouse=True)
def isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own config and data folders; nobody's real files are touched."""
    config, data = tmp_path / "config", tmp_path / "data"
    monkeypatch.setenv("RUNSTRONG_CONFIG_DIR", str(config))
    monkeypatch.setenv("RUNSTRONG_DATA_DIR", str(data))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    yield tmp_path


@pytest.fixture
def user_workouts(isolated_dirs: Path) -> Path:
    folder = isolated_dirs / "config" / "workouts"
    folder.mkdir(parents=True)
    return folder


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--runslow",
        action="store_true",
        help="also run the slow tests: real processes in pseudo-terminals, "
        "kill -9, building the wheel, real sound",
    )


def pytest_configure(config: pytest.Config) -> None:
    # Before the test modules are imported: their fuzz settings read this.
    fuzzing.THOROUGH = bool(config.getoption("--runslow"))


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--runslow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --runslow (CI and the README command do)")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)
