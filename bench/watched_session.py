"""`runstrong start ...` that also writes down when each step began on the engine's clock.

    python bench/watched_session.py LOG start PATH --mute

The engine's clock is `time.monotonic()`, which on Linux is one clock for every process, so
the benchmark can set what it read off the terminal against the moments the engine planned.
"""

from __future__ import annotations

import json
import sys

from runstrong.cli.main import main
from runstrong.session import engine as module
from runstrong.session.events import Event

log = open(sys.argv[1], "a", buffering=1)  # noqa: SIM115 (open for the process's life)
entered = module.SessionEngine._enter


def _enter(
    self: module.SessionEngine, index: int, at: float, *, lead_in: bool = False
) -> list[Event]:
    events = entered(self, index, at, lead_in=lead_in)
    step = self.step
    log.write(json.dumps({"kind": step.kind.value, "at": at, "seconds": step.seconds}) + "\n")
    return events


module.SessionEngine._enter = _enter  # type: ignore[method-assign]
raise SystemExit(main(sys.argv[2:]))
