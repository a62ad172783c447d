"""What the history says before a session starts: the easier week, each loaded exercise's
last load, the progression offer, and "last time" for the screen and the summary.

The app's offer and `runstrong show` both use `planning.progression`; this gathers its data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from runstrong.history import HistoryStore
from runstrong.history.last_time import Best, LastTime
from runstrong.planning.easier import easier_session
from runstrong.planning.progression import Suggestion, suggestions, with_last_loads
from runstrong.workout.model import Session


@dataclass(frozen=True, slots=True)
class BeforeSession:
    session: Session
    """The session to run: one set fewer in an easier week, loads from last time."""
    offers: list[Suggestion] = field(default_factory=list)
    last: dict[str, LastTime] = field(default_factory=dict)
    """Each exercise's last full session, by history key."""
    bests: dict[tuple[str, str], Best] = field(default_factory=dict)
    """Personal bests before today, by (history key, kind)."""
    easier_week: bool = False


def before_session(
    session: Session, store: HistoryStore | None, today: date, *, easier_week: bool = False
) -> BeforeSession:
    if easier_week and not session.light:
        session = easier_session(session)
    if store is None:
        return BeforeSession(session, easier_week=easier_week)
    last = {
        exercise.key: found
        for exercise in session.exercises
        if (found := store.last_full(exercise.key)) is not None
    }
    session = with_last_loads(session, last.get)
    offers = suggestions(session, last.get, today, easier_week=easier_week)
    return BeforeSession(session, offers, last, store.bests(), easier_week)
