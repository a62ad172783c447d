"""The ExerciseFigure widget: fills its space, follows position and fraction, repaints only
when the drawing changes."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from runstrong.figures import Charset, draw
from runstrong.tui.widgets.figure import ExerciseFigure
from runstrong.workouts import load_library


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
        assert widget.lines == draw(figure, 30, 12, position="start")
        widget.position = "end"
        await pilot.pause()
        assert widget.lines == draw(figure, 30, 12, position="end")
        widget.fraction = 0.25
        await pilot.pause()
        assert widget.lines == draw(figure, 30, 12, fraction=0.25)
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
