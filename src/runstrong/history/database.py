"""The history file: one SQLite database, versioned, checked before use, written durably.

Why these settings (measured on this project's machines): WAL with synchronous=FULL commits a
set in ~0.15 ms and survives kill -9 with nothing committed lost; `synchronous` is per
connection, so every connection sets it. A second runstrong writing at the same moment waits
up to the busy timeout instead of failing with "database is locked".
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

# Re-exported: the version is the file's identity, checked here.
from runstrong.history.migrations import MIGRATIONS as MIGRATIONS
from runstrong.history.migrations import SCHEMA_VERSION as SCHEMA_VERSION

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


class HistoryReadError(HistoryError, sqlite3.DatabaseError):
    """Reading failed (a page damaged past the first ones, an I/O error). `damaged` says
    which. Also an sqlite3.DatabaseError, so code that guards its reads by SQLite's errors
    (the app's screens) still catches it."""

    def __init__(self, path: Path, message: str, *, damaged: bool) -> None:
        super().__init__(path, message)
        self.damaged = damaged


class HistoryWriteError(HistoryError):
    """Saving failed (read-only folder, full disk...): the caller keeps the data and retries."""


def iso(timestamp: float) -> str:
    """Epoch seconds as ISO 8601 in UTC: how every time is stored. Shown in the reader's
    zone (`formatting.when_text`, `queries.local_day`)."""
    return datetime.fromtimestamp(timestamp, UTC).isoformat(timespec="seconds")


def utc_text(text: str) -> str:
    """An ISO 8601 time with an offset (checked by the importer) as the same moment in UTC."""
    return datetime.fromisoformat(text).astimezone(UTC).isoformat()


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


def _switch_to_wal(db: sqlite3.Connection) -> None:
    # Switching a new file to WAL needs a moment alone with it, and SQLite answers "database
    # is locked" at once there instead of waiting on the busy timeout: six runstrongs
    # starting on an empty folder together would fail. So wait here, as the timeout would.
    deadline = time.monotonic() + BUSY_TIMEOUT_SECONDS
    while True:
        try:
            db.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as error:
            if "locked" not in str(error) or time.monotonic() > deadline:
                raise
            time.sleep(0.02)


def connect(path: Path) -> sqlite3.Connection:
    # The app's history screen reads in a worker thread; SQLite (built thread-safe, as
    # Python's is) serializes the calls on one connection.
    db = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_SECONDS, isolation_level=None, check_same_thread=False
    )
    db.row_factory = sqlite3.Row
    _switch_to_wal(db)
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


def _read_only(path: Path, *, immutable: bool) -> tuple[sqlite3.Connection, FileState]:
    db = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro{'&immutable=1' if immutable else ''}",
        uri=True,
        timeout=BUSY_TIMEOUT_SECONDS,
        isolation_level=None,
    )
    try:
        db.row_factory = sqlite3.Row
        db.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT_SECONDS * 1000)}")
        # Read again through this connection: the identity check ignores the WAL, where a
        # running session's latest writes live.
        state = FileState(
            True,
            db.execute("PRAGMA application_id").fetchone()[0],
            db.execute("PRAGMA user_version").fetchone()[0],
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0,
        )
    except BaseException:
        db.close()
        raise
    return db, state


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
        try:
            db, state = _read_only(path, immutable=False)
        except sqlite3.OperationalError:
            # A WAL history in a folder the person may read but not write: SQLite cannot
            # create the shared-memory file a reader needs. With no write-ahead log beside
            # it, the file itself holds everything, and nobody who can write is around.
            wal = path.with_name(path.name + "-wal")
            if wal.exists() and wal.stat().st_size > 0:
                raise
            db, state = _read_only(path, immutable=True)
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
    if db.execute("PRAGMA user_version").fetchone()[0] >= SCHEMA_VERSION:
        return
    with transaction(db):
        # Read again under the write lock: another runstrong starting at the same moment
        # (six `runs import` on an empty folder) may have migrated while this one waited.
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version >= SCHEMA_VERSION:
            return
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
