"""The history's schema, version by version: each function moves a file up one version, inside
the one transaction `database.migrate` holds, so a file is never left half upgraded."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable


def _run(db: sqlite3.Connection, script: str) -> None:
    # Not executescript(): it would COMMIT the migration's transaction halfway.
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _v1(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            slug TEXT NOT NULL,
            name TEXT NOT NULL,
            started_ts REAL NOT NULL,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            status TEXT NOT NULL
                CHECK (status IN ('in_progress', 'completed', 'stopped')),
            planned_sets INTEGER NOT NULL DEFAULT 0
        );
        CREATE TABLE sets (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
            seq INTEGER NOT NULL,
            exercise TEXT NOT NULL,
            exercise_name TEXT NOT NULL,
            exercise_index INTEGER NOT NULL,
            set_number INTEGER NOT NULL,
            side TEXT CHECK (side IN ('left', 'right')),
            phase_index INTEGER NOT NULL DEFAULT 0,
            kind TEXT NOT NULL CHECK (kind IN ('reps', 'hold')),
            target INTEGER,
            actual INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            completed_ts REAL NOT NULL,
            completed_at TEXT NOT NULL,
            UNIQUE (session_id, seq)
        );
        CREATE INDEX sessions_by_start ON sessions (started_ts);
        CREATE INDEX sets_by_session ON sets (session_id);
        """,
    )


def _v2(db: sqlite3.Connection) -> None:
    # Version 2: how hard an exercise felt (RPE), the light pre-run variant, and an index for
    # the per-exercise views.
    _run(
        db,
        """
        ALTER TABLE sets ADD COLUMN rpe INTEGER CHECK (rpe BETWEEN 1 AND 10);
        ALTER TABLE sessions ADD COLUMN light INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX sets_by_exercise ON sets (exercise, completed_ts);
        """,
    )


def _v3(db: sqlite3.Connection) -> None:
    # Version 3: where a session started from a file path came from, and a hash of that file,
    # so it can be resumed (and a changed file noticed).
    _run(
        db,
        """
        ALTER TABLE sessions ADD COLUMN source_path TEXT;
        ALTER TABLE sessions ADD COLUMN source_hash TEXT;
        CREATE INDEX sets_by_phase ON sets (session_id, exercise_index, set_number, phase_index);
        """,
    )


def _v4(db: sqlite3.Connection) -> None:
    # Version 4: runs imported from a watch or Strava, so strength work is placed around
    # the runs that actually happened. `source_id` identifies an activity across imports.
    _run(
        db,
        """
        CREATE TABLE runs (
            id INTEGER PRIMARY KEY,
            uid TEXT NOT NULL UNIQUE,
            source_id TEXT UNIQUE,
            source TEXT NOT NULL,
            name TEXT NOT NULL,
            sport TEXT NOT NULL,
            start_ts REAL NOT NULL,
            start_at TEXT NOT NULL,
            duration_s INTEGER NOT NULL CHECK (duration_s >= 0),
            distance_m REAL CHECK (distance_m IS NULL OR distance_m >= 0)
        );
        CREATE INDEX runs_by_start ON runs (start_ts);
        """,
    )


# SQLite's strftime reads a trailing "+02:00" and gives the moment in UTC.
# What a stored run can hold: 1970-2100, up to 7 days, 0-1,000 km (as activities.model).
FIRST_RUN_TS, LAST_RUN_TS = 0, 4_133_980_799
MAX_RUN_SECONDS, MAX_RUN_METRES = 7 * 86400, 1_000_000
_UTC = "'%Y-%m-%dT%H:%M:%S+00:00'"


def _v5(db: sqlite3.Connection) -> None:
    # Version 5: the weight lifted in a set of a loaded exercise, in kilograms (NULL: none).
    _run(
        db,
        """
        ALTER TABLE sets ADD COLUMN load_kg REAL CHECK (load_kg IS NULL OR load_kg >= 0);
        """,
    )


def _v6(db: sqlite3.Connection) -> None:
    # Version 6: every stored time in UTC. Sessions and sets kept the writer's local time
    # (a history moved to another zone showed days and weeks of the zone it was written in)
    # while runs were read in the reader's: now all are stored in UTC and shown local.
    # A time an old unchecked import left unreadable stays as it was.
    _run(
        db,
        f"""
        UPDATE sessions SET started_at = strftime({_UTC}, started_ts, 'unixepoch'),
            ended_at = coalesce(strftime({_UTC}, ended_at), ended_at);
        UPDATE sets SET completed_at = strftime({_UTC}, completed_ts, 'unixepoch'),
            started_at = coalesce(strftime({_UTC}, started_at), started_at);
        UPDATE runs SET start_at = strftime({_UTC}, start_ts, 'unixepoch');
        UPDATE runs SET distance_m = NULL
            WHERE NOT (distance_m BETWEEN 0 AND {MAX_RUN_METRES});
        DELETE FROM runs WHERE NOT (start_ts BETWEEN {FIRST_RUN_TS} AND {LAST_RUN_TS})
            OR NOT (duration_s BETWEEN 0 AND {MAX_RUN_SECONDS})
        """,
    )
    # Runs an older `runs import` let through that no run can have (see
    # activities.model.out_of_range): an infinite or negative distance becomes unknown; a
    # start in year 1 or 9999, or a run of years from a bad first GPX time, was never a run.
    # Each would break the charts and make every later export refused by import.


def _v7(db: sqlite3.Connection) -> None:
    # Version 7: what left against right may compare. `paced`: the timer counted the reps
    # (1) or the person did, or it was a hold (0); `warm_up`: a warm-up drill. NULL: not known
    # (an older version or an import).
    _run(
        db,
        """
        ALTER TABLE sets ADD COLUMN paced INTEGER CHECK (paced IN (0, 1));
        ALTER TABLE sets ADD COLUMN warm_up INTEGER CHECK (warm_up IN (0, 1));
        """,
    )


def _v8(db: sqlite3.Connection) -> None:
    # Version 8: `stats` groups every set by exercise and kind; with this covering index it
    # reads the index in order instead of sorting 100,000 rows (96 ms -> 18 ms here).
    _run(
        db,
        "CREATE INDEX sets_by_kind ON sets (exercise, kind, session_id, actual, load_kg);",
    )


def _v9(db: sqlite3.Connection) -> None:
    # Version 9: the time a session took as its summary says it (a resumed session's parts
    # added up, the interruption left out), so the history and the summary agree. NULL: an
    # older version or an import; the history then shows start to end.
    _run(
        db, "ALTER TABLE sessions ADD COLUMN taken_s REAL CHECK (taken_s IS NULL OR taken_s >= 0);"
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1,
    _v2,
    _v3,
    _v4,
    _v5,
    _v6,
    _v7,
    _v8,
    _v9,
)
SCHEMA_VERSION = len(MIGRATIONS)
