"""What was done, read back: an exercise's sets in the latest full (not light) session that had
it, the best load lifted, and a session's phases as the engine made them (to resume it).
Progression, the session screen, the summary and resuming read these."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from runstrong.history.queries import local_day
from runstrong.session.events import PhaseRecord
from runstrong.workout.model import PhaseKind, Side


@dataclass(frozen=True, slots=True)
class LastSet:
    set_number: int
    side: Side | None
    phase_index: int
    kind: PhaseKind
    target: int | None
    actual: int
    load_kg: float | None = None

    @property
    def met(self) -> bool:
        """Reached its target; a hold to the limit (no target) always has."""
        return self.target is None or self.actual >= self.target

    def as_json(self) -> dict[str, Any]:
        return {
            "set": self.set_number,
            "side": None if self.side is None else self.side.value,
            "phase": self.phase_index,
            "kind": self.kind.value,
            "target": self.target,
            "actual": self.actual,
            "load_kg": self.load_kg,
        }


@dataclass(frozen=True, slots=True)
class LastTime:
    day: date
    sets: tuple[LastSet, ...]
    rpe: int | None
    """The effort rating given to the exercise that day, or None."""

    @property
    def load_kg(self) -> float | None:
        """The last load used: the next session starts from it."""
        loads = [s.load_kg for s in self.sets if s.load_kg is not None]
        return loads[-1] if loads else None

    def as_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "sets": [s.as_json() for s in self.sets],
            "rpe": self.rpe,
            "load_kg": self.load_kg,
        }


def last_full(db: sqlite3.Connection, exercise: str) -> LastTime | None:
    """The exercise's sets in its latest session that was not a light one (light sets are
    never "last time": half the volume would drag every target down) and is not still open
    (a session put aside to finish later is not "last time" for its own second part)."""
    head = db.execute(
        """
        SELECT t.session_id, s.started_ts FROM sets t
        JOIN sessions s ON s.id = t.session_id
        WHERE t.exercise = ? AND s.light = 0 AND s.status != 'in_progress'
        ORDER BY t.completed_ts DESC, t.id DESC LIMIT 1
        """,
        (exercise,),
    ).fetchone()
    if head is None:
        return None
    day = local_day(head["started_ts"])  # stored in UTC, a day in the reader's zone
    if day is None:
        return None
    rows = db.execute(
        "SELECT set_number, side, phase_index, kind, target, actual, load_kg, rpe FROM sets "
        "WHERE session_id = ? AND exercise = ? ORDER BY seq",
        (head["session_id"], exercise),
    ).fetchall()
    sets = tuple(
        LastSet(
            r["set_number"],
            None if r["side"] is None else Side(r["side"]),
            r["phase_index"],
            PhaseKind(r["kind"]),
            r["target"],
            r["actual"],
            r["load_kg"],
        )
        for r in rows
    )
    ratings = [r["rpe"] for r in rows if r["rpe"] is not None]
    return LastTime(day, sets, max(ratings) if ratings else None)


@dataclass(frozen=True, slots=True)
class Best:
    """An exercise's personal best before today: most seconds or reps, and heaviest load."""

    actual: int
    load_kg: float | None = None
    load_reps: int | None = None


def bests(db: sqlite3.Connection) -> dict[tuple[str, str], Best]:
    """(exercise, kind) -> best, over every session (light ones too: a best is a best)."""
    found: dict[tuple[str, str], Best] = {}
    for r in db.execute(
        "SELECT exercise, kind, max(actual) AS best, max(load_kg) AS heaviest FROM sets "
        "GROUP BY exercise, kind"
    ):
        reps = None
        if r["heaviest"] is not None:
            reps = db.execute(
                "SELECT max(actual) FROM sets WHERE exercise = ? AND kind = ? AND load_kg = ?",
                (r["exercise"], r["kind"], r["heaviest"]),
            ).fetchone()[0]
        found[(r["exercise"], r["kind"])] = Best(r["best"], r["heaviest"], reps)
    return found


def phase_records(db: sqlite3.Connection, session_id: int) -> list[PhaseRecord]:
    """The phases already logged for a session, oldest first, as the engine made them."""
    rows = db.execute(
        "SELECT * FROM sets WHERE session_id = ? ORDER BY seq", (session_id,)
    ).fetchall()
    return [
        PhaseRecord(
            r["seq"],
            r["exercise_index"],
            r["exercise"],
            r["exercise_name"],
            r["set_number"],
            None if r["side"] is None else Side(r["side"]),
            r["phase_index"],
            PhaseKind(r["kind"]),
            r["target"],
            r["actual"],
            started_at=datetime.fromisoformat(r["started_at"]).timestamp(),
            ended_at=r["completed_ts"],
            load_kg=r["load_kg"],
            paced=bool(r["paced"]),
            warm_up=bool(r["warm_up"]),
        )
        for r in rows
    ]
