"""The running week from data: the active plan, what the history holds and the settings.

Planning takes data, never a store or a path: the caller (a command, the app) reads the
history and passes a `Record` in. The placement itself is pure (`planning.schedule`); this
module gathers its inputs. Runs are the recorded ones for the days gone by and the settings'
usual week ahead (`planning.actual`); `week_for` also takes `runs` directly.

One function, `calendar_weeks`, decides every week from the current one on: `week`, `today`,
the home screen and `plan export` all read it, so they never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

from runstrong import settings
from runstrong.formatting import distance_text
from runstrong.history.runs import RunRow, run_kinds, taken_into_account
from runstrong.planning.actual import RECENT_DAYS, week_runs
from runstrong.planning.easier import is_easier_week, plan_start
from runstrong.planning.intensity import intensity_of, works_legs
from runstrong.planning.plans import InvalidPlan, Plan, load_plans
from runstrong.planning.rules import RACE_NOTHING_HARD_BEFORE, RunKind, runs_from_settings
from runstrong.planning.schedule import (
    ACTIVATION,
    KEY_ACTIVATION,
    Coach,
    Day,
    Done,
    monday_of,
    plan_week,
)
from runstrong.workout.catalog import Catalog
from runstrong.workout.model import Intensity, Session

DEFAULT_PLAN = "beginner"
RUN_WORDS = {
    RunKind.NONE: "run",
    RunKind.EASY: "easy run",
    RunKind.KEY: "key run",
    RunKind.LONG: "long run",
    RunKind.RACE: "race",
}


@dataclass(frozen=True, slots=True)
class Record:
    """What the history holds that the week needs: plain data, read by the caller."""

    sessions: tuple[Done, ...] = ()
    runs: tuple[RunRow, ...] = ()

    @classmethod
    def of(
        cls, sessions: Iterable[tuple[date, str, bool, str]], runs: Iterable[RunRow] = ()
    ) -> Record:
        """From the logged sessions (date, slug, light, name) and the recorded run rows."""
        return cls(tuple(Done(d, s, light, name) for d, s, light, name in sessions), tuple(runs))


def record_window(on: date, weeks: int = 1) -> tuple[date, date]:
    """The dates whose recorded runs a week (or `weeks` from `on`'s) needs."""
    monday = monday_of(on)
    first = min(monday - timedelta(days=3), on - timedelta(days=RECENT_DAYS))
    return first, monday + timedelta(days=7 * weeks - 1)


def active_plan(plans: dict[str, Plan | InvalidPlan], chosen: str) -> Plan | None:
    plan = plans.get(chosen or DEFAULT_PLAN)
    return plan if isinstance(plan, Plan) else None


def intensity_in(catalog: Catalog, slug: str) -> Intensity:
    session = catalog.entries.get(slug)
    # A session that is gone or broken is treated as middling: never as easy.
    return intensity_of(session) if isinstance(session, Session) else Intensity.MODERATE


def legs_in(catalog: Catalog, slug: str) -> bool:
    session = catalog.entries.get(slug)
    return works_legs(session) if isinstance(session, Session) else True


def name_of(catalog: Catalog, slug: str) -> str:
    session = catalog.entries.get(slug)
    return session.name if isinstance(session, Session) else slug


def coach_for(catalog: Catalog, plan: Plan, started: date | None = None) -> Coach:
    def have(slug: str) -> str | None:
        return slug if isinstance(catalog.entries.get(slug), Session) else None

    levels = {slug: intensity_in(catalog, slug) for slug in catalog.entries}
    legs = {slug: legs_in(catalog, slug) for slug in catalog.entries}
    return Coach(
        plan,
        lambda slug: levels.get(slug, Intensity.MODERATE),
        lambda slug: name_of(catalog, slug),
        have(ACTIVATION),
        lambda slug: legs.get(slug, True),
        started,
        have(KEY_ACTIVATION),
    )


SET_THE_WEEK = (
    "Your running week is not set, so no runs are assumed: press , on the home screen "
    "(settings) to give your run days and long run"
)


def runs_around(
    chosen: settings.Settings, first: date, last: date, on: date, recorded: Sequence[RunRow]
) -> tuple[dict[date, RunKind], frozenset[date]]:
    """Each date's run from `first` to `last` (recorded up to `on`, the usual week after),
    and the dates up to `on` whose run is recorded."""
    # An untold week assumes no runs: no long run is claimed that nobody said happens.
    usual = runs_from_settings(chosen, first, last) if chosen.week_told else {}
    kinds = run_kinds(recorded, chosen.long_run_minutes)
    return week_runs(usual, kinds, on), frozenset(d for d in kinds if d <= on)


def calendar_weeks(
    coach: Coach,
    runs: Mapping[date, RunKind],
    done: Sequence[Done],
    today: date,
    weeks: int,
    ran: frozenset[date] = frozenset(),
) -> list[list[Day]]:
    """`weeks` whole Monday-Sunday weeks from the one holding `today`: this week as
    placed today, each later one placed from its Monday as if every suggestion before it
    was followed. `runs` should cover 3 days before to 7 days after them."""
    known = list(done)
    result: list[list[Day]] = []
    placing = today
    for _ in range(weeks):
        week = plan_week(coach, runs, known, placing, ran)
        result.append(week)
        known += [Done(d.day, d.session, d.light) for d in week if d.session and not d.done]
        placing = monday_of(placing) + timedelta(days=7)
    return result


def _ran_words(
    rows: Sequence[RunRow], runs: Mapping[date, RunKind], day: date, units: str = "kg"
) -> str | None:
    that_day = [r for r in rows if r.local_start().date() == day]
    if not that_day:
        return None
    km = sum((r.distance_m or 0.0) for r in that_day) / 1000
    minutes = round(sum(r.duration_s for r in that_day) / 60)
    distance = f" {distance_text(km, units)}" if any(r.distance_m for r in that_day) else ""
    return f"{RUN_WORDS[runs.get(day, RunKind.EASY)]}{distance} (recorded), {minutes} min"


def week_for(
    catalog: Catalog,
    chosen: settings.Settings,
    on: date | None = None,
    record: Record = Record(),
    runs: Mapping[date, RunKind] | None = None,
    today: date | None = None,
) -> tuple[Plan | None, list[Day]]:
    """The active plan and the seven days of the week holding `on`.

    A date in a week before `today`'s (the real today) is looked at as if it were today;
    this week and later ones are forecast from `today`, the same way `plan export` does.
    """
    plan = active_plan(load_plans(catalog.entries), chosen.plan)
    if plan is None:
        return None, []
    today = today or date.today()
    on = on or today
    # A week gone by is looked at as if `on` were today; this week and later ones are the
    # plan as it stands today, the same days `plan export` writes.
    placing = on if monday_of(on) < monday_of(today) else today
    ahead = (monday_of(on) - monday_of(placing)).days // 7
    ran: frozenset[date] = frozenset()
    note = None
    if runs is None:
        first = monday_of(placing) - timedelta(days=3)
        last = monday_of(on) + timedelta(days=6 + RACE_NOTHING_HARD_BEFORE)
        runs, ran = runs_around(chosen, first, last, placing, record.runs)
        near = [r for r in record.runs if placing - timedelta(days=1) <= r.local_start().date()]
        note = taken_into_account(near, placing, chosen.long_run_minutes, units=chosen.units)
    coach = coach_for(catalog, plan, chosen.plan_started)
    week = calendar_weeks(coach, runs, record.sessions, placing, ahead + 1, ran)[-1]
    week = [
        replace(d, ran=_ran_words(record.runs, runs, d.day, chosen.units))
        if d.day <= placing
        else d
        for d in week
    ]
    started = started_on(plan, chosen, record.sessions)
    week = [replace(d, easier_week=is_easier_week(d.day, started)) for d in week]
    # Say which recorded runs today's advice took into account, wherever it is shown, and
    # that the week is not set while it is not.
    extra = f" From your runs: {note}." if note else ""
    if not chosen.week_told:
        extra += f" {SET_THE_WEEK}."
    if extra:
        week = [replace(d, reason=d.reason + extra) if d.day == placing else d for d in week]
    return plan, week


def started_on(plan: Plan, chosen: settings.Settings, logged: Sequence[Done]) -> date | None:
    """When the plan began: `plan_started`, else its first logged session."""
    counted = {d.slug for d in logged if plan.counts(d.slug)}
    return plan_start(chosen.plan_started, ((d.day, d.slug) for d in logged), counted)


def easier_week_on(
    catalog: Catalog, chosen: settings.Settings, on: date, record: Record = Record()
) -> bool:
    """Whether `on` falls in one of the active plan's easier weeks."""
    plan = active_plan(load_plans(catalog.entries), chosen.plan)
    if plan is None:
        return False
    return is_easier_week(on, started_on(plan, chosen, record.sessions))


@dataclass(frozen=True, slots=True)
class WeekRule:
    """What counts towards a week and how many to aim for: the active plan's sessions and
    number, or every session and the setting when no plan is active. The same rule as
    `today_from_week`; `stats`, the history screen and the streak read it."""

    plan: Plan | None
    target: int

    def counts(self, slug: str) -> bool:
        return self.plan is None or self.plan.counts(slug)


def week_rule(known_sessions: Iterable[str], chosen: settings.Settings) -> WeekRule:
    plan = active_plan(load_plans(known_sessions), chosen.plan)
    return WeekRule(plan, plan.sessions_per_week if plan is not None else chosen.weekly_target)
