"""Easier weeks: every fourth week of the plan, one set fewer and no progression."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest

from runstrong import paths
from runstrong.application.before_session import before_session
from runstrong.cli import main
from runstrong.history import HistoryStore
from runstrong.history.last_time import LastSet, LastTime
from runstrong.planning.easier import WORDS, is_easier_week, plan_start
from runstrong.planning.progression import suggest
from runstrong.workout.model import PhaseKind, Progression

from ..fakes import FakeClock
from ..helpers import exercise, hold, session
from .test_progression import _plank

START = date(2026, 1, 7)  # a Wednesday: its week (from Monday 5 January) is week 1


def test_every_fourth_week_since_the_start_is_easier() -> None:
    easier = [
        week for week in range(1, 13) if is_easier_week(START + timedelta(weeks=week - 1), START)
    ]
    assert easier == [4, 8, 12]
    assert is_easier_week(date(2026, 1, 26), START)  # Monday of week 4
    assert not is_easier_week(date(2026, 1, 25), START)  # Sunday of week 3
    assert not is_easier_week(date(2025, 12, 8), START)  # before the plan
    assert not is_easier_week(date(2026, 1, 26), None)


def test_without_plan_started_the_plan_counts_from_its_first_session() -> None:
    sessions = [(date(2026, 3, 2), "pre-run-activation"), (date(2026, 3, 4), "core-stability")]
    assert plan_start(None, sessions, {"core-stability"}) == date(2026, 3, 4)
    assert plan_start(START, sessions, {"core-stability"}) == START
    assert plan_start(None, [], {"core-stability"}) is None


def test_week_and_today_say_so(capsys: pytest.CaptureFixture[str]) -> None:
    monday = date.today() - timedelta(days=date.today().weekday())
    config = paths.settings_file()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(
        f'plan = "beginner"\nplan_started = {(monday - timedelta(weeks=3)).isoformat()}\n'
    )
    assert main(["week", "--json"]) == 0
    assert all(day["easier_week"] for day in json.loads(capsys.readouterr().out))
    assert main(["today", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["easier_week"] is True
    assert main(["today"]) == 0
    assert WORDS in capsys.readouterr().out
    assert main(["week"]) == 0
    assert WORDS in capsys.readouterr().out
    config.write_text(f'plan = "beginner"\nplan_started = {monday.isoformat()}\n')
    assert main(["week", "--json"]) == 0
    assert not any(day["easier_week"] for day in json.loads(capsys.readouterr().out))
    assert main(["today"]) == 0
    assert WORDS not in capsys.readouterr().out


def test_an_easier_week_has_one_set_less_and_no_progression(tmp_path: Path) -> None:
    plank = replace(exercise("Plank", hold(30), sets=3), progression=Progression(20, 60, 5))
    single = exercise("Bridge", hold(20), sets=1)
    store = HistoryStore(tmp_path / "h.sqlite3")
    clock = FakeClock()
    from ..history.test_history_store import run_session

    run_session(store, session(plank, single), clock=clock)
    store.set_rpe(1, 0, 5)
    today = date.fromtimestamp(clock.wall()) + timedelta(days=2)
    normal = before_session(session(plank, single), store, today)
    assert [o.suggested for o in normal.offers] == [35]
    easier = before_session(session(plank, single), store, today, easier_week=True)
    assert [e.sets for e in easier.session.exercises] == [2, 1]
    assert easier.offers == [] and easier.easier_week


def test_an_easier_week_still_steps_back() -> None:
    plank = replace(exercise("Plank", hold(30), sets=2), progression=Progression(20, 60, 5))
    sets = tuple(LastSet(n, None, 0, PhaseKind.HOLD, 40, 40) for n in (1, 2))
    day = date(2026, 3, 2)
    held = suggest(plank, LastTime(day, sets, 6), day, easier_week=True)
    assert held is not None and held.target == 40 and held.why.startswith("Easier week")
    hard = suggest(plank, LastTime(day, sets, 9), day, easier_week=True)
    assert hard is not None and hard.target == 35


def test_sessions_outside_the_plan_do_not_start_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A history of sets from a session outside the plan leaves the plan unstarted.
    lines = _plank("s1", date.today() - timedelta(weeks=3), [30], 30, 6)
    file = tmp_path / "sets.jsonl"
    file.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["import", str(file)]) == 0
    capsys.readouterr()
    assert main(["week", "--json"]) == 0
    assert not any(day["easier_week"] for day in json.loads(capsys.readouterr().out))
