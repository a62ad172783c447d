"""Hostile history: escapes in imported names, imports that must not break the file, damaged
and foreign files, read-only commands that change nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import sqlite3
from pathlib import Path

import pytest

from runstrong import paths
from runstrong.cli import main
from runstrong.history import HistoryStore, queries
from runstrong.history.exchange import spreadsheet_cell
from runstrong.history.import_check import VALIDATORS, check_lines

from ..history.test_history_store import run_session

# Each one would act on a terminal: set its title, write the clipboard, reverse the text.
PAYLOADS = [
    "\x1b]0;pwned\x07",
    "\x1b]52;c;cHduZWQ=\x07",
    "\x9b31m",
    "\u202edlrow",
    "\u061c",
    "\x1b[2J",
    "\x07",
]
RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u061c")


def good_record(**changes: object) -> dict[str, object]:
    record: dict[str, object] = {
        "set_id": "s1",
        "session_id": "a1",
        "session": "core",
        "session_name": "Core",
        "started_at": "2026-05-01T07:30:00+02:00",
        "exercise": "plank",
        "set": 1,
        "side": None,
        "kind": "hold",
        "target": 30,
        "actual": 30,
        "completed_at": "2026-05-01T07:31:00+02:00",
        "rpe": None,
    }
    record.update(changes)
    return record


def jsonl(*records: dict[str, object]) -> str:
    return "".join(json.dumps(r) + "\n" for r in records)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def assert_no_raw_controls(text: str) -> None:
    assert not any(char in text for char in RAW), repr(text)


# -- text from the history ----------------------------------------------------------------
def test_imported_names_never_reach_the_terminal_raw(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "evil.jsonl"
    name = "Core" + "".join(PAYLOADS)
    source.write_text(
        jsonl(good_record(session_name=name, exercise=name, exercise_name=name)), encoding="utf-8"
    )
    assert run(capsys, "import", str(source))[0] == 0
    outputs = [
        run(capsys, *command)
        for command in (
            ("history",),
            ("history", "--json"),
            ("history", "--exercise", name),
            ("stats",),
            ("stats", "--json"),
            ("export", "--format", "jsonl"),
            ("export", "--format", "csv"),
            ("export", "--format", "strong"),
        )
    ]
    for code, out, err in outputs:
        assert code == 0
        assert_no_raw_controls(out + err)
    store = HistoryStore(paths.history_file())
    (row,) = queries.sessions(store.db)
    assert row.name == "Coredlrow"  # whole escape sequences go; the text around stays


def test_names_stored_by_an_older_import_are_cleaned_on_the_way_out(
    capsys: pytest.CaptureFixture[str],
) -> None:
    store = HistoryStore(paths.history_file())
    run_session(store)
    store.db.execute("UPDATE sessions SET name = ?", ("Evil\x1b]0;title\x07\u202e",))
    store.db.execute("UPDATE sets SET exercise_name = ?", ("\x9b2J\u061cPlank",))
    assert queries.session_heads(store.db)[0].name == "Evil"
    for command in (
        ("history",),
        ("history", "--json"),
        ("stats",),
        ("stats", "--json"),
        ("export", "--format", "jsonl"),
        ("export", "--format", "csv"),
    ):
        code, out, err = run(capsys, *command)
        assert code == 0
        assert_no_raw_controls(out + err)


def test_json_output_keeps_data_but_escapes_what_a_terminal_acts_on(
    capsys: pytest.CaptureFixture[str],
) -> None:
    store = HistoryStore(paths.history_file())
    run_session(store)
    store.db.execute("UPDATE sessions SET name = ?", ("A\u202eB",))
    store.close()
    _code, out, _ = run(capsys, "export", "--format", "jsonl")
    assert "\u202e" not in out and "\\u202e" in out
    assert json.loads(out.splitlines()[0])["session_name"] == "A\u202eB"


@pytest.mark.parametrize("cell", ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\t=1", "\r=1"])
def test_spreadsheet_formulas_are_neutralised(cell: str) -> None:
    value = spreadsheet_cell(cell)
    assert isinstance(value, str) and value.startswith("'")
    assert spreadsheet_cell("Plank") == "Plank" and spreadsheet_cell(12) == 12


def test_csv_and_strong_exports_neutralise_formulas(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = tmp_path / "formula.jsonl"
    source.write_text(
        jsonl(good_record(session_name='=HYPERLINK("http://x")', exercise_name="@SUM(1)")),
        encoding="utf-8",
    )
    assert run(capsys, "import", str(source))[0] == 0
    _, out, _ = run(capsys, "export", "--format", "csv")
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["session_name"].startswith("'=") and row["exercise_name"].startswith("'@")
    _, out, _ = run(capsys, "export", "--format", "strong")
    (strong,) = list(csv.DictReader(io.StringIO(out)))
    assert strong["Workout Name"].startswith("'=") and strong["Exercise Name"].startswith("'@")


# -- imports --------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"session_ended_at": "not a date"}, "session_ended_at"),
        ({"started_at": "2026-13-45T00:00:00+00:00"}, "started_at"),
        ({"completed_at": "2026-05-01T07:31:00"}, "completed_at"),
        ({"actual": 2**63}, "actual"),
        ({"actual": -1}, "actual"),
        ({"target": 10**400}, "target"),
        ({"set": "1"}, "set"),
        ({"set": True}, "set"),
        ({"rpe": 11}, "rpe"),
        ({"kind": "sprint"}, "kind"),
        ({"side": "middle"}, "side"),
        ({"session_name": ["a"]}, "session_name"),
        ({"session_name": {"a": [[[]]]}}, "session_name"),
        ({"exercise": "\ud800"}, "exercise"),
        ({"session_status": "dancing"}, "session_status"),
        ({"planned_sets": 1.5}, "planned_sets"),
        ({"light": "yes"}, "light"),
        ({"record": "mystery"}, "record"),
    ],
)
def test_every_field_is_checked(change: dict[str, object], field: str) -> None:
    text = json.dumps(good_record(**change))
    records, problems = check_lines("f.jsonl", text)
    assert records == [] and problems
    assert any(p.key == field and p.where == "line 1" for p in problems), problems


def test_every_bad_line_is_reported_and_nothing_is_imported(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    store = HistoryStore(paths.history_file())
    run_session(store)
    store.close()
    before = digest(paths.history_file())
    source = tmp_path / "bad.jsonl"
    deep = "[" * 3000 + "]" * 3000
    huge = "1" * 5000
    source.write_text(
        "\n".join(
            [
                json.dumps(good_record()),
                json.dumps(good_record(set_id="s2", session_ended_at="not a date")),
                deep,
                '{"set": ' + huge + "}",
                json.dumps(good_record(set_id="s3", actual=2**70)),
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "import", str(source))
    assert code == 1 and "Traceback" not in err
    for where in (
        "line 2: session_ended_at",
        "line 3: nested too deeply",
        "line 4: a number has too many digits",
        "line 5: actual",
    ):
        assert where in err
    assert "4 bad lines; nothing was imported" in err
    assert digest(paths.history_file()) == before
    code, out, _ = run(capsys, "history", "--json")
    assert code == 0 and len(json.loads(out)) == 1


def test_a_record_kind_is_one_validator() -> None:
    # Runs (or any later kind) plug in here; unknown kinds are refused by name.
    assert set(VALIDATORS) >= {"set"}
    _, problems = check_lines("f", json.dumps(good_record(record="set")))
    assert problems == []


@pytest.mark.parametrize("where", ["history", "data folder", "wal"])
def test_export_into_the_data_folder_is_refused(
    capsys: pytest.CaptureFixture[str], where: str
) -> None:
    store = HistoryStore(paths.history_file())
    run_session(store)
    store.close()
    before = digest(paths.history_file())
    target = {
        "history": paths.history_file(),
        "data folder": paths.data_dir() / "notes.csv",
        "wal": Path(str(paths.history_file()) + "-wal"),
    }[where]
    code, _, err = run(capsys, "export", "--format", "csv", "-o", str(target))
    assert code == 1 and "data folder" in err
    assert digest(paths.history_file()) == before
    assert where != "data folder" or not target.exists()


# -- damaged, foreign and odd history files -------------------------------------------------
def make_damaged_history(path: Path) -> None:
    """A history whose first pages are sound and whose later pages are garbage: it opens, and
    fails only when those pages are read."""
    store = HistoryStore(path)
    with store.db:
        pass
    store.db.execute("BEGIN")
    for i in range(300):
        store.db.execute(
            "INSERT INTO sessions (uid, slug, name, started_ts, started_at, status) "
            "VALUES (?, 'mini', 'Mini', ?, '2026-01-01T00:00:00+00:00', 'completed')",
            (f"u{i}", i),
        )
        for j in range(5):
            store.db.execute(
                "INSERT INTO sets (uid, session_id, seq, exercise, exercise_name, "
                "exercise_index, set_number, side, kind, actual, started_at, completed_ts, "
                "completed_at) VALUES (?, ?, ?, 'Plank', 'Plank', 0, 1, 'left', 'hold', 5, "
                "'2026-01-01T00:00:00+00:00', 1, '2026-01-01T00:00:00+00:00')",
                (f"s{i}-{j}", i + 1, j),
            )
    store.db.execute("COMMIT")
    store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    data[-4096 * 3 :] = b"\xff" * (4096 * 3)
    path.write_bytes(bytes(data))


def test_damage_found_while_reading_is_called_damage(capsys: pytest.CaptureFixture[str]) -> None:
    path = paths.history_file()
    path.parent.mkdir(parents=True)
    make_damaged_history(path)
    before = digest(path)
    code, _, err = run(capsys, "history", "--limit", "1000")
    assert code == 1 and "damaged" in err and "Traceback" not in err
    assert digest(path) == before


def test_an_import_never_writes_into_a_damaged_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = paths.history_file()
    path.parent.mkdir(parents=True)
    make_damaged_history(path)
    before = digest(path)
    source = tmp_path / "good.jsonl"
    source.write_text(jsonl(good_record()), encoding="utf-8")
    code, _, err = run(capsys, "import", str(source))
    assert code == 1 and "damaged" in err and "It has not been changed" in err
    assert digest(path) == before


def test_errors_that_are_not_damage_get_their_own_words(capsys: pytest.CaptureFixture[str]) -> None:
    store = HistoryStore(paths.history_file())
    run_session(store)
    store.close()
    with pytest.raises(SystemExit) as caught:
        main(["history", "--limit", str(10**30)])
    assert caught.value.code == 2
    err = capsys.readouterr().err
    assert "expected a whole number from 1 to" in err and "damaged" not in err
    from runstrong.cli.main import _history_failure

    readonly = sqlite3.OperationalError("attempt to write a readonly database")
    readonly.sqlite_errorcode = sqlite3.SQLITE_READONLY
    binding = sqlite3.InterfaceError("Error binding parameter 1")
    assert "read-only" in _history_failure(readonly)
    for error in (readonly, binding):
        assert "damaged" not in _history_failure(error)


def _other_programs_file(path: Path) -> None:
    db = sqlite3.connect(path)
    db.execute("PRAGMA application_id = 1234")
    db.commit()
    db.close()


def _rollback_journal_history(path: Path) -> None:
    store = HistoryStore(path)
    run_session(store)
    store.db.execute("PRAGMA journal_mode = DELETE")
    store.close()


@pytest.mark.parametrize(
    "kind", ["zero bytes", "table-less other program", "rollback journal", "empty sqlite"]
)
@pytest.mark.parametrize(
    "command",
    [
        ["list"],
        ["show", "core-stability"],
        ["history"],
        ["stats"],
        ["today"],
        ["plan"],
        ["history", "--json"],
        ["export"],
    ],
)
def test_read_only_commands_change_no_file(
    capsys: pytest.CaptureFixture[str], kind: str, command: list[str]
) -> None:
    path = paths.history_file()
    path.parent.mkdir(parents=True)
    if kind == "zero bytes":
        path.write_bytes(b"")
    elif kind == "table-less other program":
        _other_programs_file(path)
    elif kind == "rollback journal":
        _rollback_journal_history(path)
    else:
        sqlite3.connect(path).close()
        path.write_bytes(path.read_bytes())
    before = digest(path)
    files_before = sorted(p.name for p in path.parent.iterdir())
    code, _out, err = run(capsys, *command)
    assert "Traceback" not in err
    assert digest(path) == before
    assert sorted(p.name for p in path.parent.iterdir()) == files_before
    if kind == "table-less other program" and command[0] in ("history", "stats", "export"):
        assert code == 1 and "another program" in err
    else:
        assert code == 0


def test_an_older_history_is_read_without_being_upgraded(
    capsys: pytest.CaptureFixture[str],
) -> None:
    from runstrong.history import database

    path = paths.history_file()
    path.parent.mkdir(parents=True)
    db = sqlite3.connect(path, isolation_level=None)
    database.MIGRATIONS[0](db)
    db.execute(f"PRAGMA application_id = {database.APPLICATION_ID}")
    db.execute("PRAGMA user_version = 1")
    db.close()
    before = digest(path)
    code, out, _ = run(capsys, "history", "--json")
    assert code == 0 and json.loads(out) == []
    assert digest(path) == before


RUN = {
    "kind": "run",
    "run_id": "r1",
    "source_id": None,
    "source": "gpx",
    "name": "Easy",
    "sport": "Run",
    "start": "2026-05-01T07:00:00+02:00",
    "duration_s": 1800,
    "distance_m": 5000.0,
}


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"start": "not a date"}, "start"),
        ({"start": "0001-01-01T00:00:00+14:00"}, "start"),
        ({"name": "\ud800"}, "name"),
        ({"run_id": "x" * 5000}, "run_id"),
        ({"duration_s": 10**400}, ""),
        ({"distance_m": [1]}, ""),
    ],
)
def test_run_records_are_checked_before_anything_is_written(
    change: dict[str, object], field: str
) -> None:
    records, problems = check_lines("f.jsonl", json.dumps({**RUN, **change}))
    assert records == [] and problems
    assert any(p.where == "line 1" and p.key == field for p in problems), problems
    assert all(not any(c in str(p) for c in RAW) for p in problems)


def test_a_good_run_record_passes() -> None:
    records, problems = check_lines("f.jsonl", json.dumps(RUN))
    assert problems == [] and [r.kind for r in records] == ["run"]
