"""The beat the session screen redraws on: woken exactly when what it shows changes.

All on the fake clock: the engine says when the next visible change is, the test moves the
clock there, and checks both that something changed at that moment and that nothing did in
between.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from runstrong.application import session_text as words
from runstrong.session.beat import figure_moment, next_change
from runstrong.session.engine import SessionEngine
from runstrong.session.events import Cue, CueEvent
from runstrong.session.timeline import Timing
from runstrong.workout.catalog import load_library
from runstrong.workout.model import Exercise, Session, Side

from .fakes import FakeClock
from .helpers import exercise, hold, reps, session

START = 1000.0


def make(
    *items: Exercise, get_ready: int = 0, count_in: float = 3.0
) -> tuple[SessionEngine, FakeClock]:
    clock = FakeClock(START)
    engine = SessionEngine(
        session(*items, rest_between_exercises=10),
        clock=clock,
        wall=clock.wall,
        timing=Timing(get_ready=get_ready, switch_sides=4, count_in=count_in),
    )
    engine.start()
    return engine, clock


def with_figure(item: Exercise, ident: str) -> Exercise:
    return replace(item, figure=load_library()[0][ident].figure)


def wakes(engine: SessionEngine, clock: FakeClock, until: float) -> list[float]:
    """Follow the beat as the screen does: sleep to each moment asked for, update, repeat."""
    moments = []
    while not engine.finished:
        moment = engine.next_change()
        if moment is None or moment - START > until:
            break
        clock.now = moment
        engine.update()
        moments.append(round(moment - START, 6))
    return moments


def test_a_20_s_hold_asks_to_be_woken_on_every_second_and_at_its_end() -> None:
    engine, clock = make(exercise("Plank", hold(20)), exercise("B", hold(5)))
    seen = wakes(engine, clock, 20)
    # Every whole second, 1.000 s to 20.000 s (the end), and the blink's half seconds in the
    # last three; nothing else.
    assert seen == [*range(1, 18), 17.5, 18, 18.5, 19, 19.5, 20]
    assert engine.step.kind.value == "REST"


def test_paced_reps_wake_on_each_rep_and_each_frame_of_the_figure() -> None:
    engine, clock = make(exercise("Squat", reps(5, tempo=2.0)), exercise("B", hold(5)))
    assert wakes(engine, clock, 10) == [2, 4, 6, 8, 10]
    moving = with_figure(exercise("Squat", reps(5, tempo=2.0)), "body-squat")
    engine, clock = make(moving, exercise("B", hold(5)))
    assert wakes(engine, clock, 10) == [n / 4 for n in range(1, 41)]  # 8 frames a rep


def test_the_figure_moves_in_whole_frames_with_the_rep() -> None:
    moving = with_figure(exercise("Squat", reps(5, tempo=1.5)), "body-squat")
    engine, clock = make(moving, exercise("B", hold(5)))
    fractions = []
    for _ in range(12):
        clock.now = engine.next_change() or 0.0
        engine.update()
        fractions.append(figure_moment(engine.view())[1])
    # 6 frames in a 1.5 s rep: the last key position exactly halfway, the first on each rep.
    assert fractions == [pytest.approx(n / 6) for n in (1, 2, 3, 4, 5, 0)] * 2
    assert engine.view().reps == 2


def test_a_hold_as_long_as_you_can_wakes_on_each_second_held() -> None:
    engine, clock = make(exercise("Plank", hold(None)))
    assert wakes(engine, clock, 5) == [1, 2, 3, 4, 5]


def test_a_halfway_cue_off_the_second_gets_its_own_wake() -> None:
    engine, clock = make(exercise("Plank", hold(25)), exercise("B", hold(5)))
    moments = []
    while engine.step.kind.value == "HOLD":
        clock.now = engine.next_change() or 0.0
        if any(e == CueEvent(Cue.HALFWAY) for e in engine.update()):
            moments.append(clock.now - START)
    assert moments == [12.5]


def test_paused_asks_for_nothing_and_the_count_in_wakes_on_its_seconds() -> None:
    engine, clock = make(exercise("Plank", hold(20)), exercise("B", hold(5)))
    clock.now = START + 4.3
    engine.update()
    engine.toggle_pause()
    assert engine.next_change() is None
    clock.now = START + 100.0
    engine.update()
    engine.toggle_pause()  # resume: a 3 s count-in, then 15.7 s left
    assert wakes(engine, clock, 105) == [101, 102, 103, 103.7, 104.7]


def test_reps_counted_by_key_without_a_figure_wait_for_the_key() -> None:
    engine, _clock = make(exercise("Push-up", reps(10)))
    assert engine.next_change() is None
    assert next_change(engine.view()) is None


def sessions() -> list[Session]:
    return [
        session(
            exercise("Plank", hold(7), sets=2, rest=4),
            exercise("Side plank", hold(5), sides=(Side.LEFT, Side.RIGHT)),
            rest_between_exercises=6,
        ),
        session(
            with_figure(exercise("Squat", reps(3, tempo=1.5)), "body-squat"),
            with_figure(exercise("Swing", hold(4)), "arm-swing-drill"),
            exercise("Taps", reps(4, tempo=0.75)),
            rest_between_exercises=3,
        ),
    ]


def shown(engine: SessionEngine) -> tuple[object, ...]:
    """Everything on the session screen that moves by itself with time (the progress bar and
    the status line's elapsed time follow the beat rather than set it)."""
    view = engine.view()
    return (
        view.step,
        view.phase,
        words.big_number(view),
        words.flashing(view),
        figure_moment(view),
        words.title(view, engine.session),
        words.target_text(view),
    )


@pytest.mark.parametrize("index", [0, 1])
def test_every_wake_shows_a_change_and_nothing_changes_between_wakes(index: int) -> None:
    clock = FakeClock(START)
    engine = SessionEngine(
        sessions()[index],
        clock=clock,
        wall=clock.wall,
        timing=Timing(get_ready=3, switch_sides=2),
    )
    engine.start()
    before = shown(engine)
    count = 0
    while not engine.finished:
        moment = engine.next_change()
        assert moment is not None and moment > clock.now
        last = clock.now
        for part in (0.05, 0.5, 0.95, 0.9999):  # in between: the screen would stay as it is
            clock.now = last + (moment - last) * part
            engine.update()
            assert shown(engine) == before, (clock.now - START, before)
        clock.now = moment
        engine.update()
        after = shown(engine)
        assert after != before, clock.now - START
        before = after
        count += 1
    assert count > 30
