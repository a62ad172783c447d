"""The last guarantee that the process ends: once it has been told to end (a closed terminal,
SIGTERM, SIGHUP), it is gone within a few seconds, whatever the UI toolkit is stuck in.

A closed terminal could leave the main thread blocked for ever in the UI's shutdown (its
output thread died on the closed terminal and a bounded queue to it filled up). Every set is
committed the moment it is logged, so ending the process then loses nothing; sets the history
could not take are written to a file first (`last_words`)."""

from __future__ import annotations

import contextlib
import os
import signal
import threading
import time
from collections.abc import Callable

GRACE_SECONDS = 3.0


class Watchdog:
    def __init__(self, grace: float = GRACE_SECONDS) -> None:
        self.grace = grace
        self._armed: threading.Thread | None = None
        self._lock = threading.Lock()

    @property
    def armed(self) -> bool:
        return self._armed is not None

    def arm(
        self,
        code: int,
        last_words: Callable[[], None] = lambda: None,
        end: Callable[[int], object] = os._exit,
    ) -> None:
        """End the process with `code` after the grace period, unless it ended by itself.
        Arming twice keeps the first deadline. Safe to call from a signal handler."""
        with self._lock:
            if self._armed is not None:
                return

            def wait_then_end() -> None:
                time.sleep(self.grace)
                with contextlib.suppress(Exception):
                    last_words()
                end(code)

            # A daemon thread: a process that ends normally does not wait for it.
            self._armed = threading.Thread(
                target=wait_then_end, name="runstrong-exit-watchdog", daemon=True
            )
            self._armed.start()


HANG_UPS = (signal.SIGTERM, signal.SIGHUP)


def end_on_hang_ups(
    watchdog: Watchdog, exit_soon: Callable[[int], object], last_words: Callable[[], None]
) -> Callable[[], None]:
    """SIGTERM and SIGHUP: ask the app to end (`exit_soon(128 + signal)`, which must be safe
    from a signal handler) and arm the watchdog. Plain handlers rather than the event loop's:
    they run even while the loop is stuck, which is exactly when they are needed. A hang-up
    also brings SIGCONT, which from then on resumes nothing. Returns what puts the earlier
    handlers back."""

    def on_signal(number: int, _frame: object) -> None:
        signal.signal(signal.SIGCONT, signal.SIG_DFL)
        watchdog.arm(128 + number, last_words)
        with contextlib.suppress(RuntimeError):  # the loop has already closed
            exit_soon(128 + number)

    before = {number: signal.signal(number, on_signal) for number in HANG_UPS}

    def restore() -> None:
        for number, handler in before.items():
            signal.signal(number, handler)

    return restore
