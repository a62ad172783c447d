"""The local training history: SQLite store, queries, and import/export."""

from runstrong.history.database import (
    HistoryError,
    HistoryWriteError,
    NewerHistory,
    NotAHistory,
    SessionStatus,
)
from runstrong.history.history_store import (
    HistoryStore,
    SessionLog,
    Unfinished,
    open_existing,
    open_existing_quietly,
)

__all__ = [
    "HistoryError",
    "HistoryStore",
    "HistoryWriteError",
    "NewerHistory",
    "NotAHistory",
    "SessionLog",
    "SessionStatus",
    "Unfinished",
    "open_existing",
    "open_existing_quietly",
]
