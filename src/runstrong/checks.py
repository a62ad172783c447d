"""Reading values out of parsed TOML, collecting a Problem for each that does not fit.

Shared by every file runstrong reads (workouts, the exercise library, plans): each problem
names the file, where in it, and the key, and says what was expected.
"""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from runstrong.reading import Refused, decode_utf8
from runstrong.text import clean_text, shown_value

# Ranges shared by every file that sets them: a rest means the same in settings.toml as in a
# workout file, so both check it against the same numbers.
SETS = (1, 20)
REPS = (1, 500)
HOLD_SECONDS = (1, 3600)
TEMPO_SECONDS = (0.5, 10.0)
LOAD_KG = (0.0, 500.0)
REST_SECONDS = (0, 900)
COUNT_IN_SECONDS = (0, 10)
GET_READY_SECONDS = (0, 120)
SWITCH_SIDES_SECONDS = (0, 60)
SESSIONS_PER_WEEK = (1, 7)
WEEKLY_TARGET = (1, 14)
LONG_RUN_MINUTES = (20, 600)


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    message: str
    where: str = ""
    key: str = ""

    def __post_init__(self) -> None:
        # File names, keys and quoted values come from the person's files: whatever they
        # hold, a problem never carries an escape sequence to the terminal.
        for name in ("file", "message", "where", "key"):
            object.__setattr__(self, name, clean_text(getattr(self, name)))

    def __str__(self) -> str:
        parts = [self.file, self.where, self.key]
        return ": ".join(part for part in parts if part) + ": " + self.message


def did_you_mean(word: str, choices: tuple[str, ...] | list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=3, cutoff=0.6)
    if not close:
        return ""
    return " (did you mean " + " or ".join(f"'{c}'" for c in close) + "?)"


def type_name(value: object) -> str:
    names = {bool: "true/false", int: "a number", float: "a number", str: "text"}
    for kind, name in names.items():
        if type(value) is kind:
            return f"{name} {shown_value(value)}"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a table"
    return type(value).__name__


class Checker:
    """Reads values out of TOML tables, recording a Problem for each that does not fit."""

    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []

    def add(self, message: str, where: str = "", key: str = "") -> None:
        self.problems.append(Problem(self.file, message, where, key))

    def unknown_keys(
        self, table: Mapping[str, Any], allowed: tuple[str, ...], where: str, prefix: str = ""
    ) -> None:
        for key in table:
            if key not in allowed:
                hint = did_you_mean(key, allowed) or "; expected one of " + ", ".join(allowed)
                self.add("unknown key" + hint, where, prefix + key)

    def boolean(self, table: Mapping[str, Any], key: str, where: str) -> bool | None:
        value = table.get(key)
        if value is None:
            return None
        if type(value) is not bool:
            self.add(f"expected true or false, got {shown_value(value)}", where, key)
            return None
        return value

    def text(
        self, table: Mapping[str, Any], key: str, where: str, *, multiline: bool = False
    ) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if not isinstance(value, str):
            self.add(f"expected text in quotes, got {type_name(value)}", where, key)
            return None
        return clean_text(value, multiline=multiline)

    def text_list(self, table: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
        value = table.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.add(
                f'expected a list of text such as ["a", "b"], got {type_name(value)}', where, key
            )
            return ()
        cleaned = (clean_text(v) for v in value)
        return tuple(v for v in cleaned if v)

    def integer(
        self,
        table: Mapping[str, Any],
        key: str,
        bounds: tuple[int, int],
        where: str,
        unit: str,
        prefix: str = "",
    ) -> int | None:
        value = self._bounded(table, key, bounds, where, unit, prefix, whole=True)
        return None if value is None else int(value)

    def decimal(
        self,
        table: Mapping[str, Any],
        key: str,
        bounds: tuple[float, float],
        where: str,
        unit: str,
        prefix: str = "",
    ) -> float | None:
        value = self._bounded(table, key, bounds, where, unit, prefix, whole=False)
        return None if value is None else float(value)

    def _bounded(
        self,
        table: Mapping[str, Any],
        key: str,
        bounds: tuple[float, float],
        where: str,
        unit: str,
        prefix: str,
        *,
        whole: bool,
    ) -> float | None:
        """A number within `bounds`, or None (and a problem naming the key) when it is not;
        `whole`: only an integer will do (TOML's 5.0 is a float, and is refused)."""
        value = table.get(key)
        label = prefix + key
        if value is None:
            return None
        low, high = (f"{int(b)}" if whole else f"{b:g}" for b in bounds)
        accepted: tuple[type, ...] = (int,) if whole else (int, float)
        if type(value) not in accepted:
            what = "a whole number" if whole else "a number"
            self.add(
                f"expected {what} of {unit} from {low} to {high}, got {type_name(value)}",
                where,
                label,
            )
            return None
        if not bounds[0] <= value <= bounds[1]:
            self.add(f"expected {low} to {high} {unit}, got {shown_value(value)}", where, label)
            return None
        return float(value)


def _line_with_most(source: str, score: Callable[[str], int]) -> str:
    """The line scoring highest, and its key: where a too-deep or too-long value is."""
    lines = source.splitlines() or [""]
    number, line = max(enumerate(lines, start=1), key=lambda item: score(item[1]))
    key = line.split("=", 1)[0].strip() if "=" in line else ""
    return f"line {number}" + (f", key {clean_text(key)[:40]}" if key else "")


def _brackets(line: str) -> int:
    return line.count("[") + line.count("{")


def _longest_number(line: str) -> int:
    return max((len(run) for run in re.findall(r"[0-9_]+", line)), default=0)


def parse_toml(source: str, file: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Parse TOML text; too deep or too long values become a Problem, never an exception."""
    try:
        return tomllib.loads(source), []
    except tomllib.TOMLDecodeError as error:
        return None, [Problem(file, f"not valid TOML: {error}")]
    except RecursionError:
        return None, [
            Problem(
                file,
                "its tables or lists are nested too deeply to read "
                f"({_line_with_most(source, _brackets)})",
            )
        ]
    except ValueError:
        # tomllib turns digits into int(), and Python refuses more than 4,300 of them.
        return None, [
            Problem(
                file,
                "a number has too many digits to read "
                f"({_line_with_most(source, _longest_number)})",
            )
        ]


def parse_document(
    data: bytes,
    file: str,
    what: str = "a [session] table and [[exercises]]",
) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Decode and parse a TOML file's bytes; never raises."""
    try:
        source = decode_utf8(data)
    except Refused as refused:
        return None, [Problem(file, str(refused))]
    if not source.strip():
        return None, [Problem(file, f"the file is empty; expected {what}")]
    return parse_toml(source, file)
