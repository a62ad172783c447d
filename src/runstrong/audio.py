"""Sound and spoken cues: cue name in, sound out, never blocking the timer, never crashing.

Why it is shaped like this (measured in ../shared/tech-notes.md):
- simpleaudio plays reliably in-process on Python 3.11 but can segfault on 3.12+, and a
  segfault cannot be caught: it would kill the TUI mid-session. On 3.12+ it therefore only
  ever runs in a helper process (`runstrong._play_helper`), which is restarted if it dies.
- ALSA writes its error lines straight to file descriptor 2, which garbles a Textual screen.
  In-process we install a no-op ALSA error handler; child processes get stderr=/dev/null.
- Without the extra, a system player (aplay, paplay, pw-play, afplay) plays each cue as a
  child process; without one of those, the terminal bell is the last resort.
Every backend reports its first failure once (`on_problem`) and then stays quiet.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any, Protocol

from runstrong import paths
from runstrong.events import Cue
from runstrong.text import clean_text

Problem = Callable[[str], None]
MAX_CHILDREN = 4
SYSTEM_PLAYERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("aplay", ("-q",)),
    ("paplay", ()),
    ("pw-play", ()),
    ("afplay", ()),
)
SPEAKERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("espeak-ng", ("-s", "165")),
    ("espeak", ("-s", "165")),
    ("spd-say", ("-w",)),
)


class Player(Protocol):
    name: str

    def play(self, cue: str) -> None: ...

    def say(self, text: str) -> None: ...

    def close(self) -> None: ...


def sound_files() -> dict[str, Path]:
    """Cue name -> WAV file, for every cue whose file exists."""
    folder = paths.bundled_sounds()
    found: dict[str, Path] = {}
    for cue in Cue:
        entry = folder / f"{cue.value}.wav"
        if entry.is_file():
            found[cue.value] = Path(str(entry))
    return found


class _Once:
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

    def __init__(self, fail: _Once, what: str) -> None:
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
            child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                     stderr=subprocess.DEVNULL, start_new_session=True)
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


class NullPlayer:
    name = "silent"

    def play(self, cue: str) -> None:
        pass

    def say(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


class BellPlayer:
    """The terminal bell: the app passes its own `bell`, since Textual owns the screen."""

    name = "terminal bell"
    RINGS = frozenset({Cue.GO, Cue.SWITCH, Cue.REST, Cue.COMPLETE})

    def __init__(self, bell: Callable[[], None] | None = None) -> None:
        self.bell = bell

    def play(self, cue: str) -> None:
        # Only the moments that matter: a bell per tick or per rep would be noise.
        if cue in self.RINGS and self.bell is not None:
            self.bell()

    def say(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


class CommandPlayer:
    """A system player run once per cue (`aplay -q tick.wav`)."""

    def __init__(self, command: str, args: tuple[str, ...], files: Mapping[str, Path],
                 on_problem: Problem | None) -> None:
        self.name = Path(command).name
        self.command = command
        self.args = args
        self.files = dict(files)
        self.children = _Children(_Once(on_problem), "Sound")

    def play(self, cue: str) -> None:
        path = self.files.get(str(cue))
        if path is not None:
            self.children.start([self.command, *self.args, str(path)])

    def say(self, text: str) -> None:
        pass

    def close(self) -> None:
        self.children.close()


def _silence_alsa() -> None:
    """Install a no-op ALSA error handler so ALSA never writes over the screen."""
    name = ctypes.util.find_library("asound") or "libasound.so.2"
    try:
        alsa = ctypes.CDLL(name)
    except OSError:
        return
    handler_type = ctypes.CFUNCTYPE(None, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                                    ctypes.c_int, ctypes.c_char_p)
    handler = handler_type(lambda *_: None)
    alsa.snd_lib_error_set_handler(handler)
    _silence_alsa.keep = handler  # type: ignore[attr-defined]  # must outlive this call


class SimpleaudioPlayer:
    """simpleaudio in this process: Python 3.11 only (see the module note)."""

    name = "simpleaudio"

    def __init__(self, module: Any, files: Mapping[str, Path], on_problem: Problem | None
                 ) -> None:
        self.module = module
        self.fail = _Once(on_problem)
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

    def __init__(self, files: Mapping[str, Path], on_problem: Problem | None,
                 python: str = sys.executable) -> None:
        self.files = dict(files)
        self.fail = _Once(on_problem)
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
                [self.python, "-m", "runstrong._play_helper", str(self.folder)],
                stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                start_new_session=True)
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
            elif code == 3:
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


class Speaker:
    """Spoken cues through espeak-ng or spd-say, each as a child process."""

    def __init__(self, command: str, args: tuple[str, ...], on_problem: Problem | None) -> None:
        self.command = command
        self.args = args
        self.children = _Children(_Once(on_problem), "Voice")

    def say(self, text: str) -> None:
        words = clean_text(text)
        if words:
            # An argv element, never a shell: the words come from workout files.
            self.children.start([self.command, *self.args, "--", words]
                                if Path(self.command).name != "spd-say"
                                else [self.command, *self.args, words])

    def close(self) -> None:
        self.children.close()


class CuePlayer:
    """Tones from one backend, words from an optional speaker."""

    def __init__(self, tones: Player, speaker: Speaker | None = None) -> None:
        self.tones = tones
        self.speaker = speaker
        self.name = tones.name + (" + voice" if speaker else "")

    def play(self, cue: str) -> None:
        self.tones.play(cue)

    def say(self, text: str) -> None:
        if self.speaker is not None:
            self.speaker.say(text)

    def close(self) -> None:
        self.tones.close()
        if self.speaker is not None:
            self.speaker.close()


def _which(name: str, env: Mapping[str, str]) -> str | None:
    return shutil.which(name, path=env.get("PATH", os.defpath))


def _simpleaudio() -> Any:
    try:
        import simpleaudio
    except ImportError:
        return None
    return simpleaudio


def choose_tones(on_problem: Problem | None, env: Mapping[str, str],
                 bell: Callable[[], None] | None) -> Player:
    files = sound_files()
    if not files:
        if on_problem is not None:
            on_problem("Sound is off: runstrong's sound files are missing")
        return NullPlayer()
    if _simpleaudio() is not None:
        if sys.version_info < (3, 12):
            return SimpleaudioPlayer(_simpleaudio(), files, on_problem)
        return HelperPlayer(files, on_problem)
    for command, args in SYSTEM_PLAYERS:
        found = _which(command, env)
        if found:
            return CommandPlayer(found, args, files, on_problem)
    return BellPlayer(bell)


def choose_player(*, sound: bool = True, voice: bool = False,
                  on_problem: Problem | None = None,
                  env: Mapping[str, str] | None = None,
                  bell: Callable[[], None] | None = None) -> Player:
    """The best way to play cues here; chosen once, when a session starts."""
    env = os.environ if env is None else env
    if not sound and not voice:
        return NullPlayer()
    tones: Player = choose_tones(on_problem, env, bell) if sound else NullPlayer()
    speaker = None
    if voice:
        for command, args in SPEAKERS:
            found = _which(command, env)
            if found:
                speaker = Speaker(found, args, on_problem)
                break
        else:
            if on_problem is not None:
                on_problem("Voice is off: no speech program found (install espeak-ng); "
                           "tones only")
    return CuePlayer(tones, speaker)
