"""Whatever runstrong exports, it imports: any value the history accepted (through a session
or `runs import`) gives an export that `import` takes back whole, at any size."""

from __future__ import annotations

import io
import json
import math
import os
import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rich.console import Console

from runstrong import paths
from runstrong.activities.model import Activity
from runstrong.activities.sources import Collected
from runstrong.cli import main
from runstrong.cli.history import cmd_import
from runstrong.history import HistoryStore
from runstrong.history.database import APPLICATION_ID
from runstrong.history.exchange import import_jsonl, render
from runstrong.history.migrations import MIGRATIONS
from runstrong.history.runs import add_runs
from runstrong.session.events import PhaseRecord
from runstrong.text import clean_text
from runstrong.workout.model import PhaseKind, Session, Side

# A workout file's names as its schema accepts them: any text with something printable.
names = st.text(min_size=1, max_size=600).filter(clean_text) | st.sampled_from(
    ["Core\u2028stability", "a\u2029b", "x\x85y", "\x0cform", "\u202eevil", "Run\r\nnext"]
)
moments = st.floats(-1e12, 1e12, allow_nan=False)
distances = st.none() | st.floats(allow_nan=True, allow_infinity=True)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    slug=names,
    name=names,
    exercise=names,
    runs=st.lists(st.tuples(moments, st.integers(-10, 10**9), distances, names), max_size=4),
)
def test_every_accepted_value_exports_to_a_file_that_imports(
    tmp_path: Path,
    slug: str,
    name: str,
    exercise: str,
    runs: list[tuple[float, int, float | None, str]],
) -> None:
    source, target = tmp_path / "a.sqlite3", tmp_path / "b.sqlite3"
    for path in (source, target):
        path.unlink(missing_ok=True)
    with HistoryStore(source) as store:
        now = 1_800_000_000.0
        sid = store.begin_session(Session(slug=slug, name=name, exercises=()), now, 1)
        store.record(
            sid,
            0,
            PhaseRecord(
                0, 0, exercise, exercise, 1, Side.LEFT, 0, PhaseKind.HOLD, 30, 30, now, now
            ),
        )
        gate = Collected()  # what `runs import` lets through, and only that
        for start, seconds, metres, label in runs:
            try:
                moment = datetime.fromtimestamp(start, UTC)
            except (OverflowError, OSError, ValueError):
                continue
            gate.add("f", [Activity(moment, seconds, metres, label, "running", "gpx")])
        stored_runs = add_runs(store.db, gate.runs).added
        text = render(store.db, "jsonl")
    with HistoryStore(target) as fresh:
        result = import_jsonl(fresh.db, text)
        assert result.sets_added == 1 and result.runs_added == stored_runs
        stored = fresh.db.execute("SELECT distance_m FROM runs").fetchall()
        assert all(r[0] is None or math.isfinite(r[0]) for r in stored)


def test_the_three_values_of_the_issue(tmp_path: Path) -> None:
    """A GPX run of 848,475,600 s, an infinite distance: refused at `runs import`; a U+2028
    in a session file's name: exported on one line and imported."""
    gate = Collected()
    start = datetime(2027, 1, 17, tzinfo=UTC)
    gate.add("bad.gpx", [Activity(start, 848_475_600, 5000.0, "Run", "running", "gpx")])
    gate.add("inf.gpx", [Activity(start, 1800, math.inf, "Run", "running", "gpx")])
    assert not gate.runs and len(gate.problems) == 2
    with HistoryStore(tmp_path / "a.sqlite3") as store:
        sid = store.begin_session(Session(slug="core\u2028x", name="C", exercises=()), 1.8e9, 1)
        store.record(
            sid,
            0,
            PhaseRecord(0, 0, "plank", "Plank", 1, None, 0, PhaseKind.HOLD, 30, 30, 1.8e9, 1.8e9),
        )
        text = render(store.db, "jsonl")
    assert len(text.strip().split("\n")) == 1
    with HistoryStore(tmp_path / "b.sqlite3") as fresh:
        assert import_jsonl(fresh.db, text).sets_added == 1


def _export_lines(count: int) -> str:
    first = datetime(2017, 1, 2, 7, 0, tzinfo=UTC)
    lines = []
    for n in range(count):
        day = first + timedelta(days=n // 40)
        lines.append(
            json.dumps(
                {
                    "set_id": f"set-{n}",
                    "session_id": f"session-{n // 40}",
                    "session": "core-stability",
                    "session_name": "Core stability",
                    "started_at": day.isoformat(),
                    "exercise": "front-plank",
                    "set": n % 40 + 1,
                    "kind": "hold",
                    "actual": 30 + n % 30,
                    "completed_at": (day + timedelta(seconds=60 * (n % 40))).isoformat(),
                }
            )
        )
    return "\n".join(lines) + "\n"


def test_an_export_over_1_mb_imports_with_a_progress_bar(tmp_path: Path) -> None:
    export = tmp_path / "ten-years.jsonl"
    export.write_text(_export_lines(6_000))
    assert export.stat().st_size > 1_000_000
    out, err = io.StringIO(), io.StringIO()
    code = cmd_import(
        Console(file=out), Console(file=err, force_terminal=True, width=80), str(export)
    )
    assert code == 0, err.getvalue()
    assert "Imported 6000 set records in 150 new session(s)" in out.getvalue()
    assert "Checking" in err.getvalue() and "Importing" in err.getvalue()
    with HistoryStore(paths.history_file()) as store:
        assert store.db.execute("SELECT count(*) FROM sets").fetchone()[0] == 6_000


def test_only_regular_files_are_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fifo = tmp_path / "pipe.jsonl"
    os.mkfifo(fifo)
    assert main(["import", str(fifo)]) == 1
    assert "named pipe" in capsys.readouterr().err


def test_an_older_history_with_impossible_runs_still_moves(tmp_path: Path) -> None:
    """Runs an older `runs import` let in (a run of 848,475,600 s, an infinite distance,
    year 9999) would make every export refused: the upgrade drops the runs that
    never were and forgets distances that cannot be, and the export imports."""
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:4]:
        step(db)
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute("PRAGMA user_version = 4")
    good = datetime(2027, 1, 17, tzinfo=UTC).timestamp()
    for uid, start, seconds, metres in (
        ("long", good, 848_475_600, 5000.0),
        ("inf", good + 86400, 1800, math.inf),
        ("far", datetime(9999, 1, 1, tzinfo=UTC).timestamp(), 1800, 5000.0),
        ("fine", good + 3 * 86400, 1800, 5000.0),
    ):
        db.execute(
            "INSERT INTO runs (uid, source, name, sport, start_ts, start_at, duration_s, "
            "distance_m) VALUES (?, 'gpx', 'Run', 'running', ?, 'x', ?, ?)",
            (uid, start, seconds, metres),
        )
    db.close()
    with HistoryStore(path) as store:
        kept = {r.uid: r.distance_m for r in store.recent_runs()}
        assert kept == {"inf": None, "fine": 5000.0}
        text = store.export("jsonl")
    with HistoryStore(tmp_path / "new.sqlite3") as fresh:
        assert import_jsonl(fresh.db, text).runs_added == 2
