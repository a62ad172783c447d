from __future__ import annotations

from runstrong.session.engine import SessionEngine
from runstrong.session.events import Cue, CueEvent, Event, PhaseCorrected, PhaseLogged, SessionEnded
from runstrong.session.timeline import SessionPhase, Timing
from runstrong.workout.model import Exercise, PhaseKind, Side

from .drive import run_engine as run_for
from .fakes import FakeClock
from .helpers import exercise, hold, reps, session

BOTH = (Side.LEFT, Side.RIGHT)


def make(
    *exercises_: Exercise,
    get_ready: int = 10,
    count_in: float = 3.0,
    rest_between: int = 45,
    start: bool = True,
) -> tuple[SessionEngine, FakeClock, list[Event]]:
    clock = FakeClock()
    engine = SessionEngine(
        session(*exercises_, rest_between_exercises=rest_between),
        clock=clock,
        wall=clock.wall,
        timing=Timing(get_ready=get_ready, switch_sides=5, count_in=count_in),
    )
    events = engine.start() if start else []
    return engine, clock, events


def kind(engine: SessionEngine) -> SessionPhase:
    # A call, not an attribute, so a type checker does not carry one assert's narrowing over
    # to the next after the engine moved on.
    return engine.step.kind


def cues(events: list[Event]) -> list[Cue]:
    return [e.cue for e in events if isinstance(e, CueEvent)]


def logged(events: list[Event]) -> list[tuple[str, int, str | None, str, int | None, int]]:
    return [
        (
            e.record.exercise,
            e.record.set_number,
            e.record.side,
            e.record.kind.value,
            e.record.target,
            e.record.actual,
        )
        for e in events
        if isinstance(e, PhaseLogged)
    ]


def test_timeline_of_a_whole_session_runs_by_itself() -> None:
    engine, clock, events = make(
        exercise("Plank", hold(30), sets=2, rest=20),
        exercise("Side plank", hold(15), sets=1, sides=BOTH),
        exercise("Taps", reps(4, tempo=2.0), sets=1),
        rest_between=40,
    )
    kinds = [s.kind for s in engine.timeline]
    assert kinds == [
        SessionPhase.GET_READY,
        SessionPhase.HOLD,
        SessionPhase.REST,
        SessionPhase.HOLD,
        SessionPhase.REST,
        SessionPhase.HOLD,
        SessionPhase.SWITCH,
        SessionPhase.HOLD,
        SessionPhase.REST,
        SessionPhase.REPS,
        SessionPhase.DONE,
    ]
    total = 10 + 30 + 20 + 30 + 40 + 15 + 5 + 15 + 40 + 8
    events += run_for(engine, clock, total + 1)
    assert engine.finished
    assert logged(events) == [
        ("Plank", 1, None, "hold", 30, 30),
        ("Plank", 2, None, "hold", 30, 30),
        ("Side plank", 1, "left", "hold", 15, 15),
        ("Side plank", 1, "right", "hold", 15, 15),
        ("Taps", 1, None, "reps", 4, 4),
    ]
    assert SessionEnded(completed=True) in events
    assert cues(events)[-1] is Cue.COMPLETE


def test_deadlines_chain_without_drift_over_two_hours() -> None:
    plank = exercise("Plank", hold(90), sets=20, rest=37)
    engine, clock, events = make(plank, plank, plank, get_ready=10, rest_between=90)
    expected_end = clock.now + sum(s.seconds or 0 for s in engine.timeline)
    assert expected_end - clock.now > 2 * 3600
    # An irregular, laggy tick: 0.3 s with every 97th update stalled for 2.7 s.
    count = 0
    while not engine.finished:
        count += 1
        clock.advance(2.7 if count % 97 == 0 else 0.3)
        events += engine.update()
    records = [e.record for e in events if isinstance(e, PhaseLogged)]
    assert len(records) == 60
    last_end = records[-1].ended_at - clock.wall() + clock.now
    assert abs(last_end - expected_end) < 1e-6
    # Each hold lasts exactly its target, however late the update that noticed it came.
    assert all(abs((r.ended_at - r.started_at) - 90) < 1e-6 for r in records)


def test_cues_fire_once_each_across_a_stall() -> None:
    engine, clock, _ = make(
        exercise("Plank", hold(30), sets=1), exercise("B", hold(5)), get_ready=0
    )
    events = run_for(engine, clock, 12)
    clock.advance(4.5)  # the event loop stalls straight through half-way
    events += engine.update()
    run_for(engine, clock, 8.75)
    clock.advance(4.5)  # ... and through all three ticks, to 29.75 s
    events += engine.update()
    assert cues(events) == [Cue.HALFWAY, Cue.TICK, Cue.TICK, Cue.TICK]
    events = engine.update()
    assert cues(events) == []
    clock.advance(0.35)  # hold ends at 30 s; the rest starts at that deadline
    events = engine.update()
    assert Cue.REST in cues(events)
    assert engine.view().remaining is not None
    assert abs(engine.view().remaining - (45 - 0.1)) < 1e-6  # type: ignore[operator]


def test_a_stall_longer_than_a_step_finishes_each_step_on_its_deadline() -> None:
    engine, clock, _ = make(exercise("Plank", hold(2), sets=2, rest=2), get_ready=0)
    clock.advance(4.5)  # through hold 1 and its rest into hold 2, under the 5 s gap
    events = engine.update()
    assert [r[5] for r in logged(events)] == [2]
    assert kind(engine) is SessionPhase.HOLD and engine.step.set_number == 2
    assert abs(engine.view().elapsed - 0.5) < 1e-9
    assert cues(events).count(Cue.TICK) == 2  # one in the hold, one in the rest


def test_a_gap_longer_than_five_seconds_pauses_where_it_began() -> None:
    engine, clock, _ = make(exercise("Plank", hold(20), sets=2, rest=5), get_ready=0)
    run_for(engine, clock, 6)
    clock.advance(300)  # Ctrl+Z, a closed lid: the app saw none of this
    events = engine.update()
    assert logged(events) == [] and engine.records == []
    view = engine.view()
    assert view.phase == "PAUSED" and abs(view.elapsed - 6) < 1e-9
    engine.toggle_pause()
    assert engine.view().phase == "COUNT-IN"
    events = run_for(engine, clock, 3 + 14.25)
    assert logged(events) == [("Plank", 1, None, "hold", 20, 20)]


def test_pause_moves_the_deadline_and_resume_counts_in() -> None:
    engine, clock, _ = make(exercise("Plank", hold(20)), get_ready=0, count_in=3)
    run_for(engine, clock, 5)
    engine.toggle_pause()
    assert engine.view().phase == "PAUSED"
    clock.advance(3600)  # an hour on the phone
    assert engine.update() == []
    assert abs(engine.view().remaining - 15) < 1e-9  # type: ignore[operator]
    engine.toggle_pause()
    view = engine.view()
    # The banner shows the count-in, not HOLD, while the hold's clock is still.
    assert view.phase == "COUNT-IN" and view.counting_in == 3
    clock.advance(2)
    assert abs(engine.view().remaining - 15) < 1e-9  # type: ignore[operator]
    assert engine.view().counting_in == 1
    events = run_for(engine, clock, 1 + 15 + 0.25)
    assert logged(events) == [("Plank", 1, None, "hold", 20, 20)]
    assert engine.finished


def test_count_in_can_be_switched_off_and_rest_never_counts_in() -> None:
    engine, clock, _ = make(exercise("Plank", hold(20)), get_ready=10, count_in=0)
    clock.advance(2)
    engine.toggle_pause()
    engine.toggle_pause()
    assert engine.view().counting_in is None
    engine2, _clock2, _ = make(exercise("Plank", hold(20)), count_in=3, get_ready=10)
    engine2.toggle_pause()
    engine2.toggle_pause()
    assert engine2.view().counting_in is None  # GET READY is not work


def test_cues_are_not_repeated_after_pause_and_count_in() -> None:
    engine, clock, _ = make(exercise("Plank", hold(10)), exercise("B", hold(5)), get_ready=0)
    events = run_for(engine, clock, 8)  # ticks at 7 and 8 s already fired
    assert cues(events).count(Cue.TICK) == 2
    engine.toggle_pause()
    clock.advance(60)
    engine.toggle_pause()
    events = run_for(engine, clock, 3 + 2.25)
    assert cues(events).count(Cue.TICK) == 1


def test_tempo_reps_count_themselves() -> None:
    engine, clock, _ = make(exercise("Taps", reps(10, tempo=2.0), sets=1), get_ready=0)
    events = run_for(engine, clock, 7)
    assert engine.view().reps == 3
    assert cues(events) == [Cue.REP] * 3
    events = run_for(engine, clock, 13.25)
    assert logged(events) == [("Taps", 1, None, "reps", 10, 10)]
    assert engine.finished


def test_enter_ends_tempo_reps_early_with_the_reps_counted() -> None:
    engine, clock, _ = make(exercise("Taps", reps(10, tempo=2.0), sets=2), get_ready=0)
    run_for(engine, clock, 9)
    events = engine.done()
    assert logged(events) == [("Taps", 1, None, "reps", 10, 4)]


def test_tapped_reps_space_counts_past_the_target_and_enter_ends_the_set() -> None:
    engine, clock, _ = make(exercise("Lunge", reps(3), sets=2, sides=BOTH), get_ready=0)
    assert engine.counts_taps and engine.view().counts_taps
    run_for(engine, clock, 60)
    assert kind(engine) is SessionPhase.REPS  # untimed: nothing ends by itself
    for _ in range(4):
        assert logged(engine.tap()) == []  # the target does not end the set
    assert engine.view().reps == 4
    events = engine.done()
    assert logged(events) == [("Lunge", 1, "left", "reps", 3, 4)]
    assert kind(engine) is SessionPhase.SWITCH
    run_for(engine, clock, 5.25)
    engine.tap()
    events = engine.done()  # enter after some taps logs what was tapped
    assert logged(events) == [("Lunge", 1, "right", "reps", 3, 1)]
    assert kind(engine) is SessionPhase.REST
    events = engine.adjust_reps(+1) + engine.adjust_reps(+1)
    corrected = [e.record.actual for e in events if isinstance(e, PhaseCorrected)]
    assert corrected == [2, 3] and engine.records[-1].actual == 3
    engine.done()  # skip the rest
    events = engine.done()  # enter without taps: the set is done at its target
    assert logged(events) == [("Lunge", 2, "left", "reps", 3, 3)]


def test_adjust_reps_only_during_rest() -> None:
    engine, _clock, _ = make(exercise("Lunge", reps(3), sets=2), get_ready=0)
    assert engine.adjust_reps(1) == []


def test_hold_stopped_early_and_hold_to_max() -> None:
    engine, clock, _ = make(
        exercise("Plank", hold(30)), exercise("Test", hold(None)), get_ready=0, rest_between=10
    )
    run_for(engine, clock, 12.5)
    events = engine.done()
    assert logged(events) == [("Plank", 1, None, "hold", 30, 12)]
    engine.done()  # skip rest: GET READY is not in this session's timing
    run_for(engine, clock, 600)
    view = engine.view()
    assert view.remaining is None and abs(view.elapsed - 600) < 1e-9
    assert engine.update() == []
    events = engine.done()
    assert logged(events) == [("Test", 1, None, "hold", None, 600)]
    assert engine.finished


def test_compound_set_logs_a_record_per_phase() -> None:
    engine, clock, _ = make(
        exercise("Bridge", hold(30), reps(15, tempo=1.5), sets=2, rest=30), get_ready=0
    )
    events = run_for(engine, clock, 30 + 22.5 + 30 + 30 + 22.5 + 0.25)
    assert logged(events) == [
        ("Bridge", 1, None, "hold", 30, 30),
        ("Bridge", 1, None, "reps", 15, 15),
        ("Bridge", 2, None, "hold", 30, 30),
        ("Bridge", 2, None, "reps", 15, 15),
    ]
    assert engine.finished


def test_enter_skips_get_ready_and_rest_and_r_adds_rest() -> None:
    engine, clock, _ = make(exercise("Plank", hold(10), sets=2, rest=30))
    assert kind(engine) is SessionPhase.GET_READY
    engine.done()
    assert kind(engine) is SessionPhase.HOLD
    run_for(engine, clock, 10.25)
    assert kind(engine) is SessionPhase.REST
    engine.add_rest()
    assert engine.view().remaining == 45 - 0.25
    events = run_for(engine, clock, 45)
    assert kind(engine) is SessionPhase.HOLD
    assert cues(events).count(Cue.TICK) == 3


def test_skip_exercise_and_back() -> None:
    engine, clock, _ = make(
        exercise("A", hold(10), sets=3), exercise("B", hold(10), sets=2), get_ready=0
    )
    run_for(engine, clock, 10.25)  # A set 1 done, resting
    assert kind(engine) is SessionPhase.REST
    engine.back()
    assert (engine.step.exercise, engine.step.set_number, engine.step.kind) == (
        0,
        1,
        SessionPhase.HOLD,
    )
    engine.done()  # the count-in a jump starts with
    engine.done()  # the hold
    engine.done()  # the rest: now in A set 2
    assert engine.step.set_number == 2
    engine.back()
    assert engine.step.set_number == 1
    engine.skip_exercise()
    assert (engine.step.exercise, engine.step.set_number) == (1, 1)
    engine.skip_exercise()
    assert engine.finished


def test_progress_and_next_preview() -> None:
    engine, clock, _ = make(exercise("A", hold(10)), exercise("B", reps(5)), get_ready=10)
    view = engine.view()
    assert view.session_progress == 0
    assert view.up_next is not None and view.up_next == view.focus
    assert view.focus.exercise == 0 and view.exercise.name == "A"
    run_for(engine, clock, 5)
    assert 0 < engine.view().session_progress < 1
    assert engine.view().step_progress == 0.5


def test_cue_for_every_step_start_and_speech() -> None:
    engine, clock, events = make(exercise("Side plank", hold(5), sets=2, sides=BOTH), get_ready=3)
    events += run_for(engine, clock, 3 + 5 + 5 + 5 + 30 + 5 + 5 + 5 + 1)
    assert cues(events).count(Cue.SWITCH) == 2
    assert cues(events).count(Cue.GO) == 4


def test_stop_keeps_what_was_done() -> None:
    engine, clock, _ = make(exercise("A", hold(10), sets=2), get_ready=0)
    run_for(engine, clock, 10.25)
    events = engine.stop()
    assert events == [SessionEnded(completed=False)]
    assert len(engine.records) == 1 and engine.records[0].kind is PhaseKind.HOLD
    assert engine.update() == [] and engine.done() == []


def test_wall_clock_times_of_records() -> None:
    engine, clock, _ = make(exercise("A", hold(10)), get_ready=0)
    start_wall = clock.wall()
    run_for(engine, clock, 9)
    clock.advance(4)  # noticed 3 s late
    (record,) = [e.record for e in engine.update() if isinstance(e, PhaseLogged)]
    assert record.started_at == start_wall
    assert record.ended_at == start_wall + 10


def test_resume_from_a_later_step() -> None:
    first, clock, _ = make(exercise("A", hold(10), sets=3))
    run_for(first, clock, 10 + 10.25)  # GET READY, set 1: resting before set 2
    engine = SessionEngine(first.session, clock=clock, wall=clock.wall, done=first.records)
    engine.start()
    # A resume lands in GET READY for the set, never in a running hold.
    assert kind(engine) is SessionPhase.GET_READY
    assert engine.view().focus.set_number == 2 and engine.index == 3
    run_for(engine, clock, 10.25)
    assert kind(engine) is SessionPhase.HOLD and engine.step.set_number == 2


def test_adjust_reps_leaves_older_sets_alone_after_a_hold() -> None:
    engine, clock, _ = make(exercise("Lunge", reps(3)), exercise("Plank", hold(5)), get_ready=0)
    engine.done()  # lunge set logged at its target
    engine.done()  # skip the rest
    run_for(engine, clock, 5.25)  # plank done: finished
    assert engine.adjust_reps(-1) == []
    assert engine.records[0].actual == 3


def test_skip_and_back_land_in_get_ready_for_the_step_they_land_on() -> None:
    engine, clock, _ = make(exercise("A", hold(10), sets=2), exercise("B", hold(10)), get_ready=5)
    run_for(engine, clock, 5 + 3)  # into A set 1
    engine.skip_exercise()
    view = engine.view()
    assert view.phase == "GET READY" and view.focus.exercise == 1
    assert view.exercise.name == "B" and view.up_next == view.focus
    run_for(engine, clock, 2)
    assert engine.view().elapsed == 2 and engine.records == []  # B's clock has not started
    engine.back()
    view = engine.view()
    assert view.phase == "GET READY" and (view.focus.exercise, view.focus.set_number) == (0, 2)
    events = run_for(engine, clock, 5.25)
    assert kind(engine) is SessionPhase.HOLD and Cue.GO in cues(events)


def test_with_get_ready_off_a_jump_counts_in_instead() -> None:
    engine, clock, _ = make(
        exercise("A", hold(10), sets=2), exercise("B", hold(10)), get_ready=0, count_in=0
    )
    run_for(engine, clock, 3)
    engine.skip_exercise()
    view = engine.view()
    assert view.phase == "COUNT-IN" and view.counting_in == 3 and view.remaining == 10


def test_back_redoes_a_set_and_its_record_replaces_the_first() -> None:
    engine, clock, _ = make(exercise("Taps", reps(5, tempo=1.0), sets=2, rest=10), get_ready=3)
    run_for(engine, clock, 3 + 5.25)  # set 1 logged: 5 reps
    assert kind(engine) is SessionPhase.REST
    engine.back()  # redo set 1
    run_for(engine, clock, 3 + 2)
    events = engine.done()  # only 2 reps this time
    assert logged(events) == [("Taps", 1, None, "reps", 5, 2)]
    assert [(r.set_number, r.actual) for r in engine.records] == [(1, 2)]


def test_plus_minus_correct_only_in_the_rest_right_after_a_rep_set() -> None:
    engine, clock, _ = make(
        exercise("Deadbug", reps(10, tempo=1.0), sets=2, rest=20),
        exercise("Plank", hold(5)),
        get_ready=0,
        rest_between=10,
    )
    assert engine.view().correction is None
    run_for(engine, clock, 10.25)
    view = engine.view()
    assert view.phase == "REST" and view.correction is not None
    engine.adjust_reps(-1)
    correction = engine.view().correction
    assert correction is not None and correction.actual == 9
    run_for(engine, clock, 20 + 10.25)  # set 2, then the rest before the plank
    engine.done()
    run_for(engine, clock, 5.25)
    assert engine.finished and engine.view().correction is None
    assert engine.adjust_reps(1) == []


def test_up_next_names_the_second_side_in_the_rest_before_it() -> None:
    engine, clock, _ = make(exercise("Clam", hold(5), sets=2, rest=10, sides=BOTH), get_ready=0)
    run_for(engine, clock, 5 + 5 + 5.25)  # left, switch, right: resting before set 2
    view = engine.view()
    assert view.phase == "REST"
    assert view.up_next is not None and view.up_next.side == "left"
    assert (view.up_next.set_number, view.exercise.name) == (2, "Clam")
    run_for(engine, clock, 10 + 5.25)  # set 2 left done: switching
    view = engine.view()
    assert view.phase == "SWITCH SIDES" and view.up_next is not None
    assert view.up_next.side == "right" and view.focus == view.up_next


def test_a_resumed_engine_carries_the_earlier_records() -> None:
    first, clock, _ = make(exercise("A", hold(5), sets=2), get_ready=0)
    run_for(first, clock, 5.25)
    done = list(first.records)
    engine = SessionEngine(
        first.session, clock=clock, wall=clock.wall, done=done, timing=first.timing
    )
    assert engine.index == 2  # the engine finds the first set not done itself
    engine.start()
    run_for(engine, clock, 3 + 5.25)
    assert [r.set_number for r in engine.records] == [1, 2]
    assert engine.records[1].seq == done[0].seq + 1
