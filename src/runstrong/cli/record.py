"""What the history holds for the running week, read here so planning gets plain data."""

from __future__ import annotations

from datetime import date

from runstrong import paths
from runstrong.history import HistoryStore, open_existing_quietly
from runstrong.planning.week import Record


def record_from(store: HistoryStore, first: date, last: date) -> Record:
    return Record.of(store.trained_sessions(), store.runs_between(first, last))


def read_record(first: date, last: date) -> Record:
    """Logged sessions and the runs from `first` to `last`; nothing without a history."""
    store = open_existing_quietly(paths.history_file())
    if store is None:
        return Record()
    with store:
        return record_from(store, first, last)
