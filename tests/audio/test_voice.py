"""What the voice says as each step starts, worded from the engine's View."""

from __future__ import annotations

from runstrong.audio.voice import announcement
from runstrong.session.engine import SessionEngine
from runstrong.session.events import Event, StepStarted
from runstrong.session.timeline import Timing
from runstrong.workout.model import Side

from ..fakes import FakeClock
from ..helpers import exercise, hold, session


def spoken_over(
    engine: SessionEngine, clock: FakeClock, seconds: float, first: list[Event]
) -> list[str]:
    said = []

    def hear(events: list[Event]) -> None:
        for event in events:
            if isinstance(event, StepStarted):
                sentence = announcement(engine.view())
                if sentence:
                    said.append(sentence)

    hear(first)
    for _ in range(round(seconds / 0.25)):
        clock.advance(0.25)
        hear(engine.update())
    return said


def test_sentences_for_get_ready_switch_rest_and_done() -> None:
    clock = FakeClock()
    engine = SessionEngine(
        session(exercise("Side plank", hold(5), sets=2, rest=30, sides=(Side.LEFT, Side.RIGHT))),
        clock=clock,
        wall=clock.wall,
        timing=Timing(get_ready=3, switch_sides=5),
    )
    said = spoken_over(engine, clock, 3 + 5 + 5 + 5 + 30 + 5 + 5 + 5 + 1, engine.start())
    assert said == [
        "Get ready: Side plank, left side",
        "Switch sides. Side plank, right side",
        "Rest. Last set next",
        "Switch sides. Side plank, right side",
        "Done. Well trained.",
    ]


def test_rest_before_another_exercise_names_it() -> None:
    clock = FakeClock()
    engine = SessionEngine(
        session(exercise("Plank", hold(5)), exercise("Bridge", hold(5))),
        clock=clock,
        wall=clock.wall,
        timing=Timing(get_ready=0),
    )
    said = spoken_over(engine, clock, 5.25, engine.start())
    assert said == ["Rest. Next: Bridge"]
