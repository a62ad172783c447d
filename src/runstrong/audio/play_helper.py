"""Plays cue names read from stdin with simpleaudio, in its own process.

On Python 3.12+ simpleaudio can segfault; run here, a crash ends only this helper, and the
app starts another. Exit status 3 means no audio device.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any


def main(argv: list[str]) -> int:
    import simpleaudio

    folder = Path(argv[1])
    waves: dict[str, Any] = {}
    playing: list[Any] = []
    for line in sys.stdin:
        name = line.strip()
        if not name.isidentifier():
            continue
        if name not in waves:
            path = folder / f"{name}.wav"
            if not path.is_file():
                continue
            waves[name] = simpleaudio.WaveObject.from_wave_file(str(path))
        playing = [p for p in playing if p.is_playing()]
        try:
            playing.append(waves[name].play())
        except Exception:  # simpleaudio's SimpleaudioError: no device to play on
            return 3
    for play in playing:
        play.wait_done()
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
