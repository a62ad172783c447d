"""Cue players that run other programs: system players and speech, one child per cue."""

from __future__ import annotations

import contextlib
import subprocess
from collections.abc import Mapping
from pathlib import Path

from runstrong.audio.base import MAX_CHILDREN, Problem
from runstrong.text import clean_text


class ReportOnce:
    """Reports the first problem of one kind, and remembers that something failed."""

    def __init__(self, on_problem: Problem | None) -> None:
        self.on_problem = on_problem
        self.failed = False

    def __call__(self, message: str) -> None:
        if self.failed:
            return
        self.failed = True
        if self.on_problem is not None:
            # A notice must never take the session down.
            with contextlib.suppress(Exception):
                self.on_problem(message)


class _Children:
    """Short-lived child processes: started detached, reaped later, never waited on."""

    def __init__(self, fail: ReportOnce, what: str) -> None:
        self.running: list[subprocess.Popen[bytes]] = []
        self.fail = fail
        self.what = what
        self.program = ""

    def reap(self) -> None:
        still: list[subprocess.Popen[bytes]] = []
        for child in self.running:
            code = child.poll()
            if code is None:
                still.append(child)
            elif code != 0:
                self.fail(f"{self.what} stopped: {self.program} exited with status {code}")
        self.running = still

    def start(self, argv: list[str]) -> None:
        self.reap()
        if self.fail.failed or len(self.running) >= MAX_CHILDREN:
            return  # a cue dropped is better than a pile of players
        self.program = Path(argv[0]).name
        try:
            child = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        except OSError as error:
            self.fail(f"{self.what} stopped: cannot run {argv[0]} ({error.strerror or error})")
            return
        self.running.append(child)

    def close(self) -> None:
        for child in self.running:
            if child.poll() is None:
                child.kill()
                child.wait()
        self.running = []


class CommandPlayer:
    """A system player run once per cue (`aplay -q tick.wav`)."""

    def __init__(
        self,
        command: str,
        args: tuple[str, ...],
        files: Mapping[str, Path],
        on_problem: Problem | None,
    ) -> None:
        self.name = Path(command).name
        self.command = command
        self.args = args
        self.files = dict(files)
        self.children = _Children(ReportOnce(on_problem), "Sound")

    def play(self, cue: str) -> None:
        path = self.files.get(str(cue))
        if path is not None:
            self.children.start([self.command, *self.args, str(path)])

    def say(self, text: str) -> None:
        pass

    def close(self) -> None:
        self.children.close()


class Speaker:
    """Spoken cues through espeak-ng or spd-say, each as a child process."""

    def __init__(self, command: str, args: tuple[str, ...], on_problem: Problem | None) -> None:
        self.command = command
        self.args = args
        self.children = _Children(ReportOnce(on_problem), "Voice")

    def say(self, text: str) -> None:
        words = clean_text(text)
        if words:
            # An argv element, never a shell: the words come from workout files.
            self.children.start(
                [self.command, *self.args, "--", words]
                if Path(self.command).name != "spd-say"
                else [self.command, *self.args, words]
            )

    def close(self) -> None:
        self.children.close()
