"""A clock the tests move by hand."""

from __future__ import annotations


class FakeClock:
    def __init__(self, start: float = 1000.0, wall_start: float = 1_700_000_000.0) -> None:
        self.now = start
        self._wall_offset = wall_start - start

    def __call__(self) -> float:
        return self.now

    def wall(self) -> float:
        return self.now + self._wall_offset

    def advance(self, seconds: float) -> None:
        self.now += seconds


class FakePlayer:
    """Records what would have been played or said."""

    name = "fake"

    def __init__(self) -> None:
        self.played: list[str] = []
        self.said: list[str] = []
        self.closed = False

    def play(self, cue: str) -> None:
        self.played.append(str(cue))

    def say(self, text: str) -> None:
        self.said.append(text)

    def close(self) -> None:
        self.closed = True
