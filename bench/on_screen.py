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
from collections.abc import Callable
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
    seconds: list[float]
    """For each whole second within a step: when its number was seen minus when it was due."""
    steps: list[float]
    """The same for each change of step (the next step's first number replacing the last)."""
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
    """A runstrong session (`body` of its TOML, `settings.toml`) watched for `seconds`."""
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        (tmp / "c").mkdir()
        (tmp / "c" / "settings.toml").write_text(settings)
        path = tmp / "s.toml"
        path.write_text(f'[session]\nname = "Timing check"\n{body}')
        env = {
            "RUNSTRONG_CONFIG_DIR": str(tmp / "c"),
            "RUNSTRONG_DATA_DIR": str(tmp / "d"),
        }
        watched = str(Path(__file__).with_name("watched_session.py"))
        log = tmp / "steps.jsonl"
        command = [sys.executable, watched, str(log), "start", str(path), "--mute"]
        return _watch(command, env, log, seconds, size, _digits)


def watch_floor(seconds: int, size: tuple[int, int] = (80, 24)) -> Timing:
    """The floor: a bare Textual app whose Digits count down on the second (bare_apps.py)."""
    with tempfile.TemporaryDirectory() as name:
        log = Path(name) / "steps.jsonl"
        bare = str(Path(__file__).with_name("bare_apps.py"))
        command = [sys.executable, bare, "beat", str(log), str(seconds)]
        # Its screen is the Digits alone: any change of the pane is a change of the number.
        return _watch(command, {}, log, seconds + 5, size, "\n".join)


def _watch(
    command: list[str],
    env: dict[str, str],
    log: Path,
    seconds: float,
    size: tuple[int, int],
    digits: Callable[[list[str]], str],
) -> Timing:
    env = {
        **env,
        "TERM": "xterm-256color",
        "PYTHONPATH": str(Path(__file__).resolve().parents[1]),
    }
    start(command, env, "timing", size)
    reader = PaneReader("timing")
    seen: list[Seen] = []
    end = time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            before = time.monotonic()
            lines = reader.read()
            after = time.monotonic()
            seen.append(Seen((before + after) / 2, digits(lines), _word(lines)))
            if seen[-1].word == "DONE" or not lines:
                break
            time.sleep(max(0.0, POLL_SECONDS - (time.monotonic() - before)))
    finally:
        reader.close()
        tmux("kill-session", "-t", "timing")
    steps = [json.loads(line) for line in log.read_text().splitlines()]
    return analyse(seen, steps)


def analyse(seen: list[Seen], steps: list[dict[str, object]]) -> Timing:
    starts = [float(step["at"]) for step in steps]  # type: ignore[arg-type]
    # The session's end brings the summary screen, another matter: watch up to it.
    until = min(
        [seen[-1].at] + [a for a, s in zip(starts, steps, strict=True) if s["kind"] == "DONE"]
    )
    seconds: list[float] = []
    for at, step in zip(starts, steps, strict=True):
        length = step["seconds"]
        if isinstance(length, (int, float)):
            seconds += [at + k for k in range(1, round(length))]
    changes_of_step = [at for at in starts[1:] if at < until]
    first = starts[0] + 0.5
    changes: list[float] = []
    for earlier, later in itertools.pairwise(seen):
        if later.digits != earlier.digits and first < later.at < until + MATCH_SECONDS:
            # It changed some time between the two reads: take the middle.
            changes.append((earlier.at + later.at) / 2)
    planned = sorted(seconds + changes_of_step)
    late: dict[float, float] = {}
    missed = 0
    for moment in planned:
        if moment < first or moment >= until:
            continue
        nearest = min(changes, key=lambda c: abs(c - moment), default=None)
        if nearest is None or abs(nearest - moment) > MATCH_SECONDS:
            missed += 1
        else:
            late[moment] = nearest - moment
    stray = sum(1 for c in changes if min(abs(c - m) for m in planned) > MATCH_SECONDS)
    holds: list[tuple[float, float]] = []
    shown_from: float | None = None
    lengths = iter(float(s["seconds"]) for s in steps if s["kind"] == "HOLD")  # type: ignore[arg-type]
    for earlier, later in itertools.pairwise(seen):
        if later.word != earlier.word:
            moment = (earlier.at + later.at) / 2
            if later.word == "HOLD":
                shown_from = moment
            elif earlier.word == "HOLD" and shown_from is not None:
                length = next(lengths)
                if later.word == "REST":
                    holds.append((moment - shown_from, length))
    gaps = [b.at - a.at for a, b in itertools.pairwise(seen)]
    return Timing(
        seconds=[late[m] for m in seconds if m in late],
        steps=[late[m] for m in changes_of_step if m in late],
        missed=missed,
        stray=stray,
        holds=holds,
        read_every=statistics.median(gaps) if gaps else 0.0,
    )
