"""Sessions left unfinished (a crash, a closed terminal): whether to offer them, what the
answer does to the history, and finding the session again so it can be picked up."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from pathlib import Path

from runstrong.application.instance_lock import resumable
from runstrong.history import HistoryStore, Unfinished
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
        loaded = load_session_file(path, catalog.library, label=str(path))
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


def resumed_time(unfinished: Unfinished, done: Sequence[PhaseRecord]) -> float:
    """Where a resumed session's clock carries on from: the time its first part took when it
    was put aside (the summary said so then), or what its sets tell after a crash; the larger,
    since a crash after a resume leaves the first part's time behind the sets logged since."""
    from_sets = time_taken(unfinished.started_ts, done)
    return max(from_sets, unfinished.taken_s or 0.0)


def same_session(unfinished: Unfinished, session: Session) -> bool:
    """Whether `session`, about to start, is the one left unfinished."""
    if unfinished.source_path or session.source is Source.FILE:
        return unfinished.source_path == session.path
    return unfinished.slug == session.slug


class ResumeAnswer(Enum):
    RESUME = "resume"
    CLOSE = "close"
    FRESH = "start fresh"
    LATER = "later"  # asked again next time


@dataclass(frozen=True, slots=True)
class ResumeOffer:
    """The unfinished session to offer, and older ones that an answer closes for good."""

    latest: Unfinished
    older: tuple[Unfinished, ...] = ()


def offer_at_start(store: HistoryStore) -> ResumeOffer | None:
    """What opening runstrong offers to resume: the latest unfinished session, if any.
    Raises HistoryError when the history cannot be read. A session another running
    runstrong holds is not offered (nor closed): `instance_lock`."""
    unfinished = resumable(store.path, store.unfinished())
    if not unfinished:
        return None
    return ResumeOffer(unfinished[0], tuple(unfinished[1:]))


def offer_for(store: HistoryStore, session: Session) -> ResumeOffer | None:
    """`runstrong start X` while X is unfinished: X's latest unfinished row, if any."""
    left = [u for u in resumable(store.path, store.unfinished()) if same_session(u, session)]
    return ResumeOffer(left[0], tuple(left[1:])) if left else None


def close_unfinished(store: HistoryStore, left: Iterable[Unfinished], at: float) -> None:
    """Mark sessions as stopped: they are no longer offered. Raises HistoryWriteError."""
    for old in left:
        store.finish(old.id, completed=False, ended_ts=at)


def settle(store: HistoryStore, offer: ResumeOffer, answer: ResumeAnswer | None, at: float) -> None:
    """What an answer leaves in the history. Resuming or starting fresh closes the older
    rows (one unfinished session at a time); closing or starting fresh closes the latest too;
    "later" (or no answer) leaves everything to be offered again."""
    if answer in (ResumeAnswer.CLOSE, ResumeAnswer.FRESH):
        close_unfinished(store, [offer.latest], at)
    if answer in (ResumeAnswer.RESUME, ResumeAnswer.CLOSE, ResumeAnswer.FRESH):
        close_unfinished(store, offer.older, at)
