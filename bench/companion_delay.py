"""How far the companion page runs behind the terminal: the app runs headless on the real
clock, a headless Chromium holds the page, and each state event's arrival on the page is
compared with the moment the terminal's screen changed and sent it (same machine, same wall
clock). Target: under 100 ms.

    python bench/companion_delay.py [--seconds 30]
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys

from runstrong.settings import Settings
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.session import SessionScreen
from runstrong.workout.model import Exercise, Phase, PhaseKind, Session

HOLD = Exercise(name="Plank", sets=1, rest=0, phases=(Phase(PhaseKind.HOLD, 600),))
SESSION = Session(slug="bench", name="Bench", exercises=(HOLD,), rest_between_exercises=0)


async def measure(seconds: float) -> list[float]:
    from playwright.async_api import async_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        sys.exit("needs Debian's chromium")
    app = RunstrongApp(session=SESSION, settings=Settings(get_ready=0), companion=True)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):
            screens = [s for s in app.screen_stack if isinstance(s, SessionScreen)]
            if screens and screens[0].companion.url:
                break
            await pilot.pause(0.05)
        screen = screens[0]
        url = screen.companion.url
        assert url is not None
        await pilot.press("escape")
        async with async_playwright() as p:
            browser = await p.chromium.launch(
                executable_path=chromium,
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = await browser.new_page(bypass_csp=True)
            await page.goto(url)
            await asyncio.sleep(seconds)
            received = await page.evaluate("window.__received")
            await browser.close()
    # The first event is the page's catch-up on connecting, not a change.
    return [r["at"] - r["sent"] for r in received[1:] if r.get("sent")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30.0)
    args = parser.parse_args()
    delays = asyncio.run(measure(args.seconds))
    print(
        f"companion page behind the terminal: {len(delays)} events, "
        f"median {statistics.median(delays):.1f} ms, max {max(delays):.1f} ms (target < 100 ms)"
    )


if __name__ == "__main__":
    main()
