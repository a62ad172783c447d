"""The companion's server without a browser: the token, the Origin, the feed and commands."""

from __future__ import annotations

import asyncio
import json

import aiohttp
import pytest

from runstrong.companion.feed import Command
from runstrong.companion.server import COOKIE, PING_SECONDS, CompanionServer


class FakeRemote:
    def __init__(self) -> None:
        self.number = 30
        self.commands: list[Command] = []

    def companion_state(self) -> dict[str, object]:
        return {"phase": "HOLD", "number": str(self.number), "remaining": self.number - 0.5}

    def companion_command(self, command: Command) -> None:
        self.commands.append(command)
        self.number = 0


@pytest.fixture
async def server() -> object:
    remote = FakeRemote()
    companion = CompanionServer(remote, port=0)
    await companion.start()
    yield companion
    await companion.stop()


def browser(cookies: dict[str, str] | None = None) -> aiohttp.ClientSession:
    # Like a browser, keep cookies for an address given as an IP (aiohttp drops them).
    return aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True), cookies=cookies)


def base(companion: CompanionServer) -> str:
    return f"http://127.0.0.1:{companion.port}"


async def test_the_page_needs_the_token_and_then_keeps_it_in_a_cookie(
    server: CompanionServer,
) -> None:
    async with browser() as client:
        async with client.get(base(server) + "/") as refused:
            assert refused.status == 403
        async with client.get(base(server) + "/?token=wrong") as wrong:
            assert wrong.status == 403
        async with client.get(server.url) as page:
            assert page.status == 200
            html = await page.text()
            assert "<html" in html and "http" not in html.split("<script>")[0].lower().replace(
                "http-equiv", ""
            )
            assert page.cookies[COOKIE].value == server.token
            # Nothing from elsewhere may load: fonts, scripts and images come from the app.
            assert "default-src 'self'" in page.headers["Content-Security-Policy"]
        # The cookie now stands in for the token.
        async with client.get(base(server) + "/state") as state:
            assert state.status == 200
            assert (await state.json())["number"] == "30"


async def test_another_site_or_host_is_refused_even_with_the_token(
    server: CompanionServer,
) -> None:
    async with browser() as client:
        headers = {"Origin": "http://evil.example"}
        async with client.post(
            server.url.replace("/?", "/command?"), json={"command": "done"}, headers=headers
        ) as answer:
            assert answer.status == 403
        async with client.get(server.url, headers={"Host": "evil.example:8765"}) as rebound:
            assert rebound.status == 403
    assert server.remote.commands == []  # type: ignore[attr-defined]


async def test_a_command_reaches_the_session_and_the_feed_carries_the_change(
    server: CompanionServer,
) -> None:
    origin = {"Origin": base(server)}
    async with browser() as client:
        async with client.get(server.url):
            pass
        async with client.get(base(server) + "/events") as feed:
            assert feed.headers["Content-Type"].startswith("text/event-stream")
            first = await _next_state(feed)
            assert first["number"] == "30"
            async with client.post(
                base(server) + "/command", json={"command": "done"}, headers=origin
            ) as answer:
                assert answer.status == 200
            changed = await _next_state(feed)
            assert changed["number"] == "0"
            assert int(str(changed["seq"])) > int(str(first["seq"]))
        async with client.post(
            base(server) + "/command", json={"command": "rm -rf"}, headers=origin
        ) as bad:
            assert bad.status == 400
            assert "unknown command" in (await bad.json())["error"]
    assert server.remote.commands == [Command("done")]  # type: ignore[attr-defined]


async def test_the_feed_pings_when_nothing_changes() -> None:
    assert PING_SECONDS == 1.0  # the page calls the feed lost after 3 s of silence
    server = CompanionServer(FakeRemote(), port=0, ping_seconds=0.05)
    await server.start()
    async with (
        browser({COOKIE: server.token}) as client,
        client.get(base(server) + "/events") as feed,
    ):
        await _next_state(feed)
        line = await asyncio.wait_for(_next_event_name(feed), timeout=3)
        assert line == "ping"
    await server.stop()


async def test_stopping_ends_every_feed(server: CompanionServer) -> None:
    async with (
        browser({COOKIE: server.token}) as client,
        client.get(base(server) + "/events") as feed,
    ):
        await _next_state(feed)
        await server.stop()
        rest = await asyncio.wait_for(feed.content.read(), timeout=3)
        assert b"event: state" not in rest
    with pytest.raises(aiohttp.ClientConnectionError):
        async with browser() as client, client.get(server.url):
            pass


async def _next_event_name(feed: aiohttp.ClientResponse) -> str:
    while True:
        line = (await feed.content.readline()).decode().strip()
        if line.startswith("event:"):
            return line.removeprefix("event:").strip()


async def _next_state(feed: aiohttp.ClientResponse) -> dict[str, object]:
    async def read() -> dict[str, object]:
        event = ""
        while True:
            line = (await feed.content.readline()).decode().strip()
            if line.startswith("event:"):
                event = line.removeprefix("event:").strip()
            elif line.startswith("data:") and event == "state":
                data: dict[str, object] = json.loads(line.removeprefix("data:").strip())
                return data

    return await asyncio.wait_for(read(), timeout=3)
