"""The companion's web server: one page, a feed of state as server-sent events, and commands.

It runs inside the app's own event loop (aiohttp on asyncio, like Textual), so a command from
the phone reaches the session exactly like a key press, on the same thread, and the page
follows the session the terminal shows instead of running one of its own.

Every request needs the session's random token (from the address, then a cookie); a request
naming another Origin or Host is refused, so a web page open elsewhere cannot drive the
session, nor can a DNS-rebinding page reach it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from importlib.resources import files
from typing import Protocol

from aiohttp import web
from aiohttp_sse import sse_response

from runstrong.companion.feed import BadCommand, Command, parse_command, visible

DEFAULT_PORT = 8765
COOKIE = "runstrong_companion"
# The page calls the feed lost after 3 s without a word; a ping every second keeps it alive.
PING_SECONDS = 1.0
MAX_BODY = 1024

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class Remote(Protocol):
    """The running session, as the companion sees it."""

    def companion_state(self) -> dict[str, object]: ...

    def companion_command(self, command: Command) -> None: ...


def page_html() -> str:
    return files("runstrong.companion").joinpath("page.html").read_text(encoding="utf-8")


class CompanionServer:
    def __init__(
        self,
        remote: Remote,
        *,
        host: str = "127.0.0.1",
        port: int = DEFAULT_PORT,
        ping_seconds: float = PING_SECONDS,
    ) -> None:
        self.remote = remote
        self.ping_seconds = ping_seconds
        self.host = host
        self.port = port
        self.token = secrets.token_urlsafe(18)
        self._runner: web.AppRunner | None = None
        self._listeners: set[asyncio.Queue[str]] = set()
        self._last: dict[str, object] | None = None
        self._sequence = 0
        self._page = page_html()

    @property
    def url(self) -> str:
        return f"http://{self._authority}/?token={self.token}"

    @property
    def _authority(self) -> str:
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"{host}:{self.port}"

    @property
    def running(self) -> bool:
        return self._runner is not None

    async def start(self) -> str:
        # Python prints unhandled log records to stderr, which would garble the terminal's
        # screen: the server's own log stays quiet.
        logging.getLogger("aiohttp").addHandler(logging.NullHandler())
        logging.getLogger("aiohttp").propagate = False
        app = web.Application(middlewares=[self._guard], client_max_size=MAX_BODY)
        app.router.add_get("/", self._index)
        app.router.add_get("/events", self._events)
        app.router.add_get("/state", self._state)
        app.router.add_post("/command", self._command)
        runner = web.AppRunner(app, access_log=None, handle_signals=False)
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port)
            await site.start()
        except OSError:
            # The usual port is taken (another session, another program): any free one.
            site = web.TCPSite(runner, self.host, 0)
            await site.start()
        self.port = runner.addresses[0][1]
        self._runner = runner
        return self.url

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        for queue in list(self._listeners):
            queue.put_nowait("")  # wakes each feed so it ends
        if runner is not None:
            await runner.cleanup()

    def publish(self) -> None:
        """Called after every change on the terminal: sends the state when anything the page
        shows is different (cheap to call at every refresh)."""
        if not self._listeners:
            return
        current = self.remote.companion_state()
        shown = visible(current)
        if shown == self._last:
            return
        self._last = shown
        self._sequence += 1
        # When it left, so the page's delay behind the terminal can be measured (bench/).
        message = json.dumps(current | {"seq": self._sequence, "sent_ms": time.time() * 1000})
        for queue in self._listeners:
            queue.put_nowait(message)

    # -- requests -------------------------------------------------------------------
    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.host != self._authority:
            raise web.HTTPForbidden(text="wrong host")
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"http://{self._authority}":
            raise web.HTTPForbidden(text="requests from other sites are refused")
        given = request.query.get("token") or request.cookies.get(COOKIE, "")
        if not secrets.compare_digest(given.encode(), self.token.encode()):
            raise web.HTTPForbidden(text="this address needs the session's token")
        return await handler(request)

    async def _index(self, request: web.Request) -> web.StreamResponse:
        response = web.Response(
            text=self._page,
            content_type="text/html",
            headers={
                "Cache-Control": "no-store",
                # Nothing from outside: no fonts, scripts or images from anywhere else.
                "Content-Security-Policy": (
                    "default-src 'self'; style-src 'unsafe-inline'; script-src 'unsafe-inline'"
                ),
                "Referrer-Policy": "no-referrer",
            },
        )
        response.set_cookie(COOKIE, self.token, httponly=True, samesite="Strict")
        return response

    async def _state(self, request: web.Request) -> web.StreamResponse:
        self._sequence += 1
        return web.json_response(self.remote.companion_state() | {"seq": self._sequence})

    async def _events(self, request: web.Request) -> web.StreamResponse:
        queue: asyncio.Queue[str] = asyncio.Queue()
        self._listeners.add(queue)
        self._sequence += 1
        queue.put_nowait(json.dumps(self.remote.companion_state() | {"seq": self._sequence}))
        try:
            async with sse_response(request) as feed:
                while self.running and feed.is_connected():
                    try:
                        message = await asyncio.wait_for(queue.get(), self.ping_seconds)
                    except TimeoutError:
                        await feed.send("1", event="ping")
                        continue
                    if not message:
                        break
                    await feed.send(message, event="state")
                return feed
        except ConnectionResetError:
            # The phone went to sleep or the tab closed: its feed simply ends.
            raise web.HTTPNoContent() from None
        finally:
            self._listeners.discard(queue)

    async def _command(self, request: web.Request) -> web.StreamResponse:
        with contextlib.suppress(ValueError):
            data = await request.json()
            parsed = parse_command(data)
            if isinstance(parsed, BadCommand):
                return web.json_response({"error": parsed.reason}, status=400)
            self.remote.companion_command(parsed)
            self.publish()
            return web.json_response({"ok": True})
        return web.json_response({"error": "expected a JSON body"}, status=400)
