"""The local training history: SQLite store, queries, and import/export."""

from runstrong.history.database import (
    HistoryError,
    HistoryReadError,
    HistoryWriteError,
    NewerHistory,
    NotAHistory,
    SessionStatus,
)
from runstrong.history.history_store import (
    HistoryStore,
    Unfinished,
    open_existing_quietly,
)
from runstrong.history.session_log import SessionLog

__all__ = [
    "HistoryError",
    "HistoryReadError",
    "HistoryStore",
    "HistoryWriteError",
    "NewerHistory",
    "NotAHistory",
    "SessionLog",
    "SessionStatus",
    "Unfinished",
    "open_existing_quietly",
]
