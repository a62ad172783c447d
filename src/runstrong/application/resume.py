"""Finding the session an interrupted history row belongs to, so it can be picked up again."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from runstrong.history import Unfinished
from runstrong.planning.light import light_session
from runstrong.session.events import PhaseRecord
from runstrong.workout.catalog import Catalog, load_session_file
from runstrong.workout.model import Session, Source


@dataclass(frozen=True, slots=True)
class ToResume:
    session: Session | None
    """The session as it was started (light again if it was light); None if it is gone."""
    changed: bool = False
    """The file it came from is different now: its sets may not line up any more."""
    problem: str = ""


def session_to_resume(
    unfinished: Unfinished, catalog: Catalog, started: Session | None = None
) -> ToResume:
    """`started`: the session the person just asked for, when it is the unfinished one."""
    if started is not None:
        session = started
    elif unfinished.source_path:
        path = Path(unfinished.source_path)
        if not path.is_file():
            return ToResume(
                None, problem=f"{unfinished.name} came from {path}, which is no longer there."
            )
        loaded = load_session_file(path, catalog.library, label=str(path), rests=catalog.rests)
        if not isinstance(loaded, Session):
            return ToResume(
                None,
                problem=f"{path} no longer reads as a session: "
                f"{loaded.problems[0] if loaded.problems else ''}",
            )
        session = replace(loaded, path=str(path))
    else:
        found = catalog.entries.get(unfinished.slug)
        if not isinstance(found, Session):
            return ToResume(
                None, problem=f"Session '{unfinished.slug}' is no longer available to resume."
            )
        session = found
    changed = bool(unfinished.source_hash) and session.digest != unfinished.source_hash
    if unfinished.light and not session.light:
        session = light_session(session)
    return ToResume(session, changed)


# A pause between two logged phases longer than this was an interruption (a closed terminal,
# a crash), not a rest: rests are at most 15 minutes plus a few "+15 s".
INTERRUPTION_SECONDS = 20 * 60


def time_taken(started_ts: float, records: Sequence[PhaseRecord]) -> float:
    """How long the part of a session before an interruption took: from its start to its
    last logged phase, leaving out earlier interruptions. A resumed session's clock and its
    summary carry on from here, so both show the whole session."""
    taken, last = 0.0, started_ts
    for record in sorted(records, key=lambda r: r.ended_at):
        gap = record.started_at - last
        if 0 <= gap <= INTERRUPTION_SECONDS:
            taken += gap
        taken += max(0.0, record.ended_at - max(record.started_at, last))
        last = max(last, record.ended_at)
    return taken


def same_session(unfinished: Unfinished, session: Session) -> bool:
    """Whether `session`, about to start, is the one left unfinished."""
    if unfinished.source_path or session.source is Source.FILE:
        return unfinished.source_path == session.path
    return unfinished.slug == session.slug
