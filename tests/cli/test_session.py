"""The app needs a terminal: without one it says so at once and writes nothing."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest


@pytest.mark.parametrize("args", [[], ["start", "core-stability"], ["review"]])
def test_no_terminal_exits_2_at_once_and_writes_nothing(
    args: list[str], tmp_path: Path, isolated_dirs: Path
) -> None:
    out = tmp_path / "out.txt"
    started = time.monotonic()
    with out.open("wb") as sink:
        result = subprocess.run(
            [sys.executable, "-m", "runstrong", *args],
            stdin=subprocess.DEVNULL,
            stdout=sink,
            stderr=subprocess.PIPE,
            timeout=20,
        )
    # Python's own start-up is most of the time; the app never starts.
    assert time.monotonic() - started < 5
    assert result.returncode == 2
    assert out.read_bytes() == b""
    message = result.stderr.decode()
    assert message.startswith("runstrong needs a terminal: ") and message.count("\n") == 1
    assert "runstrong list" in message
    assert not (isolated_dirs / "data").exists()  # no history file was created either
