"""The coaching rules that place strength work around a running week, as checkable functions.

1. No hard session on a key-run day, the day before one, the long-run day or the day after it.
2. On an ordinary run day: pre-run activation before the run, or the plan's session after it.
   A hard session is never offered in its light version.
3. At least 48 h between sessions that are not easy, whenever the week has room.
4. A light version has no plyometric or loaded exercise and takes <= 0.7 of the full time.
5. Every moderate or hard session opens with a warm-up block (>= 2 exercises, >= 3 min).

`planning.schedule` follows them; `week_problems` and `session_problems` check any week or
session against them, so a test (or a curious person) can prove they hold.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from runstrong.planning.intensity import has_warm_up, intensity_of
from runstrong.planning.light import MAX_TIME_RATIO, light_session
from runstrong.session.timeline import estimate_seconds
from runstrong.settings import WEEKDAYS, Settings
from runstrong.workout.model import Intensity, Session

ONE_DAY = timedelta(days=1)
MIN_GAP_DAYS = 2  # sessions on Monday and Wednesday are 48 h apart


class RunKind(StrEnum):
    NONE = "none"
    EASY = "easy"
    KEY = "key"
    LONG = "long"


class When(StrEnum):
    BEFORE_RUN = "before-run"
    AFTER_RUN = "after-run"
    ANY = "any"


def weekday(day: date) -> str:
    return WEEKDAYS[day.weekday()]


def run_from_settings(settings: Settings, day: date) -> RunKind:
    name = weekday(day)
    if settings.long_run_day and name == settings.long_run_day:
        return RunKind.LONG
    if name in settings.key_run_days:
        return RunKind.KEY
    if name in settings.run_days:
        return RunKind.EASY
    return RunKind.NONE


def runs_from_settings(settings: Settings, first: date, last: date) -> dict[date, RunKind]:
    """The usual week from settings, for every date from `first` to `last`."""
    runs: dict[date, RunKind] = {}
    day = first
    while day <= last:
        runs[day] = run_from_settings(settings, day)
        day += ONE_DAY
    return runs


def run_on(runs: Mapping[date, RunKind], day: date) -> RunKind:
    return runs.get(day, RunKind.NONE)


def hard_forbidden(runs: Mapping[date, RunKind], day: date) -> str | None:
    """Why a hard session cannot go on `day` (rule 1), or None when it can."""
    today, tomorrow = run_on(runs, day), run_on(runs, day + ONE_DAY)
    if today is RunKind.KEY:
        return "key run today"
    if tomorrow is RunKind.KEY:
        return "key run tomorrow"
    if today is RunKind.LONG:
        return "long run today"
    if run_on(runs, day - ONE_DAY) is RunKind.LONG:
        return "the day after the long run"
    return None


@dataclass(frozen=True, slots=True)
class Placed:
    """A session on a day, as done or suggested."""

    day: date
    slug: str
    light: bool
    when: When | None


def week_problems(
    placed: Sequence[Placed],
    runs: Mapping[date, RunKind],
    intensity: Callable[[str], Intensity],
    activation: str,
) -> list[str]:
    """Every way `placed` breaks rules 1-3 (spacing is reported; room is the caller's call).

    `intensity(slug)` is the full session's intensity; light versions count as easy.
    """
    problems: list[str] = []
    for item in placed:
        full = intensity(item.slug)
        felt = Intensity.EASY if item.light else full
        run = run_on(runs, item.day)
        where = f"{item.day} {weekday(item.day)} ({run.value} run): {item.slug}"
        if felt is Intensity.HARD and (why := hard_forbidden(runs, item.day)):
            problems.append(f"rule 1: {where} is hard on {why}")
        if full is Intensity.HARD and item.light:
            problems.append(f"rule 2: {where} is a hard session offered light")
        if run is RunKind.EASY:
            before = item.slug == activation and item.when is When.BEFORE_RUN
            after = item.slug != activation and item.when is When.AFTER_RUN
            if not (before or after):
                problems.append(f"rule 2: {where} is {item.when} on an easy run day")
    demanding = sorted(
        p.day for p in placed if not p.light and intensity(p.slug) is not Intensity.EASY
    )
    for first, second in itertools.pairwise(demanding):
        if (second - first).days < MIN_GAP_DAYS:
            problems.append(f"rule 3: sessions on {first} and {second} are less than 48 h apart")
    return problems


def session_problems(session: Session) -> list[str]:
    """Rules 4 and 5 for one session."""
    problems: list[str] = []
    level = intensity_of(session)
    if level is not Intensity.EASY and not has_warm_up(session):
        problems.append(
            f"rule 5: {session.slug} ({level.value}) does not open with a "
            "warm-up block of two or more warm-up exercises and 3 minutes"
        )
    light = light_session(session)
    left = [e.name for e in light.exercises if e.category and e.category.is_demanding]
    if left:
        problems.append(f"rule 4: the light {session.slug} still has {', '.join(left)}")
    full_time, light_time = estimate_seconds(session), estimate_seconds(light)
    if light_time > MAX_TIME_RATIO * full_time:
        problems.append(
            f"rule 4: the light {session.slug} takes {light_time} s of "
            f"{full_time} s, more than {MAX_TIME_RATIO:g}"
        )
    return problems
