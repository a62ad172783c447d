"""Loads: the engine's load keys in the rest, the history's load_kg, exports and import,
"last time" in words, bests, and the person's units."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from runstrong import paths, settings
from runstrong.application.last_words import last_time_text, new_best
from runstrong.cli import main
from runstrong.formatting import distance_text, load_from, load_text
from runstrong.history import HistoryStore, SessionLog
from runstrong.history.last_time import Best, LastSet, LastTime
from runstrong.session.engine import SessionEngine
from runstrong.session.events import PhaseCorrected, PhaseLogged
from runstrong.session.timeline import SessionPhase, Timing
from runstrong.workout.model import PhaseKind

from ..drive import run_engine
from ..fakes import FakeClock
from ..helpers import exercise, hold, reps, session

SQUAT = replace(exercise("Goblet squat", reps(4, tempo=1.0), sets=2, rest=10), load=20.0)
LOADED = session(SQUAT, exercise("Plank", hold(5)))


def _engine(clock: FakeClock) -> SessionEngine:
    return SessionEngine(LOADED, clock=clock, wall=clock.wall, timing=Timing(get_ready=0))


def test_the_load_keys_fix_the_set_just_done_and_carry_to_the_next() -> None:
    clock = FakeClock()
    engine = _engine(clock)
    engine.start()
    assert engine.view().load_kg == 20.0 and engine.view().load_for is None
    assert engine.adjust_load(2.5) == []  # not during a set
    events = run_engine(engine, clock, 4.5)
    (logged,) = [e for e in events if isinstance(e, PhaseLogged)]
    assert logged.record.load_kg == 20.0
    assert engine.step.kind is SessionPhase.REST and engine.view().load_for == 0
    corrected = engine.adjust_load(2.5) + engine.adjust_load(2.5)
    assert [e.record.load_kg for e in corrected if isinstance(e, PhaseCorrected)] == [22.5, 25.0]
    assert engine.view().load_kg == 25.0 and engine.records[-1].load_kg == 25.0
    events = run_engine(engine, clock, 10 + 4.5)
    second = [e.record for e in events if isinstance(e, PhaseLogged)]
    assert second[0].set_number == 2 and second[0].load_kg == 25.0
    # The plank takes no load: during its set the keys do nothing and no load is shown.
    run_engine(engine, clock, 45.25)
    assert engine.view().phase.value == "HOLD" and engine.view().load_kg is None
    assert engine.adjust_load(2.5) == [] and engine.view().load_for is None


def test_a_resumed_session_goes_on_from_the_last_load_it_logged() -> None:
    clock = FakeClock()
    first = _engine(clock)
    first.start()
    run_engine(first, clock, 4.5)
    first.adjust_load(-2.5)
    again = SessionEngine(LOADED, clock=clock, wall=clock.wall, done=first.records)
    assert again.loads.of(0) == 17.5


def _saved(tmp_path: Path) -> HistoryStore:
    store = HistoryStore(paths.history_file())
    clock = FakeClock()
    engine = _engine(clock)
    log = SessionLog(store, store.begin_session(LOADED, clock.wall(), 3))
    for event in engine.start() + run_engine(engine, clock, 4.5) + engine.adjust_load(2.5):
        log.handle(event, clock.wall())
    for event in run_engine(engine, clock, 70):
        log.handle(event, clock.wall())
    log.rate(0, 6)
    return store


def test_loads_are_saved_corrected_exported_and_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = _saved(tmp_path)
    squat = [r for r in store.records_of(1) if r.exercise == "Goblet squat"]
    assert [r.load_kg for r in squat] == [22.5, 22.5]
    lines = [json.loads(line) for line in store.export("jsonl").splitlines()]
    assert [line["load_kg"] for line in lines] == [22.5, 22.5, None]
    rows = list(csv.DictReader(io.StringIO(store.export("csv"))))
    assert rows[0]["load_kg"] == "22.5" and rows[2]["load_kg"] == ""
    strong = list(csv.DictReader(io.StringIO(store.export("strong"))))
    assert [row["Weight"] for row in strong] == ["22.5", "22.5", "0"]
    # Into a fresh history: the loads come back.
    text = store.export("jsonl")
    store.close()
    other = HistoryStore(tmp_path / "other.sqlite3")
    other.import_jsonl(text)
    assert [s.load_kg for s in other.last_full("Goblet squat").sets] == [22.5, 22.5]  # type: ignore[union-attr]
    # stats: the best load x reps.
    assert main(["stats", "--json"]) == 0
    stats = {e["name"]: e for e in json.loads(capsys.readouterr().out)["exercises"]}
    assert stats["Goblet squat"]["best_load_kg"] == 22.5
    assert stats["Goblet squat"]["best_load_reps"] == 4
    assert stats["Plank"]["best_load_kg"] is None
    latest = stats["Goblet squat"]["latest"]
    assert stats["Goblet squat"]["latest_load_kg"] == 22.5
    assert stats["Plank"]["latest_load_kg"] is None
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    # The latest set says its load too: the same words as the best.
    assert "4 x 22.5 kg" in out and out.count(f"{latest} x 22.5 kg") >= 1
    assert f"{latest} reps" not in out.split("Goblet squat")[1].splitlines()[0]


def test_an_older_history_gains_the_load_column(tmp_path: Path) -> None:
    import sqlite3

    from runstrong.history.database import MIGRATIONS, SCHEMA_VERSION

    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:4]:
        migration(db)
    db.execute("PRAGMA application_id = 1381189681")
    db.execute("PRAGMA user_version = 4")
    db.close()
    store = HistoryStore(path)
    columns = {row[1] for row in store.db.execute("PRAGMA table_info(sets)")}
    assert "load_kg" in columns and store.db.execute("PRAGMA user_version").fetchone()[0] == (
        SCHEMA_VERSION
    )


def _last(*sets: LastSet) -> LastTime:
    return LastTime(date(2026, 11, 2), sets, 7)


def test_last_time_in_words() -> None:
    holds = _last(*(LastSet(n, None, 0, PhaseKind.HOLD, 40, 40) for n in (1, 2)))
    assert last_time_text(holds) == "last time 40 s, 40 s"
    lifts = _last(*(LastSet(n, None, 0, PhaseKind.REPS, 8, 8, 20.0) for n in (1, 2)))
    assert last_time_text(lifts) == "last 8 x 20 kg"
    assert last_time_text(lifts, "lb") == "last 8 x 44.1 lb"
    mixed = _last(
        LastSet(1, None, 0, PhaseKind.REPS, 8, 8, 20.0),
        LastSet(2, None, 0, PhaseKind.REPS, 8, 6, 22.5),
    )
    assert last_time_text(mixed) == "last 8 x 20 kg, 6 x 22.5 kg"
    assert last_time_text(None) == ""


def test_a_new_best_is_named_and_a_first_time_is_not() -> None:
    clock = FakeClock()
    engine = _engine(clock)
    engine.start()
    run_engine(engine, clock, 4.5)
    records = engine.records
    assert new_best(records, Best(4, 17.5, 6)) == "new best: 4 x 20 kg"
    assert new_best(records, Best(4, 20.0, 6)) is None
    assert new_best(records, None) is None


def test_units_show_and_enter_loads_and_distances() -> None:
    assert load_text(20.0) == "20 kg" and load_text(22.5, "lb") == "49.6 lb"
    assert load_from(45, "lb") == pytest.approx(20.412, abs=0.001) and load_from(20) == 20
    assert distance_text(21.1) == "21.1 km" and distance_text(21.1, "lb") == "13.1 mi"


def test_units_and_plan_started_settings_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text('units = "lb"\nplan_started = 2026-01-05\n')
    chosen, warnings = settings.load(path)
    assert warnings == [] and chosen.units == "lb" and chosen.plan_started == date(2026, 1, 5)
    path.write_text('units = "stone"\nplan_started = "soon"\n')
    chosen, warnings = settings.load(path)
    assert chosen.units == "kg" and chosen.plan_started is None
    assert any("units" in w and "stone" in w for w in warnings)
    assert any("plan_started" in w and "soon" in w for w in warnings)
    settings.save(replace(chosen, plan_started=date(2026, 2, 2)), path)
    assert settings.load(path)[0].plan_started == date(2026, 2, 2)


def test_the_summary_puts_today_beside_last_time_and_names_new_bests(tmp_path: Path) -> None:
    from runstrong.application.before_session import before_session
    from runstrong.application.last_words import compared

    store = _saved(tmp_path)  # 2 x 4 at 22.5 kg, plank 5 s
    before = before_session(LOADED, store, date.fromtimestamp(FakeClock().wall()))
    assert before.session.exercises[0].load == 22.5  # the last load used
    clock = FakeClock()
    engine = SessionEngine(before.session, clock=clock, wall=clock.wall, timing=Timing(get_ready=0))
    engine.start()
    run_engine(engine, clock, 4.5)
    engine.adjust_load(2.5)
    last_times, bests = compared(before.session, engine.records, before)
    assert last_times == ["last 4 x 22.5 kg", "last time 5 s"]
    assert bests == ["Goblet squat: new best: 4 x 25 kg!"]


def test_stats_says_whose_sessions_count_towards_the_week(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _saved(tmp_path).close()
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    # The default plan (Beginner) counts only its own sessions, as `today` does.
    assert "Beginner sessions per week (week of)" in out
    assert "or more Beginner sessions" in out


def test_show_says_the_load_a_session_starts_from(
    user_workouts: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from runstrong.workout.catalog import load_catalog
    from runstrong.workout.model import Session

    (user_workouts / "lift.toml").write_text(
        '[session]\nname = "Lift"\n\n'
        '[[exercises]]\nexercise = "goblet-squat"\nsets = 2\nreps = 3\ntempo = 1.0\nload = 8\n'
    )
    monkeypatch.setenv("COLUMNS", "200")  # no cell wraps
    assert main(["show", "lift"]) == 0
    assert "reps @ 1 s · 8 kg" in capsys.readouterr().out  # the file's load
    lift = load_catalog().entries["lift"]
    assert isinstance(lift, Session)
    store = HistoryStore(paths.history_file())
    clock = FakeClock()
    engine = SessionEngine(lift, clock=clock, wall=clock.wall, timing=Timing(get_ready=0))
    log = SessionLog(store, store.begin_session(lift, clock.wall(), 1))
    for event in engine.start() + run_engine(engine, clock, 3.5) + engine.adjust_load(2.5):
        log.handle(event, clock.wall())
    for event in run_engine(engine, clock, 90):
        log.handle(event, clock.wall())
    store.close()
    assert main(["show", "lift"]) == 0
    # Last time's load, which `start` begins from.
    assert "reps @ 1 s · 10.5 kg" in capsys.readouterr().out
