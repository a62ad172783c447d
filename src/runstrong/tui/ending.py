"""How the app ends: a hang-up, SIGTERM or a lost terminal ends it cleanly and within
seconds, sets only in memory go to a file, and the exit status and notes say what happened."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from textual.driver import Driver

from runstrong.application.watchdog import Watchdog

if TYPE_CHECKING:
    from runstrong.tui.session_flow import SessionFlow


class EndingHost(Protocol):
    """What the way out needs of the app it ends."""

    @property
    def flow(self) -> SessionFlow: ...

    @property
    def history_path(self) -> Path: ...

    @property
    def return_code(self) -> int | None: ...

    def exit(self, *args: Any, **kwargs: Any) -> object: ...


class AppEnding:
    """The app's way out, held beside it like its session flow."""

    def __init__(self, app: EndingHost) -> None:
        self._app = app
        # Printed after the terminal is given back: where unsaved sets went.
        self.notes: list[str] = []
        self.watchdog = Watchdog()
        self._exit_soon: Callable[[int], object] | None = None
        self._kept = threading.Lock()
        self._restore_signals: Callable[[], None] = lambda: None

    def catch_hang_ups(self) -> None:
        """SIGTERM and a closed terminal (SIGHUP) end the app cleanly: the terminal is put
        back, every completed set is already saved, and the session stays resumable; and
        end the process within seconds even if shutting down gets stuck."""
        from runstrong.application.watchdog import end_on_hang_ups

        if threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()
        app = self._app
        self._exit_soon = lambda code: loop.call_soon_threadsafe(app.exit, None, code)
        with contextlib.suppress(ValueError, OSError):
            self._restore_signals = end_on_hang_ups(self.watchdog, self._exit_soon, self.last_words)

    def driver_class(self, base: type[Driver]) -> type[Driver]:
        """The terminal driver, told to end the app when the terminal is gone."""
        from textual.drivers.linux_driver import LinuxDriver

        from runstrong.tui.terminal_guard import guarded

        return guarded(base, self.terminal_lost) if base is LinuxDriver else base

    def terminal_lost(self) -> None:
        """The terminal is gone (a write failed): end, as after a hang-up. Called from the
        output thread."""
        self.watchdog.arm(128 + signal.SIGHUP, self.last_words)
        if self._exit_soon is not None:
            with contextlib.suppress(RuntimeError):
                self._exit_soon(128 + signal.SIGHUP)

    def last_words(self) -> None:
        """Before the watchdog ends a stuck process: sets only in memory go to a file."""
        self.keep_unsaved(retry=False)

    def keep_unsaved(self, *, retry: bool = True) -> None:
        """Ending (a closed terminal, a kill) with sets the history still does not have and
        no choice made on a summary: they go to a file, and the exit status says so."""
        from runstrong.application.unsaved import rescue
        from runstrong.formatting import counted

        flow = self._app.flow
        # Once: the main thread at unmount or the watchdog's thread, whichever comes first.
        if flow.runner is None or not self._kept.acquire(blocking=False):
            return
        recorder = flow.runner.recorder
        left = recorder.unsaved(retry=retry)
        if left is not None and not flow.unsaved_settled:
            self.notes.append(rescue(left, self._app.history_path, recorder.started))
            flow.lost_sets += left.sets
        elif flow.lost_sets:
            self.notes.append(f"{counted(flow.lost_sets, 'set')} left unsaved, as chosen.")

    def status(self) -> int:
        """0 only when no set is left unsaved: sets only in memory never end with success."""
        from runstrong.exit_codes import EXIT_ERROR

        return EXIT_ERROR if self._app.flow.lost_sets else (self._app.return_code or 0)

    def release(self) -> None:
        """Give the signal handlers back: tests run many apps in one process. A lost
        terminal from here on still arms the watchdog (terminal_guard)."""
        self._restore_signals()
