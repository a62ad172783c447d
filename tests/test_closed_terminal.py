"""Issue 20: closing the terminal at any moment never leaves a hung process, and every set
completed before it closed is in the history.

Each run is `runstrong start` (or the home screen) in its own pseudo-terminal, as its
controlling terminal (pty.fork), so closing the terminal's side delivers what a closed
window does: SIGHUP and SIGCONT, then EIO on every read and write. Half the runs share the
machine with a CPU burner. RUNSTRONG_KILLS sets how many (100 by hand; the suite runs fewer).
"""

from __future__ import annotations

import os
import pty
import random
import re
import select
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from runstrong.history import HistoryStore

pytestmark = pytest.mark.slow

KILLS = int(os.environ.get("RUNSTRONG_KILLS", "24"))
AT_ONCE = 4
GONE_WITHIN = 5.0
SESSION = """[session]
name = "Hang up"
rest_between_sets = 1
rest_between_exercises = 1
[[exercises]]
name = "Plank"
sets = 20
hold = 1
"""
# In the rest after set K the title reads "Up next: Plank  ·  set K+1/20": set K is saved.
UP_NEXT = re.compile(rb"Up next: Plank[^/]{0,40}?set (\d+)/20")


@dataclass
class Run:
    pid: int
    fd: int
    folder: Path
    close_at: float
    home: bool
    seen: bytes = b""
    closed_at: float | None = None
    status: int | None = None


def _spawn(folder: Path, session: Path, *, home: bool) -> Run:
    (folder / "config").mkdir(parents=True)
    (folder / "config" / "settings.toml").write_text("get_ready = 1\nsound = false\n")
    env = dict(os.environ)
    env.update(
        RUNSTRONG_CONFIG_DIR=str(folder / "config"),
        RUNSTRONG_DATA_DIR=str(folder / "data"),
        TERM="xterm-256color",
        COLUMNS="80",
        LINES="24",
    )
    args = [sys.executable, "-m", "runstrong"] + ([] if home else ["start", str(session)])
    pid, fd = pty.fork()
    if pid == 0:  # the child: its controlling terminal is the new pseudo-terminal
        os.execve(sys.executable, args, env)
    return Run(pid, fd, folder, 0.0, home)


def _read(run: Run) -> None:
    while select.select([run.fd], [], [], 0)[0]:
        try:
            chunk = os.read(run.fd, 65536)
        except OSError:
            return
        if not chunk:
            return
        run.seen += chunk


def _reap(run: Run) -> None:
    if run.status is None:
        pid, status = os.waitpid(run.pid, os.WNOHANG)
        if pid:
            run.status = status


def _check(run: Run) -> str | None:
    """What went wrong with this run, or None."""
    if run.status is None:
        os.kill(run.pid, signal.SIGKILL)
        os.waitpid(run.pid, 0)
        return f"still running {GONE_WITHIN} s after its terminal closed"
    if run.home:
        return None
    history = run.folder / "data" / "history.sqlite3"
    shown = [int(n) - 1 for n in UP_NEXT.findall(run.seen)]
    done_on_screen = max(shown, default=0)
    store = HistoryStore.for_reading(history) if history.exists() else None
    sets = [] if store is None else [s.set for row in store.sessions() for s in row.sets]
    if store is not None:
        store.close()
    if sets != list(range(1, len(sets) + 1)):
        return f"saved sets are not a clean prefix: {sets}"
    if len(sets) < done_on_screen:
        return f"{done_on_screen} sets done on screen, {len(sets)} saved"
    return None


def test_closing_the_terminal_at_random_moments_leaves_no_process_and_no_lost_set(
    tmp_path: Path,
) -> None:
    session = tmp_path / "hang-up.toml"
    session.write_text(SESSION)
    rng = random.Random(20)
    plans = [
        (rng.uniform(0.1, 5.0), (number // AT_ONCE) % 2 == 1, number % 8 == 7)
        for number in range(KILLS)
    ]
    problems: list[str] = []
    burner: subprocess.Popen[bytes] | None = None
    try:
        for first in range(0, KILLS, AT_ONCE):
            batch = plans[first : first + AT_ONCE]
            busy = any(load for _, load, _ in batch)
            if busy and burner is None:
                burner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
            elif not busy and burner is not None:
                burner.kill()
                burner.wait()
                burner = None
            runs = []
            for number, (delay, _, home) in enumerate(batch, start=first):
                run = _spawn(tmp_path / f"run{number}", session, home=home)
                run.close_at = time.monotonic() + delay
                runs.append(run)
            while any(r.closed_at is None or r.status is None for r in runs):
                now = time.monotonic()
                for run in runs:
                    if run.closed_at is None:
                        _read(run)
                        if now >= run.close_at:
                            os.close(run.fd)  # the terminal window closes
                            run.closed_at = now
                    elif run.status is None:
                        _reap(run)
                        if run.status is None and now - run.closed_at > GONE_WITHIN:
                            break
                if all(
                    r.closed_at is not None
                    and (r.status is not None or now - r.closed_at > GONE_WITHIN)
                    for r in runs
                ):
                    break
                time.sleep(0.02)
            for number, run in enumerate(runs, start=first):
                problem = _check(run)
                if problem:
                    problems.append(
                        f"run {number} (closed after {batch[number - first][0]:.2f} s"
                        f"{', CPU busy' if batch[number - first][1] else ''}): {problem}"
                    )
    finally:
        if burner is not None:
            burner.kill()
            burner.wait()
    assert problems == [], f"{len(problems)} of {KILLS} runs went wrong:\n" + "\n".join(problems)
