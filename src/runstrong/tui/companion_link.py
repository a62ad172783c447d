"""The session screen's link to the companion page: starts the server on request, feeds it the
session's state after every change, and turns the page's buttons into the session runner's
commands, so a tap on the phone and a key on the laptop take exactly the same path."""

from __future__ import annotations

from typing import TYPE_CHECKING

from runstrong.companion.feed import Command, FigureCache, state

if TYPE_CHECKING:
    from runstrong.application.runner import SessionRunner
    from runstrong.companion.server import CompanionServer

NEEDS_EXTRA = (
    "The phone page needs the companion extra: pip install 'runstrong[companion]' "
    "(aiohttp, aiohttp-sse, segno)."
)
NO_NETWORK = "No home network found: the phone page is on this computer only."


class CompanionLink:
    def __init__(self, runner: SessionRunner, *, lan: bool) -> None:
        self.runner = runner
        self.lan = lan
        self.server: CompanionServer | None = None
        self.notice = ""
        self._figures = FigureCache()

    @property
    def url(self) -> str | None:
        return self.server.url if self.server is not None and self.server.running else None

    async def start(self) -> str | None:
        """The page's address, or None with `notice` saying why there is none."""
        if self.server is not None:
            return self.url
        try:
            from runstrong.companion.address import LOOPBACK, lan_address
            from runstrong.companion.server import CompanionServer
        except ImportError:
            self.notice = NEEDS_EXTRA
            return None
        host = LOOPBACK
        if self.lan:
            host = lan_address() or LOOPBACK
            if host == LOOPBACK:
                self.notice = NO_NETWORK
        server = CompanionServer(self, host=host)
        try:
            await server.start()
        except OSError as problem:
            self.notice = f"The phone page could not start: {problem.strerror or problem}."
            return None
        self.server = server
        return server.url

    def publish(self) -> None:
        if self.server is not None:
            self.server.publish()

    async def stop(self) -> None:
        server, self.server = self.server, None
        if server is not None:
            await server.stop()

    # -- Remote, for the server ---------------------------------------------------------
    def companion_state(self) -> dict[str, object]:
        runner = self.runner
        return state(runner.view, runner.session, rated=runner.rated, figures=self._figures)

    def companion_command(self, command: Command) -> None:
        runner = self.runner
        commands = {
            "tap": runner.tap,
            "pause": runner.toggle_pause,
            "done": runner.done,
            "skip": runner.skip,
            "back": runner.back,
            "more_rest": runner.more_rest,
        }
        if command.name == "rate" and command.value is not None:
            runner.rate(command.value)
        elif command.name in commands:
            commands[command.name]()
