"""The session screen's link to the companion page: starts the server on request, feeds it the
screen's state after every change, and turns the page's buttons into the screen's own actions,
so a tap on the phone and a key on the laptop take exactly the same path."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from runstrong.companion.feed import Command, FigureCache, state

if TYPE_CHECKING:
    from runstrong.companion.server import CompanionServer
    from runstrong.session.engine import SessionEngine

NEEDS_EXTRA = (
    "The phone page needs the companion extra: pip install 'runstrong[companion]' "
    "(aiohttp, aiohttp-sse, segno)."
)
NO_NETWORK = "No home network found: the phone page is on this computer only."


class Controls(Protocol):
    """What the session screen offers the page: its engine, its ratings and its actions."""

    engine: SessionEngine

    @property
    def ratings(self) -> dict[int, int]: ...

    def action_tap(self) -> None: ...
    def action_pause(self) -> None: ...
    def action_done(self) -> None: ...
    def action_skip(self) -> None: ...
    def action_back(self) -> None: ...
    def action_more_rest(self) -> None: ...
    def rate(self, rpe: int) -> bool: ...


class CompanionLink:
    def __init__(self, controls: Controls, *, lan: bool) -> None:
        self.controls = controls
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
        engine = self.controls.engine
        return state(
            engine.view(), engine.session, rated=self.controls.ratings, figures=self._figures
        )

    def companion_command(self, command: Command) -> None:
        c = self.controls
        actions = {
            "tap": c.action_tap,
            "pause": c.action_pause,
            "done": c.action_done,
            "skip": c.action_skip,
            "back": c.action_back,
            "more_rest": c.action_more_rest,
        }
        if command.name == "rate" and command.value is not None:
            c.rate(command.value)
        elif command.name in actions:
            actions[command.name]()
