"""Issue 20: after a hang-up the process ends within seconds, and a terminal that is gone
gets no more writes (the slow end-to-end proof is tests/test_closed_terminal.py)."""

from __future__ import annotations

import errno
import io
import threading

from runstrong.application.watchdog import Watchdog
from runstrong.tui.terminal_guard import GuardedOutput


def test_the_watchdog_says_its_last_words_then_ends_the_process() -> None:
    done = threading.Event()
    said: list[str] = []
    ended: list[int] = []

    def end(code: int) -> None:
        ended.append(code)
        done.set()

    watchdog = Watchdog(grace=0.01)
    assert not watchdog.armed
    watchdog.arm(129, lambda: said.append("unsaved sets written"), end)
    watchdog.arm(143, lambda: said.append("again"), end)  # the first deadline holds
    assert done.wait(5)
    assert said == ["unsaved sets written"] and ended == [129]


def test_last_words_that_fail_do_not_stop_the_end() -> None:
    done = threading.Event()

    def fail() -> None:
        raise OSError("disk gone")

    watchdog = Watchdog(grace=0.01)
    watchdog.arm(129, fail, lambda code: done.set())
    assert done.wait(5)


class ClosedTerminal(io.StringIO):
    def __init__(self) -> None:
        super().__init__()
        self.writes = 0

    def write(self, text: str) -> int:
        self.writes += 1
        raise OSError(errno.EIO, "Input/output error")


def test_a_closed_terminal_is_written_to_once_and_never_raises() -> None:
    lost: list[bool] = []
    terminal = ClosedTerminal()
    output = GuardedOutput(terminal, lambda: lost.append(True))
    for _ in range(100):
        assert output.write("\x1b[?1049l") == len("\x1b[?1049l")
        output.flush()
    assert terminal.writes == 1 and lost == [True] and output.lost.is_set()


def test_a_live_terminal_gets_every_write() -> None:
    terminal = io.StringIO()
    output = GuardedOutput(terminal, lambda: None)
    output.write("a")
    output.write("b")
    output.flush()
    assert terminal.getvalue() == "ab" and not output.lost.is_set()
