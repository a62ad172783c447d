"""What every cue player offers, and the sound files they play."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from runstrong import paths
from runstrong.session.events import Cue

Problem = Callable[[str], None]
MAX_CHILDREN = 4


class Player(Protocol):
    name: str

    def play(self, cue: str) -> None: ...

    def say(self, text: str) -> None: ...

    def close(self) -> None: ...


def sound_files() -> dict[str, Path]:
    """Cue name -> WAV file, for every cue whose file exists."""
    folder = paths.bundled_sounds()
    found: dict[str, Path] = {}
    for cue in Cue:
        entry = folder / f"{cue.value}.wav"
        if entry.is_file():
            found[cue.value] = Path(str(entry))
    return found


class NullPlayer:
    name = "silent"

    def play(self, cue: str) -> None:
        pass

    def say(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass


class BellPlayer:
    """The terminal bell: the app passes its own `bell`, since Textual owns the screen."""

    name = "terminal bell"
    RINGS = frozenset({Cue.GO, Cue.SWITCH, Cue.REST, Cue.COMPLETE})

    def __init__(self, bell: Callable[[], None] | None = None) -> None:
        self.bell = bell

    def play(self, cue: str) -> None:
        # Only the moments that matter: a bell per tick or per rep would be noise.
        if cue in self.RINGS and self.bell is not None:
            self.bell()

    def say(self, text: str) -> None:
        pass

    def close(self) -> None:
        pass
