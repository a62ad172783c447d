"""The floors runstrong is measured against: bare Textual apps doing the least that counts.

`startup`: a Header, a Label, Digits and a Footer, exiting after its first frame.
`ticker`: Digits and a ProgressBar updated at 4 Hz, like a hold counting down.
`beat LOG SECONDS`: Digits counting down, each number set by a timer at its whole second (the
least a Textual app can do to show a second on time); its start goes to LOG as a step.
"""

from __future__ import annotations

import json
import math
import sys
import time

from textual.app import App, ComposeResult
from textual.widgets import Digits, Footer, Header, Label, ProgressBar


class StartupFloor(App[None]):
    def compose(self) -> ComposeResult:
        yield Header()
        yield Label("runstrong")
        yield Digits("0:30")
        yield Footer()

    def on_mount(self) -> None:
        self.call_after_refresh(self.exit)


class TickerFloor(App[None]):
    def compose(self) -> ComposeResult:
        yield Digits("30")
        yield ProgressBar(total=30, show_eta=False)

    def on_mount(self) -> None:
        self.start = time.monotonic()
        self.set_interval(0.25, self.tick)

    def tick(self) -> None:
        left = max(0.0, 30 - (time.monotonic() - self.start))
        self.query_one(Digits).update(str(int(left) + 1))
        self.query_one(ProgressBar).update(progress=30 - left)


class BeatFloor(App[None]):
    def __init__(self, log: str, seconds: int) -> None:
        super().__init__()
        self.log_path, self.seconds = log, seconds

    def compose(self) -> ComposeResult:
        yield Digits(str(self.seconds))

    def on_mount(self) -> None:
        self.start = time.monotonic()
        step = {"kind": "HOLD", "at": self.start, "seconds": self.seconds}
        with open(self.log_path, "w") as log:
            log.write(json.dumps(step) + "\n")
        self.wake()

    def wake(self) -> None:
        left = self.seconds - (time.monotonic() - self.start)
        shown = max(0, math.ceil(left - 1e-6))
        self.query_one(Digits).update(str(shown))
        if shown:
            self.set_timer(left - (shown - 1) + 0.002, self.wake)


if __name__ == "__main__":
    if sys.argv[1] == "beat":
        BeatFloor(sys.argv[2], int(sys.argv[3])).run()
    else:
        (StartupFloor if sys.argv[1] == "startup" else TickerFloor)().run()
