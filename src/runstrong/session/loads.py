"""The weight on the bar during a session: each loaded exercise's current load, and how a
change in the rest after a set fixes that set's records and carries to the sets after it."""

from __future__ import annotations

from dataclasses import replace

from runstrong.session.events import PhaseCorrected, PhaseRecord
from runstrong.session.timeline import SessionPhase, Step
from runstrong.workout.model import Session

LOAD_STEP_KG = 2.5
MAX_LOAD_KG = 500.0


class Loads:
    """Kilograms per exercise index, for the exercises that take a load."""

    def __init__(self, session: Session, records: list[PhaseRecord]) -> None:
        self.kg: dict[int, float | None] = {
            index: exercise.load
            for index, exercise in enumerate(session.exercises)
            if exercise.loaded
        }
        # A resumed session goes on from the last load it logged.
        for record in records:
            if record.exercise_index in self.kg and record.load_kg is not None:
                self.kg[record.exercise_index] = record.load_kg

    def of(self, exercise_index: int) -> float | None:
        return self.kg.get(exercise_index)

    def shown(self, step: Step, focus: Step) -> float | None:
        """In a rest, the load of the set just done; otherwise of the set in focus."""
        return self.of(step.exercise if step.kind is SessionPhase.REST else focus.exercise)

    def adjustable(self, step: Step) -> int | None:
        """The exercise whose load the keys change: in the rest after a set of a loaded one."""
        if step.kind is SessionPhase.REST and step.exercise in self.kg:
            return step.exercise
        return None

    def adjust(
        self, step: Step, records: list[PhaseRecord], delta_kg: float
    ) -> list[PhaseCorrected]:
        """Change the load of the set just done (rows already saved are corrected) and of
        every set after it."""
        index = self.adjustable(step)
        if index is None:
            return []
        current = self.kg[index] or 0.0
        new = round(min(MAX_LOAD_KG, max(0.0, current + delta_kg)), 3)
        self.kg[index] = new
        events: list[PhaseCorrected] = []
        for position, record in enumerate(records):
            if record.exercise_index == index and record.set_number == step.set_number:
                records[position] = replace(record, load_kg=new)
                events.append(PhaseCorrected(records[position]))
        return events
