from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from runstrong import paths
from runstrong.cli import main
from runstrong.history import HistoryStore

from ..helpers import exercise, hold, session
from ..history.test_history_store import BOTH, run_session


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def history() -> HistoryStore:
    store = HistoryStore(paths.history_file())
    run_session(store)
    run_session(store, session(exercise("Side plank", hold(5), sides=BOTH)))
    return store


def test_empty_history_commands(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "history")[1].startswith("No sessions")
    assert json.loads(run(capsys, "history", "--json")[1]) == []
    assert json.loads(run(capsys, "stats", "--json")[1])["exercises"] == []
    assert not paths.history_file().exists()


def test_history_json_contract(capsys: pytest.CaptureFixture[str], history: HistoryStore) -> None:
    code, out, _ = run(capsys, "history", "--json")
    data = json.loads(out)
    assert code == 0 and len(data) == 2
    newest = data[0]
    assert {"id", "session", "name", "started_at", "ended_at", "status", "sets"} <= set(newest)
    assert newest["status"] == "completed"
    first_set = newest["sets"][0]
    assert {"id", "exercise", "set", "side", "kind", "target", "actual", "completed_at"} <= set(
        first_set
    )
    assert first_set["side"] == "left" and first_set["kind"] == "hold"
    assert data[1]["sets"][0]["side"] is None
    assert len(json.loads(run(capsys, "history", "--json", "--limit", "1")[1])) == 1
    only = json.loads(run(capsys, "history", "--json", "--exercise", "Lunge")[1])
    assert len(only) == 1 and {s["exercise"] for s in only[0]["sets"]} == {"Lunge"}


def test_history_table_and_bad_limit(
    capsys: pytest.CaptureFixture[str], history: HistoryStore
) -> None:
    code, out, _ = run(capsys, "history")
    assert code == 0 and "done" in out and "Test session" in out
    with pytest.raises(SystemExit) as caught:
        main(["history", "--limit", "0"])
    assert caught.value.code == 2
    assert "expected a whole number from 1 to" in capsys.readouterr().err


def test_stats(capsys: pytest.CaptureFixture[str], history: HistoryStore) -> None:
    data = json.loads(run(capsys, "stats", "--json")[1])
    names = {e["exercise"] for e in data["exercises"]}
    assert names == {"Plank", "Lunge", "Side plank"}
    # The fixture's sessions are from 2023: nothing in the last eight weeks, no streak now.
    assert data["streak_weeks"] == 0 and [w["sessions"] for w in data["weeks"]] == [0] * 8
    # Lunges the timer paced say nothing about a side; the side plank ran to its end.
    assert {b["exercise"] for b in data["balance"]} == {"Side plank"}
    assert "Personal bests" in run(capsys, "stats")[1]


def test_export_and_import_between_machines(
    capsys: pytest.CaptureFixture[str],
    history: HistoryStore,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    out_file = tmp_path / "export.jsonl"
    assert run(capsys, "export", "--format", "jsonl", "-o", str(out_file))[0] == 0
    code, out, _ = run(capsys, "export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and len(rows) == 6
    assert rows[0]["completed_at"][-6] in "+-"
    strong = list(csv.DictReader(io.StringIO(run(capsys, "export", "--format", "strong")[1])))
    assert strong[0]["Exercise Name"] == "Plank"
    monkeypatch.setenv("RUNSTRONG_DATA_DIR", str(tmp_path / "other-machine"))
    code, out, _ = run(capsys, "import", str(out_file))
    assert code == 0 and "Imported 6 set records in 2 new session(s)" in out
    code, out, _ = run(capsys, "import", str(out_file))
    assert "Imported 0 set records" in out and "6 already present" in out
    assert len(json.loads(run(capsys, "history", "--json")[1])) == 2


def test_import_bad_line_names_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"set_id": "a"}\n')
    code, _, err = run(capsys, "import", str(bad))
    assert code == 1 and "line 1: session_id: missing" in err and "nothing was imported" in err
    code, _, err = run(capsys, "import", str(tmp_path / "missing.jsonl"))
    assert code == 1 and "cannot read" in err


def test_corrupt_history_is_reported_not_touched(capsys: pytest.CaptureFixture[str]) -> None:
    path = paths.history_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage" * 100)
    code, _, err = run(capsys, "history")
    assert code == 1 and str(path) in err and "not a runstrong history" in err
    assert path.read_bytes() == b"garbage" * 100


def test_history_of_an_exercise_with_no_sets_says_so(
    capsys: pytest.CaptureFixture[str], history: HistoryStore
) -> None:
    code, out, _ = run(capsys, "history", "--exercise", "Nordic curl")
    assert code == 0 and "No sets of Nordic curl" in out
    assert "No sessions in your history" not in out
    code, out, _ = run(capsys, "history", "--exercise", "Lunge")
    assert "No sets of" not in out and "5 L, 5 R" in out
