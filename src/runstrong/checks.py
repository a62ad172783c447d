"""Reading values out of parsed TOML, collecting a Problem for each that does not fit.

Shared by every file runstrong reads (workouts, the exercise library, plans): each problem
names the file, where in it, and the key, and says what was expected.
"""

from __future__ import annotations

import difflib
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from runstrong.text import clean_text


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    message: str
    where: str = ""
    key: str = ""

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
            return f"{name} {value!r}" if kind is not str else f"text {value!r}"
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
            self.add(f'expected a list of text such as ["a", "b"], got {type_name(value)}',
                     where, key)
            return ()
        cleaned = (clean_text(v) for v in value)
        return tuple(v for v in cleaned if v)

    def integer(
        self, table: Mapping[str, Any], key: str, bounds: tuple[int, int], where: str, unit: str,
        prefix: str = "",
    ) -> int | None:
        value = table.get(key)
        label = prefix + key
        if value is None:
            return None
        low, high = bounds
        if type(value) is not int:
            self.add(f"expected a whole number of {unit} from {low} to {high}, "
                     f"got {type_name(value)}", where, label)
            return None
        if not low <= value <= high:
            self.add(f"expected {low} to {high} {unit}, got {value}", where, label)
            return None
        return value

    def decimal(
        self, table: Mapping[str, Any], key: str, bounds: tuple[float, float], where: str,
        unit: str, prefix: str = "",
    ) -> float | None:
        value = table.get(key)
        label = prefix + key
        if value is None:
            return None
        low, high = bounds
        if type(value) not in (int, float):
            self.add(f"expected a number of {unit} from {low:g} to {high:g}, "
                     f"got {type_name(value)}", where, label)
            return None
        if not low <= value <= high:
            self.add(f"expected {low:g} to {high:g} {unit}, got {value:g}", where, label)
            return None
        return float(value)


def parse_document(data: bytes, file: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Decode and parse a TOML file's bytes; never raises."""
    try:
        source = data.decode("utf-8")
    except UnicodeDecodeError as error:
        return None, [Problem(file, f"not UTF-8 text (byte 0x{data[error.start]:02x} at "
                                    f"offset {error.start}); save the file as UTF-8")]
    if not source.strip():
        return None, [Problem(file, "the file is empty; expected a [session] table and "
                                    "[[exercises]]")]
    try:
        return tomllib.loads(source), []
    except tomllib.TOMLDecodeError as error:
        return None, [Problem(file, f"not valid TOML: {error}")]
    except RecursionError:
        return None, [Problem(file, "not a workout file: its tables or lists are nested "
                                    "too deeply to read")]
