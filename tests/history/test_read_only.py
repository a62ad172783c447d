"""A history the person may read but not write (folder and file read-only): `history`,
`stats` and `export` still work. As root, permissions do not apply to this process, so the
commands run in a child process without the capabilities that let root pass permission
checks (`setpriv` drops them from its bounding set); where that is not possible the test
skips and says why."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from runstrong.activities.model import Activity
from runstrong.history import HistoryStore
from runstrong.session.events import PhaseRecord
from runstrong.workout.model import PhaseKind, Session

DROP_ROOT_POWERS = ["setpriv", "--bounding-set=-dac_override,-dac_read_search,-fowner"]
COMMANDS = (
    ["history", "--json"],
    ["stats", "--json"],
    ["export", "--format", "jsonl"],
    ["runs", "--json"],
)


@pytest.fixture
def read_only_history(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "ro"
    data = folder / "data"
    with HistoryStore(data / "history.sqlite3") as store:
        sid = store.begin_session(Session(slug="core", name="Core", exercises=()), 1.8e9, 1)
        record = PhaseRecord(
            0, 0, "plank", "Plank", 1, None, 0, PhaseKind.HOLD, 30, 30, 1.8e9, 1.8e9
        )
        store.record(sid, 0, record)
        store.finish(sid, True, 1.8e9 + 60)
        moment = datetime.fromtimestamp(1.8e9, UTC)
        store.add_runs([Activity(moment, 1800, 5000.0, "Run", "running", "gpx")])
    (data / "history.sqlite3").chmod(0o444)
    data.chmod(0o555)
    try:
        yield folder
    finally:
        data.chmod(0o755)


def _run(folder: Path, args: list[str]) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "HOME": str(folder),
        "RUNSTRONG_DATA_DIR": str(folder / "data"),
        "RUNSTRONG_CONFIG_DIR": str(folder / "config"),
    }
    prefix = DROP_ROOT_POWERS if os.geteuid() == 0 else []
    return subprocess.run(
        [*prefix, sys.executable, "-m", "runstrong", *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_reading_commands_work_on_a_read_only_history(
    read_only_history: Path, args: list[str]
) -> None:
    if os.geteuid() == 0:
        if shutil.which("setpriv") is None:
            pytest.skip("running as root without setpriv: permissions would not apply")
        probe = subprocess.run(
            [*DROP_ROOT_POWERS, "touch", str(read_only_history / "data" / "probe")],
            capture_output=True,
            check=False,
        )
        if probe.returncode == 0:
            pytest.skip("root keeps its power over permissions here (setpriv had no effect)")
    done = _run(read_only_history, args)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    first = json.loads(done.stdout.splitlines()[0] if args[0] == "export" else done.stdout)
    assert first
    # Nothing was written beside it: still only the history file, unchanged in mode.
    data = read_only_history / "data"
    assert [p.name for p in data.iterdir()] == ["history.sqlite3"]
    assert stat.S_IMODE(data.stat().st_mode) == 0o555
