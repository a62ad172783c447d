"""settings.toml: read with tomllib, edited in place with tomlkit, never a reason to crash.

A bad value or an unknown key produces a warning naming the file and the key, and that key
falls back to its default. The file is only rewritten when the person saves from the
settings screen, so a typo is never "fixed" by silently dropping what they wrote.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from runstrong import paths
from runstrong.checks import (
    COUNT_IN_SECONDS,
    GET_READY_SECONDS,
    LONG_RUN_MINUTES,
    REST_SECONDS,
    SWITCH_SIDES_SECONDS,
    WEEKLY_TARGET,
    Checker,
    did_you_mean,
    parse_toml,
)
from runstrong.reading import Refused, decode_utf8, read_capped
from runstrong.session.timeline import Timing
from runstrong.text import clean_text, shown_value

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
    # The day the active plan began (`plan use` writes it): week 1 of the plan, the gentle
    # start and easier weeks count from here (None: from the plan's first session logged).
    plan_started: date | None = None
    units: str = "kg"  # "kg" or "lb": loads (and run distances, km or mi) as shown and typed
    race_dates: tuple[date, ...] = ()  # ISO dates in the file: ["2027-04-18"]
    companion_lan: bool = False  # the phone page on the home network rather than this computer
    # Not a key of the file: whether the person has told runstrong their running week (any of
    # WEEK_KEYS in the file). Until then no run is assumed, not even the default Sunday long
    # run, and today's line says how to set the week.
    week_told: bool = True

    @property
    def timing(self) -> Timing:
        """The lengths a session takes from settings: the one place `Timing` is built from
        them, for a running session and every estimate alike."""
        return Timing(
            get_ready=self.get_ready,
            switch_sides=self.switch_sides,
            count_in=self.count_in,
            rest_between_sets=self.rest_between_sets,
            rest_between_exercises=self.rest_between_exercises,
        )


@dataclass(frozen=True, slots=True)
class EffectiveSettings:
    """The settings as they hold for this run: the file's (`saved`), with the command line's
    flags on top. The flags are applied here, once, and outlast a save."""

    saved: Settings = field(default_factory=Settings)
    mute: bool = False
    voice: bool = False
    companion: bool = False
    """--companion: the phone page starts with each session."""
    lan: bool = False
    """--lan: the phone page on the home network, whatever the setting says."""

    @property
    def sound(self) -> bool:
        return self.saved.sound and not self.mute

    @property
    def speaks(self) -> bool:
        return self.voice or self.saved.voice

    @property
    def companion_lan(self) -> bool:
        return self.lan or self.saved.companion_lan

    @property
    def timing(self) -> Timing:
        return self.saved.timing

    def with_saved(self, chosen: Settings) -> EffectiveSettings:
        return replace(self, saved=chosen)


RANGES = {
    "count_in": COUNT_IN_SECONDS,
    "get_ready": GET_READY_SECONDS,
    "switch_sides": SWITCH_SIDES_SECONDS,
    "rest_between_sets": REST_SECONDS,
    "rest_between_exercises": REST_SECONDS,
    "weekly_target": WEEKLY_TARGET,
    "long_run_minutes": LONG_RUN_MINUTES,
}
NAMES = tuple(f.name for f in fields(Settings) if f.name != "week_told")
WEEK_KEYS = ("run_days", "key_run_days", "long_run_day")
UNTOLD = Settings(week_told=False)
DAY_KEYS = ("long_run_day",)
UNITS = ("kg", "lb")
DEFAULTS = Settings()


def clock_time(value: str) -> tuple[int, int] | None:
    """Hours and minutes of a "HH:MM" 24-hour time, or None."""
    hours, _, minutes = value.strip().partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and len(hours) <= 2):
        return None
    if int(hours) > 23 or int(minutes) > 59:
        return None
    return int(hours), int(minutes)


class SettingsNotSaved(Exception):
    """settings.toml could not be written; the message says why and that nothing changed."""


def _check(check: Checker, key: str, value: Any) -> Any:
    """The value if it fits `key`, else None after recording a problem."""
    default = getattr(DEFAULTS, key)
    if key == "race_dates":
        return _dates(check, key, value)
    if key == "plan_started":
        return _day(check, value)
    if key == "units":
        if value in UNITS:
            return value
        check.add(f'expected "kg" or "lb", got {shown_value(value)}', key=key)
        return None
    if key == "session_time":
        clock = clock_time(value) if isinstance(value, str) else None
        if clock is None:
            check.add(f'expected a 24-hour time such as "18:00", got {shown_value(value)}', key=key)
            return None
        return f"{clock[0]:02d}:{clock[1]:02d}"
    if isinstance(default, bool):
        if type(value) is bool:
            return value
        check.add(f"expected true or false, got {shown_value(value)}", key=key)
        return None
    if isinstance(default, int):
        low, high = RANGES[key]
        if type(value) is int and low <= value <= high:
            return value
        check.add(
            f"expected a whole number from {low} to {high}, got {shown_value(value)}", key=key
        )
        return None
    if isinstance(default, tuple):
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            days = [v.strip().lower()[:3] for v in value]
            bad = [v for v, d in zip(value, days, strict=True) if d not in WEEKDAYS]
            if not bad:
                return tuple(dict.fromkeys(days))
            check.add(
                f'unknown day {shown_value(bad[0])}; expected names such as "mon" or "saturday"',
                key=key,
            )
            return None
        check.add('expected a list of days such as ["tue", "sat"]', key=key)
        return None
    if key in DAY_KEYS and isinstance(value, str):
        name = value.strip().lower()[:3]
        if name in WEEKDAYS or name in ("", "non"):
            return "" if name == "non" else name
        check.add(
            f'unknown day {shown_value(value)}; expected a day such as "sun", or "" for none',
            key=key,
        )
        return None
    if isinstance(value, str):
        return clean_text(value)
    check.add(f"expected text, got {shown_value(value)}", key=key)
    return None


def _one_date(value: Any) -> date | None:
    """A date written as a TOML date (2026-01-05) or as ISO text ("2026-01-05")."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def _day(check: Checker, value: Any) -> date | None:
    day = _one_date(value)
    if day is None:
        check.add(
            f"expected a date such as 2026-01-05, got {shown_value(value)}", key="plan_started"
        )
    return day


def _dates(check: Checker, key: str, value: Any) -> tuple[date, ...] | None:
    items = value if isinstance(value, list) else None
    if items is None:
        check.add(
            f'expected a list of dates such as ["2027-04-18"], got {shown_value(value)}', key=key
        )
        return None
    days = [_one_date(v) for v in items]
    bad = [v for v, d in zip(items, days, strict=True) if d is None]
    if bad:
        check.add(f'expected dates such as "2027-04-18", got {shown_value(bad[0])}', key=key)
        return None
    return tuple(sorted({d for d in days if d is not None}))


def load(path: Path | None = None) -> tuple[Settings, list[str]]:
    """The person's settings and a warning for everything that had to fall back."""
    path = path or paths.settings_file()
    label = clean_text(str(path))
    try:
        source = decode_utf8(read_capped(path, "settings file"))
    except Refused as refused:
        # os.path.lexists never raises (Path.exists does, for a folder the person may
        # not enter).
        if not os.path.lexists(path):
            return UNTOLD, []
        return UNTOLD, [f"{label}: {refused}; using default settings"]
    if not source.strip():
        return UNTOLD, []
    doc, problems = parse_toml(source, label)
    if doc is None:
        return UNTOLD, [f"{problem}; using default settings" for problem in problems]
    return from_mapping(doc, label)


def from_mapping(doc: Mapping[str, Any], label: str) -> tuple[Settings, list[str]]:
    """Settings from parsed values, each bad one replaced by its default with a warning."""
    check = Checker(label)
    values: dict[str, Any] = {}
    warnings: list[str] = []
    for key, value in doc.items():
        if key not in NAMES:
            check.add(f"unknown setting{did_you_mean(key, NAMES)}; ignored", key=key)
            continue
        checked = _check(check, key, value)
        if checked is not None:
            values[key] = checked
        else:
            check.problems[-1] = replace(
                check.problems[-1], message=check.problems[-1].message + "; using the default"
            )
    warnings = [str(problem) for problem in check.problems]
    return Settings(**values, week_told=any(key in doc for key in WEEK_KEYS)), warnings


def _as_toml(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return [_as_toml(v) for v in value] if isinstance(value, tuple) else value


def save(settings: Settings, path: Path | None = None) -> Path:
    """Write only what changed into settings.toml, in place.

    Comments, unknown keys, the order and the spelling of every other value stay as the person
    wrote them; a symlinked file stays a symlink (its target is replaced). A file that does not
    parse is left alone and SettingsNotSaved says so.
    """
    return _save(settings, path, NAMES)[0]


def save_edited(
    settings: Settings, keys: Collection[str], path: Path | None = None
) -> tuple[Path, Settings]:
    """Write only `keys` (what the person edited), read against the file as it is now: a
    `plan use` in another terminal since the settings screen opened stays. Returns the
    settings now in effect: the file's, with the edited keys."""
    return _save(settings, path, tuple(key for key in NAMES if key in keys))


def _save(settings: Settings, path: Path | None, keys: tuple[str, ...]) -> tuple[Path, Settings]:
    # Only saving needs tomlkit; every start reads settings with tomllib.
    import tomlkit
    from tomlkit.exceptions import TOMLKitError

    path = path or paths.settings_file()
    target = path.resolve() if path.is_symlink() else path
    label = clean_text(str(path))
    document = tomlkit.document()
    written = Settings()
    try:
        source = decode_utf8(read_capped(target, "settings file"))
    except Refused as refused:
        if target.exists():
            raise SettingsNotSaved(f"{label}: {refused}; nothing was changed") from None
        source = ""
    if source.strip():
        try:
            document = tomlkit.parse(source)
        except (TOMLKitError, RecursionError, ValueError) as error:
            raise SettingsNotSaved(
                f"{label}: not valid TOML ({clean_text(str(error))}); nothing was changed. "
                "Fix or remove the file, then choose again."
            ) from None
        parsed, _ = parse_toml(source, label)
        written, _ = from_mapping(parsed or {}, label)
    for key in keys:
        wanted = getattr(settings, key)
        if getattr(written, key) == wanted and (
            key in document or wanted == getattr(DEFAULTS, key)
        ):
            continue
        if wanted is None:
            document.pop(key, None)  # TOML has no null: an unset value is left out
            continue
        document[key] = _as_toml(wanted)
    _replace_file(target, tomlkit.dumps(document), label)
    told = written.week_told or any(key in keys for key in WEEK_KEYS)
    return path, replace(written, **{key: getattr(settings, key) for key in keys}, week_told=told)


def _replace_file(target: Path, text: str, label: str) -> None:
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        temporary.write_text(text, encoding="utf-8")
        if target.exists():
            os.chmod(temporary, target.stat().st_mode & 0o7777)
        temporary.replace(target)
    except OSError as error:
        with contextlib.suppress(OSError):
            temporary.unlink(missing_ok=True)
        raise SettingsNotSaved(
            f"cannot save {label}: {error.strerror or error}; nothing was changed"
        ) from None
