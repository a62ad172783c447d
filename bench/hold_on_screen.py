"""A 4 s hold, watched in a real terminal: how long does HOLD stay on screen?

    python bench/hold_on_screen.py

Polls tmux's capture of an 80x24 pane every 20 ms and prints how long each phase word was
shown. Needs tmux.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SESSION = """[session]
name = "Timing check"
rest_between_sets = 3
[[exercises]]
name = "Plank"
sets = 2
hold = 4
"""
WORDS = ("GET READY", "HOLD", "REST", "DONE")


def screen() -> str:
    return subprocess.run(
        ["tmux", "capture-pane", "-p", "-t", "timing"], capture_output=True, text=True
    ).stdout


def main() -> int:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        (tmp / "c").mkdir()
        (tmp / "c" / "settings.toml").write_text("get_ready = 3\nsound = false\n")
        (tmp / "s.toml").write_text(SESSION)
        env = f"RUNSTRONG_CONFIG_DIR={tmp / 'c'} RUNSTRONG_DATA_DIR={tmp / 'd'}"
        command = f"env {env} {sys.executable} -m runstrong start {tmp / 's.toml'}"
        subprocess.run(["tmux", "kill-session", "-t", "timing"], capture_output=True)
        subprocess.run(
            ["tmux", "new", "-d", "-s", "timing", "-x", "80", "-y", "24", command],
            check=True,
            env=os.environ,
        )
        seen: list[tuple[float, str]] = []
        end = time.monotonic() + 25
        while time.monotonic() < end:
            text = screen()
            word = next((w for w in WORDS if w in text.splitlines()[1:4].__str__()), "")
            if word and (not seen or seen[-1][1] != word):
                seen.append((time.monotonic(), word))
            if word == "DONE":
                break
            time.sleep(0.02)
        subprocess.run(["tmux", "kill-session", "-t", "timing"], capture_output=True)
    worst = 0.0
    for (start, word), (stop, _) in itertools.pairwise(seen):
        expected = {"GET READY": 3, "HOLD": 4, "REST": 3}[word]
        print(f"{word:10} on screen {stop - start:6.3f} s (expected {expected} s)")
        worst = max(worst, abs(stop - start - expected))
    print(f"worst error {worst * 1000:.0f} ms")
    return 0 if worst < 0.2 else 1


if __name__ == "__main__":
    raise SystemExit(main())
