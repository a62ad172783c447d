"""The floors runstrong is measured against: bare Textual apps doing the least that counts.

`startup`: a Header, a Label, Digits and a Footer, exiting after its first frame.
`ticker`: Digits and a ProgressBar updated at 4 Hz, like a hold counting down.
"""

from __future__ import annotations

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


if __name__ == "__main__":
    (StartupFloor if sys.argv[1] == "startup" else TickerFloor)().run()
