"""The next target for an exercise, from how its last full session went.

Pure: it takes the exercise, what it did last time (`LastTime`, from the history) and today's
date. The rules, in order (README, "The next target"):

1. every set met at effort 7 or lower: one step up, capped at `to` (loaded: +2.5 kg);
2. effort 8, or no rating: the same target (a hold that ran to its end counts as met);
3. effort 9 or 10, or a set missed: one step back, never below `from` (loaded: -2.5 kg);
4. more than 14 days since it was last done: one step back per two weeks away, to `from`;
5. at `to` with rule 1 earned: the harder variation is offered instead of a bigger number;
6. light sessions never offer progression (and their sets are never "last time").

An easier week (planning.easier) offers no step up; rules 3 and 4 still step back.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from runstrong.formatting import amount
from runstrong.history.last_time import LastSet, LastTime
from runstrong.workout.model import Exercise, Phase, PhaseKind, Progression, Session

LOAD_STEP_KG = 2.5
BREAK_DAYS = 14  # more days away than this and the targets step back
EASY_EFFORT = 7  # at or under: ready for more
HARD_EFFORT = 9  # at or over: too much


@dataclass(frozen=True, slots=True)
class Suggested:
    """What the next session of one exercise should aim for, and why, in one sentence."""

    target: int | None
    """The first progressing part's target (for a loaded exercise, its reps)."""
    targets: tuple[int | None, ...]
    """Each part's target (None: a part that keeps the file's)."""
    load_kg: float | None
    harder: bool
    why: str

    def as_json(self) -> dict[str, object]:
        return {
            "target": self.target,
            "load_kg": self.load_kg,
            "harder": self.harder,
            "why": self.why,
            "targets": list(self.targets),
        }


def _unit(phase: Phase) -> str:
    return "s" if phase.kind is PhaseKind.HOLD else "reps"


def _kg(load: float) -> str:
    return f"{load:g} kg"


@dataclass(frozen=True, slots=True)
class _Step:
    """One rule's outcome for one part: steps to move (+1 up, -n back) and why."""

    steps: int
    why: str
    harder: bool = False
    away: bool = False  # a break: the same amount as weeks ago, "again"


def _verdict(
    name: str, sets: list[LastSet], last: LastTime, today: date, at_top: bool, easier: bool
) -> _Step:
    days = (today - last.day).days
    if days > BREAK_DAYS:
        weeks = days // 7
        return _Step(
            -(days // BREAK_DAYS), f"{weeks} weeks since your last {name.lower()}", away=True
        )
    if not all(s.met for s in sets):
        return _Step(-1, "A set fell short last time")
    if last.rpe is not None and last.rpe >= HARD_EFFORT:
        return _Step(-1, f"Effort {last.rpe} last time")
    if last.rpe is None or last.rpe > EASY_EFFORT:
        said = "No effort rating" if last.rpe is None else f"Effort {last.rpe}"
        return _Step(0, f"{said} last time")
    if easier:
        return _Step(0, "Easier week: no progression")
    if at_top:
        return _Step(0, "Ready for the harder version", harder=True)
    return _Step(1, f"Every set done at effort {last.rpe}")


def _moved(rule: Progression, base: int, steps: int) -> int:
    return max(rule.start, min(rule.end, base + steps * rule.step))


def _last_target(rule: Progression, sets: list[LastSet], fallback: int) -> int:
    """The target the sets were done at, inside the range (a file may have changed since)."""
    done_at = max((s.target for s in sets if s.target is not None), default=fallback)
    return max(rule.start, min(rule.end, done_at))


def _sentence(step: _Step, amount: str, exercise: Exercise) -> str:
    if step.harder:
        return f"{step.why}: {exercise.harder}" if exercise.harder else step.why
    if step.steps > 0:
        return f"{step.why}: up to {amount}"
    if step.steps < 0 and not step.away:
        return f"{step.why}: back to {amount}"
    return f"{step.why}: {amount} again"


def _comeback_floor(load: float) -> float:
    """The lowest load a break steps back to: half the last one, in whole steps (a load has
    no `from`; without a floor a long break stepped a 10 kg lift back to 0 kg)."""
    half = math.floor(load / 2 / LOAD_STEP_KG) * LOAD_STEP_KG
    return min(load, max(LOAD_STEP_KG, half))


def _loaded(exercise: Exercise, last: LastTime, today: date, easier: bool) -> Suggested:
    load = last.load_kg
    assert load is not None
    step = _verdict(exercise.name, list(last.sets), last, today, False, easier)
    new_load = max(_comeback_floor(load) if step.away else 0.0, load + step.steps * LOAD_STEP_KG)
    targets = tuple(p.target for p in exercise.phases)
    return Suggested(targets[0], targets, new_load, False, _sentence(step, _kg(new_load), exercise))


def suggest(
    exercise: Exercise,
    last: LastTime | None,
    today: date,
    *,
    light: bool = False,
    easier_week: bool = False,
) -> Suggested | None:
    """The next target for `exercise`, or None when there is none to offer: no progression
    and no load, no full session to go on, or a light session (rule 6)."""
    if light or last is None or not last.sets:
        return None
    if exercise.loaded and last.load_kg is not None:
        return _loaded(exercise, last, today, easier_week)
    rules = exercise.progressions
    if not rules:
        return None
    targets: list[int | None] = [None] * len(exercise.phases)
    reasons: list[str] = []
    harder = False
    for index, rule in rules:
        phase = exercise.phases[index]
        sets = [s for s in last.sets if s.phase_index == index]
        if not sets or phase.target is None:
            continue
        base = _last_target(rule, sets, phase.target)
        step = _verdict(exercise.name, sets, last, today, base >= rule.end, easier_week)
        targets[index] = _moved(rule, base, step.steps)
        harder = harder or step.harder
        reasons.append(_sentence(step, amount(targets[index], _unit(phase)), exercise))
    if not reasons:
        return None
    first = next(t for t in targets if t is not None)
    # Parts share one rating: say each reason once, in order.
    why = "; ".join(dict.fromkeys(reasons))
    return Suggested(first, tuple(targets), None, harder, why)


@dataclass(frozen=True, slots=True)
class Suggestion:
    """An offer before a session: an exercise whose target or load would change."""

    index: int
    name: str
    unit: str
    current: int
    suggested: int
    load_kg: float | None = None
    current_load_kg: float | None = None
    harder: bool = False
    why: str = ""
    targets: tuple[int | None, ...] = ()


def _offer(index: int, exercise: Exercise, found: Suggested) -> Suggestion | None:
    phase = exercise.phases[0]
    current = phase.target or 0
    moved = any(
        target is not None and target != p.target
        for target, p in zip(found.targets, exercise.phases, strict=True)
    )
    reload = found.load_kg is not None and found.load_kg != exercise.load
    if not (moved or reload or found.harder):
        return None
    return Suggestion(
        index,
        exercise.name,
        _unit(phase),
        current,
        found.target if found.target is not None else current,
        found.load_kg,
        exercise.load,
        found.harder,
        found.why,
        found.targets,
    )


def suggestions(
    session: Session,
    last_time: Callable[[str], LastTime | None],
    today: date,
    *,
    easier_week: bool = False,
) -> list[Suggestion]:
    """Exercises whose target or load should move, with the reason for each."""
    found: list[Suggestion] = []
    for index, exercise in enumerate(session.exercises):
        suggested = suggest(
            exercise, last_time(exercise.key), today, light=session.light, easier_week=easier_week
        )
        offer = None if suggested is None else _offer(index, exercise, suggested)
        if offer is not None:
            found.append(offer)
    return found


def with_targets(exercise: Exercise, targets: tuple[int | None, ...]) -> Exercise:
    """The exercise with its parts' targets replaced (for the session only)."""
    phases = tuple(
        phase if target is None else replace(phase, target=target)
        for phase, target in zip(exercise.phases, targets, strict=False)
    )
    return replace(exercise, phases=phases + exercise.phases[len(phases) :])


def with_target(exercise: Exercise, target: int) -> Exercise:
    return with_targets(exercise, (target,))


def apply(session: Session, chosen: list[Suggestion]) -> Session:
    exercises = list(session.exercises)
    for offer in chosen:
        exercise = exercises[offer.index]
        targets = offer.targets or (offer.suggested,)
        exercise = with_targets(exercise, targets)
        if offer.load_kg is not None:
            exercise = replace(exercise, load=offer.load_kg)
        exercises[offer.index] = exercise
    return replace(session, exercises=tuple(exercises))


def with_last_loads(session: Session, last_time: Callable[[str], LastTime | None]) -> Session:
    """Each loaded exercise starts from the last load used, whatever the file says."""
    exercises = []
    for exercise in session.exercises:
        last = last_time(exercise.key) if exercise.loaded else None
        load = None if last is None else last.load_kg
        exercises.append(exercise if load is None else replace(exercise, load=load))
    return replace(session, exercises=tuple(exercises))
