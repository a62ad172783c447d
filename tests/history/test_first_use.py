"""Concurrent first use: several runstrong processes creating the same history at once.
The schema version is read under the migration's write lock, so only one creates tables."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from runstrong.history import HistoryStore
from runstrong.history.migrations import SCHEMA_VERSION

from ..activity_files import gpx_bytes


def test_six_stores_opening_an_empty_folder_at_once(tmp_path: Path) -> None:
    for round_number in range(5):
        path = tmp_path / f"round{round_number}" / "history.sqlite3"
        gate = threading.Barrier(6)
        failures: list[BaseException] = []

        def first_use(
            path: Path = path,
            gate: threading.Barrier = gate,
            failures: list[BaseException] = failures,
        ) -> None:
            gate.wait()
            try:
                HistoryStore(path).close()
            except BaseException as error:
                failures.append(error)

        threads = [threading.Thread(target=first_use) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=60)
        assert failures == []
        with HistoryStore(path) as store:
            assert store.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


@pytest.mark.slow
def test_six_runs_import_processes_on_an_empty_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "fresh-data"
    env = {**os.environ, "RUNSTRONG_DATA_DIR": str(data)}
    start = datetime(2027, 1, 17, 8, 0, tzinfo=UTC)
    children = []
    for n in range(6):
        gpx = tmp_path / f"run{n}.gpx"
        gpx.write_bytes(gpx_bytes(start + timedelta(days=n), 30, 5))
        children.append(
            subprocess.Popen(
                [sys.executable, "-m", "runstrong", "runs", "import", str(gpx)],
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            )
        )
    results = [child.communicate(timeout=120) for child in children]
    assert [child.returncode for child in children] == [0] * 6, results
    assert not any("already exists" in err for _, err in results)
    with HistoryStore(data / "history.sqlite3") as store:
        assert store.db.execute("SELECT count(*) FROM runs").fetchone()[0] == 6
