"""A real `runstrong start` in a pseudo-terminal, with sound on, runs to DONE and exits."""

from __future__ import annotations

import json
import os
import pty
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from runstrong.session.timeline import Timing, build_timeline
from runstrong.workout.catalog import load_session_file
from runstrong.workout.model import Session

pytestmark = pytest.mark.slow

SESSION = """[session]
name = "Real run"
rest_between_sets = 1
rest_between_exercises = 1
[[exercises]]
name = "Plank"
sets = 2
hold = 2
[[exercises]]
name = "Taps"
reps = 3
tempo = 0.5
sides = ["left", "right"]
"""


def spawn(args: list[str], env: dict[str, str]) -> tuple[subprocess.Popen[bytes], int]:
    leader, follower = pty.openpty()
    child = subprocess.Popen(
        args, stdin=follower, stdout=follower, stderr=follower, env=env, start_new_session=True
    )
    os.close(follower)
    return child, leader


def read_until(fd: int, child: subprocess.Popen[bytes], marker: bytes, timeout: float) -> bytes:
    seen = b""
    deadline = time.monotonic() + timeout
    while marker not in seen:
        gone = child.poll() is not None
        if time.monotonic() > deadline or (gone and not select.select([fd], [], [], 0)[0]):
            raise AssertionError(f"{marker!r} not seen; last output: {seen[-2000:]!r}")
        ready, _, _ = select.select([fd], [], [], 0.2)
        if ready:
            try:
                seen += os.read(fd, 65536)
            except OSError:
                break
    return seen


@pytest.fixture
def real_env(tmp_path: Path) -> dict[str, str]:
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text("get_ready = 1\nswitch_sides = 1\nsound = true\n")
    env = dict(os.environ)
    env.update(
        RUNSTRONG_CONFIG_DIR=str(config),
        RUNSTRONG_DATA_DIR=str(tmp_path / "data"),
        TERM="xterm-256color",
        COLUMNS="80",
        LINES="24",
    )
    return env


def test_a_real_session_with_sound_runs_to_done(tmp_path: Path, real_env: dict[str, str]) -> None:
    session = tmp_path / "real.toml"
    session.write_text(SESSION)
    child, fd = spawn([sys.executable, "-m", "runstrong", "start", str(session)], real_env)
    try:
        read_until(fd, child, b"DONE", timeout=60)
        os.write(fd, b"\r")
        assert child.wait(timeout=20) == 0
    finally:
        if child.poll() is None:
            child.kill()
        os.close(fd)
    history = subprocess.run(
        [sys.executable, "-m", "runstrong", "history", "--json"],
        env=real_env,
        capture_output=True,
        text=True,
        check=True,
    )
    (row,) = json.loads(history.stdout)
    assert row["status"] == "completed" and len(row["sets"]) == 4


def test_kill_9_mid_session_keeps_sets_and_offers_resume(
    tmp_path: Path, real_env: dict[str, str]
) -> None:
    session = tmp_path / "real.toml"
    session.write_text(SESSION.replace("sets = 2\nhold = 2", "sets = 4\nhold = 1"))
    child, fd = spawn(
        [sys.executable, "-m", "runstrong", "start", str(session), "--mute"], real_env
    )
    try:
        read_until(fd, child, b"REST", timeout=60)  # the first set is done and saved
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        os.close(fd)
    history = subprocess.run(
        [sys.executable, "-m", "runstrong", "history", "--json"],
        env=real_env,
        capture_output=True,
        text=True,
        check=True,
    )
    (row,) = json.loads(history.stdout)
    assert row["status"] == "in_progress" and len(row["sets"]) >= 1
    child, fd = spawn([sys.executable, "-m", "runstrong"], real_env)
    try:
        read_until(fd, child, b"Unfinished session", timeout=60)
    finally:
        child.kill()
        child.wait()
        os.close(fd)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_kill_9_at_a_random_moment_leaves_a_clean_prefix(
    tmp_path: Path, real_env: dict[str, str], seed: int
) -> None:
    import random

    session = tmp_path / "real.toml"
    session.write_text(SESSION.replace("sets = 2\nhold = 2", "sets = 5\nhold = 1"))
    child, fd = spawn(
        [sys.executable, "-m", "runstrong", "start", str(session), "--mute"], real_env
    )
    try:
        read_until(fd, child, b"HOLD", timeout=60)
        time.sleep(random.Random(seed).uniform(0.5, 6.0))
        os.killpg(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        os.close(fd)
    out = subprocess.run(
        [sys.executable, "-m", "runstrong", "history", "--json"],
        env=real_env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    rows = json.loads(out)
    loaded = load_session_file(session, {})
    assert isinstance(loaded, Session)
    expected = [
        (s.exercise, s.set_number, None if s.side is None else s.side.value)
        for s in build_timeline(loaded, Timing())
        if s.kind.is_work
    ]
    saved = [
        (0 if r["exercise"] == "Plank" else 1, r["set"], r["side"])
        for row in rows
        for r in row["sets"]
    ]
    # Whatever moment the kill came, what is saved is exactly the sets done so far, in order.
    assert saved == expected[: len(saved)]


@pytest.mark.parametrize("hang_up", [signal.SIGTERM, signal.SIGHUP])
def test_sigterm_and_sighup_restore_the_terminal_and_leave_it_resumable(
    tmp_path: Path, real_env: dict[str, str], hang_up: signal.Signals
) -> None:
    session = tmp_path / "real.toml"
    session.write_text(SESSION.replace("sets = 2\nhold = 2", "sets = 4\nhold = 1"))
    child, fd = spawn(
        [sys.executable, "-m", "runstrong", "start", str(session), "--mute"], real_env
    )
    try:
        read_until(fd, child, b"REST", timeout=60)  # the first set is done and saved
        child.send_signal(hang_up)
        # The app leaves the alternate screen and shows the cursor again on its way out.
        tail = read_until(fd, child, b"\x1b[?1049l", timeout=20)
        if b"\x1b[?25h" not in tail:
            # Textual writes it right after leaving; under load it arrives in a later read.
            tail += read_until(fd, child, b"\x1b[?25h", timeout=20)
        assert b"\x1b[?25h" in tail
        assert child.wait(timeout=20) == 128 + hang_up
    finally:
        if child.poll() is None:
            child.kill()
        os.close(fd)
    out = subprocess.run(
        [sys.executable, "-m", "runstrong", "history", "--json"],
        env=real_env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    (row,) = json.loads(out)
    assert row["status"] == "in_progress" and len(row["sets"]) >= 1
