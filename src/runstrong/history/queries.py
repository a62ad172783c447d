"""Reading the history: sessions, personal bests, weekly counts, streaks, left/right balance."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from runstrong.formatting import local_time
from runstrong.history.database import SessionStatus
from runstrong.text import clean_text

# The one definition of a set (session/events.sets_in): an exercise's set number, whatever
# its sides and phases.
SETS_DONE = "count(DISTINCT exercise_index || ':' || set_number)"

# A session counts towards the week's target and the streak once at least half of its planned
# sets are done: one plank and a stop is not a session.
COUNTS = f"""(SELECT 2 * {SETS_DONE} FROM sets
              WHERE session_id = sessions.id) >= max(sessions.planned_sets, 1)"""


def local_day(timestamp: float) -> date | None:
    """The reader's local date of a stored moment (times are stored in UTC)."""
    try:
        return datetime.fromtimestamp(timestamp).date()
    except (OverflowError, OSError, ValueError):
        return None


def shown_time(stamp: str | None) -> str | None:
    """A stored time (UTC) as ISO 8601 in the reader's zone, for JSON meant to be read."""
    if stamp is None:
        return None
    moment = local_time(stamp)
    return stamp if moment is None else moment.isoformat()


def _since(day: date) -> float:
    """Epoch seconds safely before local midnight of `day`: a day's slack for any zone."""
    return datetime.combine(day - timedelta(days=1), time.min).timestamp()


def taken_or_span(taken_s: float | None, started_at: str, ended_at: str | None) -> float | None:
    """How long a session took: as its summary said (stored since history version 9), else
    from its start to its end."""
    if ended_at is None:
        return None
    return taken_s if taken_s is not None else seconds_between(started_at, ended_at)


def seconds_between(started_at: str, ended_at: str | None) -> float | None:
    if ended_at is None:
        return None
    try:
        start = datetime.fromisoformat(started_at)
        return (datetime.fromisoformat(ended_at) - start).total_seconds()
    except (TypeError, ValueError):
        # A time stored by an older import that did not check it: shown as unknown.
        return None


@dataclass(frozen=True, slots=True)
class SetRow:
    id: int
    exercise: str
    exercise_name: str
    set: int
    side: str | None
    kind: str
    target: int | None
    actual: int
    completed_at: str
    rpe: int | None
    exercise_index: int = 0
    load_kg: float | None = None

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "exercise": self.exercise,
            "exercise_name": self.exercise_name,
            "set": self.set,
            "side": self.side,
            "kind": self.kind,
            "target": self.target,
            "actual": self.actual,
            "completed_at": shown_time(self.completed_at),
            "rpe": self.rpe,
            "load_kg": self.load_kg,
        }


@dataclass(frozen=True, slots=True)
class SessionRow:
    id: int
    session: str
    name: str
    started_at: str
    ended_at: str | None
    status: SessionStatus
    planned_sets: int
    light: bool
    sets: list[SetRow] = field(default_factory=list)
    taken_s: float | None = None

    @property
    def sets_done(self) -> int:
        return len({(s.exercise_index, s.set) for s in self.sets})

    @property
    def duration_seconds(self) -> float | None:
        return taken_or_span(self.taken_s, self.started_at, self.ended_at)

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "session": self.session,
            "name": self.name,
            "started_at": shown_time(self.started_at),
            "ended_at": shown_time(self.ended_at),
            "status": self.status.value,
            "light": self.light,
            "planned_sets": self.planned_sets,
            "sets": [s.as_json() for s in self.sets],
        }


def shown(value: object) -> str:
    """Text from the history as it may be shown: an older import may have stored escapes."""
    return clean_text(str(value)) if value is not None else ""


def _set_row(r: sqlite3.Row) -> SetRow:
    return SetRow(
        r["id"],
        shown(r["exercise"]),
        shown(r["exercise_name"]),
        r["set_number"],
        r["side"],
        r["kind"],
        r["target"],
        r["actual"],
        shown(r["completed_at"]),
        r["rpe"],
        r["exercise_index"],
        r["load_kg"],
    )


def _session_row(h: sqlite3.Row) -> SessionRow:
    return SessionRow(
        h["id"],
        shown(h["slug"]),
        shown(h["name"]),
        shown(h["started_at"]),
        None if h["ended_at"] is None else shown(h["ended_at"]),
        SessionStatus(h["status"]),
        h["planned_sets"],
        bool(h["light"]),
        taken_s=h["taken_s"],
    )


def sessions(
    db: sqlite3.Connection, *, limit: int | None = 20, exercise: str | None = None
) -> list[SessionRow]:
    """Sessions newest first, each with its sets (only that exercise's, when one is named)."""
    where, args = "", []
    if exercise:
        where = (
            "WHERE id IN (SELECT session_id FROM sets WHERE exercise = ? "
            "OR exercise_name = ? COLLATE NOCASE)"
        )
        args = [exercise, exercise]
    query = f"SELECT * FROM sessions {where} ORDER BY started_ts DESC, id DESC"
    if limit is not None:
        query += f" LIMIT {int(limit)}"
    heads = db.execute(query, args).fetchall()
    rows = {h["id"]: _session_row(h) for h in heads}
    if rows:
        marks = ",".join("?" * len(rows))
        set_query = f"SELECT * FROM sets WHERE session_id IN ({marks})"
        set_args: list[Any] = list(rows)
        if exercise:
            set_query += " AND (exercise = ? OR exercise_name = ? COLLATE NOCASE)"
            set_args += [exercise, exercise]
        for r in db.execute(set_query + " ORDER BY session_id, seq", set_args):
            rows[r["session_id"]].sets.append(_set_row(r))
    return list(rows.values())


def session_detail(db: sqlite3.Connection, session_id: int) -> SessionRow | None:
    head = db.execute("SELECT * FROM sessions WHERE id = ?", (session_id,)).fetchone()
    if head is None:
        return None
    row = _session_row(head)
    row.sets.extend(
        _set_row(r)
        for r in db.execute("SELECT * FROM sets WHERE session_id = ? ORDER BY seq", (session_id,))
    )
    return row


@dataclass(frozen=True, slots=True)
class ExerciseStat:
    exercise: str
    name: str
    kind: str
    best: int
    best_at: str
    latest: int
    latest_at: str
    sessions: int
    best_load_kg: float | None = None
    """For a loaded exercise: the heaviest load, done for `best_load_reps` at most."""
    best_load_reps: int | None = None
    latest_load_kg: float | None = None


# A 0 (an older history or an import) is never a best; the row still counts. The index
# sets_by_kind covers this query, so it streams in order instead of sorting every set.
EXERCISE_GROUPS = (
    "SELECT exercise, kind, max(actual) AS best, count(DISTINCT session_id) AS n, "
    "max(load_kg) AS heaviest FROM sets GROUP BY exercise, kind HAVING max(actual) > 0"
)


def exercise_stats(db: sqlite3.Connection) -> list[ExerciseStat]:
    """Best and latest actual per exercise and kind (hold seconds or reps).

    One grouped pass for the bests and counts, then an indexed look-up per exercise for the
    latest set: a window over every set took ~0.3 s at 100,000 sets.
    """
    stats: list[ExerciseStat] = []
    groups = db.execute(EXERCISE_GROUPS).fetchall()
    for g in groups:
        latest = db.execute(
            "SELECT exercise_name, actual, completed_at, load_kg FROM sets WHERE exercise = ? "
            "AND kind = ? ORDER BY completed_ts DESC, id DESC LIMIT 1",
            (g["exercise"], g["kind"]),
        ).fetchone()
        best_at = db.execute(
            "SELECT completed_at FROM sets WHERE exercise = ? AND kind = ? AND actual = ? "
            "ORDER BY completed_ts LIMIT 1",
            (g["exercise"], g["kind"], g["best"]),
        ).fetchone()
        reps = None
        if g["heaviest"] is not None:
            reps = db.execute(
                "SELECT max(actual) FROM sets WHERE exercise = ? AND kind = ? AND load_kg = ?",
                (g["exercise"], g["kind"], g["heaviest"]),
            ).fetchone()[0]
        stats.append(
            ExerciseStat(
                g["exercise"],
                shown(latest["exercise_name"]),
                g["kind"],
                g["best"],
                shown_time(best_at[0]) or "",
                latest["actual"],
                shown_time(latest["completed_at"]) or "",
                g["n"],
                g["heaviest"],
                reps,
                latest["load_kg"],
            )
        )
    return sorted(stats, key=lambda stat: (stat.name.lower(), stat.kind))


# An exercise with a hold and reps (a glute bridge held, then pulsed) has a row for each.
KIND_LABELS = {"hold": "hold", "reps": "pulses"}


def labelled(stats: list[ExerciseStat]) -> list[tuple[ExerciseStat, str]]:
    """Each stat with the name to show: "(hold)" and "(pulses)" tell apart two rows of one
    exercise, so a list never shows the same name twice."""
    kinds: dict[str, int] = {}
    for stat in stats:
        kinds[stat.exercise] = kinds.get(stat.exercise, 0) + 1
    return [
        (stat, stat.name + (f" ({KIND_LABELS[stat.kind]})" if kinds[stat.exercise] > 1 else ""))
        for stat in stats
    ]


@dataclass(frozen=True, slots=True)
class SessionHead:
    """A session as the history list shows it, without its sets."""

    id: int
    name: str
    started_at: str
    ended_at: str | None
    status: SessionStatus
    planned_sets: int
    sets_done: int
    light: bool
    taken_s: float | None = None

    @property
    def duration_seconds(self) -> float | None:
        return taken_or_span(self.taken_s, self.started_at, self.ended_at)


def session_heads(db: sqlite3.Connection, limit: int = 500) -> list[SessionHead]:
    rows = db.execute(
        f"""
        SELECT s.id, s.name, s.started_at, s.ended_at, s.status, s.planned_sets, s.light, s.taken_s,
               (SELECT {SETS_DONE} FROM sets WHERE session_id = s.id) AS done
        FROM sessions s ORDER BY started_ts DESC, id DESC LIMIT ?
        """,
        (limit,),
    ).fetchall()
    return [
        SessionHead(
            r["id"],
            shown(r["name"]),
            shown(r["started_at"]),
            r["ended_at"],
            SessionStatus(r["status"]),
            r["planned_sets"],
            r["done"],
            bool(r["light"]),
            r["taken_s"],
        )
        for r in rows
    ]


Counts = Callable[[str], bool]
"""Whether a session (by slug) is one of the plan's: `planning.week.counting`."""


def progress(db: sqlite3.Connection, exercise: str) -> list[tuple[str, str, str | None, int]]:
    """Per session and side: (date, kind, side, best actual) for one exercise, oldest first."""
    rows = db.execute(
        """
        SELECT min(completed_ts) AS first_ts, kind, side, max(actual) AS best
        FROM sets WHERE exercise = ? GROUP BY session_id, kind, side
        ORDER BY min(completed_ts)
        """,
        (exercise,),
    ).fetchall()
    return [
        (day.isoformat() if day else "", r["kind"], r["side"], r["best"])
        for r in rows
        for day in (local_day(r["first_ts"]),)
    ]


def trained_days(db: sqlite3.Connection, since: date | None = None) -> list[tuple[date, str]]:
    """(local date, slug) of every session that counts (at least half its sets done)."""
    return [(day, slug) for day, slug, _, _ in trained_sessions(db, since)]


def trained_sessions(
    db: sqlite3.Connection, since: date | None = None
) -> list[tuple[date, str, bool, str]]:
    """(local date, slug, light, name) of every session that counts, as `trained_days`."""
    low = -math.inf if since is None or since <= date(1900, 1, 2) else _since(since)
    rows = db.execute(
        f"SELECT started_ts, slug, light, name FROM sessions WHERE started_ts >= ? AND {COUNTS} "
        "ORDER BY started_ts",
        (low,),
    ).fetchall()
    found = [(local_day(r[0]), r[1], bool(r[2]), str(r[3])) for r in rows]
    return [
        (day, slug, light, name)
        for day, slug, light, name in found
        if day is not None and (since is None or day >= since)
    ]
