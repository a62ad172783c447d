"""The companion page's screenshot for the README: a phone-sized viewport, mid-hold.

python scripts/companion_screenshot.py   # writes docs/companion-phone.png
"""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

from runstrong.settings import Settings
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.session import SessionScreen
from runstrong.workout.catalog import load_library
from runstrong.workout.model import Exercise, Phase, PhaseKind, Session, Side

OUT = Path(__file__).resolve().parents[1] / "docs" / "companion-phone.png"


async def shoot() -> None:
    from playwright.async_api import async_playwright

    library, _ = load_library()
    side = library["side-plank"]
    plank = Exercise(
        name=side.name,
        sets=2,
        rest=30,
        phases=(Phase(PhaseKind.HOLD, 30),),
        sides=(Side.LEFT, Side.RIGHT),
        cues=side.cues,
        figure=side.figure,
    )
    session = Session(slug="core", name="Core stability", exercises=(plank,))
    app = RunstrongApp(session=session, settings=Settings(get_ready=1), companion=True)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(200):
            screens = [s for s in app.screen_stack if isinstance(s, SessionScreen)]
            if screens and screens[0].companion.url:
                break
            await pilot.pause(0.05)
        url = screens[0].companion.url
        assert url is not None
        await pilot.press("escape")
        await pilot.pause(4.2)
        async with async_playwright() as p:
            browser = await p.chromium.launch(
                executable_path=shutil.which("chromium"),
                args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"],
            )
            page = await browser.new_page(
                viewport={"width": 390, "height": 760}, device_scale_factor=1, is_mobile=True
            )
            await page.goto(url)
            await page.wait_for_function("document.getElementById('phase').textContent==='HOLD'")
            await page.screenshot(path=str(OUT))
            await browser.close()


if __name__ == "__main__":
    asyncio.run(shoot())
    print(OUT)
