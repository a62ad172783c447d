"""Choosing a way to play cues, and never blocking or crashing while playing them."""

from __future__ import annotations

import stat
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from runstrong import audio
from runstrong.audio import (
    BellPlayer,
    CommandPlayer,
    CuePlayer,
    HelperPlayer,
    NullPlayer,
    choose_player,
    sound_files,
)
from runstrong.session.events import Cue


def fake_program(folder: Path, name: str, body: str) -> Path:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{body}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


@pytest.fixture
def no_simpleaudio(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(audio, "_simpleaudio", lambda: None)


@pytest.fixture
def bin_dir(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "bin"
    folder.mkdir()
    yield folder


def wait_for(check: object, timeout: float = 5.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():  # type: ignore[operator]
            return
        time.sleep(0.02)
    raise AssertionError("condition not met in time")


def test_system_player_gets_the_right_file(bin_dir: Path, no_simpleaudio: None) -> None:
    log = bin_dir / "log"
    fake_program(bin_dir, "aplay", f'echo "$@" >> {log}')
    player = choose_player(env={"PATH": str(bin_dir)})
    assert isinstance(player, CuePlayer) and isinstance(player.tones, CommandPlayer)
    player.play(Cue.GO)
    wait_for(lambda: log.exists() and log.read_text())
    assert log.read_text().split() == ["-q", str(sound_files()["go"])]
    player.close()


def test_without_any_player_the_bell_rings_for_big_moments(no_simpleaudio: None) -> None:
    rings: list[int] = []
    player = choose_player(env={"PATH": ""}, bell=lambda: rings.append(1))
    assert isinstance(player, CuePlayer) and isinstance(player.tones, BellPlayer)
    for cue in (Cue.TICK, Cue.GO, Cue.REP, Cue.REST):
        player.play(cue)
    assert len(rings) == 2


def test_mute_is_the_null_player() -> None:
    assert isinstance(choose_player(sound=False), NullPlayer)


def test_failing_player_reports_once_and_goes_quiet(bin_dir: Path, no_simpleaudio: None) -> None:
    fake_program(bin_dir, "aplay", "exit 1")
    problems: list[str] = []
    player = choose_player(env={"PATH": str(bin_dir)}, on_problem=problems.append)
    for _ in range(5):
        player.play(Cue.TICK)
        time.sleep(0.05)

    def play_and_look() -> list[str]:
        player.play(Cue.TICK)
        return problems

    wait_for(play_and_look)
    for _ in range(20):
        player.play(Cue.TICK)
    assert len(problems) == 1 and "aplay exited with status 1" in problems[0]
    player.close()


def test_play_never_blocks_on_a_slow_player(bin_dir: Path, no_simpleaudio: None) -> None:
    fake_program(bin_dir, "aplay", "sleep 5")
    player = choose_player(env={"PATH": str(bin_dir)})
    start = time.monotonic()
    for _ in range(10):
        player.play(Cue.TICK)
    assert time.monotonic() - start < 0.5
    assert isinstance(player, CuePlayer) and isinstance(player.tones, CommandPlayer)
    assert len(player.tones.children.running) == audio.MAX_CHILDREN
    player.close()


def test_voice_speaks_clean_text_and_missing_speaker_is_reported(
    bin_dir: Path, no_simpleaudio: None
) -> None:
    log = bin_dir / "spoken"
    fake_program(bin_dir, "espeak-ng", f'echo "$@" >> {log}')
    player = choose_player(sound=False, voice=True, env={"PATH": str(bin_dir)})
    player.say("Get ready: side plank\x1b[31m, left side\x07")
    wait_for(lambda: log.exists() and log.read_text())
    assert log.read_text().strip() == "-s 165 -- Get ready: side plank, left side"
    player.close()
    problems: list[str] = []
    player = choose_player(voice=True, env={"PATH": ""}, on_problem=problems.append)
    player.say("hello")
    assert len(problems) == 1 and "espeak-ng" in problems[0]


def test_helper_that_dies_after_each_cue_still_plays_every_cue(tmp_path: Path) -> None:
    """On 3.12+ simpleaudio segfaults once a cue has played; every cue must still play."""
    log = tmp_path / "played"
    crash = tmp_path / "crash.py"
    crash.write_text(
        "import os, sys\n"
        f"line = sys.stdin.readline()\nopen({str(log)!r}, 'a').write(line)\n"
        "os.kill(os.getpid(), 11)\n"
    )
    problems: list[str] = []
    fake = fake_program(tmp_path, "py", f"exec {sys.executable} {crash}")
    player = HelperPlayer(sound_files(), problems.append, python=str(fake))
    for _ in range(6):
        player.play(Cue.TICK)
        for child in player.used:
            child.wait(timeout=10)
    wait_for(lambda: log.exists() and log.read_text().count("tick") == 6)
    assert problems == []
    player.close()


def test_helper_that_cannot_start_is_reported_once(tmp_path: Path) -> None:
    problems: list[str] = []
    fake = fake_program(tmp_path, "py", "exit 1")
    player = HelperPlayer(sound_files(), problems.append, python=str(fake))
    for _ in range(10):
        player.play(Cue.TICK)
        time.sleep(0.05)
    assert problems == ["Sound is off: the sound helper keeps stopping"]
    player.close()
