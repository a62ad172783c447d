"""The page's state is the terminal's words, read off the same View."""

from __future__ import annotations

from dataclasses import replace

from runstrong.application import session_text as words
from runstrong.companion.feed import (
    BadCommand,
    Command,
    FigureCache,
    parse_command,
    state,
    visible,
)
from runstrong.session.engine import SessionEngine
from runstrong.session.timeline import Timing
from runstrong.workout.catalog import load_library
from runstrong.workout.model import Side

from ..fakes import FakeClock
from ..helpers import exercise, hold, reps, session


def engine_for(clock: FakeClock) -> SessionEngine:
    plan = session(
        exercise("Plank", hold(20), sets=2, rest=10),
        exercise("Side plank", hold(15), sides=(Side.LEFT, Side.RIGHT)),
        exercise("Taps", reps(4, tempo=1.0)),
    )
    engine = SessionEngine(plan, clock=clock, wall=clock.wall, timing=Timing(get_ready=5))
    engine.start()
    return engine


def run_for(engine: SessionEngine, clock: FakeClock, seconds: float) -> None:
    """The screen looks often: a gap of over 5 s would pause the session."""
    steps = round(seconds / 0.1)
    for _ in range(steps):
        clock.advance(seconds / steps)
        engine.update()


def test_the_page_shows_the_same_words_as_the_terminal() -> None:
    clock = FakeClock()
    engine = engine_for(clock)
    run_for(engine, clock, 5.0)
    run_for(engine, clock, 3.2)
    view = engine.view()
    shown = state(view, engine.session, rated={}, figures=FigureCache())
    assert shown["phase"] == "HOLD"
    assert shown["number"] == words.big_number(view) == "17"
    assert shown["title"] == words.title(view, engine.session)
    assert shown["next"] == words.next_text(view, engine.session)
    assert shown["running"] is True
    assert shown["remaining"] == 16.8


def test_only_a_change_the_page_shows_is_worth_an_event() -> None:
    clock = FakeClock()
    engine = engine_for(clock)
    figures = FigureCache()
    run_for(engine, clock, 5.2)
    first = visible(state(engine.view(), engine.session, rated={}, figures=figures))
    run_for(engine, clock, 0.3)  # 19.5 s left: still "20" on screen
    same = visible(state(engine.view(), engine.session, rated={}, figures=figures))
    run_for(engine, clock, 0.6)  # 18.9 s left: "19"
    later = visible(state(engine.view(), engine.session, rated={}, figures=figures))
    assert first == same
    assert later != same
    assert later["number"] == "19"


def test_effort_buttons_appear_in_the_rest_after_an_exercise_and_show_the_rating() -> None:
    clock = FakeClock()
    engine = engine_for(clock)
    for _ in range(3):
        engine.done()  # GET READY, first set, rest
    engine.done()  # second set: the rest after the plank's last set
    view = engine.view()
    assert view.rating_for == 0
    shown = state(view, engine.session, rated={0: 7}, figures=FigureCache())
    assert shown["in_rest"] is True
    assert shown["rating_for"] == 0
    assert shown["rated"] == 7


def test_commands_are_the_keys_and_nothing_else() -> None:
    assert parse_command({"command": "done"}) == Command("done")
    assert parse_command({"command": "rate", "value": 10}) == Command("rate", 10)
    for bad in (
        {"command": "rate", "value": 11},
        {"command": "rate", "value": True},
        {"command": "rate"},
        {"command": "quit"},
        {"command": "__class__"},
        ["done"],
        "done",
    ):
        assert isinstance(parse_command(bad), BadCommand), bad


def test_a_hold_shows_its_held_position_and_reps_swap_between_their_positions() -> None:
    library, _ = load_library()
    plank_figure = library["front-plank"].figure
    squat_figure = library["body-squat"].figure
    assert plank_figure is not None and squat_figure is not None
    clock = FakeClock()
    plan = session(
        replace(exercise("Plank", hold(20)), figure=plank_figure),
        replace(exercise("Squat", reps(4, tempo=2.0)), figure=squat_figure),
    )
    engine = SessionEngine(plan, clock=clock, wall=clock.wall, timing=Timing(get_ready=5))
    engine.start()
    engine.done()  # into the hold
    figures = FigureCache()
    held = figures.frames(engine.view())
    assert len(held) == 1 and any(line.strip() for line in held[0])
    assert figures.frames(engine.view())[0] is held[0]  # drawn once, then reused
    engine.done()  # the rest before the squat: its start position
    assert len(figures.frames(engine.view())) == 1
    engine.done()  # the reps (a rest leads straight into them)
    moving = figures.frames(engine.view())
    assert len(moving) == len([p for p in squat_figure.positions if p.name != "hold"]) >= 2
    assert moving[0] != moving[-1]
