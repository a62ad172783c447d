"""The history file: one SQLite database, versioned, checked before use, written durably.

Why these settings (measured on this project's machines): WAL with synchronous=FULL commits a
set in ~0.15 ms and survives kill -9 with nothing committed lost; `synchronous` is per
connection, so every connection sets it. A second runstrong writing at the same moment waits
up to the busy timeout instead of failing with "database is locked".
"""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

APPLICATION_ID = 0x52534831  # "RSH1": marks the file as a runstrong history
BUSY_TIMEOUT_SECONDS = 10.0


class SessionStatus(StrEnum):
    """A session's state as stored; `words` is how a person reads it."""

    IN_PROGRESS = "in_progress"
    COMPLETED = "completed"
    STOPPED = "stopped"

    @property
    def words(self) -> str:
        return {"in_progress": "not finished", "completed": "done", "stopped": "stopped"}[
            self.value
        ]


class HistoryError(Exception):
    """A history file that cannot be used; the message names the file and what to do."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(f"{path}: {message}")
        self.path = path


class NotAHistory(HistoryError):
    """The file exists but is not a runstrong history (corrupt, or another program's)."""


class NewerHistory(HistoryError):
    """Written by a newer runstrong: never downgraded."""


class HistoryWriteError(HistoryError):
    """Saving failed (read-only folder, full disk...): the caller keeps the data and retries."""


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


def _v5(db: sqlite3.Connection) -> None:
    # Version 5: the weight lifted in a set of a loaded exercise, in kilograms (NULL: none).
    _run(
        db,
        """
        ALTER TABLE sets ADD COLUMN load_kg REAL CHECK (load_kg IS NULL OR load_kg >= 0);
        """,
    )


def _v6(db: sqlite3.Connection) -> None:
    # Version 6: what left against right may compare. `paced`: the timer counted the reps
    # (1) or the person did, or it was a hold (0); `warm_up`: a warm-up drill. NULL: not known
    # (an older version or an import).
    _run(
        db,
        """
        ALTER TABLE sets ADD COLUMN paced INTEGER CHECK (paced IN (0, 1));
        ALTER TABLE sets ADD COLUMN warm_up INTEGER CHECK (warm_up IN (0, 1));
        """,
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_v1, _v2, _v3, _v4, _v5, _v6)
SCHEMA_VERSION = len(MIGRATIONS)


def iso(timestamp: float) -> str:
    """Epoch seconds as local ISO 8601 with its UTC offset, the way exports show time."""
    return datetime.fromtimestamp(timestamp, UTC).astimezone().isoformat(timespec="seconds")


def new_uid() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True, slots=True)
class FileState:
    exists: bool
    application_id: int = 0
    user_version: int = 0
    has_tables: bool = False


def inspect(path: Path) -> FileState:
    """Read a file's identity without writing a byte to it (read-only, immutable open)."""
    if not path.exists():
        return FileState(exists=False)
    if path.is_dir():
        raise NotAHistory(path, "is a folder, not a history file")
    if path.stat().st_size == 0:
        return FileState(exists=True)
    try:
        with path.open("rb") as handle:
            header = handle.read(16)
    except OSError as error:
        raise HistoryError(path, f"cannot be read: {error.strerror or error}") from error
    if header != b"SQLite format 3\x00":
        raise NotAHistory(path, "is not a runstrong history (not an SQLite database)")
    try:
        db = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, timeout=BUSY_TIMEOUT_SECONDS
        )
        try:
            app_id = db.execute("PRAGMA application_id").fetchone()[0]
            version = db.execute("PRAGMA user_version").fetchone()[0]
            # Reading the schema catches a damaged file; a full quick_check would too, but it
            # reads every page: 0.6 s at 100,000 sets, on every start.
            tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]
        finally:
            db.close()
    except sqlite3.DatabaseError as error:
        raise NotAHistory(path, f"is damaged or not a runstrong history ({error})") from error
    return FileState(True, app_id, version, tables > 0)


def connect(path: Path) -> sqlite3.Connection:
    # The app's history screen reads in a worker thread; SQLite (built thread-safe, as
    # Python's is) serializes the calls on one connection.
    db = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
    )
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
    db.execute("PRAGMA foreign_keys = ON")
    return db


def _check_identity(path: Path, state: FileState) -> None:
    # Another program's file keeps its application id even before it has tables.
    foreign_id = state.application_id not in (0, APPLICATION_ID)
    if state.exists and (
        foreign_id or (state.has_tables and state.application_id != APPLICATION_ID)
    ):
        raise NotAHistory(path, "belongs to another program (not a runstrong history)")
    if state.user_version > SCHEMA_VERSION:
        raise NewerHistory(
            path,
            f"was written by a newer runstrong (history version {state.user_version}; "
            f"this one reads up to {SCHEMA_VERSION}). Upgrade runstrong to use it.",
        )


def open_for_reading(path: Path) -> sqlite3.Connection | None:
    """The history to read without changing a byte of it; None when there is none yet.

    Nothing is migrated, no journal mode is switched: a zero-byte file, an empty database or
    another program's file stays exactly as it is. An older history is migrated in a copy in
    memory, so reading it never upgrades the file.
    """
    state = inspect(path)
    if not state.exists or path.stat().st_size == 0:
        return None
    try:
        db = sqlite3.connect(
            f"{path.resolve().as_uri()}?mode=ro",
            uri=True,
            timeout=BUSY_TIMEOUT_SECONDS,
            isolation_level=None,
        )
        db.row_factory = sqlite3.Row
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        # Read again through this connection: the identity check above ignores the WAL,
        # where a running session's latest writes live.
        state = FileState(
            True,
            db.execute("PRAGMA application_id").fetchone()[0],
            db.execute("PRAGMA user_version").fetchone()[0],
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0,
        )
    except sqlite3.OperationalError as error:
        raise HistoryError(path, f"cannot be read ({error})") from error
    except sqlite3.DatabaseError as error:
        raise NotAHistory(path, f"is damaged or not a runstrong history ({error})") from error
    _check_identity(path, state)
    if not state.has_tables:
        db.close()
        return None
    if state.user_version < SCHEMA_VERSION:
        memory = sqlite3.connect(":memory:", isolation_level=None)
        memory.row_factory = sqlite3.Row
        db.backup(memory)
        db.close()
        migrate(memory)
        return memory
    return db


def empty_history() -> sqlite3.Connection:
    """An empty history in memory: what there is to read before the first session."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.row_factory = sqlite3.Row
    migrate(db)
    return db


def check_integrity(db: sqlite3.Connection) -> str | None:
    """None for a sound file, else SQLite's first complaint. Reads every page: only before
    writing a whole import, never on start-up."""
    try:
        first = db.execute("PRAGMA quick_check(1)").fetchone()[0]
    except sqlite3.DatabaseError as error:
        return str(error)
    return None if first == "ok" else str(first)


def open_history(path: Path) -> sqlite3.Connection:
    """Open (creating or migrating as needed) the history at `path`, or raise HistoryError."""
    state = inspect(path)
    _check_identity(path, state)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = connect(path)
        migrate(db)
    except sqlite3.OperationalError as error:
        raise HistoryError(
            path,
            f"cannot be opened for writing ({error}). A history on a "
            "network drive is not supported.",
        ) from error
    except OSError as error:
        raise HistoryError(path, f"cannot be created ({error.strerror or error})") from error
    return db


def migrate(db: sqlite3.Connection) -> None:
    version = db.execute("PRAGMA user_version").fetchone()[0]
    if version >= SCHEMA_VERSION:
        return
    with transaction(db):
        for number in range(version, SCHEMA_VERSION):
            MIGRATIONS[number](db)
        db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    # BEGIN IMMEDIATE takes the write lock up front, so a second writer waits on the busy
    # timeout here rather than failing halfway through.
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise
