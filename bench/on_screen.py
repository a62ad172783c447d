"""What a person sees, when: a session in a real tmux pane, read every 7 ms, set against the
moments the engine planned (logged by bench/watched_session.py on the same monotonic clock).

Two figures: how late (or early) each change of the big digits lands on screen against the
whole second it stands for, and how long HOLD stays on screen against the hold's length.
"""

from __future__ import annotations

import itertools
import json
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.pane import PaneReader, start, tmux

POLL_SECONDS = 0.007
WORDS = ("GET READY", "HOLD", "REST", "DONE")
BLOCK = "█"
# An observed change further than this from every planned moment is counted as stray.
MATCH_SECONDS = 0.2


@dataclass(frozen=True, slots=True)
class Seen:
    """One read of the pane: when it was taken (the middle of the read) and what it showed."""

    at: float
    digits: str
    word: str


@dataclass(frozen=True, slots=True)
class Timing:
    lateness: list[float]
    """For each planned change of the digits: seen minus planned, in seconds."""
    missed: int
    stray: int
    holds: list[tuple[float, float]]
    """(seconds HOLD was on screen, the hold's length) for each hold."""
    read_every: float
    """Median time between two reads of the pane."""


def _digits(lines: list[str]) -> str:
    # Only the clock draws full blocks (the bar is line drawing, the figure braille).
    return "\n".join("".join(c if c == BLOCK else " " for c in line) for line in lines)


def _word(lines: list[str]) -> str:
    top = " ".join(lines[1:4])
    return next((w for w in WORDS if w in top), "")


def watch(body: str, settings: str, seconds: float, size: tuple[int, int] = (80, 24)) -> Timing:
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        (tmp / "c").mkdir()
        (tmp / "c" / "settings.toml").write_text(settings)
        path = tmp / "s.toml"
        path.write_text(f'[session]\nname = "Timing check"\n{body}')
        log = tmp / "steps.jsonl"
        env = {
            "RUNSTRONG_CONFIG_DIR": str(tmp / "c"),
            "RUNSTRONG_DATA_DIR": str(tmp / "d"),
            "TERM": "xterm-256color",
            "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
        }
        watched = str(Path(__file__).with_name("watched_session.py"))
        start(
            [sys.executable, watched, str(log), "start", str(path), "--mute"], env, "timing", size
        )
        reader = PaneReader("timing")
        seen: list[Seen] = []
        end = time.monotonic() + seconds
        try:
            while time.monotonic() < end:
                before = time.monotonic()
                lines = reader.read()
                after = time.monotonic()
                seen.append(Seen((before + after) / 2, _digits(lines), _word(lines)))
                if seen[-1].word == "DONE" or not lines:
                    break
                time.sleep(max(0.0, POLL_SECONDS - (time.monotonic() - before)))
        finally:
            reader.close()
            tmux("kill-session", "-t", "timing")
        steps = [json.loads(line) for line in log.read_text().splitlines()]
    return analyse(seen, steps)


def analyse(seen: list[Seen], steps: list[dict[str, object]]) -> Timing:
    planned: list[float] = []
    holds: list[tuple[float, float]] = []
    for index, step in enumerate(steps):
        at, length = float(step["at"]), step["seconds"]  # type: ignore[arg-type]
        if index:
            planned.append(at)  # the next step's first number replaces the last one's
        if isinstance(length, (int, float)):
            planned += [at + k for k in range(1, round(length))]
    first = float(steps[0]["at"]) + 0.5  # type: ignore[arg-type]
    changes: list[float] = []
    for earlier, later in itertools.pairwise(seen):
        if later.digits != earlier.digits and later.at > first:
            # It changed some time between the two reads: take the middle.
            changes.append((earlier.at + later.at) / 2)
    lateness: list[float] = []
    missed = 0
    for moment in planned:
        if moment < first or moment > seen[-1].at:
            continue
        nearest = min(changes, key=lambda c: abs(c - moment), default=None)
        if nearest is None or abs(nearest - moment) > MATCH_SECONDS:
            missed += 1
        else:
            lateness.append(nearest - moment)
    stray = sum(1 for c in changes if min(abs(c - m) for m in planned) > MATCH_SECONDS)
    shown_from: float | None = None
    lengths = iter(float(s["seconds"]) for s in steps if s["kind"] == "HOLD")  # type: ignore[arg-type]
    for earlier, later in itertools.pairwise(seen):
        if later.word != earlier.word:
            moment = (earlier.at + later.at) / 2
            if later.word == "HOLD":
                shown_from = moment
            elif earlier.word == "HOLD" and shown_from is not None:
                holds.append((moment - shown_from, next(lengths)))
    gaps = [b.at - a.at for a, b in itertools.pairwise(seen)]
    return Timing(lateness, missed, stray, holds, statistics.median(gaps) if gaps else 0.0)
