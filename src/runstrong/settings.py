"""settings.toml: read with tomllib, written with tomli-w, never a reason to crash.

A bad value or an unknown key produces a warning naming the file and the key, and that key
falls back to its default. The file is only rewritten when the person saves from the
settings screen, so a typo is never "fixed" by silently dropping what they wrote.
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import tomli_w

from runstrong import paths
from runstrong.checks import did_you_mean
from runstrong.timeline import Timing

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True, slots=True)
class Settings:
    sound: bool = True
    voice: bool = False
    count_in: int = 3
    get_ready: int = 10
    switch_sides: int = 5
    rest_between_sets: int = 30
    rest_between_exercises: int = 45
    run_days: tuple[str, ...] = ()
    key_run_days: tuple[str, ...] = ()
    long_run_day: str = "sun"  # "" when there is no long run
    theme: str = "textual-dark"
    plan: str = ""
    weekly_target: int = 2
    long_run_minutes: int = 75
    session_time: str = "18:00"

    @property
    def timing(self) -> Timing:
        """The lengths a session takes from settings: the app and every estimate use these."""
        return Timing(get_ready=self.get_ready, switch_sides=self.switch_sides)


RANGES = {
    "count_in": (0, 10),
    "get_ready": (0, 120),
    "switch_sides": (0, 60),
    "rest_between_sets": (0, 900),
    "rest_between_exercises": (0, 900),
    "weekly_target": (1, 14),
    "long_run_minutes": (20, 600),
}
NAMES = tuple(f.name for f in fields(Settings))
DAY_KEYS = ("long_run_day",)


def clock_time(value: str) -> tuple[int, int] | None:
    """Hours and minutes of a "HH:MM" 24-hour time, or None."""
    hours, _, minutes = value.strip().partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and len(hours) <= 2):
        return None
    if int(hours) > 23 or int(minutes) > 59:
        return None
    return int(hours), int(minutes)


def _check(key: str, value: Any, label: str) -> tuple[Any, str | None]:
    default = getattr(Settings(), key)
    if key == "session_time":
        clock = clock_time(value) if isinstance(value, str) else None
        if clock is None:
            return default, f"{label}: {key}: expected a 24-hour time such as \"18:00\", " \
                            f"got {value!r}"
        return f"{clock[0]:02d}:{clock[1]:02d}", None
    if isinstance(default, bool):
        if isinstance(value, bool):
            return value, None
        return default, f"{label}: {key}: expected true or false, got {value!r}"
    if isinstance(default, int):
        low, high = RANGES[key]
        if type(value) is int and low <= value <= high:
            return value, None
        return default, f"{label}: {key}: expected a whole number from {low} to {high}, " \
                        f"got {value!r}"
    if isinstance(default, tuple):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            days = [v.strip().lower()[:3] for v in value]
            bad = [v for v, d in zip(value, days, strict=True) if d not in WEEKDAYS]
            if not bad:
                return tuple(dict.fromkeys(days)), None
            return default, f"{label}: {key}: unknown day {bad[0]!r}; expected names such " \
                             f"as \"mon\" or \"saturday\""
        return default, f"{label}: {key}: expected a list of days such as [\"tue\", \"sat\"]"
    if key in DAY_KEYS and isinstance(value, str):
        day = value.strip().lower()[:3]
        if day in WEEKDAYS or day in ("", "non"):
            return ("" if day == "non" else day), None
        return default, f"{label}: {key}: unknown day {value!r}; expected a day such as " \
                        "\"sun\", or \"\" for none"
    if isinstance(value, str):
        return value, None
    return default, f"{label}: {key}: expected text, got {value!r}"


def load(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The person's settings and a warning for everything that had to fall back."""
    path = path or paths.settings_file()
    label = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Settings(), []
    except OSError as error:
        return Settings(), [f"{label}: cannot be read ({error.strerror or error}); "
                            "using default settings"]
    try:
        doc = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return Settings(), [f"{label}: not valid TOML ({error}); using default settings"]
    return from_mapping(doc, label)


def from_mapping(doc: dict[str, Any], label: str) -> tuple[Settings, list[str]]:
    """Settings from parsed values, each bad one replaced by its default with a warning."""
    values: dict[str, Any] = {}
    warnings: list[str] = []
    for key, value in doc.items():
        if key not in NAMES:
            warnings.append(f"{label}: {key}: unknown setting{did_you_mean(key, NAMES)}; "
                            "ignored")
            continue
        checked, warning = _check(key, value, label)
        values[key] = checked
        if warning:
            warnings.append(warning + "; using the default")
    return Settings(**values), warnings


def save(settings: Settings, path: Path | None = None) -> Path:
    path = path or paths.settings_file()
    data = {k: list(v) if isinstance(v, tuple) else v for k, v in asdict(settings).items()}
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".toml.tmp")
    temporary.write_text(tomli_w.dumps(data), encoding="utf-8")
    temporary.replace(path)
    return path
