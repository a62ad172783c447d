"""The companion page in a real headless Chromium, beside the app running headless: the page
follows the terminal, its Done button moves the session on and logs the set, and strangers
are refused. Slow: it starts a browser (Debian's chromium; .ci/run installs it)."""

from __future__ import annotations

import shutil
from typing import Any

import pytest
from textual.pilot import Pilot

from runstrong import paths
from runstrong.history import HistoryStore
from runstrong.settings import Settings
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.session import SessionScreen
from runstrong.workout.model import Exercise, Phase, PhaseKind, Session

from ..fakes import FakeClock, FakePlayer

pytestmark = pytest.mark.slow
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

PLANK = Exercise(name="Plank", sets=2, rest=20, phases=(Phase(PhaseKind.HOLD, 30),))
SESSION = Session(slug="mini", name="Mini", exercises=(PLANK,), rest_between_exercises=20)


async def until(check: Any, pilot: Pilot[Any], seconds: float = 5.0) -> None:
    for _ in range(int(seconds / 0.05)):
        if check():
            return
        await pilot.pause(0.05)
    raise AssertionError("timed out waiting")


async def phase_is(page: Any, word: str) -> None:
    await page.wait_for_function(f"document.getElementById('phase').textContent === '{word}'")


@pytest.mark.skipif(CHROMIUM is None, reason="needs Debian's chromium (.ci/run installs it)")
async def test_the_phone_follows_the_terminal_and_its_done_button_logs_the_set() -> None:
    playwright_api = pytest.importorskip("playwright.async_api")
    clock = FakeClock()
    app = RunstrongApp(
        session=SESSION,
        clock=clock,
        wall=clock.wall,
        player=FakePlayer(),
        settings=Settings(get_ready=10),
        companion=True,
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await until(lambda: any(isinstance(s, SessionScreen) for s in app.screen_stack), pilot)
        screen = next(s for s in app.screen_stack if isinstance(s, SessionScreen))
        await until(lambda: screen.companion.url is not None, pilot)
        url = screen.companion.url
        assert url is not None
        await pilot.press("escape")  # the address dialog
        async with playwright_api.async_playwright() as p:
            browser = await p.chromium.launch(executable_path=CHROMIUM, args=BROWSER_ARGS)
            # The page's own policy forbids eval, which the test's waits use; the policy is
            # checked below by what the page asked for.
            page = await browser.new_page(viewport={"width": 390, "height": 844}, bypass_csp=True)
            asked: list[str] = []
            page.on("request", lambda request: asked.append(request.url))

            refused = await page.goto(url.replace("token=", "token=x"))
            assert refused is not None and refused.status == 403

            loaded = await page.goto(url)
            assert loaded is not None and loaded.status == 200
            await page.wait_for_function(
                "document.getElementById('phase').textContent === 'GET READY'"
            )
            assert await page.inner_text("#number") == "10"

            await page.click("#done")
            await phase_is(page, "HOLD")
            assert screen.runner.view.phase.value == "HOLD"  # the terminal moved on too

            clock.advance(4)  # four seconds held (a set of nothing would not be logged)
            await page.click("#done")  # ends the first set early: it is logged
            await phase_is(page, "REST")
            await until(lambda: len(screen.runner.records) == 1, pilot)
            store = HistoryStore(paths.history_file())
            (row,) = store.sessions()
            assert row.sets_done == 1

            # A request from another site, even with the cookie, is refused.
            foreign = await page.request.post(
                url.split("?")[0] + "command",
                data={"command": "done"},
                headers={"Origin": "http://evil.example"},
            )
            assert foreign.status == 403
            assert screen.runner.view.phase.value == "REST"

            # When the session ends the page says so within 3 s, instead of a frozen clock.
            await screen.companion.stop()
            await page.wait_for_selector("body.lost", timeout=3500)
            await browser.close()
    # Nothing from outside: no fonts, scripts or images from anywhere but the app itself.
    base = url.split("/?")[0]
    assert asked and all(address.startswith(base) for address in asked), asked
