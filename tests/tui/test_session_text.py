"""What the session screen says and when its digits flash, from engine states."""

from __future__ import annotations

from collections.abc import Iterator

from textual.binding import Binding

from runstrong.application import session_text as words
from runstrong.formatting import duration_text
from runstrong.session.engine import SessionEngine
from runstrong.session.timeline import SessionPhase
from runstrong.session.view import View
from runstrong.tui.screens.session import SessionScreen
from runstrong.workout.model import Exercise, Side

from ..fakes import FakeClock
from ..helpers import exercise, hold, reps, session

BOTH = (Side.LEFT, Side.RIGHT)


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


def views_to_the_end(engine: SessionEngine, clock: FakeClock) -> Iterator[View]:
    """What the screen would show every half second, from the start to the last step."""
    while not engine.finished:
        yield engine.view()
        for _ in range(2):
            clock.advance(0.25)
            engine.update()


def test_up_next_and_next_line_always_name_the_same_step() -> None:
    # The last exercise has sides: its rests and switches must name what is still to come.
    engine, clock = make(
        exercise("Bridge", reps(3, tempo=1.0), sets=1),
        exercise("Clam", hold(4), sets=2, rest=6, sides=BOTH),
        get_ready=3,
    )
    checked, finished_in = 0, set()
    for view in views_to_the_end(engine, clock):
        title, bottom = words.title(view, engine.session), words.next_text(view, engine.session)
        if title.startswith("Up next: "):
            name = title.removeprefix("Up next: ").split(words.SEPARATOR)[0]
            assert bottom.startswith(f"Next: {name}"), (title, bottom)
            checked += 1
        if "finished" in bottom:
            finished_in.add((view.step.kind.value, view.step.set_number, view.step.side))
    assert checked > 10
    # "finished" only while the very last side of the very last set is under way.
    assert finished_in == {("HOLD", 2, "right")}


def test_fix_reps_hint_only_in_a_rest_right_after_a_rep_set() -> None:
    engine, clock = make(
        exercise("Deadbug", reps(4, tempo=1.0), sets=2, rest=10),
        exercise("Plank", hold(5), sets=2, rest=10),
    )
    hint_seen: set[tuple[str, int, int]] = set()
    rests_without: set[tuple[str, int, int]] = set()
    for view in views_to_the_end(engine, clock):
        where = (view.step.kind.value, view.step.exercise, view.step.set_number)
        hint = words.hint_text(view, muted=False, rated={})
        (hint_seen if "fix reps" in hint else rests_without).add(where)
    # After each deadbug set (reps) the rest offers +/-; after the plank (a hold) it does
    # not, and no other step ever shows it.
    assert hint_seen == {("REST", 0, 1), ("REST", 0, 2)}
    assert ("REST", 1, 1) in rests_without


PHASE_WORDS = [phase.value for phase in SessionPhase]


def test_phase_words_appear_only_for_the_current_phase() -> None:
    """Only the banner names the phase: no other line of the session screen (and no key in
    its footer) says HOLD while the person rests, or REST during a hold."""
    engine, clock = make(
        exercise("Side plank", hold(4), sets=2, rest=5, sides=BOTH),
        exercise("Taps", reps(3, tempo=1.0)),
    )
    keys = [
        binding.description for binding in SessionScreen.BINDINGS if isinstance(binding, Binding)
    ]
    seen = set()
    for view in views_to_the_end(engine, clock):
        seen.add(view.phase)
        sess = engine.session
        lines = [
            words.status_text(view, sess),
            words.title(view, sess),
            words.target_text(view),
            words.hint_text(view, muted=True, rated={}),
            words.next_text(view, sess),
            *view.exercise.cues,
            *keys,
        ]
        text = "\n".join(lines)
        assert [w for w in PHASE_WORDS if w in text] == [], (view.phase, text)
    assert {"GET READY", "HOLD", "SWITCH SIDES", "REST", "REPS"} <= seen
