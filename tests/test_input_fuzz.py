"""Every other file runstrong reads, fuzzed like workouts are: plans, settings and imports
answer with values or problems, never an exception, and never carry terminal controls."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from runstrong import settings as settings_file
from runstrong.history import HistoryStore, queries
from runstrong.history import weeks as per_week
from runstrong.history.exchange import EXPORT_FIELDS, ImportProblem, import_jsonl, render
from runstrong.history.import_check import check_lines
from runstrong.planning.plans import InvalidPlan, Plan, load_plan_file

from .fuzzing import fuzz

RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u061c")
FUZZ = fuzz(200)
hostile_text = st.text(max_size=20) | st.sampled_from(
    ["\x1b]0;t\x07", "\u202e", "\u061c", "\x9b2J", "\ud800", "=1+1", "9" * 400]
)
scalars = st.one_of(
    st.integers(-(2**70), 2**70), st.floats(allow_nan=False), st.booleans(), hostile_text
)


def values(keys: list[str]) -> st.SearchStrategy[Any]:
    return st.recursive(
        scalars,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(keys), inner, max_size=4)
        ),
        max_leaves=15,
    )


def _toml(doc: dict[str, Any]) -> bytes | None:
    try:
        return tomli_w.dumps(doc).encode("utf-8", "surrogatepass")
    except (TypeError, ValueError):
        return None


def clean(text: str) -> bool:
    return not any(char in text for char in RAW)


PLAN_KEYS = ["name", "description", "sessions_per_week", "rotation", "days", "plan", "x"]
plans = st.fixed_dictionaries(
    {},
    optional={"plan": st.dictionaries(st.sampled_from(PLAN_KEYS), values(PLAN_KEYS), max_size=6)},
)


@FUZZ
@given(doc=plans)
def test_plan_files_give_a_plan_or_problems(tmp_path: Path, doc: dict[str, Any]) -> None:
    data = _toml(doc)
    if data is None:
        return
    path = tmp_path / "p.toml"
    path.write_bytes(data)
    plan = load_plan_file(path, ["core-stability", "power"], "user")
    assert isinstance(plan, Plan | InvalidPlan)
    if isinstance(plan, InvalidPlan):
        assert plan.problems and all(clean(str(p)) for p in plan.problems)


@FUZZ
@given(
    data=st.binary(max_size=300)
    | st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass"))
)
def test_plan_bytes_give_a_plan_or_problems(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "p.toml"
    path.write_bytes(data)
    assert isinstance(load_plan_file(path, [], "user"), Plan | InvalidPlan)


SETTING_KEYS = [*settings_file.NAMES, "voise", "\x1b[2J"]


@FUZZ
@given(doc=st.dictionaries(st.sampled_from(SETTING_KEYS), values(SETTING_KEYS), max_size=8))
def test_settings_give_settings_and_clean_warnings(tmp_path: Path, doc: dict[str, Any]) -> None:
    data = _toml(doc)
    if data is None:
        return
    path = tmp_path / "settings.toml"
    path.write_bytes(data)
    loaded, warnings = settings_file.load(path)
    assert isinstance(loaded, settings_file.Settings)
    assert all(clean(w) and str(path) in w for w in warnings)
    # Saving a change keeps every key the file had, known or not.
    try:
        settings_file.save(loaded, path)
    except settings_file.SettingsNotSaved:
        return
    assert settings_file.load(path)[0] == loaded


@FUZZ
@given(data=st.binary(max_size=300))
def test_settings_bytes_never_raise(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(data)
    loaded, warnings = settings_file.load(path)
    assert isinstance(loaded, settings_file.Settings) and all(clean(w) for w in warnings)


FIELDS = [*EXPORT_FIELDS, "record"]
GOOD = {
    "set_id": "s",
    "session_id": "a",
    "session": "core",
    "session_name": "Core",
    "started_at": "2026-05-01T07:30:00+02:00",
    "exercise": "plank",
    "set": 1,
    "kind": "hold",
    "actual": 30,
    "completed_at": "2026-05-01T07:31:00+02:00",
}
field_values = st.one_of(
    scalars,
    st.none(),
    st.sampled_from(
        [
            "2026-05-01T07:30:00+02:00",
            "not a date",
            "reps",
            "hold",
            "left",
            "completed",
            "9999-12-31T23:59:59-23:59",
            "0001-01-01T00:00:00+14:00",
        ]
    ),
    st.lists(st.integers(), max_size=2),
)
RUN = {
    "kind": "run",
    "run_id": "r",
    "source_id": None,
    "source": "gpx",
    "name": "Easy",
    "sport": "Run",
    "start": "2026-05-01T07:00:00+02:00",
    "duration_s": 1800,
    "distance_m": 5000.0,
}
RUN_FIELDS = [*RUN, "start"]
records = st.builds(
    lambda changes: {**GOOD, **changes},
    st.dictionaries(st.sampled_from(FIELDS), field_values, max_size=4),
) | st.builds(
    lambda changes: {**RUN, **changes},
    st.dictionaries(st.sampled_from(RUN_FIELDS), field_values, max_size=3),
)


def _line(record: dict[str, Any]) -> str:
    return json.dumps(record, ensure_ascii=True)


@FUZZ
@given(lines=st.lists(records, min_size=1, max_size=4))
def test_imports_are_all_or_nothing_and_readable_after(
    tmp_path: Path, lines: list[dict[str, Any]]
) -> None:
    path = tmp_path / "h.sqlite3"
    path.unlink(missing_ok=True)
    store = HistoryStore(path)
    text = "\n".join(_line(r) for r in lines)
    checked, problems = check_lines("f", text)
    try:
        import_jsonl(store.db, text)
    except ImportProblem as error:
        assert problems and str(error)
        assert store.db.execute("SELECT count(*) FROM sets").fetchone()[0] == 0
        return
    assert not problems and checked
    # What was imported never breaks reading it back.
    for row in queries.sessions(store.db, limit=None):
        assert clean(row.name)
    queries.exercise_stats(store.db)
    per_week.weekly_counts(store.db)
    per_week.streak_weeks(store.db)
    for fmt in ("jsonl", "csv", "strong"):
        assert clean(render(store.db, fmt))
    store.close()


@FUZZ
@given(data=st.binary(max_size=300) | st.text(max_size=300))
def test_import_text_never_raises(data: bytes | str) -> None:
    text = data.decode("utf-8", "replace") if isinstance(data, bytes) else data
    records, problems = check_lines("f", text)
    assert not (records and problems)
    assert all(clean(str(p)) for p in problems)
