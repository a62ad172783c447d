"""The ExerciseFigure widget: fills its space, follows position and fraction, repaints only
when the drawing changes."""

from __future__ import annotations

from typing import Any, cast

import pytest
from textual.app import App, ComposeResult

from runstrong.figures import Charset, draw
from runstrong.tui.widgets.figure import ExerciseFigure
from runstrong.workout.catalog import load_library


class FigureApp(App[None]):
    CSS = "ExerciseFigure { width: 30; height: 12; }"

    def compose(self) -> ComposeResult:
        yield ExerciseFigure(load_library()[0]["body-squat"].figure, id="figure")


async def test_draws_at_its_content_size_and_follows_position_and_fraction() -> None:
    app = FigureApp()
    async with app.run_test(size=(60, 20)) as pilot:
        widget = app.query_one(ExerciseFigure)
        figure = widget.figure
        assert figure is not None
        assert widget.lines == draw(figure, 30, 12, position="start", plain=False)
        widget.position = "end"
        await pilot.pause()
        assert widget.lines == draw(figure, 30, 12, position="end", plain=False)
        widget.fraction = 0.25
        await pilot.pause()
        assert widget.lines == draw(figure, 30, 12, fraction=0.25, plain=False)
        widget.show(None)
        await pilot.pause()
        assert widget.lines == []


async def test_repaints_only_when_the_drawing_changes(monkeypatch: pytest.MonkeyPatch) -> None:
    app = FigureApp()
    async with app.run_test(size=(60, 20)) as pilot:
        widget = app.query_one(ExerciseFigure)
        repaints: list[int] = []
        monkeypatch.setattr(widget, "refresh", lambda *a, **k: repaints.append(1))
        widget.fraction = 0.25
        await pilot.pause()
        assert len(repaints) == 1
        widget.fraction = 0.2500001  # moves no dot
        await pilot.pause()
        assert len(repaints) == 1
        widget.charset = Charset.ASCII
        await pilot.pause()
        assert len(repaints) == 2
        assert all(ord(c) < 128 for line in widget.lines for c in line)


def test_figure_moment_follows_the_session() -> None:
    from pathlib import Path
    from tempfile import TemporaryDirectory

    from runstrong.session.engine import SessionEngine
    from runstrong.session.timeline import Timing
    from runstrong.tui.widgets.figure import figure_moment
    from runstrong.workout.catalog import load_session_file
    from runstrong.workout.model import Session

    from ..fakes import FakeClock

    with TemporaryDirectory() as folder:
        path = Path(folder) / "s.toml"
        path.write_text(
            '[session]\nname = "S"\nrest_between_exercises = 10\n'
            '[[exercises]]\nexercise = "body-squat"\nreps = 5\ntempo = 2.0\n'
            '[[exercises]]\nexercise = "front-plank"\nhold = 20\n'
        )
        session = load_session_file(path, load_library()[0])
    assert isinstance(session, Session)
    clock = FakeClock()
    engine = SessionEngine(session, clock=clock, wall=clock.wall, timing=Timing(get_ready=5))
    engine.start()

    def run(seconds: float) -> None:
        for _ in range(round(seconds / 0.25)):
            clock.now += 0.25
            engine.update()

    assert figure_moment(engine.view()) == ("start", None)  # GET READY
    run(5.5)
    assert engine.view().step.kind.value == "REPS"
    position, fraction = figure_moment(engine.view())
    assert position is None and fraction == pytest.approx(0.25, abs=0.01)  # 0.5 s of a 2 s rep
    run(1.0)
    assert figure_moment(engine.view())[1] == pytest.approx(0.75, abs=0.01)
    run(8.5 + 10 + 5 + 1)  # the rest of the reps, the rest, GET READY, into the hold
    assert engine.view().step.kind.value == "HOLD"
    assert figure_moment(engine.view()) == ("hold", None)


def test_a_timed_movement_moves_during_its_hold_and_a_bridge_holds_still() -> None:
    from runstrong.session.timeline import SessionPhase, Step
    from runstrong.session.view import View
    from runstrong.tui.widgets.figure import figure_moment
    from runstrong.workout.model import Exercise, Phase, PhaseKind

    library = load_library()[0]

    def moment(ident: str, elapsed: float) -> tuple[str | None, float | None]:
        step = Step(SessionPhase.HOLD, 0, 1, phase=Phase(PhaseKind.HOLD, 30), seconds=30)
        exercise = Exercise(
            name=ident,
            sets=1,
            phases=(Phase(PhaseKind.HOLD, 30),),
            rest=0,
            figure=library[ident].figure,
        )
        view = View(
            step=step,
            phase=SessionPhase.HOLD,
            focus=step,
            exercise=exercise,
            up_next=None,
            paused=False,
            counting_in=None,
            elapsed=elapsed,
            remaining=30 - elapsed,
            reps=None,
            counts_taps=False,
            step_progress=0.0,
            session_progress=0.0,
            session_elapsed=elapsed,
            correction=None,
            rating_for=None,
            finished=False,
        )
        return figure_moment(view)

    assert moment("glute-bridge", 3.3) == ("hold", None)
    assert moment("front-plank", 3.3) == ("hold", None)
    position, fraction = moment("arm-swing-drill", 0.75)
    assert position is None and fraction == pytest.approx(0.5)


class OneSidedApp(App[None]):
    CSS = "ExerciseFigure { width: 30; height: 12; }"

    def compose(self) -> ComposeResult:
        yield ExerciseFigure(load_library()[0]["single-leg-balance"].figure, id="figure")


async def test_the_right_side_is_drawn_mirrored_and_named(monkeypatch: pytest.MonkeyPatch) -> None:
    figure = load_library()[0]["single-leg-balance"].figure
    assert figure is not None and figure.works == "right"
    monkeypatch.setenv("NO_COLOR", "1")
    app = OneSidedApp()
    async with app.run_test(size=(60, 20)) as pilot:
        widget = app.query_one(ExerciseFigure)
        widget.show(figure, position="hold", side="left")
        await pilot.pause()
        # The last row names the side; above it the drawing, mirrored for the left side, and
        # (without colour) with the far side in fewer dots.
        assert widget.lines[-1].strip() == "left side"
        assert widget.lines[:-1] == draw(figure, 30, 11, position="hold", mirror=True, plain=True)
        widget.show(figure, position="hold", side="right")
        await pilot.pause()
        assert widget.lines[-1].strip() == "right side"
        assert widget.lines[:-1] == draw(figure, 30, 11, position="hold", plain=True)


async def test_the_session_gives_the_figure_room_beside_the_clock() -> None:
    from textual.widgets import Static

    from ..drive import drive
    from ..fakes import FakeClock
    from .test_snapshots import MOMENTS, app_at

    app, _ = app_at(0)
    clock = cast(FakeClock, app.clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await drive(app, clock, MOMENTS["hold"], pilot)
        figure = app.screen.query_one(ExerciseFigure)
        assert figure.display and figure.size.height >= 10
        assert app.screen.query_one("#cues", Static).size.height >= 3


async def test_a_small_screen_shows_the_figure_while_getting_ready() -> None:
    from ..drive import drive
    from ..fakes import FakeClock
    from .test_snapshots import MOMENTS, app_at

    app, _ = app_at(0)
    clock = cast(FakeClock, app.clock)
    async with app.run_test(size=(60, 20)) as pilot:
        await drive(app, clock, MOMENTS["get_ready"], pilot)
        figure = app.screen.query_one(ExerciseFigure)
        assert figure.display and figure.size.height >= 8 and figure.lines
        await drive(app, clock, MOMENTS["hold"] - MOMENTS["get_ready"], pilot)
        assert not figure.display  # the hold keeps the small screen for the clock


async def test_the_same_moment_again_is_not_drawn_again(monkeypatch: pytest.MonkeyPatch) -> None:
    import runstrong.tui.widgets.figure as module
    from runstrong.figures.render import moment as render_moment

    app = FigureApp()
    async with app.run_test(size=(60, 20)) as pilot:
        widget = app.query_one(ExerciseFigure)
        drawn: list[float | None] = []
        original = render_moment

        def counting(figure: Any, position: str | None, fraction: float | None) -> Any:
            drawn.append(fraction)
            return original(figure, position, fraction)

        monkeypatch.setattr(module, "moment", counting)
        for _ in range(3):  # a hold redraws the screen every second: the figure stays as it is
            widget.show(widget.figure, position="hold")
            await pilot.pause()
        for fraction in (0.5, 0.5, 0.25, 0.5):  # a rep's frames are drawn once each
            widget.show(widget.figure, fraction=fraction)
            await pilot.pause()
        assert drawn == [None, 0.5, 0.25]
