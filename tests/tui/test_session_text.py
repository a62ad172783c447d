"""What the session screen says and when its digits flash, from engine states."""

from __future__ import annotations

from runstrong.application import session_text as words
from runstrong.formatting import duration_text
from runstrong.session.engine import SessionEngine
from runstrong.workout.model import Exercise, Side

from ..fakes import FakeClock
from ..helpers import exercise, hold, reps, session


def make(*items: Exercise, get_ready: int = 5) -> tuple[SessionEngine, FakeClock]:
    from runstrong.session.timeline import Timing

    clock = FakeClock()
    engine = SessionEngine(
        session(*items),
        clock=clock,
        wall=clock.wall,
        timing=Timing(get_ready=get_ready, switch_sides=4),
    )
    engine.start()
    return engine, clock


def flashes_over(engine: SessionEngine, clock: FakeClock, seconds: float) -> list[bool]:
    seen = []
    for _ in range(round(seconds / 0.25)):
        seen.append(words.flashing(engine.view()))
        clock.advance(0.25)
        engine.update()
    return seen


def test_digits_flash_only_in_the_last_three_seconds_of_a_hold() -> None:
    engine, clock = make(exercise("Plank", hold(10)), exercise("B", hold(5)), get_ready=0)
    seen = flashes_over(engine, clock, 10)
    assert not any(seen[:28])  # the first 7 s stay still
    assert any(seen[28:]) and not all(seen[28:])  # then on and off, twice a second


def test_digits_flash_throughout_switch_sides_and_never_when_paused() -> None:
    engine, clock = make(
        exercise("Side plank", hold(2), sides=(Side.LEFT, Side.RIGHT)), get_ready=0
    )
    clock.advance(2)
    engine.update()
    assert engine.step.kind.value == "SWITCH SIDES"
    seen = flashes_over(engine, clock, 4)
    assert seen.count(True) == 8 and len(seen) == 16  # on for half of each second
    engine.toggle_pause()
    assert not words.flashing(engine.view())


def test_big_number_counts_down_holds_up_reps_and_max_holds() -> None:
    engine, clock = make(
        exercise("Plank", hold(90)),
        exercise("Taps", reps(10, tempo=2.0)),
        exercise("Test", hold(None)),
        get_ready=0,
    )
    clock.advance(0.5)
    assert words.big_number(engine.view()) == "1:30"
    engine.done()
    engine.done()  # past the rest
    clock.advance(4.1)
    engine.update()
    assert words.big_number(engine.view()) == "2"
    engine.done()
    engine.done()
    clock.advance(75)
    assert words.big_number(engine.view()) == "1:15"
    assert "as long as you can" in words.target_text(engine.view())


def test_clock_text() -> None:
    assert [duration_text(s, short=True) for s in (0, 9, 59, 60, 125, 3725)] == [
        "0",
        "9",
        "59",
        "1:00",
        "2:05",
        "1:02:05",
    ]
