"""`w` in a session: one companion per session, its address on screen, gone with the session."""

from __future__ import annotations

from typing import Any

import aiohttp
from textual.pilot import Pilot
from textual.widgets import Static

from runstrong.settings import Settings
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.companion import CompanionInfo
from runstrong.tui.screens.session import SessionScreen
from runstrong.workout.model import Exercise, Phase, PhaseKind, Session

from ..fakes import FakeClock, FakePlayer

PLANK = Exercise(name="Plank", sets=1, rest=5, phases=(Phase(PhaseKind.HOLD, 30),))
SESSION = Session(slug="mini", name="Mini", exercises=(PLANK,), rest_between_exercises=5)


async def until(check: Any, pilot: Pilot[Any]) -> None:
    for _ in range(100):
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting")


async def test_w_starts_one_companion_shows_its_address_and_it_stops_with_the_session() -> None:
    clock = FakeClock()
    app = RunstrongApp(
        session=SESSION,
        clock=clock,
        wall=clock.wall,
        player=FakePlayer(),
        settings=Settings(get_ready=10),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await until(lambda: isinstance(app.screen, SessionScreen), pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.companion.url is None
        await pilot.press("w")
        await until(lambda: isinstance(app.screen, CompanionInfo), pilot)
        url = screen.companion.url
        assert url is not None and url.startswith("http://127.0.0.1:")
        assert "token=" in url
        dialog_text = "\n".join(str(w.render()) for w in app.screen.query(Static))
        assert url in dialog_text
        assert "Escape closes" in dialog_text
        await pilot.press("escape")
        line = str(screen.query_one("#companion", Static).render())
        assert line == f"Phone: {url}"

        await pilot.press("w")  # again: the same page, not a second server
        await until(lambda: isinstance(app.screen, CompanionInfo), pilot)
        assert screen.companion.url == url
        await pilot.press("escape")

        jar = aiohttp.CookieJar(unsafe=True)
        async with aiohttp.ClientSession(cookie_jar=jar) as client:
            async with client.get(url) as page:
                assert page.status == 200
            await pilot.press("q")
            await pilot.press("e")
            await until(lambda: screen.companion.server is None, pilot)
            await pilot.pause(0.2)
            try:
                async with client.get(url) as gone:
                    status = gone.status
            except aiohttp.ClientConnectionError:
                status = None
            # The session's page is gone: nothing listens, or (tests run side by side) another
            # session's server took the port and refuses this token.
            assert status in (None, 403)
