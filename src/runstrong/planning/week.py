"""The running week from the files: the active plan, the history and the settings.

The placement itself is pure (`planning.schedule`); this module gathers its inputs. Runs are
the recorded ones for the days gone by and the settings' usual week ahead (`planning.actual`);
`week_for` also takes `runs` directly.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import TypeVar

from runstrong import paths, settings
from runstrong.history import HistoryStore, open_existing_quietly
from runstrong.history.runs import RunRow, run_kinds, taken_into_account
from runstrong.planning.actual import RECENT_DAYS, week_runs
from runstrong.planning.easier import is_easier_week, plan_start
from runstrong.planning.intensity import intensity_of
from runstrong.planning.plans import InvalidPlan, Plan, load_plans
from runstrong.planning.rules import RunKind, runs_from_settings
from runstrong.planning.schedule import ACTIVATION, Coach, Day, Done, monday_of, plan_week
from runstrong.workout.catalog import Catalog
from runstrong.workout.model import Intensity, Session

DEFAULT_PLAN = "beginner"
T = TypeVar("T")


def active_plan(plans: dict[str, Plan | InvalidPlan], chosen: str) -> Plan | None:
    plan = plans.get(chosen or DEFAULT_PLAN)
    return plan if isinstance(plan, Plan) else None


def intensity_in(catalog: Catalog, slug: str) -> Intensity:
    session = catalog.entries.get(slug)
    # A session that is gone or broken is treated as middling: never as easy.
    return intensity_of(session) if isinstance(session, Session) else Intensity.MODERATE


def name_of(catalog: Catalog, slug: str) -> str:
    session = catalog.entries.get(slug)
    return session.name if isinstance(session, Session) else slug


def coach_for(catalog: Catalog, plan: Plan) -> Coach:
    activation = ACTIVATION if isinstance(catalog.entries.get(ACTIVATION), Session) else None
    levels = {slug: intensity_in(catalog, slug) for slug in catalog.entries}
    return Coach(
        plan,
        lambda slug: levels.get(slug, Intensity.MODERATE),
        lambda slug: name_of(catalog, slug),
        activation,
    )


def _read(store: HistoryStore | None, read: Callable[[HistoryStore], list[T]]) -> list[T]:
    """`read` from the open history, else from the history file if there is a readable one."""
    if store is not None:
        return read(store)
    opened = open_existing_quietly(paths.history_file())
    if opened is None:
        return []
    with opened:
        return read(opened)


def trained_days(store: HistoryStore | None = None) -> list[tuple[date, str]]:
    return _read(store, HistoryStore.trained_days)


def trained_sessions(store: HistoryStore | None = None) -> list[tuple[date, str, bool]]:
    """Logged sessions with whether each was the light version (it counts as easy)."""
    return _read(store, HistoryStore.trained_sessions)


def recorded_runs(first: date, last: date, store: HistoryStore | None = None) -> list[RunRow]:
    """Runs recorded from `first` to `last` (local dates); none when there is no history."""
    return _read(store, lambda opened: opened.runs_between(first, last))


def runs_around(
    chosen: settings.Settings, first: date, last: date, on: date, store: HistoryStore | None = None
) -> tuple[dict[date, RunKind], frozenset[date]]:
    """Each date's run from `first` to `last` (recorded up to `on`, the usual week after),
    and the dates up to `on` whose run is recorded."""
    # An untold week assumes no runs: no long run is claimed that nobody said happens.
    usual = runs_from_settings(chosen, first, last) if chosen.week_told else {}
    since = min(first, on - timedelta(days=RECENT_DAYS))
    recorded = run_kinds(recorded_runs(since, last, store), chosen.long_run_minutes)
    return week_runs(usual, recorded, on), frozenset(d for d in recorded if d <= on)


SET_THE_WEEK = (
    "Your running week is not set, so no runs are assumed: press , on the home screen "
    "(settings) to give your run days and long run"
)


def week_for(
    catalog: Catalog,
    chosen: settings.Settings,
    on: date | None = None,
    store: HistoryStore | None = None,
    runs: Mapping[date, RunKind] | None = None,
    logged: Sequence[tuple[date, str, bool]] | None = None,
) -> tuple[Plan | None, list[Day]]:
    """The active plan and the seven days of the week holding `on` (today by default).
    `runs` and `logged` (the sessions trained) given, nothing is read from the history."""
    plan = active_plan(load_plans(catalog.entries), chosen.plan)
    if plan is None:
        return None, []
    on = on or date.today()
    monday = monday_of(on)
    ran: frozenset[date] = frozenset()
    note = None
    if runs is None:
        runs, ran = runs_around(
            chosen, monday - timedelta(days=1), monday + timedelta(days=7), on, store
        )
        note = taken_into_account(
            recorded_runs(on - timedelta(days=1), on, store), on, chosen.long_run_minutes
        )
    if logged is None:
        logged = trained_sessions(store)
    done = [Done(day, slug, light) for day, slug, light in logged]
    week = plan_week(coach_for(catalog, plan), runs, done, on, ran)
    started = started_on(plan, chosen, logged)
    week = [replace(d, easier_week=is_easier_week(d.day, started)) for d in week]
    # Say which recorded runs today's advice took into account, wherever it is shown, and
    # that the week is not set while it is not.
    extra = f" From your runs: {note}." if note else ""
    if not chosen.week_told:
        extra += f" {SET_THE_WEEK}."
    if extra:
        week = [replace(d, reason=d.reason + extra) if d.day == on else d for d in week]
    return plan, week


def started_on(
    plan: Plan, chosen: settings.Settings, logged: Iterable[tuple[date, str, bool]]
) -> date | None:
    """When the plan began: `plan_started`, else its first logged session."""
    counted = {slug for _, slug, _ in logged if plan.counts(slug)}
    return plan_start(chosen.plan_started, ((d, s) for d, s, _ in logged), counted)


def easier_week_on(
    catalog: Catalog, chosen: settings.Settings, on: date, store: HistoryStore | None = None
) -> bool:
    """Whether `on` falls in one of the active plan's easier weeks."""
    plan = active_plan(load_plans(catalog.entries), chosen.plan)
    if plan is None:
        return False
    return is_easier_week(on, started_on(plan, chosen, trained_sessions(store)))


def counting(known_sessions: Iterable[str], chosen: settings.Settings) -> Callable[[str], bool]:
    """Which sessions count towards the week: the active plan's (`Plan.counts`), or every
    session when no plan is active. The same rule as `today_from_week`."""
    plan = active_plan(load_plans(known_sessions), chosen.plan)
    return plan.counts if plan is not None else (lambda _slug: True)


def weekly_target(known_sessions: Iterable[str], chosen: settings.Settings) -> int:
    """Sessions a week to aim for: the active plan's, or the setting when there is none."""
    plan = active_plan(load_plans(known_sessions), chosen.plan)
    return plan.sessions_per_week if plan is not None else chosen.weekly_target
