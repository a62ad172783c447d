"""The session runner in plain Python, on a fake clock: what the screen and the companion page
share. Commands are methods, the state is the engine's View, events go to sound, voice and the
history, and listeners hear every change."""

from __future__ import annotations

from pathlib import Path

from runstrong.application.runner import SessionRunner
from runstrong.application.summary import summarize
from runstrong.history import HistoryStore
from runstrong.session.events import PhaseRecord
from runstrong.session.timeline import SessionPhase, Step, Timing

from ..fakes import FakeClock, FakePlayer
from ..helpers import exercise, hold, reps, session

SESSION = session(
    exercise("Plank", hold(10), sets=2, rest=5),
    exercise("Squat", reps(3, 1.0)),
    rest_between_exercises=5,
)


def make(
    store: HistoryStore | None = None, *, muted: bool = False
) -> tuple[SessionRunner, FakeClock, FakePlayer, list[int]]:
    clock, player = FakeClock(), FakePlayer()
    runner = SessionRunner.begin(
        SESSION,
        store=store,
        player=player,
        timing=Timing(get_ready=0),
        clock=clock,
        wall=clock.wall,
        muted=muted,
    )
    changes: list[int] = []
    runner.listen(lambda: changes.append(1))
    runner.start()
    return runner, clock, player, changes


def run(runner: SessionRunner, clock: FakeClock, seconds: float) -> None:
    for _ in range(round(seconds / 0.25)):
        clock.advance(0.25)
        runner.tick()


def test_events_go_to_sound_voice_and_history(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    runner, clock, player, changes = make(store)
    assert player.played[:1] == ["go"] and changes == [1]
    run(runner, clock, 10.25)  # plank set 1 done: resting
    assert runner.view.step.kind is SessionPhase.REST
    assert "rest" in player.played and "tick" in player.played
    (row,) = store.sessions()
    assert [s.actual for s in row.sets] == [10]
    assert runner.saving_problem is None and len(changes) == 1 + 41


def test_muted_plays_and_says_nothing() -> None:
    runner, clock, player, _ = make(muted=True)
    run(runner, clock, 12)
    assert player.played == [] and player.said == []
    runner.toggle_mute()
    run(runner, clock, 5)
    assert player.played  # the next step's cue


def test_commands_are_plain_methods_and_the_view_answers() -> None:
    runner, _, _, changes = make()
    runner.toggle_pause()
    assert runner.view.paused
    runner.toggle_pause()
    runner.done()  # enter in the count-in: the hold runs at once
    assert runner.view.phase is SessionPhase.HOLD
    runner.done()  # the hold ends at once: a set of nothing is skipped, not logged
    assert runner.view.step.kind is SessionPhase.REST and runner.records == []
    before = runner.view.remaining
    runner.more_rest()
    assert runner.view.remaining == (before or 0) + 15
    runner.back()  # redo plank set 1
    assert runner.view.focus.set_number == 1
    runner.skip()  # on to the squats
    assert runner.view.focus.exercise == 1
    assert len(changes) == 1 + 7  # the start, then one per command


def test_effort_and_fixing_the_count_only_when_they_apply(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    runner, clock, _, _ = make(store)
    assert not runner.rate(7)  # nothing to rate during a hold
    run(runner, clock, 10.25 + 5 + 10.25)  # both plank sets: resting before the squats
    assert runner.view.rating_for == 0
    assert not runner.rate(11)
    assert runner.rate(7) and runner.rated == {0: 7}
    run(runner, clock, 5 + 3.25)  # the squats, three reps on a 1 s tempo
    runner.fix_count(-1)
    assert runner.ended is True  # the last set ends the session: nothing to fix any more
    (row,) = store.sessions()
    assert [s.rpe for s in row.sets][:2] == [7, 7] and row.status == "completed"


def test_stop_ends_the_session_and_the_summary_counts_what_was_done() -> None:
    runner, clock, _, _ = make()
    run(runner, clock, 10.25)
    runner.stop()
    assert runner.ended is False
    summary = runner.summary()
    assert (summary.sets_done, summary.sets_planned) == (1, 3)


def test_without_a_history_the_runner_says_what_is_not_saved() -> None:
    runner, clock, _, _ = make(None)
    run(runner, clock, 10.25)
    assert runner.saving_problem == "History not saved: no history file"


def test_a_resumed_runner_starts_at_the_first_set_not_done(tmp_path: Path) -> None:
    store = HistoryStore(tmp_path / "h.sqlite3")
    first, clock, _, _ = make(store)
    run(first, clock, 10.25)
    (unfinished,) = store.unfinished()
    runner = SessionRunner.begin(
        SESSION,
        store=store,
        player=FakePlayer(),
        timing=Timing(get_ready=0),
        clock=clock,
        wall=clock.wall,
        resume_id=unfinished.id,
        done=store.records_of(unfinished.id),
    )
    runner.start()
    assert runner.view.focus.set_number == 2 and runner.view.exercise.name == "Plank"


def test_a_stopped_summary_says_skipped_only_for_exercises_passed_over() -> None:
    def held(seq: int, index: int, at: float) -> PhaseRecord:
        item = plan.exercises[index]
        step = Step(SessionPhase.HOLD, index, 1, None, 0, item.phases[0], 5)
        return PhaseRecord.of(seq, step, item, 5, at, at + 5)

    plan = session(
        exercise("Plank", hold(5)), exercise("Bridge", hold(5)), exercise("Squat", hold(5))
    )
    done = [held(0, 0, 0.0)]
    rows = {r.name: r.actuals for r in summarize(plan, done, 10.0).exercises}
    assert rows == {"Plank": "5 s", "Bridge": "not reached", "Squat": "not reached"}
    done.append(held(1, 2, 9.0))
    rows = {r.name: r.actuals for r in summarize(plan, done, 20.0).exercises}
    assert rows == {"Plank": "5 s", "Bridge": "skipped", "Squat": "5 s"}


def test_the_summary_says_each_sets_load_in_the_persons_units() -> None:

    plan = session(exercise("Goblet squat", reps(8), sets=3), exercise("Plank", hold(30), sets=2))

    def logged(seq: int, index: int, actual: int, load: float | None) -> PhaseRecord:
        item = plan.exercises[index]
        kind = SessionPhase.REPS if index == 0 else SessionPhase.HOLD
        step = Step(kind, index, seq + 1, None, 0, item.phases[0], None)
        return PhaseRecord.of(seq, step, item, actual, 0.0, 30.0, load)

    same = [logged(n, 0, 8, 20.0) for n in range(3)]
    rows = {r.name: r.actuals for r in summarize(plan, same, 60.0).exercises}
    assert rows["Goblet squat"] == "8 x 20 kg"  # the same in every set: said once
    varied = [logged(0, 0, 8, 20.0), logged(1, 0, 8, 22.5), logged(2, 0, 6, 22.5)]
    varied += [logged(3, 1, 30, None), logged(4, 1, 28, None)]
    rows = {r.name: r.actuals for r in summarize(plan, varied, 60.0, units="lb").exercises}
    assert rows == {"Goblet squat": "8 x 44.1 lb, 8 x 49.6 lb, 6 x 49.6 lb", "Plank": "30 s, 28 s"}
