"""Holds watched in a real terminal: how long does HOLD stay on screen, and do the seconds
land on time?

    python bench/hold_on_screen.py [HOLD_SECONDS]

Reads an 80x24 tmux pane every 7 ms (bench/on_screen.py) through a 3 s GET READY, three holds
and the rests between them, and the same for a bare Textual app that sets Digits on each
second (the floor on this machine, now). Needs tmux.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.on_screen import watch, watch_floor
from bench.pane import stop_server


def ms(values: list[float]) -> str:
    if not values:
        return "none seen"
    ordered = sorted(values)
    return (
        f"median {ordered[len(ordered) // 2] * 1000:+.0f} ms, "
        f"{ordered[0] * 1000:+.0f} to {ordered[-1] * 1000:+.0f} ms"
    )


def main() -> int:
    hold = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    body = f'rest_between_sets = 3\n[[exercises]]\nname = "Plank"\nsets = 3\nhold = {hold}\n'
    try:
        floor = watch_floor(hold + 2)
        timing = watch(body, "get_ready = 3\nsound = false\n", 3 + 3 * hold + 6 + 15)
    finally:
        stop_server()
    for shown, length in timing.holds:
        print(f"HOLD on screen {shown:7.3f} s (hold {length:g} s)")
    print(f"each second ({len(timing.seconds)}): {ms(timing.seconds)} from its moment")
    print(f"each change of step ({len(timing.steps)}): {ms(timing.steps)}")
    print(
        f"missed {timing.missed}, stray {timing.stray}; pane read every"
        f" {timing.read_every * 1000:.1f} ms"
    )
    print(f"floor, a bare Textual app setting Digits on the second: {ms(floor.seconds)}")
    worst = max([abs(x) for x in timing.seconds] + [abs(s - n) for s, n in timing.holds])
    return 0 if worst < 0.03 and not timing.missed else 1


if __name__ == "__main__":
    raise SystemExit(main())
