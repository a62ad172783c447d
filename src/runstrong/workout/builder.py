"""A session being composed in the builder, and how it becomes a TOML file.

The draft holds plain prescriptions; `document()` is what tomli-w writes, in the same format
people write by hand, so a saved file validates and loads like any other.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import tomli_w

from runstrong import paths
from runstrong.workout.model import LibraryExercise, Phase, PhaseKind, Side


@dataclass(frozen=True, slots=True)
class DraftExercise:
    id: str
    name: str
    sets: int = 2
    reps: int | None = 10
    hold: int | None = None
    tempo: float | None = None
    rest: int | None = None
    sides: bool = False

    def describe(self) -> str:
        # Worded as a session's phase is, so the builder and `show` read alike.
        if self.hold is not None:
            phase = Phase(PhaseKind.HOLD, self.hold)
        else:
            phase = Phase(PhaseKind.REPS, self.reps or 1, self.tempo)
        text = f"{self.sets} x {phase.describe()}"
        return text + (" per side" if self.sides else "")

    def entry(self) -> dict[str, Any]:
        entry: dict[str, Any] = {"exercise": self.id, "sets": self.sets}
        if self.hold is not None:
            entry["hold"] = self.hold
        else:
            entry["reps"] = self.reps or 1
            if self.tempo is not None:
                entry["tempo"] = self.tempo
        if self.rest is not None:
            entry["rest"] = self.rest
        if self.sides:
            entry["sides"] = [Side.LEFT.value, Side.RIGHT.value]
        return entry


def from_library(exercise: LibraryExercise) -> DraftExercise:
    """The library's usual dose: its sets, hold or reps (and tempo), and sides.

    An exercise the library says little about (a person's own entry) starts at 2 x 10 reps,
    or 2 x 30 s when it is known to be a hold.
    """
    sides = bool(exercise.sides)
    usual = exercise.prescription
    if usual is not None:
        phase = usual.phase
        if phase.kind is PhaseKind.HOLD:
            return DraftExercise(
                exercise.id,
                exercise.name,
                sets=usual.sets,
                reps=None,
                hold=phase.target or 30,
                sides=sides,
            )
        return DraftExercise(
            exercise.id,
            exercise.name,
            sets=usual.sets,
            reps=phase.target or 10,
            tempo=phase.tempo,
            sides=sides,
        )
    if exercise.kind is PhaseKind.HOLD:
        return DraftExercise(exercise.id, exercise.name, sets=2, reps=None, hold=30, sides=sides)
    return DraftExercise(exercise.id, exercise.name, sets=2, reps=10, sides=sides)


@dataclass(slots=True)
class Draft:
    name: str = "My session"
    exercises: list[DraftExercise] = field(default_factory=list)

    def add(self, exercise: DraftExercise) -> int:
        self.exercises.append(exercise)
        return len(self.exercises) - 1

    def remove(self, index: int) -> None:
        del self.exercises[index]

    def move(self, index: int, by: int) -> int:
        target = max(0, min(len(self.exercises) - 1, index + by))
        item = self.exercises.pop(index)
        self.exercises.insert(target, item)
        return target

    def update(self, index: int, **changes: Any) -> None:
        self.exercises[index] = replace(self.exercises[index], **changes)

    @property
    def slug(self) -> str:
        return "-".join("".join(c if c.isalnum() else " " for c in self.name.lower()).split())

    def document(self) -> dict[str, Any]:
        return {
            # No rests here: the person's default rests (settings) apply, as in hand-written
            # files that leave them out.
            "session": {
                "name": self.name,
                "description": "Built with the runstrong session builder.",
            },
            "exercises": [exercise.entry() for exercise in self.exercises],
        }

    def copy(self) -> Draft:
        """A snapshot to hand on, so later edits on screen do not change what was saved."""
        return Draft(self.name, list(self.exercises))

    def path(self, folder: Path | None = None) -> Path:
        """Where `save` writes this draft."""
        return (folder or paths.user_workouts_dir()) / f"{self.slug or 'session'}.toml"

    def save(self, folder: Path | None = None, *, overwrite: bool = False) -> Path:
        """Write the file; an existing one is replaced only with `overwrite` (FileExistsError
        otherwise), and a failed write (OSError) leaves any old file as it was."""
        path = self.path(folder)
        if path.exists() and not overwrite:
            raise FileExistsError(f"{path} already exists")
        path.parent.mkdir(parents=True, exist_ok=True)
        write_session_file(path, tomli_w.dumps(self.document()))
        return path


def write_session_file(path: Path, text: str) -> None:
    # Through a temporary file, so a full disk never leaves half a session behind.
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)
