"""Moving history in and out: JSONL and CSV exports, the Strong app's CSV, and import."""

from __future__ import annotations

import csv
import io
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TextIO

from runstrong.checks import Problem
from runstrong.history import runs
from runstrong.history.database import transaction, utc_text
from runstrong.history.import_check import PROGRESS_EVERY, Progress, Record, check_lines
from runstrong.history.queries import seconds_between
from runstrong.text import clean_text, terminal_json

EXPORT_FIELDS = (
    "set_id",
    "session_id",
    "session",
    "session_name",
    "started_at",
    "exercise",
    "set",
    "side",
    "kind",
    "target",
    "actual",
    "completed_at",
    "rpe",
    "load_kg",
    # Beyond the documented contract: what an import needs to rebuild the session faithfully.
    "exercise_name",
    "exercise_index",
    "phase_index",
    "set_started_at",
    "session_status",
    "session_ended_at",
    "session_taken_s",
    "planned_sets",
    "light",
)
REQUIRED = (
    "set_id",
    "session_id",
    "session",
    "session_name",
    "started_at",
    "exercise",
    "set",
    "kind",
    "actual",
    "completed_at",
)
STRONG_FIELDS = (
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
)

_EXPORT_QUERY = """
SELECT t.uid AS set_id, s.uid AS session_id, s.slug AS session, s.name AS session_name,
       s.started_at, t.exercise, t.set_number AS "set", t.side, t.kind, t.target, t.actual,
       t.completed_at, t.rpe, t.load_kg, t.exercise_name, t.exercise_index, t.phase_index,
       t.started_at AS set_started_at, s.status AS session_status,
       s.ended_at AS session_ended_at, s.taken_s AS session_taken_s, s.planned_sets, s.light
FROM sets t JOIN sessions s ON s.id = t.session_id
ORDER BY s.started_ts, s.id, t.seq
"""


def export_rows(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for row in db.execute(_EXPORT_QUERY):
        record = dict(row)
        record["light"] = bool(record["light"])
        yield record


# A spreadsheet runs a cell that starts like a formula (CSV injection); a leading quote makes
# it plain text in Excel, LibreOffice and Google Sheets alike.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(value: object) -> object:
    """A value safe to put in a CSV cell: text cleaned, formulas neutralised."""
    if not isinstance(value, str):
        return "" if value is None else value
    if value.startswith(_FORMULA_STARTS):
        value = "'" + value
    cleaned = clean_text(value)
    return "'" + cleaned if cleaned.startswith(_FORMULA_STARTS) else cleaned


def write_jsonl(db: sqlite3.Connection, out: TextIO) -> int:
    count = 0
    for record in export_rows(db):
        out.write(terminal_json(record) + "\n")
        count += 1
    for run in runs.export_records(db):  # runs: `"kind": "run"` lines after the sets
        out.write(terminal_json(run) + "\n")
        count += 1
    return count


def write_csv(db: sqlite3.Connection, out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in export_rows(db):
        writer.writerow({k: spreadsheet_cell(v) for k, v in record.items()})
        count += 1
    return count


def _strong_duration(start: str, end: str | None) -> str:
    seconds = int(seconds_between(start, end) or 0)
    hours, rest = divmod(max(0, seconds), 3600)
    return f"{hours}h {rest // 60}m" if hours else f"{rest // 60}m"


def _strong_weight(load_kg: float | None) -> float | int:
    # Strong reads the weight in the unit its own settings name; kilograms, as stored.
    if load_kg is None:
        return 0
    return int(load_kg) if float(load_kg).is_integer() else round(load_kg, 2)


def write_strong(db: sqlite3.Connection, out: TextIO) -> int:
    """The Strong app's export layout, which Hevy and other loggers can import."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STRONG_FIELDS)
    count = 0
    order: dict[tuple[str, str], int] = {}
    for r in export_rows(db):
        key = (r["session_id"], r["exercise"])
        order[key] = order.get(key, 0) + 1
        try:
            # The Strong app's dates are local times without a zone: the reader's.
            moment = datetime.fromisoformat(r["started_at"])
            started = moment.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        except (TypeError, ValueError, OverflowError):
            started = str(r["started_at"])
        hold = r["kind"] == "hold"
        writer.writerow(
            [
                spreadsheet_cell(cell)
                for cell in (
                    started,
                    r["session_name"],
                    _strong_duration(r["started_at"], r["session_ended_at"]),
                    r["exercise_name"],
                    order[key],
                    _strong_weight(r["load_kg"]),
                    "" if hold else r["actual"],
                    0,
                    r["actual"] if hold else "",
                    r["side"] or "",
                    "",
                    r["rpe"] or "",
                )
            ]
        )
        count += 1
    return count


class ImportProblem(Exception):
    """A file with bad lines: nothing from it is imported. `problems` names each line."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(problem) for problem in problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class ImportResult:
    sets_added: int
    sets_skipped: int
    sessions_added: int
    runs_added: int = 0
    runs_skipped: int = 0


def _utc_or_none(text: str | None) -> str | None:
    return None if text is None else utc_text(text)


def _session_id(db: sqlite3.Connection, r: dict[str, Any]) -> tuple[int, bool]:
    row = db.execute("SELECT id FROM sessions WHERE uid = ?", (r["session_id"],)).fetchone()
    if row is not None:
        return int(row[0]), False
    status = r.get("session_status") or "completed"
    cursor = db.execute(
        "INSERT INTO sessions (uid, slug, name, started_ts, started_at, ended_at, status, "
        "planned_sets, light, taken_s) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (
            r["session_id"],
            r["session"],
            r["session_name"],
            r["started_at_ts"],
            utc_text(r["started_at"]),
            _utc_or_none(r.get("session_ended_at")),
            "stopped" if status == "in_progress" else status,
            r.get("planned_sets") or 0,
            int(r["light"]),
            r.get("session_taken_s"),
        ),
    )
    return int(cursor.lastrowid or 0), True


def _next_seq(db: sqlite3.Connection, sid: int) -> int:
    return int(
        db.execute(
            "SELECT coalesce(max(seq) + 1, 0) FROM sets WHERE session_id = ?", (sid,)
        ).fetchone()[0]
    )


def _write_set(db: sqlite3.Connection, sid: int, seq: int, r: dict[str, Any]) -> bool:
    cursor = db.execute(
        "INSERT OR IGNORE INTO sets (uid, session_id, seq, exercise, exercise_name, "
        "exercise_index, set_number, side, phase_index, kind, target, actual, "
        "started_at, completed_ts, completed_at, rpe, load_kg) "
        "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            r["set_id"],
            sid,
            seq,
            r["exercise"],
            r.get("exercise_name") or r["exercise"],
            r.get("exercise_index") or 0,
            r["set"],
            r.get("side"),
            r.get("phase_index") or 0,
            r["kind"],
            r.get("target"),
            r["actual"],
            utc_text(r.get("set_started_at") or r["completed_at"]),
            r["completed_at_ts"],
            utc_text(r["completed_at"]),
            r.get("rpe"),
            r.get("load_kg"),
        ),
    )
    return bool(cursor.rowcount)


def import_jsonl(
    db: sqlite3.Connection, text: str, file: str = "import", progress: Progress | None = None
) -> ImportResult:
    """Merge an export into the history: every line checked first, then all in one
    transaction, or nothing."""
    records, problems = check_lines(file, text)
    if problems:
        raise ImportProblem(problems)
    return import_records(db, records, progress)


def import_records(
    db: sqlite3.Connection, records: list[Record], progress: Progress | None = None
) -> ImportResult:
    """Write records `check_lines` accepted, all in one transaction."""
    run_lines = [record.values["run"] for record in records if record.kind == "run"]
    added = skipped = new_sessions = 0
    with transaction(db):
        merged_runs = runs.import_records(db, run_lines)
        session_ids: dict[str, int] = {}
        # The next free seq of each session, kept here rather than asked per set: one query
        # per session instead of one per set (100,000 of them in ten years).
        next_seq: dict[int, int] = {}
        for done, record in enumerate(records, start=1):
            if progress is not None and done % PROGRESS_EVERY == 0:
                progress(done, len(records))
            if record.kind != "set":
                continue
            r = record.values
            uid = r["session_id"]
            if uid not in session_ids:
                session_ids[uid], created = _session_id(db, r)
                new_sessions += created
            sid = session_ids[uid]
            if sid not in next_seq:
                next_seq[sid] = _next_seq(db, sid)
            if _write_set(db, sid, next_seq[sid], r):
                added += 1
                next_seq[sid] += 1
            else:
                skipped += 1
    if progress is not None:
        progress(len(records), len(records))
    return ImportResult(added, skipped, new_sessions, merged_runs.added, merged_runs.already)


def render(db: sqlite3.Connection, fmt: str) -> str:
    buffer = io.StringIO()
    {"jsonl": write_jsonl, "csv": write_csv, "strong": write_strong}[fmt](db, buffer)
    return buffer.getvalue()
