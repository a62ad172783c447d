"""Synthesise runstrong's sound cues into sounds/*.wav (stdlib only, deterministic).

    python scripts/make_sounds.py [OUTPUT_DIR]

Every cue is built from sine notes with a short attack and an exponential decay, so nothing
clicks. They differ in pitch, rhythm and direction so a person on a mat can tell them apart
without looking: ticks are short and high, work starts rising, rest falls, switch alternates.
"""

from __future__ import annotations

import math
import struct
import sys
import wave
from pathlib import Path

RATE = 22_050
Note = tuple[float, float, float]  # frequency (Hz, 0 = silence), seconds, loudness 0-1


def _note(frequency: float, seconds: float, loudness: float) -> list[float]:
    count = int(RATE * seconds)
    attack = max(1, int(RATE * 0.005))
    samples = []
    for n in range(count):
        if frequency <= 0:
            samples.append(0.0)
            continue
        envelope = min(1.0, n / attack) * math.exp(-4.0 * n / count)
        # A quiet octave above gives the tone some body on laptop speakers.
        tone = math.sin(2 * math.pi * frequency * n / RATE)
        tone += 0.25 * math.sin(4 * math.pi * frequency * n / RATE)
        samples.append(loudness * envelope * tone / 1.25)
    release = min(count, int(RATE * 0.01))
    for n in range(release):  # fade the last 10 ms to zero
        samples[count - release + n] *= 1 - n / release
    return samples


def _chord(frequencies: tuple[float, ...], seconds: float, loudness: float) -> list[float]:
    voices = [_note(f, seconds, loudness / len(frequencies)) for f in frequencies]
    return [sum(values) for values in zip(*voices, strict=True)]


CUES: dict[str, list[Note] | tuple[tuple[float, ...], float, float]] = {
    "tick": [(1760.0, 0.07, 0.6)],
    "go": [(784.0, 0.12, 0.7), (1175.0, 0.22, 0.8)],
    "halfway": [(988.0, 0.12, 0.5), (0.0, 0.06, 0.0), (988.0, 0.12, 0.5)],
    "switch": [(1319.0, 0.09, 0.7), (880.0, 0.09, 0.7), (1319.0, 0.09, 0.7), (880.0, 0.14, 0.7)],
    "rest": [(880.0, 0.16, 0.6), (659.0, 0.16, 0.6), (523.0, 0.32, 0.6)],
    "set_done": ((523.0, 659.0, 784.0), 0.30, 0.8),
    "complete": [(523.0, 0.14, 0.7), (659.0, 0.14, 0.7), (784.0, 0.14, 0.7), (1047.0, 0.55, 0.8)],
    "rep": [(440.0, 0.05, 0.3)],
}


def render(spec: list[Note] | tuple[tuple[float, ...], float, float]) -> list[float]:
    if isinstance(spec, tuple):
        return _chord(*spec)
    samples: list[float] = []
    for frequency, seconds, loudness in spec:
        samples += _note(frequency, seconds, loudness)
    return samples


def write(path: Path, samples: list[float]) -> None:
    frames = b"".join(struct.pack("<h", int(max(-1.0, min(1.0, s)) * 32000)) for s in samples)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(frames)


def main(argv: list[str]) -> int:
    folder = Path(argv[1]) if len(argv) > 1 else Path(__file__).resolve().parents[1] / "sounds"
    folder.mkdir(parents=True, exist_ok=True)
    for name, spec in CUES.items():
        write(folder / f"{name}.wav", render(spec))
    print(f"wrote {len(CUES)} cues to {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
