"""Plain data for sessions, exercises and phases. No I/O, no Textual."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from runstrong.formatting import amount

if TYPE_CHECKING:
    # Only a type here: the figures package (parser, checks, renderer) loads when a library
    # with figures is read, not for every command that touches a session.
    from runstrong.figures.figure import Figure


class Side(StrEnum):
    LEFT = "left"
    RIGHT = "right"


class PhaseKind(StrEnum):
    REPS = "reps"
    HOLD = "hold"


class Category(StrEnum):
    """What an exercise does to a runner's legs and recovery, from gentle to demanding."""

    WARM_UP = "warm-up"
    MOBILITY = "mobility"
    STABILITY = "stability"
    STRENGTH = "strength"
    LOADED = "loaded"  # an external load that makes it heavy: trap bar, kettlebell, rucksack
    PLYOMETRIC = "plyometric"  # jumps, hops, bounds

    @property
    def is_demanding(self) -> bool:
        """Work that needs fresh legs and recovery: it makes a session hard."""
        return self in (Category.LOADED, Category.PLYOMETRIC)


class Intensity(StrEnum):
    EASY = "easy"  # activation, mobility: fine on any day
    MODERATE = "moderate"
    HARD = "hard"  # plyometric or loaded work at full volume


class Source(StrEnum):
    BUNDLED = "bundled"
    USER = "user"
    FILE = "file"


@dataclass(frozen=True, slots=True)
class Phase:
    """One part of a set: a number of reps, or a hold of some seconds.

    `target` is None only for a hold to the limit (`hold = "max"`).
    """

    kind: PhaseKind
    target: int | None
    tempo: float | None = None
    # Where this part's target builds to; a compound exercise's parts each have their own.
    progression: Progression | None = None

    @property
    def is_max_hold(self) -> bool:
        return self.kind is PhaseKind.HOLD and self.target is None

    @property
    def is_paced(self) -> bool:
        """Reps the timer counts itself, one every `tempo` seconds."""
        return self.kind is PhaseKind.REPS and self.tempo is not None

    def describe(self) -> str:
        if self.kind is PhaseKind.HOLD:
            return "hold to the limit" if self.target is None else f"{self.target} s hold"
        text = amount(self.target, "reps")
        if self.tempo is not None:
            text += f" @ {self.tempo:g} s"
        return text


@dataclass(frozen=True, slots=True)
class Progression:
    """Where a target builds to over the weeks: from `start` to `end` in `step`s."""

    start: int
    end: int
    step: int


@dataclass(frozen=True, slots=True)
class LibraryExercise:
    """An exercise as the library describes it, once, for every session that uses it."""

    id: str
    name: str
    cues: tuple[str, ...]
    description: str
    focus: tuple[str, ...] = ()
    muscles: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    easier: str = ""
    harder: str = ""
    category: Category | None = None
    sides: tuple[Side, ...] = ()
    kind: PhaseKind | None = None
    # The usual dose: sets and one phase, the builder's starting point.
    prescription: Prescription | None = None
    figure: Figure | None = None
    takes_load: bool = False


@dataclass(frozen=True, slots=True)
class Prescription:
    sets: int
    phase: Phase


@dataclass(frozen=True, slots=True)
class Exercise:
    """An exercise as a session prescribes it."""

    name: str
    sets: int
    phases: tuple[Phase, ...]
    # Seconds between sets; None: the session's, else the person's default (Timing).
    rest: int | None
    cues: tuple[str, ...] = ()
    description: str = ""
    easier: str = ""
    harder: str = ""
    focus: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    sides: tuple[Side, ...] = ()
    progression: Progression | None = None
    library_id: str | None = None
    category: Category | None = None
    # Seconds after the last set, instead of the session's rest between exercises.
    rest_after: int | None = None
    figure: Figure | None = None
    # Kilograms to lift or carry, when the file says; `takes_load` marks an exercise done
    # with a weight (from the library) even before a first load is known.
    load: float | None = None
    takes_load: bool = False

    @property
    def loaded(self) -> bool:
        return self.takes_load or self.load is not None

    @property
    def progressions(self) -> tuple[tuple[int, Progression], ...]:
        """(phase index, rule) for every part whose target builds over the weeks."""
        if self.progression is not None:
            return ((0, self.progression),)
        return tuple(
            (index, phase.progression)
            for index, phase in enumerate(self.phases)
            if phase.progression is not None
        )

    @property
    def key(self) -> str:
        """How history names this exercise: the library id when there is one."""
        return self.library_id or self.name

    def describe(self) -> str:
        body = " + ".join(phase.describe() for phase in self.phases)
        text = f"{self.sets} x {body}"
        if self.sides:
            text += " per side" if len(self.sides) > 1 else f" ({self.sides[0]})"
        return text


@dataclass(frozen=True, slots=True)
class Session:
    slug: str
    name: str
    exercises: tuple[Exercise, ...]
    description: str = ""
    focus: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    # None when the file does not say: the person's defaults apply (Timing), so a change of
    # settings needs no file read again.
    rest_between_sets: int | None = None
    rest_between_exercises: int | None = None
    source: Source = Source.BUNDLED
    path: str = ""
    light: bool = False
    # As the file declares it; None for files that do not say (see planning.intensity).
    intensity: Intensity | None = None
    digest: str = ""
    """SHA-256 of the file the session was read from: a resumed session notices a change."""
