"""The real simpleaudio path (the `audio` extra), against a recording null sound card."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import wave
from pathlib import Path

import pytest

from runstrong import audio
from runstrong.audio import CuePlayer, HelperPlayer, choose_player, sound_files
from runstrong.session.events import Cue

pytestmark = pytest.mark.slow

simpleaudio = pytest.importorskip("simpleaudio", reason="the audio extra is not installed")


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="in-process only on Python 3.11")
def test_simpleaudio_plays_a_cue_to_completion() -> None:
    recorded = os.environ.get("RUNSTRONG_TEST_ALSA_FILE")
    if not recorded:
        pytest.skip(
            "set ALSA_CONFIG_PATH to a recording null device and "
            "RUNSTRONG_TEST_ALSA_FILE to its file (.ci/run does)"
        )
    path = Path(recorded)
    path.unlink(missing_ok=True)
    player = choose_player()
    assert isinstance(player, CuePlayer) and player.tones.name == "simpleaudio"
    player.play(Cue.COMPLETE)
    assert isinstance(player.tones, audio.SimpleaudioPlayer)
    for playing in player.tones.playing:
        playing.wait_done()
    player.close()
    with wave.open(str(sound_files()["complete"])) as cue:
        frames = cue.getnframes()
    deadline = time.monotonic() + 5
    while not (path.exists() and path.stat().st_size > frames * 2):
        assert time.monotonic() < deadline
        time.sleep(0.02)
    with wave.open(str(path)) as played:
        assert played.getnframes() >= frames


def test_helper_process_plays_a_cue_to_completion() -> None:
    recorded = os.environ.get("RUNSTRONG_TEST_ALSA_FILE")
    if not recorded:
        pytest.skip("needs the recording null device (.ci/run sets it up)")
    path = Path(recorded)
    path.unlink(missing_ok=True)
    player = HelperPlayer(sound_files(), None)
    player.play(Cue.GO)
    for child in player.used:
        assert child.stdin is not None
        child.stdin.close()  # no more cues: the helper finishes playing and ends
        child.wait(timeout=30)  # on 3.12+ perhaps in a segfault, which is the point of it
    with wave.open(str(sound_files()["go"])) as cue:
        frames = cue.getnframes()
    with wave.open(str(path)) as played:
        assert played.getnframes() >= frames
    player.close()


def test_a_burst_of_cues_through_helpers_never_crashes_us() -> None:
    if not os.environ.get("RUNSTRONG_TEST_ALSA_FILE"):
        pytest.skip("needs the recording null device (.ci/run sets it up)")
    problems: list[str] = []
    player = HelperPlayer(sound_files(), problems.append)
    for number in range(50):
        player.play(Cue.REP if number % 10 else Cue.GO)
        time.sleep(0.03)
    player.close()
    assert problems == []


def test_the_app_never_plays_simpleaudio_in_process_on_312() -> None:
    code = (
        "import sys\nfrom runstrong.audio import choose_player\n"
        "p = choose_player()\nprint(p.tones.name)\n"
    )
    name = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    expected = "simpleaudio" if sys.version_info < (3, 12) else "simpleaudio (helper process)"
    assert name == expected


def test_no_sound_device_is_reported_once(tmp_path: Path) -> None:
    config = tmp_path / "asound.conf"
    config.write_text("pcm.!default { type hw card 99 }\n")
    env = {**os.environ, "ALSA_CONFIG_PATH": str(config)}
    code = (
        "import time\nfrom runstrong.audio import HelperPlayer, sound_files\n"
        "from runstrong.session.events import Cue\nproblems = []\n"
        "p = HelperPlayer(sound_files(), problems.append)\n"
        "for _ in range(20):\n    p.play(Cue.TICK)\n    time.sleep(0.05)\n"
        "p.close()\nprint(problems)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['Sound is off: no audio device could play']"
