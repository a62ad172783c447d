"""The local training history: SQLite store, queries, and import/export."""

from runstrong.history.database import (
    HistoryError,
    HistoryWriteError,
    NewerHistory,
    NotAHistory,
)
from runstrong.history.history_store import HistoryStore, SessionLog, Unfinished, resume_index

__all__ = [
    "HistoryError",
    "HistoryStore",
    "HistoryWriteError",
    "NewerHistory",
    "NotAHistory",
    "SessionLog",
    "Unfinished",
    "resume_index",
]
