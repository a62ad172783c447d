"""The session clock: block digits sized to the space they get, Textual's Digits when short."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App, ComposeResult
from textual.geometry import Region

from runstrong.session.timeline import Timing
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.session import SessionScreen
from runstrong.tui.widgets import block_font
from runstrong.tui.widgets.phase_banner import PhaseBanner
from runstrong.tui.widgets.step_clock import StepClock

from ..conftest import make_app as shared_app
from ..fakes import FakeClock
from ..helpers import exercise, hold, reps

BLOCK = block_font.BLOCK


# -- the font ------------------------------------------------------------------------------
def test_five_row_digits_read_as_a_seven_segment_clock() -> None:
    assert block_font.glyph_lines("1:05", 5) == (
        "    ██      ██████  ██████",
        "    ██  ██  ██  ██  ██    ",
        "    ██      ██  ██  ██████",
        "    ██  ██  ██  ██      ██",
        "    ██      ██████  ██████",
    )


@pytest.mark.parametrize("rows", [5, 6, 7, 9, 12, 14, 21, 30])
@pytest.mark.parametrize("text", ["1:05", "0:09", "12", "8", "1:00:00", "-3"])
def test_glyphs_are_full_blocks_of_the_asked_size(text: str, rows: int) -> None:
    lines = block_font.glyph_lines(text, rows)
    assert len(lines) == rows
    assert {len(line) for line in lines} == {block_font.text_width(text, rows)}
    assert set("".join(lines)) <= {BLOCK, " "}
    # Every row carries ink somewhere: no digit floats in a band of blank rows.
    assert all(BLOCK in line for line in lines)


def test_digits_differ_from_one_another_at_every_size() -> None:
    for rows in (5, 9, 16):
        shapes = {block_font.glyph_lines(digit, rows) for digit in "0123456789"}
        assert len(shapes) == 10


def test_the_tallest_glyphs_that_fit_are_chosen() -> None:
    assert block_font.rows_that_fit(200, 9, "1:05") == 9
    narrow = block_font.rows_that_fit(40, 30, "1:05")
    assert narrow is not None and narrow >= block_font.MIN_ROWS
    assert block_font.text_width("1:05", narrow) <= 40 < block_font.text_width("1:05", narrow + 1)
    assert block_font.rows_that_fit(200, 4, "1:05") is None
    assert block_font.rows_that_fit(10, 20, "1:05") is None


def test_the_font_refuses_what_it_cannot_draw() -> None:
    assert not block_font.can_draw("DONE")
    assert not block_font.can_draw("")
    with pytest.raises(ValueError, match="cannot draw"):
        block_font.glyph_lines("x", 5)
    with pytest.raises(ValueError, match="at least 5 rows"):
        block_font.glyph_lines("1", 4)


# -- the widget alone ----------------------------------------------------------------------
class ClockApp(App[None]):
    CSS = "StepClock { height: 1fr; }"

    def compose(self) -> ComposeResult:
        yield StepClock(id="clock")


def drawn(clock: StepClock) -> list[str]:
    return [strip.text for strip in clock.render_lines(Region(0, 0, *clock.size))]


def inked(lines: list[str]) -> list[str]:
    return [line for line in lines if BLOCK in line]


async def test_a_new_number_repaints_only_the_digits(monkeypatch: pytest.MonkeyPatch) -> None:
    app = ClockApp()
    async with app.run_test(size=(70, 11)) as pilot:
        clock = app.query_one(StepClock)
        clock.show("10", flash=False)
        await pilot.pause()
        painted: list[tuple[Region, ...]] = []
        refresh = clock.refresh

        def recording(*regions: Region, **kwargs: bool) -> StepClock:
            painted.append(regions)
            return refresh(*regions, **kwargs)

        monkeypatch.setattr(clock, "refresh", recording)
        clock.show("9", flash=False)  # narrower: the old digits' cells are cleared too
        await pilot.pause()
        (regions,) = painted
        (box,) = regions
        assert 0 < box.width < clock.size.width
        wide = block_font.text_width("10", 11) + 4
        assert box.x == (clock.size.width - wide) // 2 and box.width == wide
        lines = drawn(clock)
        expected = block_font.glyph_lines("9", 11)
        assert [line.strip() for line in inked(lines)] == [line.strip() for line in expected]


async def test_the_clock_draws_its_text_as_tall_as_its_space() -> None:
    app = ClockApp()
    async with app.run_test(size=(70, 11)) as pilot:
        clock = app.query_one(StepClock)
        for value in ("1:05", "0:09", "12"):
            clock.show(value, flash=False)
            await pilot.pause()
            assert clock.glyph_rows == 11
            lines = drawn(clock)
            expected = block_font.glyph_lines(value, 11)
            assert [line.strip() for line in inked(lines)] == [line.strip() for line in expected]
            assert all(len(line.rstrip()) <= clock.size.width for line in lines)


async def test_the_size_follows_the_terminal() -> None:
    app = ClockApp()
    async with app.run_test(size=(100, 7)) as pilot:
        clock = app.query_one(StepClock)
        clock.show("0:45", flash=False)
        await pilot.pause()
        assert clock.glyph_rows == 7
        await pilot.resize_terminal(100, 16)
        await pilot.pause()
        assert clock.glyph_rows == 16
        assert len(inked(drawn(clock))) == 16
        await pilot.resize_terminal(100, 4)
        await pilot.pause()
        assert clock.glyph_rows is None


async def test_width_limits_the_glyphs_and_they_never_overflow() -> None:
    app = ClockApp()
    async with app.run_test(size=(40, 30)) as pilot:
        clock = app.query_one(StepClock)
        clock.show("1:05", flash=False)
        await pilot.pause()
        rows = clock.glyph_rows
        assert rows is not None and 5 <= rows < 30
        assert all(len(line.rstrip()) <= 40 for line in drawn(clock))
        assert len(inked(drawn(clock))) == rows


async def test_short_space_falls_back_to_textual_digits() -> None:
    app = ClockApp()
    async with app.run_test(size=(60, 4)) as pilot:
        clock = app.query_one(StepClock)
        clock.show("12", flash=False)
        await pilot.pause()
        assert clock.glyph_rows is None
        lines = drawn(clock)
        assert not inked(lines)
        assert sum(1 for line in lines if line.strip()) == 3  # Digits' 3 rows of box lines
        assert "╺━┓" in "".join(lines)


async def test_text_the_font_cannot_draw_uses_textual_digits() -> None:
    app = ClockApp()
    async with app.run_test(size=(60, 12)) as pilot:
        clock = app.query_one(StepClock)
        clock.show("+5", flash=False)
        await pilot.pause()
        assert clock.glyph_rows is None


async def test_the_flash_marks_the_digits_not_the_whole_width() -> None:
    app = ClockApp()
    async with app.run_test(size=(80, 9)) as pilot:
        clock = app.query_one(StepClock)
        clock.show("3", flash=True)
        await pilot.pause()
        assert clock.has_class("-flash")
        flash_bg = clock.get_component_rich_style("step-clock--flash").bgcolor
        middle = clock.render_lines(Region(0, 0, *clock.size))[4]
        backgrounds = [seg.style.bgcolor if seg.style else None for seg in middle]
        assert flash_bg in backgrounds
        assert middle.crop(0, 1).text == " " and flash_bg not in [
            seg.style.bgcolor if seg.style else None for seg in middle.crop(0, 1)
        ]
        clock.show("3", flash=False)
        assert not clock.has_class("-flash")


async def test_unchanged_text_is_not_redrawn(monkeypatch: pytest.MonkeyPatch) -> None:
    app = ClockApp()
    async with app.run_test(size=(80, 12)) as pilot:
        clock = app.query_one(StepClock)
        clock.show("0:30", flash=False)
        await pilot.pause()
        refreshes: list[Any] = []
        original = clock.refresh

        def counting(*args: Any, **kwargs: Any) -> Any:
            refreshes.append(args)
            return original(*args, **kwargs)

        monkeypatch.setattr(clock, "refresh", counting)
        for _ in range(8):  # two seconds of 4 Hz ticks showing the same second
            clock.show("0:30", flash=False)
        assert refreshes == []
        clock.show("0:29", flash=False)
        assert refreshes


# -- in the real session screen ------------------------------------------------------------
def session_app() -> tuple[RunstrongApp, FakeClock]:
    app, clock, _ = shared_app(
        exercise("Plank", hold(65)),
        exercise("Taps", reps(15)),
        rest_between_exercises=45,
        timing=Timing(get_ready=10, switch_sides=5),
    )
    return app, clock


async def tick(app: RunstrongApp, clock: FakeClock, seconds: float) -> None:
    for _ in range(round(seconds / 0.25)):
        clock.advance(0.25)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        screen.runner.tick()


async def test_the_session_clock_grows_with_the_terminal() -> None:
    app, clock = session_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await tick(app, clock, 10.5)  # into the 65 s hold
        for size, least_rows in (((80, 24), 5), ((120, 40), 9)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            step_clock = app.screen.query_one(StepClock)
            assert step_clock.value == "1:05"
            lines = drawn(step_clock)
            assert len(inked(lines)) == step_clock.glyph_rows
            assert step_clock.glyph_rows is not None and step_clock.glyph_rows >= least_rows
            assert step_clock.region.right <= size[0]
            assert all(len(line.rstrip()) <= step_clock.size.width for line in lines)
            banner = app.screen.query_one(PhaseBanner)
            assert banner.phase == "HOLD"
            assert banner.size.height == (1 if size[1] < 32 else 3)


async def test_small_terminals_keep_the_three_row_digits() -> None:
    app, clock = session_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await tick(app, clock, 10.5)
        for size in ((60, 20), (50, 16), (100, 20), (60, 40)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            step_clock = app.screen.query_one(StepClock)
            assert step_clock.glyph_rows is None, size
            assert step_clock.size.height == 3
            assert "HOLD" in str(app.screen.query_one(PhaseBanner).render())


async def test_reps_show_the_count_in_block_digits() -> None:
    app, clock = session_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await tick(app, clock, 10 + 65 + 45.25)  # hold, rest between exercises, into reps
        await pilot.pause()
        await pilot.press(*["space"] * 12)
        step_clock = app.screen.query_one(StepClock)
        assert step_clock.value == "12"
        assert [line.strip() for line in inked(drawn(step_clock))] == [
            line.strip() for line in block_font.glyph_lines("12", step_clock.glyph_rows or 0)
        ]
