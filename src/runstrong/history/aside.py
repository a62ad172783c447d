"""Moving a history that cannot be used out of the way, so a new one can start beside it."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path


def move_aside(path: Path, now: datetime) -> Path:
    """Rename `path` with the date and time added (history.sqlite3 ->
    history.20261206-041500.sqlite3) and answer the new name. Nothing is deleted or changed
    inside the file. Raises OSError when it cannot be renamed."""
    moved = path.with_name(f"{path.stem}.{now:%Y%m%d-%H%M%S}{path.suffix}")
    path.rename(moved)
    return moved
