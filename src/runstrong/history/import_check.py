"""Checking an import file line by line before anything is written.

Every field of every record is checked (type, range, dates that parse, text without lone
surrogates or terminal controls), and every bad line is reported with its number and field, so
one pass over the file finds everything. A file with any bad line imports nothing.

Records come in kinds: a run's line says `"kind": "run"`; any other kind names itself in a
`record` field ("set" when absent, as in every export so far). Each kind has one validator in
VALIDATORS; a new kind adds a function there and a writer in the importer.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from runstrong.checks import LOAD_KG, Problem
from runstrong.history import runs
from runstrong.text import clean_text, shown_value

MAX_TEXT = 500
MIN_YEAR, MAX_YEAR = 1900, 9998
MAX_LINE_CHARACTERS = 20_000
# A record is flat; anything nested deeper than this is not one of ours. (Python 3.11's json
# raises RecursionError at ~1,000 levels, 3.13's does not: the depth is checked either way.)
MAX_DEPTH = 16


_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_surrogate(text: str) -> bool:
    return not text.isascii() and _SURROGATE.search(text) is not None


def _too_deep(value: Any) -> bool:
    """Whether `value` nests lists or objects deeper than MAX_DEPTH, without recursing."""
    if isinstance(value, dict) and not any(
        isinstance(child, dict | list) for child in value.values()
    ):
        return False  # a flat record, as every export line is: the common case at 100,000
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            if depth > MAX_DEPTH:
                return True
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return False


SESSION_STATUSES = ("in_progress", "completed", "stopped")


@dataclass(slots=True)
class Line:
    """One record's checks: values read so far and the problems found on this line."""

    file: str
    number: int
    raw: Mapping[str, Any]
    values: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def bad(self, key: str, message: str) -> None:
        self.problems.append(Problem(self.file, message, f"line {self.number}", key))

    def text(self, key: str, *, required: bool = True) -> None:
        value = self.raw.get(key)
        if value is None or value == "":
            if required:
                self.bad(key, "missing; expected text")
            else:
                self.values[key] = None
            return
        if not isinstance(value, str):
            self.bad(key, f"expected text, got {shown_value(value)}")
        elif _has_surrogate(value):
            self.bad(key, "contains a lone surrogate (text that is not valid Unicode)")
        elif len(value) > MAX_TEXT:
            self.bad(key, f"is {len(value):,} characters long; at most {MAX_TEXT} expected")
        elif not clean_text(value):
            self.bad(key, "has no printable characters")
        else:
            # Names end up on screen: control characters and escapes never get stored.
            self.values[key] = clean_text(value)

    def whole(self, key: str, low: int, high: int, *, required: bool = True) -> None:
        value = self.raw.get(key)
        if value is None:
            if required:
                self.bad(key, f"missing; expected a whole number from {low} to {high}")
            else:
                self.values[key] = None
            return
        if type(value) is not int or not low <= value <= high:
            self.bad(key, f"expected a whole number from {low} to {high}, got {shown_value(value)}")
        else:
            self.values[key] = value

    def decimal(self, key: str, low: float, high: float) -> None:
        """An optional decimal (a load in kg): absent or null reads as None."""
        value = self.raw.get(key)
        if value is None:
            self.values[key] = None
            return
        if type(value) not in (int, float) or not low <= value <= high:
            self.bad(key, f"expected a number from {low:g} to {high:g}, got {shown_value(value)}")
        else:
            self.values[key] = float(value)

    def choice(self, key: str, allowed: tuple[str | None, ...], default: str | None) -> None:
        value = self.raw.get(key, default)
        if value not in allowed:
            shown = " or ".join("null" if a is None else f'"{a}"' for a in allowed)
            got = "missing" if value is None else f"got {shown_value(value)}"
            self.bad(key, f"expected {shown}, {got}")
        else:
            self.values[key] = value

    def time(self, key: str, *, required: bool = True) -> None:
        value = self.raw.get(key)
        if value is None or value == "":
            if required:
                self.bad(
                    key, "missing; expected an ISO 8601 time such as 2026-05-01T07:30:00+02:00"
                )
            else:
                self.values[key] = None
            return
        if not isinstance(value, str) or len(value) > 64:
            self.bad(key, f"expected an ISO 8601 time as text, got {shown_value(value)}")
            return
        try:
            stamp = datetime.fromisoformat(value)
            seconds = stamp.timestamp()
        except (ValueError, OverflowError, OSError):
            self.bad(key, f"is not an ISO 8601 time: {shown_value(value)}")
            return
        if stamp.tzinfo is None:
            self.bad(key, f"needs a UTC offset, got {shown_value(value)}")
            return
        try:
            year = stamp.astimezone(UTC).year
        except (OverflowError, ValueError):
            year = 0
        if not MIN_YEAR <= year <= MAX_YEAR:
            # Year 1 at +14:00 is year 0 in UTC, which Python cannot represent.
            self.bad(
                key, f"expected a time from {MIN_YEAR} to {MAX_YEAR}, got {shown_value(value)}"
            )
            return
        # Stored as written (it is what exports show) and as seconds, for ordering.
        self.values[key] = value
        self.values[key + "_ts"] = seconds

    def flag(self, key: str) -> None:
        value = self.raw.get(key, False)
        if value is None:
            value = False
        if type(value) is not bool and value not in (0, 1):
            self.bad(key, f"expected true or false, got {shown_value(value)}")
        else:
            self.values[key] = bool(value)


def check_set(line: Line) -> None:
    """A set record, as `export --format jsonl` writes it."""
    for key in ("set_id", "session_id", "session", "session_name", "exercise"):
        line.text(key)
    line.text("exercise_name", required=False)
    line.whole("set", 0, 10_000)
    line.whole("actual", 0, 1_000_000)
    line.whole("target", 0, 100_000, required=False)
    line.whole("rpe", 1, 10, required=False)
    line.decimal("load_kg", 0, LOAD_KG[1])
    line.whole("exercise_index", 0, 10_000, required=False)
    line.whole("phase_index", 0, 1_000, required=False)
    line.whole("planned_sets", 0, 100_000, required=False)
    line.choice("kind", ("reps", "hold"), None)
    line.choice("side", (None, "left", "right"), None)
    line.choice("session_status", (None, *SESSION_STATUSES), None)
    line.time("started_at")
    line.time("completed_at")
    line.time("set_started_at", required=False)
    line.time("session_ended_at", required=False)
    # The time the session took as its summary said (a week at most, as for a run).
    line.decimal("session_taken_s", 0, 7 * 24 * 3600)
    line.flag("light")


def check_run(line: Line) -> None:
    """A run record (`"kind": "run"`): text and time checked here as for sets, the rest by
    the runs module that writes it."""
    for key in ("run_id", "source_id", "source", "name", "sport"):
        value = line.raw.get(key)
        if isinstance(value, str) and _has_surrogate(value):
            line.bad(key, "contains a lone surrogate (text that is not valid Unicode)")
        elif isinstance(value, str) and len(value) > MAX_TEXT:
            line.bad(key, f"is {len(value):,} characters long; at most {MAX_TEXT} expected")
    line.time("start")
    if line.problems:
        return
    try:
        line.values["run"] = runs.check_record(dict(line.raw))
    except (ValueError, TypeError, OverflowError, KeyError) as error:
        line.bad("", clean_text(str(error)) or "not a run record")


VALIDATORS: dict[str, Callable[[Line], None]] = {"set": check_set, runs.RECORD_KIND: check_run}


def kind_of(record: Mapping[str, Any]) -> object:
    """Which validator a line goes to: runs say so in `kind`, other kinds in `record`."""
    if runs.is_run_record(record):
        return runs.RECORD_KIND
    return record.get("record", "set")


@dataclass(frozen=True, slots=True)
class Record:
    kind: str
    number: int
    values: dict[str, Any]


def _decode(file: str, number: int, text: str) -> tuple[Any, Problem | None]:
    where = f"line {number}"
    if len(text) > MAX_LINE_CHARACTERS:
        return None, Problem(
            file,
            f"is {len(text):,} characters long; a record is expected "
            f"to be under {MAX_LINE_CHARACTERS:,}",
            where,
        )
    try:
        decoded = json.loads(text)
    except json.JSONDecodeError as error:
        return None, Problem(file, f"not valid JSON ({error.msg})", where)
    except RecursionError:
        return None, Problem(file, "nested too deeply to read", where)
    except ValueError:
        return None, Problem(file, "a number has too many digits to read", where)
    if _too_deep(decoded):
        return None, Problem(file, "nested too deeply to read", where)
    return decoded, None


Progress = Callable[[int, int], None]  # (done, total), called now and then during a long pass
PROGRESS_EVERY = 2_000


def lines_of(text: str) -> list[str]:
    """An export's lines. JSONL ends lines with "\n" only: splitlines() would also break a
    line at U+2028, U+0085 or a form feed inside a name, and the export would not import."""
    lines = text.split("\n")
    return [line.removesuffix("\r") for line in lines]


def check_lines(
    file: str, text: str | Iterable[str], progress: Progress | None = None
) -> tuple[list[Record], list[Problem]]:
    """Every record of an import file, or every problem in it (then no records)."""
    records: list[Record] = []
    problems: list[Problem] = []
    lines = lines_of(text) if isinstance(text, str) else list(text)
    for number, raw_line in enumerate(lines, start=1):
        if progress is not None and number % PROGRESS_EVERY == 0:
            progress(number, len(lines))
        if not raw_line.strip():
            continue
        decoded, problem = _decode(file, number, raw_line)
        if problem is not None:
            problems.append(problem)
            continue
        if not isinstance(decoded, dict):
            problems.append(
                Problem(file, "expected a JSON object, one record per line", f"line {number}")
            )
            continue
        kind = kind_of(decoded)
        validator = VALIDATORS.get(kind) if isinstance(kind, str) else None
        line = Line(file, number, decoded)
        if validator is None:
            line.bad(
                "record",
                f"unknown kind of record {shown_value(kind)}; expected "
                + " or ".join(f'"{k}"' for k in VALIDATORS),
            )
        else:
            validator(line)
        problems.extend(line.problems)
        if not line.problems:
            records.append(Record(str(kind), number, line.values))
    if progress is not None:
        progress(len(lines), len(lines))
    return ([] if problems else records), problems
