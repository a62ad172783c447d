"""The phase banner is told a phase and decides its own words and colours."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from runstrong.engine import EngineOptions
from runstrong.timeline import StepKind, Timing
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.session import SessionScreen
from runstrong.tui.widgets.phase_banner import LOOKS, PhaseBanner, ScreenPhase

from .fakes import FakeClock, FakePlayer
from .helpers import exercise, hold, session


def shown(banner: PhaseBanner) -> ScreenPhase:
    return banner.phase


class Host(App[None]):
    def compose(self) -> ComposeResult:
        yield PhaseBanner()


@pytest.mark.parametrize("phase", list(ScreenPhase))
async def test_each_phase_has_its_word_and_one_colour(phase: ScreenPhase) -> None:
    app = Host()
    async with app.run_test(size=(80, 24)) as pilot:
        banner = app.query_one(PhaseBanner)
        banner.phase = phase
        banner.detail = "left side"
        await pilot.pause()
        word, colour = LOOKS[phase]
        assert str(banner.render()) == f"{word}   left side" and banner.word == word
        assert [c for c in banner.classes if c.startswith("-")] == [colour]


def test_every_step_of_the_timeline_has_a_phase() -> None:
    assert {ScreenPhase.of(kind).name for kind in StepKind} == {
        "GET_READY", "HOLD", "REPS", "SWITCH", "REST", "DONE"}


async def test_the_count_in_after_a_pause_is_not_shown_as_the_hold() -> None:
    clock = FakeClock()
    app = RunstrongApp(session=session(exercise("Plank", hold(20))), clock=clock,
                       wall=clock.wall, player=FakePlayer(),
                       options=EngineOptions(Timing(get_ready=0), count_in=3))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        banner = screen.query_one(PhaseBanner)
        assert shown(banner) is ScreenPhase.HOLD
        await pilot.press("p")
        assert shown(banner) is ScreenPhase.PAUSED
        await pilot.press("p")
        assert shown(banner) is ScreenPhase.COUNT_IN and banner.word == "COUNT-IN"
        clock.advance(3.25)
        screen.tick()
        await pilot.pause()
        assert shown(banner) is ScreenPhase.HOLD
