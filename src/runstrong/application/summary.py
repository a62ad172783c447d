"""What a finished (or stopped) session adds up to, from the engine's records."""

from __future__ import annotations

from dataclasses import dataclass

from runstrong.formatting import balance_text, sets_text
from runstrong.history.balance import Balance
from runstrong.session.events import PhaseRecord, sets_in
from runstrong.workout.model import Session


@dataclass(frozen=True, slots=True)
class ExerciseResult:
    name: str
    planned_sets: int
    sets_done: int
    actuals: str


@dataclass(frozen=True, slots=True)
class SessionSummary:
    name: str
    seconds: float
    sets_done: int
    sets_planned: int
    exercises: tuple[ExerciseResult, ...]
    light: bool = False

    @property
    def title(self) -> str:
        return self.name + (" (light)" if self.light else "")


def _amounts(records: list[PhaseRecord], units: str) -> str:
    """Each set's amount, as the "last time" column says them."""
    return sets_text([(r.actual, r.kind, r.load_kg) for r in records], units)


def summarize(
    session: Session, records: list[PhaseRecord], seconds: float, units: str = "kg"
) -> SessionSummary:
    results: list[ExerciseResult] = []
    # An exercise with no sets before the last one worked on was skipped; after it, a stopped
    # session simply did not get there (it may be finished later).
    reached = max((r.exercise_index for r in records), default=-1)
    for index, exercise in enumerate(session.exercises):
        mine = [r for r in records if r.exercise_index == index]
        done = sets_in(mine)
        if exercise.sides:
            parts = []
            for side in exercise.sides:
                if values := _amounts([r for r in mine if r.side is side], units):
                    parts.append(f"{side.value[0].upper()} {values}")
            actuals = " · ".join(parts)
        else:
            actuals = _amounts(mine, units)
        missing = "skipped" if index < reached else "not reached"
        results.append(ExerciseResult(exercise.name, exercise.sets, done, actuals or missing))
    return SessionSummary(
        name=session.name,
        seconds=seconds,
        sets_done=sum(r.sets_done for r in results),
        sets_planned=sum(e.sets for e in session.exercises),
        exercises=tuple(results),
        light=session.light,
    )


def balance_notes(session: Session, balances: list[Balance]) -> list[str]:
    """A sentence for each one-sided exercise of `session` whose weaker side lags."""
    keys = {exercise.key for exercise in session.exercises if exercise.sides}
    return [
        f"{balance_text(b.name, b.weaker, b.lag_percent, b.sessions)}. Start sets on that side."
        for b in balances
        if b.exercise in keys and b.weaker
    ]
