"""A terminal that has gone away (a closed window, a dropped SSH link) gets no more writes.

Textual writes the screen from an output thread fed by a bounded queue. When the terminal
closes, a write raises EIO and that thread dies; the hang-up also brings SIGCONT, on which
Textual starts application mode again with a fresh output thread that dies the same way.
Shutting down then puts into the full queue of a dead thread and blocks for ever (measured:
about 1 run in 50, more with the machine busy). Here the output swallows the first error,
says the terminal is lost, and takes no more writes, so the thread never dies; SIGCONT after
that starts nothing; and closing does not wait for the output thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import IO, Any

from textual.driver import Driver


class GuardedOutput:
    """The terminal as a file whose writes never raise: after the first failure, none."""

    def __init__(self, file: IO[str] | GuardedOutput, on_lost: Callable[[], None]) -> None:
        self._file = file
        self._on_lost = on_lost
        self.lost = threading.Event()

    def _lose(self) -> None:
        if not self.lost.is_set():
            self.lost.set()
            self._on_lost()

    def write(self, text: str) -> int:
        if not self.lost.is_set():
            try:
                self._file.write(text)
            except (OSError, ValueError):
                self._lose()
        return len(text)

    def flush(self) -> None:
        if not self.lost.is_set():
            try:
                self._file.flush()
            except (OSError, ValueError):
                self._lose()

    def fileno(self) -> int:
        return self._file.fileno()

    def isatty(self) -> bool:
        return True

    def __getattr__(self, name: str) -> Any:
        return getattr(self._file, name)


def guarded(base: type[Driver], on_lost: Callable[[], None]) -> type[Driver]:
    """`base` (Textual's Linux driver) writing through a GuardedOutput."""

    class GuardedDriver(base):  # type: ignore[misc, valid-type]
        _file: IO[str] | GuardedOutput

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self.output = GuardedOutput(self._file, on_lost)
            self._file = self.output

        def _sigcont_application(self, *args: Any) -> None:
            if not self.output.lost.is_set():
                super()._sigcont_application(*args)

        def write(self, data: str) -> None:
            if not self.output.lost.is_set():
                super().write(data)

        def close(self) -> None:
            # The output thread may never drain into a terminal that is gone.
            if not self.output.lost.is_set():
                super().close()

    return GuardedDriver
