"""Today's suggestion from the files: the active plan, the history, the settings."""

from __future__ import annotations

from datetime import date

from runstrong import paths, settings
from runstrong.history import HistoryStore, open_existing_quietly
from runstrong.model import Session
from runstrong.planning.plans import InvalidPlan, Plan, load_plans
from runstrong.planning.today import Today, suggest
from runstrong.workouts import Catalog

DEFAULT_PLAN = "beginner"
HEAVY_FOCUS = {"power", "plyometrics", "heavy"}


def active_plan(plans: dict[str, Plan | InvalidPlan], chosen: str) -> Plan | None:
    plan = plans.get(chosen or DEFAULT_PLAN)
    return plan if isinstance(plan, Plan) else None


def is_heavy(catalog: Catalog, slug: str) -> bool:
    session = catalog.entries.get(slug)
    return isinstance(session, Session) and bool(HEAVY_FOCUS & set(session.focus))


def name_of(catalog: Catalog, slug: str) -> str:
    session = catalog.entries.get(slug)
    return session.name if isinstance(session, Session) else slug


def trained_days(store: HistoryStore | None = None) -> list[tuple[date, str]]:
    if store is not None:
        return store.trained_days()
    opened = open_existing_quietly(paths.history_file())
    if opened is None:
        return []
    with opened:
        return opened.trained_days()


def today_for(catalog: Catalog, chosen: settings.Settings, on: date | None = None,
              store: HistoryStore | None = None) -> tuple[Plan | None, Today | None]:
    plan = active_plan(load_plans(catalog.entries), chosen.plan)
    if plan is None:
        return None, None
    return plan, suggest(plan, trained_days(store), chosen, on or date.today(),
                         is_heavy=lambda s: is_heavy(catalog, s),
                         name_of=lambda s: name_of(catalog, s))


def weekly_target(catalog: Catalog, chosen: settings.Settings) -> int:
    """Sessions a week to aim for: the active plan's, or the setting when there is none."""
    plan = active_plan(load_plans(catalog.entries), chosen.plan)
    return plan.sessions_per_week if plan is not None else chosen.weekly_target
