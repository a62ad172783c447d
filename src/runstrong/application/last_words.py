""" "Last time" in a few words, and today against it: the session screen and the summary
show these (from the exercise's last full session; light sessions never count)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from runstrong.formatting import amount, load_text, sets_text
from runstrong.history.last_time import Best, LastTime
from runstrong.session.events import PhaseRecord
from runstrong.workout.model import PhaseKind, Session

if TYPE_CHECKING:
    from runstrong.application.before_session import BeforeSession


@dataclass(frozen=True, slots=True)
class Done:
    """One set's first phase as both sources know it: today's records and last time's."""

    kind: PhaseKind
    actual: int
    load_kg: float | None


def _amounts(sets: Sequence[Done], units: str) -> str:
    return sets_text([(done.actual, done.kind, done.load_kg) for done in sets], units)


def _from_last(last: LastTime) -> list[Done]:
    return [Done(s.kind, s.actual, s.load_kg) for s in last.sets if s.phase_index == 0]


def _from_records(records: Sequence[PhaseRecord]) -> list[Done]:
    return [Done(r.kind, r.actual, r.load_kg) for r in records if r.phase_index == 0]


def last_time_text(last: LastTime | None, units: str = "kg") -> str:
    """ "last time 40 s, 40 s" or "last 8 x 20 kg"; empty when there is no full session."""
    if last is None:
        return ""
    sets = _from_last(last)
    if not sets:
        return ""
    loaded = any(done.load_kg is not None for done in sets)
    return ("last " if loaded else "last time ") + _amounts(sets, units)


def today_text(records: Sequence[PhaseRecord], units: str = "kg") -> str:
    sets = _from_records(records)
    return _amounts(sets, units) if sets else ""


def new_best(records: Sequence[PhaseRecord], best: Best | None, units: str = "kg") -> str | None:
    """The personal best today beat, in words, or None. A first time is not a record."""
    sets = _from_records(records)
    if not sets or best is None:
        return None
    heaviest = max((d.load_kg for d in sets if d.load_kg is not None), default=None)
    if heaviest is not None and best.load_kg is not None and heaviest > best.load_kg:
        reps = max(d.actual for d in sets if d.load_kg == heaviest)
        return f"new best: {reps} x {load_text(heaviest, units)}"
    top = max(d.actual for d in sets)
    if heaviest is None and top > best.actual:
        return f"new best: {amount(top, 's' if sets[0].kind is PhaseKind.HOLD else 'reps')}"
    return None


def compared(
    session: Session,
    records: Sequence[PhaseRecord],
    before: BeforeSession | None,
    units: str = "kg",
) -> tuple[list[str], list[str]]:
    """Per exercise, last time in words; and a line for each new personal best today."""
    last_times: list[str] = []
    bests: list[str] = []
    for index, exercise in enumerate(session.exercises):
        last = None if before is None else before.last.get(exercise.key)
        last_times.append(last_time_text(last, units))
        mine = [r for r in records if r.exercise_index == index]
        if before is None or not mine:
            continue
        best = before.bests.get((exercise.key, mine[0].kind.value))
        found = new_best(mine, best, units)
        if found:
            bests.append(f"{exercise.name}: {found}!")
    return last_times, bests
