"""Moving history in and out: JSONL and CSV exports, the Strong app's CSV, and import."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TextIO

from runstrong.history import runs
from runstrong.history.database import transaction
from runstrong.history.queries import seconds_between

EXPORT_FIELDS = (
    "set_id", "session_id", "session", "session_name", "started_at", "exercise", "set",
    "side", "kind", "target", "actual", "completed_at", "rpe",
    # Beyond the documented contract: what an import needs to rebuild the session faithfully.
    "exercise_name", "exercise_index", "phase_index", "set_started_at", "session_status",
    "session_ended_at", "planned_sets", "light",
)
REQUIRED = ("set_id", "session_id", "session", "session_name", "started_at", "exercise",
            "set", "kind", "actual", "completed_at")
STRONG_FIELDS = ("Date", "Workout Name", "Duration", "Exercise Name", "Set Order", "Weight",
                 "Reps", "Distance", "Seconds", "Notes", "Workout Notes", "RPE")

_EXPORT_QUERY = """
SELECT t.uid AS set_id, s.uid AS session_id, s.slug AS session, s.name AS session_name,
       s.started_at, t.exercise, t.set_number AS "set", t.side, t.kind, t.target, t.actual,
       t.completed_at, t.rpe, t.exercise_name, t.exercise_index, t.phase_index,
       t.started_at AS set_started_at, s.status AS session_status,
       s.ended_at AS session_ended_at, s.planned_sets, s.light
FROM sets t JOIN sessions s ON s.id = t.session_id
ORDER BY s.started_ts, s.id, t.seq
"""


def export_rows(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for row in db.execute(_EXPORT_QUERY):
        record = dict(row)
        record["light"] = bool(record["light"])
        yield record


def write_jsonl(db: sqlite3.Connection, out: TextIO) -> int:
    count = 0
    for record in export_rows(db):
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    for run in runs.export_records(db):   # runs: `"kind": "run"` lines after the sets
        out.write(json.dumps(run, ensure_ascii=False) + "\n")
        count += 1
    return count


def write_csv(db: sqlite3.Connection, out: TextIO) -> int:
    writer = csv.DictWriter(out, fieldnames=EXPORT_FIELDS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in export_rows(db):
        writer.writerow({k: "" if v is None else v for k, v in record.items()})
        count += 1
    return count


def _strong_duration(start: str, end: str | None) -> str:
    seconds = int(seconds_between(start, end) or 0)
    hours, rest = divmod(max(0, seconds), 3600)
    return f"{hours}h {rest // 60}m" if hours else f"{rest // 60}m"


def write_strong(db: sqlite3.Connection, out: TextIO) -> int:
    """The Strong app's export layout, which Hevy and other loggers can import."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(STRONG_FIELDS)
    count = 0
    order: dict[tuple[str, str], int] = {}
    for r in export_rows(db):
        key = (r["session_id"], r["exercise"])
        order[key] = order.get(key, 0) + 1
        started = datetime.fromisoformat(r["started_at"]).strftime("%Y-%m-%d %H:%M:%S")
        hold = r["kind"] == "hold"
        writer.writerow([
            started, r["session_name"], _strong_duration(r["started_at"], r["session_ended_at"]),
            r["exercise_name"], order[key], 0, "" if hold else r["actual"], 0,
            r["actual"] if hold else "", r["side"] or "", "", r["rpe"] or "",
        ])
        count += 1
    return count


class ImportProblem(Exception):
    """A line that cannot be imported; nothing from the file is imported."""


@dataclass(frozen=True, slots=True)
class ImportResult:
    sets_added: int
    sets_skipped: int
    sessions_added: int
    runs_added: int = 0
    runs_skipped: int = 0


def _check(line_number: int, record: Any) -> dict[str, Any]:
    where = f"line {line_number}"
    if not isinstance(record, dict):
        raise ImportProblem(f"{where}: expected a JSON object, one set per line")
    missing = [name for name in REQUIRED if record.get(name) in (None, "")]
    if missing:
        raise ImportProblem(f"{where}: missing {', '.join(missing)}")
    if record["kind"] not in ("reps", "hold"):
        raise ImportProblem(f"{where}: kind must be \"reps\" or \"hold\", got {record['kind']!r}")
    if record.get("side") not in (None, "left", "right"):
        raise ImportProblem(f"{where}: side must be null, \"left\" or \"right\"")
    for name in ("set", "actual"):
        if type(record[name]) is not int or record[name] < 0:
            raise ImportProblem(f"{where}: {name} must be a whole number, got {record[name]!r}")
    for name, low, high in (("target", 0, 100_000), ("rpe", 1, 10)):
        value = record.get(name)
        if value is not None and (type(value) is not int or not low <= value <= high):
            raise ImportProblem(f"{where}: {name} must be empty or a whole number from {low} "
                                f"to {high}, got {value!r}")
    for name in ("started_at", "completed_at"):
        try:
            stamp = datetime.fromisoformat(str(record[name]))
        except ValueError:
            raise ImportProblem(f"{where}: {name} is not an ISO 8601 time: "
                               f"{record[name]!r}") from None
        if stamp.tzinfo is None:
            raise ImportProblem(f"{where}: {name} needs a UTC offset, got {record[name]!r}")
    return record


def _parse(text: str) -> list[dict[str, Any]]:
    records = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ImportProblem(f"line {number}: not valid JSON ({error.msg})") from None
        records.append(_check(number, record))
    return records


def _ts(value: str) -> float:
    return datetime.fromisoformat(value).timestamp()


def import_jsonl(db: sqlite3.Connection, text: str) -> ImportResult:
    """Merge an export into the history: all of it in one transaction, or nothing."""
    try:
        text, run_lines = runs.split_run_lines(text)
    except ValueError as problem:
        raise ImportProblem(str(problem)) from None
    records = _parse(text)
    added = skipped = new_sessions = 0
    with transaction(db):
        merged_runs = runs.import_records(db, run_lines)
        session_ids: dict[str, int] = {}
        for r in records:
            uid = str(r["session_id"])
            if uid not in session_ids:
                row = db.execute("SELECT id FROM sessions WHERE uid = ?", (uid,)).fetchone()
                if row is None:
                    status = r.get("session_status") or "completed"
                    if status not in ("in_progress", "completed", "stopped"):
                        status = "completed"
                    cursor = db.execute(
                        "INSERT INTO sessions (uid, slug, name, started_ts, started_at, "
                        "ended_at, status, planned_sets, light) VALUES (?,?,?,?,?,?,?,?,?)",
                        (uid, str(r["session"]), str(r["session_name"]), _ts(r["started_at"]),
                         r["started_at"], r.get("session_ended_at"),
                         "stopped" if status == "in_progress" else status,
                         int(r.get("planned_sets") or 0), int(bool(r.get("light")))),
                    )
                    session_ids[uid] = int(cursor.lastrowid or 0)
                    new_sessions += 1
                else:
                    session_ids[uid] = int(row[0])
            sid = session_ids[uid]
            seq = db.execute("SELECT coalesce(max(seq) + 1, 0) FROM sets WHERE session_id = ?",
                             (sid,)).fetchone()[0]
            cursor = db.execute(
                "INSERT OR IGNORE INTO sets (uid, session_id, seq, exercise, exercise_name, "
                "exercise_index, set_number, side, phase_index, kind, target, actual, "
                "started_at, completed_ts, completed_at, rpe) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (str(r["set_id"]), sid, seq, str(r["exercise"]),
                 str(r.get("exercise_name") or r["exercise"]), int(r.get("exercise_index") or 0),
                 r["set"], r.get("side"), int(r.get("phase_index") or 0), r["kind"],
                 r.get("target"), r["actual"], r.get("set_started_at") or r["completed_at"],
                 _ts(r["completed_at"]), r["completed_at"], r.get("rpe")),
            )
            if cursor.rowcount:
                added += 1
            else:
                skipped += 1
    return ImportResult(added, skipped, new_sessions, merged_runs.added, merged_runs.already)


def render(db: sqlite3.Connection, fmt: str) -> str:
    buffer = io.StringIO()
    {"jsonl": write_jsonl, "csv": write_csv, "strong": write_strong}[fmt](db, buffer)
    return buffer.getvalue()
