"""Keys pressed on the mat do what the screen says, at the awkward moments too."""

from __future__ import annotations

from dataclasses import replace

from runstrong import paths
from runstrong.history import HistoryStore
from runstrong.session.timeline import SessionPhase, Timing
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.dialogs import ConfirmQuit
from runstrong.tui.screens.session import SessionScreen
from runstrong.tui.widgets.phase_banner import PhaseBanner
from runstrong.workout.model import Exercise, Side

from ..conftest import make_app as shared_app
from ..conftest import screen_text
from ..drive import drive
from ..fakes import FakeClock
from ..helpers import exercise, hold, reps

BOTH = (Side.LEFT, Side.RIGHT)


def make_app(*exercises_: Exercise, get_ready: int = 5) -> tuple[RunstrongApp, FakeClock]:
    app, clock, _ = shared_app(*exercises_, timing=Timing(get_ready=get_ready, switch_sides=3))
    return app, clock


async def test_ctrl_c_asks_like_q() -> None:
    app, clock = make_app(exercise("Plank", hold(20)))
    async with app.run_test(size=(80, 24)) as pilot:
        await drive(app, clock, 7, pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmQuit)
        await pilot.press("n")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen) and app.is_running


async def test_plus_minus_show_the_corrected_count_at_once() -> None:
    app, clock = make_app(exercise("Deadbug", reps(10, tempo=1.0), sets=2, rest=30))
    async with app.run_test(size=(80, 24)) as pilot:
        await drive(app, clock, 5 + 10.25, pilot)  # set 1 done: resting
        assert "Deadbug, set 1: 10 reps" in screen_text(app, "#hint")
        assert "+/- fix reps" in screen_text(app, "#hint")
        await pilot.press("minus")
        await pilot.pause()
        assert "Deadbug, set 1: 9 reps" in screen_text(app, "#hint")


async def test_count_in_after_a_pause_shows_count_in_not_hold() -> None:
    app, clock = make_app(exercise("Plank", hold(20)), get_ready=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await drive(app, clock, 4, pilot)
        await pilot.press("p")
        await pilot.press("p")
        await pilot.pause()
        banner = app.screen.query_one(PhaseBanner)
        phases = [banner.phase]
        await drive(app, clock, 3.25, pilot)
        phases.append(banner.phase)
        assert phases == [SessionPhase.COUNT_IN, SessionPhase.HOLD]


async def test_self_counted_reps_pass_the_target_and_enter_ends_the_set() -> None:
    app, clock = make_app(exercise("Lunge", reps(10), sets=1), exercise("Plank", hold(5)))
    async with app.run_test(size=(80, 24)) as pilot:
        await drive(app, clock, 5.25, pilot)
        assert "space counts a rep, enter ends the set" in screen_text(app, "#target")
        for _ in range(12):
            await pilot.press("space")
        await pilot.pause()
        assert app.screen.query_one(PhaseBanner).phase is SessionPhase.REPS
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen.query_one(PhaseBanner).phase is SessionPhase.REST
    store = HistoryStore(paths.history_file())
    ((lunge,),) = [[s for s in row.sets] for row in store.sessions()]
    assert (lunge.target, lunge.actual) == (10, 12)


async def test_back_redoes_a_set_and_the_history_keeps_only_the_redo() -> None:
    app, clock = make_app(exercise("Plank", hold(6), sets=2, rest=10))
    async with app.run_test(size=(80, 24)) as pilot:
        await drive(app, clock, 5 + 6.25, pilot)  # set 1 logged at 6 s; resting
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        view = screen.runner.view
        assert view.phase is SessionPhase.GET_READY and view.focus.set_number == 1
        await drive(app, clock, 5 + 3, pilot)
        await pilot.press("enter")  # the redo ends at 3 s
        await pilot.pause()
    store = HistoryStore(paths.history_file())
    (row,) = store.sessions()
    assert [(s.set, s.actual) for s in row.sets] == [(1, 3)]
    assert [(st.best, st.sessions) for st in store.exercise_stats()] == [(3, 1)]


async def test_time_the_app_did_not_see_pauses_and_logs_nothing() -> None:
    app, clock = make_app(exercise("Plank", hold(20), sets=2, rest=10), get_ready=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await drive(app, clock, 6, pilot)
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        clock.advance(120)  # Ctrl+Z, SIGSTOP or a closed lid: no update for two minutes
        screen.runner.tick()
        await pilot.pause()
        banner = screen.query_one(PhaseBanner)
        view = screen.runner.view
        assert banner.phase == SessionPhase.PAUSED and view.remaining == 14
        assert screen.runner.records == []
        await pilot.press("p")
        await pilot.pause()
        phases = [banner.phase]
        await drive(app, clock, 3 + 14.25, pilot)
        assert phases == [SessionPhase.COUNT_IN]
        assert [r.actual for r in screen.runner.records] == [20]


async def test_info_shows_the_exercise_figure_in_each_key_position() -> None:
    from runstrong.figures import draw
    from runstrong.tui.screens.dialogs import ExerciseInfo
    from runstrong.tui.widgets.figure import ExerciseFigure
    from runstrong.workout.catalog import load_library

    bridge = load_library()[0]["glute-bridge"]
    app, clock = make_app(replace(exercise("Bridge", reps(5, tempo=2.0)), figure=bridge.figure))
    async with app.run_test(size=(80, 24)) as pilot:
        await drive(app, clock, 2, pilot)
        assert app.screen.query_one(ExerciseFigure).figure is bridge.figure
        await pilot.press("i")
        await pilot.pause()
        assert isinstance(app.screen, ExerciseInfo)
        assert bridge.figure is not None
        figures = list(app.screen.query(ExerciseFigure))
        # Each drawn at its own key position (the label "end / hold" names two equal ones),
        # so the dialog shows the same start and end as the figure beside the clock.
        assert [f.position for f in figures] == ["start", "end"]
        assert figures[0].lines != figures[1].lines
        assert figures[1].lines == draw(
            bridge.figure, *figures[1].content_size, position="end", plain=app.no_color
        )
