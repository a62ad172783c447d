"""The coaching rules that place strength work around a running week, as checkable functions.

1. Nothing hard (plyometric or loaded work) on a key-run day or the day before one, on the
   long-run day, the day before it or the day after it.
2. After the long run, on the same day: core, upper body or mobility only.
3. No session other than pre-run activation twice in one Monday-Sunday week; at most two hard
   sessions a week; 48 h between sessions that are not easy, across the week boundary too.
5. Races: nothing hard in the 7 days before a race, nothing but easy sessions in the 2 days
   before, nothing hard in the 3 days after.
6. A light leg session counts as moderate for every spacing rule.

(Rule 4, that the plan never stalls, is the placement's job: `planning.schedule`.)
`day_refusal` says why a session may not go on a day; `week_problems` checks any record of
placed sessions against these rules, so a test (or a curious person) can prove they hold.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from runstrong.settings import WEEKDAYS, Settings
from runstrong.workout.model import Intensity

ONE_DAY = timedelta(days=1)
MIN_GAP_DAYS = 2  # sessions on Monday and Wednesday are 48 h apart
MAX_HARD_A_WEEK = 2
RACE_NOTHING_HARD_BEFORE = 7
RACE_EASY_ONLY_BEFORE = 2
RACE_NOTHING_HARD_AFTER = 3
EASY_ONLY = "easy work only in the last two days"
NOTHING_HARD_BEFORE = "nothing hard in the last seven days"


class RunKind(StrEnum):
    NONE = "none"
    EASY = "easy"
    KEY = "key"
    LONG = "long"
    RACE = "race"


class When(StrEnum):
    BEFORE_RUN = "before-run"
    AFTER_RUN = "after-run"
    ANY = "any"


def weekday(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def run_from_settings(settings: Settings, day: date) -> RunKind:
    if day in settings.race_dates:
        return RunKind.RACE
    name = weekday(day)
    if settings.long_run_day and name == settings.long_run_day:
        return RunKind.LONG
    if name in settings.key_run_days:
        return RunKind.KEY
    if name in settings.run_days:
        return RunKind.EASY
    return RunKind.NONE


def runs_from_settings(settings: Settings, first: date, last: date) -> dict[date, RunKind]:
    """The usual week from settings (races included), for every date from `first` to `last`."""
    runs: dict[date, RunKind] = {}
    day = first
    while day <= last:
        runs[day] = run_from_settings(settings, day)
        day += ONE_DAY
    return runs


def run_on(runs: Mapping[date, RunKind], day: date) -> RunKind:
    return runs.get(day, RunKind.NONE)


def race_words(race: date) -> str:
    return f"Race on {race:%a} {race.day} {race:%b}"


def race_ahead(runs: Mapping[date, RunKind], day: date, within: int) -> date | None:
    """The first race from `day` to `within` days after it, if any."""
    return next(
        (
            day + timedelta(days=n)
            for n in range(within + 1)
            if run_on(runs, day + timedelta(days=n)) is RunKind.RACE
        ),
        None,
    )


def race_behind(runs: Mapping[date, RunKind], day: date, within: int) -> date | None:
    """The latest race in the `within` days before `day`, if any."""
    return next(
        (
            day - timedelta(days=n)
            for n in range(1, within + 1)
            if run_on(runs, day - timedelta(days=n)) is RunKind.RACE
        ),
        None,
    )


def hard_forbidden(runs: Mapping[date, RunKind], day: date) -> str | None:
    """Why a hard session cannot go on `day` (rules 1 and 5), or None when it can."""
    today, tomorrow = run_on(runs, day), run_on(runs, day + ONE_DAY)
    if race := race_ahead(runs, day, RACE_NOTHING_HARD_BEFORE):
        return f"{race_words(race)}: {NOTHING_HARD_BEFORE}"
    if race := race_behind(runs, day, RACE_NOTHING_HARD_AFTER):
        return f"{race_words(race)}: nothing hard for three days after"
    if today is RunKind.KEY:
        return "key run today"
    if tomorrow is RunKind.KEY:
        return "key run tomorrow"
    if today is RunKind.LONG:
        return "long run today"
    if tomorrow is RunKind.LONG:
        return "long run tomorrow"
    if run_on(runs, day - ONE_DAY) is RunKind.LONG:
        return "the day after the long run"
    return None


def day_refusal(runs: Mapping[date, RunKind], day: date, felt: Intensity, legs: bool) -> str | None:
    """Why a session felt as `felt` (`legs`: it works the legs) may not go on `day`, or None."""
    if felt is Intensity.EASY:
        return None
    if race := race_ahead(runs, day, RACE_EASY_ONLY_BEFORE):
        return f"{race_words(race)}: {EASY_ONLY}"
    if felt is Intensity.HARD and (why := hard_forbidden(runs, day)):
        return why
    if legs and run_on(runs, day) is RunKind.LONG:
        return "after the long run: core, upper body or mobility only"
    return None


def felt_intensity(full: Intensity, light: bool, legs: bool) -> Intensity:
    """How a session counts for spacing: a light leg session is still moderate (rule 6)."""
    if not light:
        return full
    return Intensity.MODERATE if legs else Intensity.EASY


@dataclass(frozen=True, slots=True)
class Placed:
    """A session on a day, as done or suggested."""

    day: date
    slug: str
    light: bool
    when: When | None


@dataclass(frozen=True, slots=True)
class Judge:
    """What the rules need to know about sessions: how demanding, and whether legs work."""

    intensity: Callable[[str], Intensity]  # of the full session
    legs: Callable[[str], bool]
    original: Callable[[str], str] = str  # the rotation session a stand-in replaces

    def felt(self, slug: str, light: bool) -> Intensity:
        return felt_intensity(self.intensity(slug), light, self.legs(slug))


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def week_problems(
    placed: Sequence[Placed], runs: Mapping[date, RunKind], judge: Judge, activation: Sequence[str]
) -> list[str]:
    """Every way `placed` breaks rules 1, 2, 3, 5 and 6, across week boundaries too."""
    problems: list[str] = []
    for item in placed:
        felt = judge.felt(item.slug, item.light)
        where = f"{item.day} {weekday(item.day)} ({run_on(runs, item.day).value} run): {item.slug}"
        if why := day_refusal(runs, item.day, felt, judge.legs(item.slug)):
            problems.append(f"rules 1, 2, 5: {where} ({felt.value}): {why}")
    weeks: dict[date, list[Placed]] = {}
    for item in placed:
        weeks.setdefault(monday_of(item.day), []).append(item)
    for monday, items in sorted(weeks.items()):
        slugs = [judge.original(p.slug) for p in items if p.slug not in activation]
        twice = sorted({s for s in slugs if slugs.count(s) > 1})
        if twice:
            problems.append(f"rule 3: {', '.join(twice)} twice in the week of {monday}")
        hard = [p for p in items if judge.felt(p.slug, p.light) is Intensity.HARD]
        if len(hard) > MAX_HARD_A_WEEK:
            problems.append(f"rule 3: {len(hard)} hard sessions in the week of {monday}")
    demanding = sorted({p.day for p in placed if judge.felt(p.slug, p.light) is not Intensity.EASY})
    for first, second in itertools.pairwise(demanding):
        if (second - first).days < MIN_GAP_DAYS:
            problems.append(f"rule 3: sessions on {first} and {second} are less than 48 h apart")
    # Two sessions that are not easy on one day are closer than 48 h too.
    for day in demanding:
        same = [
            p for p in placed if p.day == day and judge.felt(p.slug, p.light) is not Intensity.EASY
        ]
        if len(same) > 1:
            problems.append(f"rule 3: {len(same)} sessions that are not easy on {day}")
    return problems
