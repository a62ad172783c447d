"""The one place that knows where runstrong's files live.

User files go through platformdirs (which honours XDG_CONFIG_HOME / XDG_DATA_HOME on Linux).
`RUNSTRONG_CONFIG_DIR` and `RUNSTRONG_DATA_DIR` override them, so tests and benchmarks never
touch a person's real data.
"""

from __future__ import annotations

import os
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

import platformdirs

APP_NAME = "runstrong"
LIBRARY_FILE = "exercises.toml"


def config_dir() -> Path:
    override = os.environ.get("RUNSTRONG_CONFIG_DIR")
    return Path(override) if override else Path(platformdirs.user_config_dir(APP_NAME))


def data_dir() -> Path:
    override = os.environ.get("RUNSTRONG_DATA_DIR")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME))


def user_workouts_dir() -> Path:
    return config_dir() / "workouts"


def user_plans_dir() -> Path:
    return config_dir() / "plans"


def settings_file() -> Path:
    return config_dir() / "settings.toml"


def history_file() -> Path:
    return data_dir() / "history.sqlite3"


def _bundled(name: str) -> Traversable:
    # A wheel carries the repo's top-level folders inside the package (hatch force-include);
    # an editable install does not, so fall back to the source checkout.
    packaged = files("runstrong") / name
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / name


def bundled_workouts() -> Traversable:
    return _bundled("workouts")


def bundled_sounds() -> Traversable:
    return _bundled("sounds")
