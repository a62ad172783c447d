"""Where the plan's sessions go in one week: the data a week is made of, and the search.

Which sessions a week holds comes from the calendar, not from a backlog: week n of the plan
takes the rotation's next `sessions_per_week` sessions. A hard session that finds no allowed
day that week waits for its next turn instead of blocking the queue, and the next session of
the rotation that fits takes its day (rule 4). `place` finds, over every choice of days and
sessions (a small search over the week's days in order), as many sessions as the rules allow
(`planning.rules`), and among those the best by the rotation's order and `_cost`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from runstrong.planning.plans import Plan
from runstrong.planning.rules import (
    MAX_HARD_A_WEEK,
    MIN_GAP_DAYS,
    ONE_DAY,
    Judge,
    RunKind,
    When,
    day_refusal,
    monday_of,
    run_on,
    weekday,
)
from runstrong.workout.model import Intensity

ACTIVATION = "pre-run-activation"
KEY_ACTIVATION = "key-run-activation"
EPOCH = date(2024, 1, 1)  # a Monday: week numbers for a plan with no start date
BIG_RUNS = (RunKind.KEY, RunKind.LONG, RunKind.RACE)


@dataclass(frozen=True, slots=True)
class Done:
    """A session with work logged: its local date, slug, whether it was the light one, and
    its name as logged (for a session from a file outside the catalog)."""

    day: date
    slug: str
    light: bool = False
    name: str = ""


@dataclass(frozen=True, slots=True)
class Day:
    day: date
    run: RunKind
    session: str | None
    light: bool
    when: When | None
    reason: str
    done: bool = False  # logged, not a suggestion
    counts: bool = False  # one of the plan's sessions (activation is not)
    sessions_done: int = 0  # the plan's sessions logged this day (light ones as one each)
    plan_week: int | None = None  # 1-based week since `plan use`, None without a start date
    ran: str | None = None  # the run recorded that day, in words: "easy run 10.3 km"
    easier_week: bool = False  # every fourth week of the plan (planning.easier)

    def as_json(self) -> dict[str, Any]:
        return {
            "date": self.day.isoformat(),
            "weekday": weekday(self.day),
            "run": self.run.value,
            "session": self.session,
            "light": self.light,
            "when": None if self.when is None else self.when.value,
            "reason": self.reason,
            "plan_week": self.plan_week,
            "easier_week": self.easier_week,
        }


def _works_legs(_: str) -> bool:
    return True  # unknown sessions are taken to work the legs: the careful answer


@dataclass(frozen=True, slots=True)
class Coach:
    """What placement needs to know about sessions, without loading any."""

    plan: Plan
    intensity: Callable[[str], Intensity]  # of the full session
    name_of: Callable[[str], str]
    activation: str | None = ACTIVATION  # None when there is no activation session
    legs: Callable[[str], bool] = field(default=_works_legs)
    started: date | None = None  # when the plan was chosen (`plan_started`)
    # Activation with drills and strides, before a key run or a race (None: the plain one).
    key_activation: str | None = None

    @property
    def judge(self) -> Judge:
        return Judge(self.intensity, self.legs, self.plan.original)

    def activations(self) -> tuple[str, ...]:
        return tuple(a for a in (self.activation, self.key_activation) if a)


def plan_week_number(started: date | None, day: date) -> int | None:
    """Week 1 is the week the plan was chosen in; None without a start or before it."""
    if started is None or day < monday_of(started):
        return None
    return (monday_of(day) - monday_of(started)).days // 7 + 1


def week_sessions(coach: Coach, monday: date) -> list[str]:
    """The sessions a week holds by the calendar, in the rotation's order."""
    plan = coach.plan
    start = monday_of(coach.started) if coach.started else EPOCH
    index = (monday - start).days // 7
    rotation = plan.rotation
    first = index * plan.sessions_per_week
    picked = [rotation[(first + n) % len(rotation)] for n in range(plan.sessions_per_week)]
    return list(dict.fromkeys(picked))


@dataclass(frozen=True, slots=True)
class Option:
    slug: str
    rank: int  # lower is preferred: the week's own sessions in rotation order, then the rest
    own: bool  # one of the week's own sessions, not a stand-in for one that waits


STAND_IN = 3  # what taking a session from beyond the week's turn costs, over its rank


def candidates(coach: Coach, monday: date, done_this_week: Collection[str]) -> list[Option]:
    """The sessions that may fill the week: its own, then the rest of the rotation from
    where the week's turn ends. Ranks do not depend on what is done, so placing the rest
    of a week after a session is logged gives the rest of the same plan."""
    plan = coach.plan
    own = week_sessions(coach, monday)
    start = monday_of(coach.started) if coach.started else EPOCH
    after = ((monday - start).days // 7 + 1) * plan.sessions_per_week
    rotation = plan.rotation
    rest = [rotation[(after + n) % len(rotation)] for n in range(len(rotation))]
    others = [s for s in dict.fromkeys(rest) if s not in own]
    found = [Option(s, n, True) for n, s in enumerate(own)]
    found += [Option(s, len(own) + STAND_IN + n, False) for n, s in enumerate(others)]
    return [o for o in found if o.slug not in done_this_week]


@dataclass(frozen=True, slots=True)
class Choice:
    day: date
    slug: str
    own: bool  # one of the week's own sessions, not a stand-in for one that waits


def _cost(coach: Coach, runs: Mapping[date, RunKind], day: date, slug: str) -> int:
    """Quiet preferences for one session on one day, weighed against each other."""
    cost = 0
    felt = coach.intensity(slug)
    if felt is not Intensity.EASY:
        if coach.legs(slug) and run_on(runs, day + ONE_DAY) in BIG_RUNS:
            cost += 4  # legs want to be fresh for tomorrow's key or long run
        if run_on(runs, day) in BIG_RUNS:
            cost += 2  # allowed after a hard run, but the legs are spent
    if coach.plan.days and weekday(day) not in coach.plan.days:
        cost += 1
    return cost


Score = tuple[int, int, tuple[tuple[int, int], ...]]


def place(
    coach: Coach,
    runs: Mapping[date, RunKind],
    free: Sequence[date],
    wanted: int,
    options: Sequence[Option],
    last_demanding: date | None,
    hard_done: int,
) -> list[Choice]:
    """As many sessions as the rules allow on `free` days (at most `wanted`), best first by
    the rotation's order and `_cost`."""
    slugs = [o.slug for o in options]
    levels = [coach.intensity(s) for s in slugs]
    refusals = {
        (day, n): day_refusal(runs, day, levels[n], coach.legs(s))
        for day in free
        for n, s in enumerate(slugs)
    }

    @cache
    def best(i: int, used: frozenset[int], last: date | None, hard: int) -> Score:
        """(-count, cost, choices) for days i.. given what is placed so far: smaller wins."""
        if i == len(free) or len(used) == wanted:
            return (0, 0, ())
        skip = best(i + 1, used, last, hard)
        found = skip
        day = free[i]
        for n, slug in enumerate(slugs):
            if n in used or refusals[(day, n)]:
                continue
            level = levels[n]
            demanding = level is not Intensity.EASY
            if demanding and last is not None and (day - last).days < MIN_GAP_DAYS:
                continue
            is_hard = level is Intensity.HARD
            if is_hard and hard >= MAX_HARD_A_WEEK:
                continue
            order = options[n].rank
            rest = best(i + 1, used | {n}, day if demanding else last, hard + is_hard)
            cost = rest[1] + order + _cost(coach, runs, day, slug)
            total = (rest[0] - 1, cost, ((i, n), *rest[2]))
            if total < found:
                found = total
        return found

    _, _, picked = best(0, frozenset(), last_demanding, hard_done)
    return [Choice(free[i], options[n].slug, options[n].own) for i, n in picked]
