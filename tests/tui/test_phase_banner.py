"""The phase banner is told a phase and decides its own words and colours."""

from __future__ import annotations

from textual.app import App, ComposeResult

from runstrong.session.timeline import SessionPhase
from runstrong.tui.widgets.phase_banner import PHASE_CLASSES, PhaseBanner


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield PhaseBanner()


async def test_each_phase_has_its_word_and_one_colour() -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        banner = app.query_one(PhaseBanner)
        for phase in SessionPhase:
            banner.phase = phase
            await pilot.pause()
            assert str(banner.render()) == phase.value
            assert [c for c in banner.classes if c.startswith("-")] == [PHASE_CLASSES[phase]]
