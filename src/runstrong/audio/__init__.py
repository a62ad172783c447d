"""Sound and spoken cues: cue name in, sound out, never blocking the timer, never crashing.

Why it is shaped like this (measured on Python 3.11-3.13 with simpleaudio 1.0.4):
- simpleaudio plays reliably in-process on Python 3.11 but can segfault on 3.12+, and a
  segfault cannot be caught: it would kill the TUI mid-session. On 3.12+ it therefore only
  ever runs in a helper process (`runstrong.audio.play_helper`), which is restarted if it dies.
- ALSA writes its error lines straight to file descriptor 2, which garbles a Textual screen.
  In-process we install a no-op ALSA error handler; child processes get stderr=/dev/null.
- Without the extra, a system player (aplay, paplay, pw-play, afplay) plays each cue as a
  child process; without one of those, the terminal bell is the last resort.
Every backend reports its first failure once (`on_problem`) and then stays quiet.
"""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Callable, Mapping
from typing import Any

from runstrong.audio.base import (
    MAX_CHILDREN,
    BellPlayer,
    NullPlayer,
    Player,
    Problem,
    sound_files,
)
from runstrong.audio.processes import CommandPlayer, Speaker
from runstrong.audio.simple import HelperPlayer, SimpleaudioPlayer

__all__ = [
    "MAX_CHILDREN",
    "BellPlayer",
    "CommandPlayer",
    "CuePlayer",
    "HelperPlayer",
    "NullPlayer",
    "Player",
    "SimpleaudioPlayer",
    "Speaker",
    "choose_player",
    "sound_files",
]

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


def choose_tones(
    on_problem: Problem | None, env: Mapping[str, str], bell: Callable[[], None] | None
) -> Player:
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


def choose_player(
    *,
    sound: bool = True,
    voice: bool = False,
    on_problem: Problem | None = None,
    env: Mapping[str, str] | None = None,
    bell: Callable[[], None] | None = None,
) -> Player:
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
                on_problem("Voice is off: no speech program found (install espeak-ng); tones only")
    return CuePlayer(tones, speaker)
