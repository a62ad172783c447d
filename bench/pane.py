"""A real terminal for the benchmarks: tmux on a private server, read through control mode.

Every helper on a shared machine may run tmux; a server of our own (`tmux -L`) keeps our
sessions, and our `kill-server`, away from theirs. Reading a pane every few milliseconds with
a new `tmux capture-pane` process each time costs a process start per read (and CPU the app
under test then lacks); one control-mode client answers each `capture-pane` in about a
millisecond instead.
"""

from __future__ import annotations

import itertools
import json
import os
import subprocess
import time

SOCKET = f"runstrong-bench-{os.getpid()}"
_readers = itertools.count()


def tmux(*args: str) -> str:
    return subprocess.run(
        ["tmux", "-L", SOCKET, *args], capture_output=True, text=True, check=False
    ).stdout


def start(
    command: list[str], env: dict[str, str], name: str, size: tuple[int, int] = (80, 24)
) -> int:
    """Start `command` in a detached tmux session of `size`; return the pane's pid."""
    tmux("kill-session", "-t", name)
    exports = " ".join(
        f"{k}={json.dumps(v)}"
        for k, v in env.items()
        if k.startswith(("RUNSTRONG", "TERM", "ALSA", "PYTHON"))
    )
    # The tmux server hands its own environment on: a PYTHONDONTWRITEBYTECODE there would make
    # every start compile runstrong's modules again, which an installed copy never does.
    unset = "" if "PYTHONDONTWRITEBYTECODE" in env else "-u PYTHONDONTWRITEBYTECODE "
    shell = f"env {unset}{exports} {' '.join(json.dumps(c) for c in command)}"
    width, height = size
    tmux("new-session", "-d", "-s", name, "-x", str(width), "-y", str(height), shell)
    time.sleep(0.3)
    return int(tmux("list-panes", "-t", name, "-F", "#{pane_pid}").split()[0])


def stop_server() -> None:
    tmux("kill-server")


class PaneReader:
    """Reads one pane's text, fast, through a control-mode client of its own session."""

    def __init__(self, target: str) -> None:
        self.target = target
        self.session = f"reader-{os.getpid()}-{next(_readers)}"
        self._client = subprocess.Popen(
            ["tmux", "-L", SOCKET, "-C", "new-session", "-s", self.session, "sleep 1d"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        # The client greets with answers of its own: read up to the answer to a marker, so
        # that from then on each answer read is the one to the command just sent.
        marker = "runstrong-bench-ready"
        answer = self._ask(f"display-message -p {marker}")
        while answer != [marker]:
            if self._client.poll() is not None:
                raise RuntimeError(f"tmux control client ended: {self._client.returncode}")
            answer = self._answer()

    def read(self) -> list[str]:
        return self._ask(f"capture-pane -p -t {self.target}")

    def _ask(self, command: str) -> list[str]:
        assert self._client.stdin is not None and self._client.stdout is not None
        self._client.stdin.write(command + "\n")
        self._client.stdin.flush()
        return self._answer()

    def _answer(self) -> list[str]:
        assert self._client.stdout is not None
        lines: list[str] = []
        inside = False
        for line in self._client.stdout:
            line = line.rstrip("\n")
            if line.startswith("%begin"):
                inside, lines = True, []
            elif line.startswith(("%end", "%error")) and inside:
                return lines
            elif inside:
                lines.append(line)
        return lines

    def close(self) -> None:
        if self._client.stdin is not None:
            self._client.stdin.close()
        self._client.terminate()
        self._client.wait(timeout=5)
        tmux("kill-session", "-t", self.session)
