"""Issue 20: what `history` and `stats` print is true and reads right."""

from __future__ import annotations

import json

import pytest

from runstrong import paths
from runstrong.cli import main
from runstrong.formatting import amount
from runstrong.history import HistoryStore
from runstrong.planning.light import light_session
from runstrong.tui.screens.history import km_title, whole_ticks
from runstrong.workout.model import PhaseKind

from ..helpers import exercise, hold, reps, session
from ..history.test_history_store import run_session


def run(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    assert main(list(args)) == 0
    return capsys.readouterr().out


def test_history_says_light(capsys: pytest.CaptureFixture[str]) -> None:
    store = HistoryStore(paths.history_file())
    run_session(store, light_session(session(exercise("Plank", hold(10), sets=4))))
    store.close()
    assert "Test session (light)" in run(capsys, "history")


def test_stats_labels_the_two_glute_bridge_rows(capsys: pytest.CaptureFixture[str]) -> None:
    store = HistoryStore(paths.history_file())
    bridge = exercise("Glute bridge", hold(3), reps(2, tempo=1.0))
    run_session(store, session(bridge))
    store.close()
    assert bridge.phases[1].kind is PhaseKind.REPS
    out = run(capsys, "stats")
    assert "Glute bridge (hold)" in out and "Glute bridge (pulses)" in out
    labels = {e["label"] for e in json.loads(run(capsys, "stats", "--json"))["exercises"]}
    assert labels == {"Glute bridge (hold)", "Glute bridge (pulses)"}


def test_one_rep_is_never_one_reps(capsys: pytest.CaptureFixture[str]) -> None:
    assert amount(1, "reps") == "1 rep" and amount(2, "reps") == "2 reps"
    assert amount(30, "s") == "30 s"
    assert reps(1).describe() == "1 rep"
    store = HistoryStore(paths.history_file())
    run_session(store, session(exercise("Squat", reps(1, tempo=1.0))))
    store.close()
    out = run(capsys, "stats")
    assert "1 rep" in out and "1 reps" not in out


def test_exercise_chart_axis_is_whole_reps_and_km_chart_says_no_runs() -> None:
    ticks = whole_ticks([3, 5, 4])
    assert all(isinstance(t, int) for t in ticks) and ticks[0] == 0 and ticks[-1] > 5
    assert len(set(ticks)) == len(ticks)
    assert whole_ticks([]) == [0, 1, 2]
    assert km_title([], any_runs=False) == "Km run per week: no runs imported"
    assert "no runs imported" not in km_title([], any_runs=True)


def test_before_the_running_week_is_set_no_long_run_is_claimed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sunday = "2026-12-06"
    said = run(capsys, "today", "--date", sunday)
    claims = ("after your long run", "long run today", "long run yesterday")
    assert not any(claim in said.lower() for claim in claims)
    assert "press , on the home screen" in said
    week = json.loads(run(capsys, "week", "--date", sunday, "--json"))
    days = week["days"] if isinstance(week, dict) else week
    assert all(day["run"] == "none" for day in days)
    # Once told (here: the long run only), the long run is planned around again.
    paths.settings_file().parent.mkdir(parents=True, exist_ok=True)
    paths.settings_file().write_text('long_run_day = "sun"\n')
    said = run(capsys, "today", "--date", sunday)
    assert "after your long run" in said.lower() and "press ," not in said
