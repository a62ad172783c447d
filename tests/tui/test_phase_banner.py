"""The phase banner is told a phase and decides its own words and colours."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from runstrong.session.view import SessionPhase
from runstrong.tui.widgets.phase_banner import PHASE_CLASSES, PhaseBanner


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield PhaseBanner()


@pytest.mark.parametrize("phase", list(SessionPhase))
async def test_each_phase_has_its_word_and_one_colour(phase: SessionPhase) -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        banner = app.query_one(PhaseBanner)
        banner.phase = phase
        banner.detail = "left side"
        await pilot.pause()
        assert str(banner.render()) == f"{phase.value}   left side"
        assert [c for c in banner.classes if c.startswith("-")] == [PHASE_CLASSES[phase]]
