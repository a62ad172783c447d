"""The seven days of a training week: where the plan's sessions go around the runs.

Pure: the runs come in as data (a run kind per date), so recorded runs can replace the usual
week from settings without changing anything here. Days before `today`, and days with a
session logged, show what was done; the rest are a forecast as if every suggestion is
followed. Placement tries every choice of days (a week has few) and keeps the best:
as many of the plan's sessions as fit under rule 1, then 48 h between the demanding ones,
then the quiet preferences, light versions among them (see `_cost`).
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from itertools import combinations, pairwise, product
from typing import Any

from runstrong.planning.plans import Plan
from runstrong.planning.rules import (
    MIN_GAP_DAYS,
    ONE_DAY,
    RunKind,
    When,
    hard_forbidden,
    run_on,
    weekday,
)
from runstrong.workout.model import Intensity

ACTIVATION = "pre-run-activation"


@dataclass(frozen=True, slots=True)
class Done:
    """A session with work logged: its local date, slug and whether it was the light one."""

    day: date
    slug: str
    light: bool = False


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
            "easier_week": self.easier_week,
        }


@dataclass(frozen=True, slots=True)
class Coach:
    """What placement needs to know about sessions, without loading any."""

    plan: Plan
    intensity: Callable[[str], Intensity]  # of the full session
    name_of: Callable[[str], str]
    activation: str | None = ACTIVATION  # None when there is no activation session


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def upcoming(plan: Plan, done: Sequence[Done]) -> list[str]:
    """The plan's sessions in the order they are due, two cycles and more ahead.

    The rotation repeats for ever; each logged session ticks off its first place among the
    next cycle's worth of due sessions. So a session done early (because a hard one did not
    fit that day) leaves the hard one due next, and the forecast and the record agree.
    """
    rotation = list(plan.rotation)
    window = len(rotation)
    queue: list[str] = []

    def top_up(length: int) -> None:
        while len(queue) < length:
            # A session skipped again and again is owed at most two cycles' worth.
            queue.extend(s for s in rotation if queue.count(s) < 2 * rotation.count(s))
            if all(queue.count(s) >= 2 * rotation.count(s) for s in rotation):
                break

    for item in sorted(done, key=lambda d: d.day):
        top_up(2 * window)
        slug = plan.original(item.slug)
        if slug in queue[:window]:
            queue.remove(slug)
    top_up(2 * window)
    # Enough fresh cycles behind the backlog for every session the week can hold.
    return queue + rotation * (plan.sessions_per_week + 1)


@dataclass(frozen=True, slots=True)
class _Choice:
    day: date
    slug: str
    jumped: int  # due sessions passed over to take this one
    light: bool


def _felt(coach: Coach, choice: _Choice) -> Intensity:
    return Intensity.EASY if choice.light else coach.intensity(choice.slug)


def _assign(
    coach: Coach, days: Sequence[date], queue: list[str], runs: Mapping[date, RunKind]
) -> list[tuple[date, str, int]] | None:
    """Each day takes the first due session that may go there (rule 1), or None."""
    window = len(coach.plan.rotation)
    used: set[int] = set()
    chosen: list[tuple[date, str, int]] = []
    for day in days:
        # A session may be brought forward by at most one cycle of the rotation.
        due = [p for p in range(len(queue)) if p not in used][:window]
        for jumped, position in enumerate(due):
            slug = queue[position]
            if coach.intensity(slug) is Intensity.HARD and hard_forbidden(runs, day):
                continue
            used.add(position)
            chosen.append((day, slug, jumped))
            break
        else:
            return None
    return chosen


def _options(
    coach: Coach, days: Sequence[date], queue: list[str], runs: Mapping[date, RunKind]
) -> Iterator[list[_Choice]]:
    assigned = _assign(coach, days, queue, runs)
    if assigned is None:
        return
    # Only moderate sessions have a light version worth offering (rule 2 for hard ones).
    flexible = [coach.intensity(slug) is Intensity.MODERATE for _, slug, _ in assigned]
    for lights in product((False, True), repeat=sum(flexible)):
        flags = iter(lights)
        yield [
            _Choice(day, slug, jumped, next(flags) if bendable else False)
            for (day, slug, jumped), bendable in zip(assigned, flexible, strict=True)
        ]


def _spacing_breaks(coach: Coach, choices: list[_Choice], earlier: list[date]) -> int:
    days = sorted(earlier + [c.day for c in choices if _felt(coach, c) is not Intensity.EASY])
    placed = {c.day for c in choices}
    return sum(
        1 for a, b in pairwise(days) if (b - a).days < MIN_GAP_DAYS and (a in placed or b in placed)
    )


def _cost(coach: Coach, choices: list[_Choice], runs: Mapping[date, RunKind]) -> int:
    """Quiet preferences, weighed against each other: lower is better."""
    cost = 0
    for choice in choices:
        felt = _felt(coach, choice)
        tomorrow = run_on(runs, choice.day + ONE_DAY)
        big_run = (RunKind.KEY, RunKind.LONG)
        if choice.light:
            cost += 3
        if felt is Intensity.MODERATE and tomorrow in big_run:
            cost += 4  # legs want to be fresh for tomorrow's key or long run
        if felt is Intensity.MODERATE and run_on(runs, choice.day) in big_run:
            cost += 2  # fine after a hard run, but the legs are spent
        if felt is Intensity.HARD and tomorrow is RunKind.LONG:
            cost += 2
        if coach.plan.days and weekday(choice.day) not in coach.plan.days:
            cost += 1
        cost += choice.jumped  # keep to the rotation's order when nothing else matters
    return cost


def _place(
    coach: Coach,
    free: list[date],
    wanted: int,
    queue: list[str],
    runs: Mapping[date, RunKind],
    earlier: list[date],
) -> list[_Choice]:
    for count in range(min(wanted, len(free)), 0, -1):
        best: tuple[tuple[int, int, list[date]], list[_Choice]] | None = None
        for days in combinations(free, count):
            for choices in _options(coach, days, queue, runs):
                score = (
                    _spacing_breaks(coach, choices, earlier),
                    _cost(coach, choices, runs),
                    [c.day for c in choices],
                )
                if best is None or score < best[0]:
                    best = (score, choices)
        if best is not None:
            return best[1]
    return []


def plan_week(
    coach: Coach,
    runs: Mapping[date, RunKind],
    done: Sequence[Done],
    today: date,
    ran: Collection[date] = frozenset(),
) -> list[Day]:
    """Monday to Sunday of the week holding `today`.

    `runs` gives each date's run (missing dates: no run) and should cover the day before
    Monday and the day after Sunday too; `done` is every logged session, any order. What was
    logged after `today` is left out: the week as it stood on that day.
    """
    plan = coach.plan
    done = [d for d in done if d.day <= today]
    monday = monday_of(today)
    week = [monday + timedelta(days=n) for n in range(7)]
    logged = {day: [d for d in done if d.day == day] for day in week}
    done_count = sum(1 for day in week for d in logged[day] if plan.counts(d.slug))
    wanted = max(0, plan.sessions_per_week - done_count)
    free = [day for day in week if day >= today and not logged[day]]
    earlier = [
        d.day
        for d in done
        if d.day <= today
        and (monday - timedelta(days=MIN_GAP_DAYS)) <= d.day
        and not d.light
        and coach.intensity(d.slug) is not Intensity.EASY
    ]
    queue = upcoming(plan, [d for d in done if d.day <= today])
    choices = {c.day: c for c in _place(coach, free, wanted, queue, runs, earlier)}
    words = _Words(coach, runs, queue, wanted, done_count, frozenset(ran))
    result: list[Day] = []
    number = done_count
    for day in week:
        run = run_on(runs, day)
        if logged[day]:
            result.append(words.logged(day, run, logged[day]))
        elif day in choices:
            number += 1
            result.append(words.placed(choices[day], run, number))
        elif day < today:
            result.append(Day(day, run, None, False, None, "Nothing logged."))
        else:
            result.append(words.free(day, run, number >= plan.sessions_per_week))
    return result


@dataclass(frozen=True, slots=True)
class _Words:
    """The reasons a runner reads: short, and saying which rule decided."""

    coach: Coach
    runs: Mapping[date, RunKind]
    queue: list[str]
    wanted: int
    done_count: int
    ran: frozenset[date] = frozenset()  # days whose run is recorded: it is behind them

    def name(self, slug: str) -> str:
        return self.coach.name_of(slug)

    def logged(self, day: date, run: RunKind, items: list[Done]) -> Day:
        main = next((d for d in items if self.coach.plan.counts(d.slug)), items[0])
        counts = self.coach.plan.counts(main.slug)
        sessions = sum(1 for d in items if self.coach.plan.counts(d.slug))
        return Day(
            day,
            run,
            main.slug,
            main.light,
            None,
            f"Done: {self.name(main.slug)}" + (" (light)." if main.light else "."),
            done=True,
            counts=counts,
            sessions_done=sessions,
        )

    def placed(self, choice: _Choice, run: RunKind, number: int) -> Day:
        plan = self.coach.plan
        when = When.ANY if run is RunKind.NONE else When.AFTER_RUN
        big = run in (RunKind.KEY, RunKind.LONG)
        if choice.day in self.ran and run is not RunKind.NONE:
            done = {RunKind.KEY: "Key run", RunKind.LONG: "Long run"}.get(run, "Run")
            text = f"{done} done: the session comes after your run" + (
                "; nothing hard today." if big else "."
            )
        else:
            # The session's name and when to do it are shown beside the reason: not again.
            text = {
                RunKind.NONE: "No run today.",
                RunKind.EASY: "After your easy run.",
                RunKind.KEY: "After your key run; nothing hard today.",
                RunKind.LONG: "After your long run; nothing hard today.",
            }[run]
        text += f" {plan.name}, session {number} of {plan.sessions_per_week} this week."
        if choice.light:
            text += f" Light version: {self._why_light(choice)}."
        head = self.queue[0] if self.queue else choice.slug
        if (
            choice.jumped > 0
            and self.coach.intensity(head) is Intensity.HARD
            and (why := hard_forbidden(self.runs, choice.day))
        ):
            text += f" {self.name(head)} is hard and waits ({why})."
        variant = plan.variant_of(choice.slug)
        if variant:
            text += f" No kit for it? {self.name(variant)} ({variant}) does the same job."
        return Day(choice.day, run, choice.slug, choice.light, when, text, counts=True)

    def _why_light(self, choice: _Choice) -> str:
        tomorrow = run_on(self.runs, choice.day + ONE_DAY)
        if tomorrow in (RunKind.KEY, RunKind.LONG):
            return f"{tomorrow.value} run tomorrow"
        if run_on(self.runs, choice.day) in (RunKind.KEY, RunKind.LONG):
            return "legs are tired from today's run"
        return "keeps 48 h between harder sessions"

    def free(self, day: date, run: RunKind, week_full: bool) -> Day:
        activation = self.coach.activation
        if day in self.ran:
            return Day(
                day,
                run,
                None,
                False,
                None,
                "Rest day: this week's sessions are done or placed."
                if week_full
                else "Run done: rest your legs.",
            )
        if run is not RunKind.NONE and activation is not None:
            text = {
                RunKind.EASY: "Easy run: activation before you go, strength another day.",
                RunKind.KEY: "Key run: only activation before it; no strength work after.",
                RunKind.LONG: "Long run: only activation before it; rest your legs after.",
            }[run]
            return Day(day, run, activation, False, When.BEFORE_RUN, text)
        tomorrow = run_on(self.runs, day + ONE_DAY)
        if week_full:
            text = "Rest day: this week's sessions are done or placed."
        elif tomorrow is RunKind.KEY:
            text = "Rest: key run tomorrow."
        elif run is RunKind.NONE:
            text = "Rest day."
        else:
            text = "Run day."
        return Day(day, run, None, False, None, text)
