"""The next target, rule by rule, on recorded histories: JSONL sets with ratings and loads are
imported, then `runstrong show SLUG --json` says what comes next and why."""

from __future__ import annotations

import json
import random
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from runstrong.cli import main
from runstrong.history.last_time import LastSet, LastTime
from runstrong.planning.progression import suggest
from runstrong.workout.model import Exercise, Phase, PhaseKind, Progression

SESSION = """
[session]
name = "Progress test"

[[exercises]]
exercise = "front-plank"
sets = 2
hold = 30
progression = { from = 20, to = 60, step = 5 }

[[exercises]]
exercise = "goblet-squat"
sets = 2
reps = 8
load = 8

[[exercises]]
exercise = "glute-bridge"
sets = 2
phases = [
    { hold = 30, progression = { from = 30, to = 60, step = 5 } },
    { reps = 15, tempo = 1.5, progression = { from = 10, to = 20, step = 1 } },
]
"""
TODAY = date.today()
_counter = iter(range(1_000_000))


def _set(
    session_id: str,
    day: date,
    exercise: str,
    number: int,
    kind: str,
    target: int | None,
    actual: int,
    *,
    rpe: int | None = None,
    load: float | None = None,
    phase: int = 0,
    light: bool = False,
) -> dict[str, Any]:
    stamp = datetime(day.year, day.month, day.day, 18, 0, number).astimezone().isoformat()
    record: dict[str, Any] = {
        "set_id": f"set-{next(_counter)}",
        "session_id": session_id,
        "session": "progress-test",
        "session_name": "Progress test",
        "started_at": stamp,
        "exercise": exercise,
        "set": number,
        "side": None,
        "kind": kind,
        "target": target,
        "actual": actual,
        "completed_at": stamp,
        "rpe": rpe,
        "phase_index": phase,
        "light": light,
    }
    if load is not None:
        record["load_kg"] = load
    return record


def _plank(
    session_id: str, day: date, actuals: list[int], target: int, rpe: int | None, **kw: Any
) -> list[dict[str, Any]]:
    return [
        _set(session_id, day, "front-plank", n, "hold", target, a, rpe=rpe, **kw)
        for n, a in enumerate(actuals, start=1)
    ]


def _shown(
    tmp_path: Path,
    user_workouts: Path,
    capsys: pytest.CaptureFixture[str],
    lines: list[dict[str, Any]],
) -> dict[str, dict[str, Any]]:
    (user_workouts / "progress-test.toml").write_text(SESSION, encoding="utf-8")
    file = tmp_path / "sets.jsonl"
    file.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["import", str(file)]) == 0
    capsys.readouterr()
    assert main(["show", "progress-test", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    return {row["id"]: row for row in data["exercises"]}


def test_rule_1_every_set_met_at_effort_7_steps_up(
    tmp_path: Path, user_workouts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = TODAY - timedelta(days=3)
    rows = _shown(tmp_path, user_workouts, capsys, _plank("s1", day, [30, 31], 30, 7))
    plank = rows["front-plank"]
    assert plank["suggested"]["target"] == 35 and plank["suggested"]["harder"] is False
    assert plank["suggested"]["load_kg"] is None
    assert "up to 35 s" in plank["suggested"]["why"]
    last = plank["last"]
    assert last["date"] == day.isoformat() and last["rpe"] == 7 and last["load_kg"] is None
    assert [s["actual"] for s in last["sets"]] == [30, 31]
    # No history for the others: nothing to suggest, no last time.
    assert rows["glute-bridge"]["suggested"] is None and rows["glute-bridge"]["last"] is None


def test_rule_1_loaded_adds_2_5_kg_once_every_set_reached_its_reps(
    tmp_path: Path, user_workouts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = TODAY - timedelta(days=2)
    lines = [_set("s1", day, "goblet-squat", n, "reps", 8, 8, rpe=6, load=12.0) for n in (1, 2)]
    squat = _shown(tmp_path, user_workouts, capsys, lines)["goblet-squat"]
    assert squat["suggested"]["load_kg"] == 14.5 and squat["suggested"]["target"] == 8
    assert squat["last"]["load_kg"] == 12.0 and squat["last"]["sets"][0]["load_kg"] == 12.0


@pytest.mark.parametrize(("rpe", "words"), [(8, "Effort 8"), (None, "No effort rating")])
def test_rule_2_effort_8_or_no_rating_keeps_the_target(
    tmp_path: Path,
    user_workouts: Path,
    capsys: pytest.CaptureFixture[str],
    rpe: int | None,
    words: str,
) -> None:
    day = TODAY - timedelta(days=3)
    lines = _plank("s1", day, [40, 40], 40, rpe) + [
        _set("s1", day, "goblet-squat", n, "reps", 8, 8, rpe=rpe, load=10.0) for n in (1, 2)
    ]
    rows = _shown(tmp_path, user_workouts, capsys, lines)
    assert rows["front-plank"]["suggested"]["target"] == 40
    assert rows["front-plank"]["suggested"]["why"].startswith(words)
    assert rows["goblet-squat"]["suggested"]["load_kg"] == 10.0


def test_rule_3_effort_9_or_a_missed_set_steps_back_never_below_from(
    tmp_path: Path, user_workouts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = TODAY - timedelta(days=3)
    lines = [
        *_plank("s1", day, [40, 40], 40, 9),
        _set("s1", day, "goblet-squat", 1, "reps", 8, 8, rpe=5, load=10.0),
        _set("s1", day, "goblet-squat", 2, "reps", 8, 6, rpe=5, load=10.0),
        _set("s1", day, "glute-bridge", 1, "hold", 30, 22, rpe=6),
        _set("s1", day, "glute-bridge", 1, "reps", 10, 10, rpe=6, phase=1),
    ]
    rows = _shown(tmp_path, user_workouts, capsys, lines)
    assert rows["front-plank"]["suggested"]["target"] == 35
    assert "Effort 9" in rows["front-plank"]["suggested"]["why"]
    assert rows["goblet-squat"]["suggested"]["load_kg"] == 7.5
    bridge = rows["glute-bridge"]["suggested"]
    # The hold ended early (back, but never below `from`); the pulses were all done at
    # effort 6, and each part moves on its own.
    assert bridge["targets"] == [30, 11]


def test_compound_parts_progress_separately(
    tmp_path: Path, user_workouts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = TODAY - timedelta(days=3)
    lines = [
        _set("s1", day, "glute-bridge", 1, "hold", 40, 40, rpe=6),
        _set("s1", day, "glute-bridge", 1, "reps", 12, 12, rpe=6, phase=1),
        _set("s1", day, "glute-bridge", 2, "hold", 40, 40, rpe=6),
        _set("s1", day, "glute-bridge", 2, "reps", 12, 12, rpe=6, phase=1),
    ]
    bridge = _shown(tmp_path, user_workouts, capsys, lines)["glute-bridge"]["suggested"]
    assert bridge["targets"] == [45, 13] and bridge["target"] == 45


def test_rule_4_a_break_steps_back_one_step_per_two_weeks(
    tmp_path: Path, user_workouts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = TODAY - timedelta(days=21)
    rows = _shown(tmp_path, user_workouts, capsys, _plank("s1", day, [35, 35], 35, 6))
    suggested = rows["front-plank"]["suggested"]
    assert suggested["target"] == 30
    assert suggested["why"] == "3 weeks since your last front plank: 30 s again"


def test_rule_4_a_long_break_goes_back_at_most_to_from(
    tmp_path: Path, user_workouts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = TODAY - timedelta(days=120)
    rows = _shown(tmp_path, user_workouts, capsys, _plank("s1", day, [45, 45], 45, 6))
    assert rows["front-plank"]["suggested"]["target"] == 20


def test_rule_5_at_the_top_the_harder_version_is_offered(
    tmp_path: Path, user_workouts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = TODAY - timedelta(days=3)
    rows = _shown(tmp_path, user_workouts, capsys, _plank("s1", day, [60, 60], 60, 6))
    suggested = rows["front-plank"]["suggested"]
    assert suggested["target"] == 60 and suggested["harder"] is True
    assert suggested["why"].startswith("Ready for the harder version: ")


def test_rule_6_light_sessions_are_never_last_time_nor_offer_progression(
    tmp_path: Path, user_workouts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    full, light = TODAY - timedelta(days=6), TODAY - timedelta(days=2)
    lines = _plank("full", full, [45, 45], 45, 6) + _plank(
        "light", light, [15, 15], 15, 5, light=True
    )
    rows = _shown(tmp_path, user_workouts, capsys, lines)
    plank = rows["front-plank"]
    assert plank["last"]["date"] == full.isoformat()
    assert plank["suggested"]["target"] == 50
    assert main(["show", "progress-test", "--light", "--json"]) == 0
    light_rows = json.loads(capsys.readouterr().out)["exercises"]
    assert all(row["suggested"] is None for row in light_rows)


def test_older_exports_without_load_still_import(
    tmp_path: Path, user_workouts: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    day = TODAY - timedelta(days=3)
    lines = _plank("s1", day, [30, 30], 30, 7)
    assert all("load_kg" not in line for line in lines)
    rows = _shown(tmp_path, user_workouts, capsys, lines)
    assert rows["front-plank"]["last"]["sets"][0]["load_kg"] is None


def test_a_bad_load_in_an_import_names_the_line_and_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    line = _set("s1", TODAY, "goblet-squat", 1, "reps", 8, 8, load=-5.0)
    file = tmp_path / "bad.jsonl"
    file.write_text(json.dumps(line) + "\n", encoding="utf-8")
    assert main(["import", str(file)]) != 0
    err = capsys.readouterr().err
    assert "line 1" in err and "load_kg" in err and "-5" in err


def _simulated(rule: Progression, kind: PhaseKind, seed: int) -> list[tuple[int, int]]:
    """Twelve weeks, three sessions a week, random ratings and the odd short set: each
    (last target, suggested target)."""
    rng = random.Random(seed)
    exercise = Exercise("Side plank", 2, (Phase(kind, rule.start),), 30, progression=rule)
    target, day, moves = rule.start, date(2026, 1, 5), []
    for _ in range(36):
        day += timedelta(days=rng.choice((2, 2, 3)))
        sets = tuple(
            LastSet(n, None, 0, kind, target, target - (rng.random() < 0.15) * rng.randint(1, 9))
            for n in (1, 2)
        )
        rating = rng.choice([None, *range(1, 11)])
        found = suggest(exercise, LastTime(day, sets, rating), day + timedelta(days=2))
        assert found is not None and found.target is not None
        moves.append((target, found.target))
        target = found.target
    return moves


@pytest.mark.parametrize("seed", range(40))
def test_twelve_random_weeks_stay_in_range_and_move_one_step_at_most(seed: int) -> None:
    for rule, kind in (
        (Progression(15, 60, 5), PhaseKind.HOLD),
        (Progression(5, 10, 1), PhaseKind.REPS),
        (Progression(30, 60, 10), PhaseKind.HOLD),
    ):
        for before, after in _simulated(rule, kind, seed):
            assert rule.start <= after <= rule.end
            assert abs(after - before) <= rule.step


@pytest.mark.parametrize(
    ("last_kg", "weeks_away", "offered"),
    [(20.0, 3, 17.5), (20.0, 6, 12.5), (10.5, 159, 5.0), (20.0, 52, 10.0), (2.0, 30, 2.0)],
)
def test_rule_4_a_break_steps_a_load_back_to_half_at_most(
    last_kg: float, weeks_away: int, offered: float
) -> None:
    squat = Exercise("Goblet squat", 2, (Phase(PhaseKind.REPS, 8),), 60, load=8.0)
    day = date(2026, 1, 5)
    sets = tuple(LastSet(n, None, 0, PhaseKind.REPS, 8, 8, last_kg) for n in (1, 2))
    found = suggest(squat, LastTime(day, sets, 6), day + timedelta(weeks=weeks_away))
    assert found is not None and found.load_kg == offered
    assert found.why.startswith(f"{weeks_away} weeks since your last goblet squat")
