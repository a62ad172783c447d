"""Holds watched in a real terminal: how long does HOLD stay on screen, and do the seconds
land on time?

    python bench/hold_on_screen.py [HOLD_SECONDS]

Reads an 80x24 tmux pane every 7 ms (bench/on_screen.py) through a 3 s GET READY, two holds
and the rest between them. Needs tmux.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.on_screen import watch
from bench.pane import stop_server


def main() -> int:
    hold = int(sys.argv[1]) if len(sys.argv) > 1 else 4
    body = f'rest_between_sets = 3\n[[exercises]]\nname = "Plank"\nsets = 2\nhold = {hold}\n'
    try:
        timing = watch(body, "get_ready = 3\nsound = false\n", 3 + 2 * hold + 3 + 15)
    finally:
        stop_server()
    for shown, length in timing.holds:
        print(f"HOLD on screen {shown:7.3f} s (hold {length:g} s)")
    late = timing.lateness
    print(
        f"{len(late)} changes of the digits: {min(late) * 1000:+.0f} to {max(late) * 1000:+.0f} ms"
        f" from their moment (median {sorted(late)[len(late) // 2] * 1000:+.0f} ms);"
        f" missed {timing.missed}, stray {timing.stray}; pane read every"
        f" {timing.read_every * 1000:.1f} ms"
    )
    worst = max([abs(x) for x in late] + [abs(s - n) for s, n in timing.holds])
    return 0 if worst < 0.03 and not timing.missed else 1


if __name__ == "__main__":
    raise SystemExit(main())
