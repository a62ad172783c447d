"""simpleaudio, in this process on Python 3.11 and in helper processes on 3.12+."""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import subprocess
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from runstrong.audio.base import Problem
from runstrong.audio.processes import ReportOnce


def _silence_alsa() -> None:
    """Install a no-op ALSA error handler so ALSA never writes over the screen."""
    name = ctypes.util.find_library("asound") or "libasound.so.2"
    try:
        alsa = ctypes.CDLL(name)
    except OSError:
        return
    handler_type = ctypes.CFUNCTYPE(
        None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p
    )
    handler = handler_type(lambda *_: None)
    alsa.snd_lib_error_set_handler(handler)
    _silence_alsa.keep = handler  # type: ignore[attr-defined]  # must outlive this call


class SimpleaudioPlayer:
    """simpleaudio in this process: Python 3.11 only (see the module note)."""

    name = "simpleaudio"

    def __init__(self, module: Any, files: Mapping[str, Path], on_problem: Problem | None) -> None:
        self.module = module
        self.fail = ReportOnce(on_problem)
        self.waves: dict[str, Any] = {}
        _silence_alsa()
        for cue, path in files.items():
            try:
                self.waves[cue] = module.WaveObject.from_wave_file(str(path))
            except Exception as error:  # a broken file silences that cue only
                self.fail(f"Sound file {path.name} could not be read ({error})")
        self.playing: list[Any] = []

    def play(self, cue: str) -> None:
        wave = self.waves.get(str(cue))
        if wave is None or self.fail.failed:
            return
        self.playing = [p for p in self.playing if p.is_playing()]
        try:
            self.playing.append(wave.play())  # returns at once; playback has its own thread
        except Exception as error:  # SimpleaudioError: no device
            self.fail(f"Sound is off: no audio device could play ({error})")

    def say(self, text: str) -> None:
        pass

    def close(self) -> None:
        for playing in self.playing:
            playing.stop()


class HelperPlayer:
    """simpleaudio in helper processes (Python 3.12+), fed cue names on stdin.

    Measured here: on 3.12 the helper plays a cue to the end and then segfaults as the
    playback thread finishes. So a helper is expected to die after a cue; a spare one is
    started as soon as the current one is used, so the next cue does not wait for a Python
    start-up. Only helpers that die before they were given anything count as failures.
    """

    name = "simpleaudio (helper process)"
    RESTARTS = 3

    def __init__(
        self, files: Mapping[str, Path], on_problem: Problem | None, python: str = sys.executable
    ) -> None:
        self.files = dict(files)
        self.fail = ReportOnce(on_problem)
        self.python = python
        self.folder = next(iter(self.files.values())).parent if self.files else Path(".")
        self.child: subprocess.Popen[bytes] | None = None
        self.spare: subprocess.Popen[bytes] | None = None
        self.used: list[subprocess.Popen[bytes]] = []
        self.restarts = 0
        self.child = self._start()

    def _start(self) -> subprocess.Popen[bytes] | None:
        try:
            child = subprocess.Popen(
                [self.python, "-m", "runstrong.audio.play_helper", str(self.folder)],
                stdin=subprocess.PIPE,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        except OSError as error:
            self.fail(f"Sound is off: the sound helper could not start ({error})")
            return None
        if child.stdin is not None:
            os.set_blocking(child.stdin.fileno(), False)  # a stuck helper must not stall us
        return child

    def _ready(self) -> subprocess.Popen[bytes] | None:
        """A live helper that has not been given a cue yet, or None."""
        for _ in range(self.RESTARTS + 1):
            child = self.child
            if child is not None and child.poll() is None:
                return child
            if child is not None and child.returncode == 3:
                self.fail("Sound is off: no audio device could play")
                return None
            if child is not None:
                _let_go(child)
                self.restarts += 1  # died before it was given anything
                if self.restarts > self.RESTARTS:
                    self.fail("Sound is off: the sound helper keeps stopping")
                    return None
            self.child, self.spare = (self.spare or self._start()), None
        return None

    def _reap(self) -> None:
        """Drop finished helpers; a crash after playing is expected, an error exit is not."""
        alive = []
        for child in self.used:
            code = child.poll()
            if code is None:
                alive.append(child)
                continue
            _let_go(child)
            if code == 3:
                self.fail("Sound is off: no audio device could play")
            elif code > 0:
                self.restarts += 1
                if self.restarts > self.RESTARTS:
                    self.fail("Sound is off: the sound helper keeps stopping")
            else:
                self.restarts = 0
        self.used = alive

    def play(self, cue: str) -> None:
        if self.fail.failed or str(cue) not in self.files:
            return
        self._reap()
        if self.fail.failed:
            return
        target = self.used[-1] if self.used else None
        if target is None:
            target = self._ready()
            if target is None:
                return
            self.child = None
            self.used.append(target)
            if self.spare is None:
                self.spare = self._start()
        if target.stdin is None:
            return
        try:
            target.stdin.write(f"{cue}\n".encode())
            target.stdin.flush()
        except (BlockingIOError, BrokenPipeError, OSError):
            pass  # dropped: a cue is not worth blocking the timer for

    def say(self, text: str) -> None:
        pass

    def close(self) -> None:
        for child in [self.child, self.spare, *self.used]:
            if child is not None and child.poll() is None:
                child.kill()
                child.wait()
            if child is not None:
                _let_go(child)


def _let_go(child: subprocess.Popen[bytes]) -> None:
    """Close our end of a finished helper's pipe now: left to the garbage collector, a cue
    still buffered for it raises BrokenPipeError there, where nothing can catch it."""
    if child.stdin is not None:
        with contextlib.suppress(OSError):
            child.stdin.close()
