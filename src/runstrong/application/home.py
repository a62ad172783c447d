"""What the home screen shows besides the session list: today's suggestion, the week and the
last few sessions. A history that cannot be read leaves the plan standing (placed as if
nothing were recorded) and says why, so the screen can make its offer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from runstrong.formatting import when_text
from runstrong.history import HistoryError, HistoryStore
from runstrong.planning.plans import Plan
from runstrong.planning.schedule import Day
from runstrong.planning.today import Today, today_from_week
from runstrong.planning.week import Record, record_window, week_for
from runstrong.settings import Settings
from runstrong.workout.catalog import Catalog

RECENT_SHOWN = 3


@dataclass(frozen=True, slots=True)
class Recent:
    when: str
    name: str
    ended: str  # how it ended, in words ("done", "stopped", "not finished")


@dataclass(frozen=True, slots=True)
class HomeData:
    on: date
    today: Today | None = None
    week: list[Day] = field(default_factory=list)
    recent: list[Recent] = field(default_factory=list)
    damage: HistoryError | None = None
    """Why the history could not be read, when it could not."""


def home_data(catalog: Catalog, chosen: Settings, on: date, store: HistoryStore | None) -> HomeData:
    """Today's line and the week strip come from one placement (a few ms), not two."""
    try:
        if store is None:
            plan, week = _unrecorded(catalog, chosen, on)
        else:
            first, _ = record_window(on)
            record = Record.of(
                store.trained_sessions(), store.runs_between(first, on + timedelta(days=1))
            )
            plan, week = week_for(catalog, chosen, on, record, today=on)
        recent = [] if store is None else _recent(store)
        damage = None
    except HistoryError as error:
        plan, week = _unrecorded(catalog, chosen, on)
        recent, damage = [], error
    today = today_from_week(plan, week, on) if plan is not None else None
    return HomeData(on, today, week, recent, damage)


def _unrecorded(catalog: Catalog, chosen: Settings, on: date) -> tuple[Plan | None, list[Day]]:
    """The week as the plan and the settings place it, with nothing read from any history
    (never the history file behind the app's back: it may be the damaged one)."""
    return week_for(catalog, chosen, on, Record(), today=on)


def _recent(store: HistoryStore) -> list[Recent]:
    return [
        Recent(when_text(head.started_at)[:10], head.name, head.status.words)
        for head in store.session_heads(limit=RECENT_SHOWN)
    ]
