"""A stick figure of the exercise, drawn to fill the widget, still or moving through a rep."""

from __future__ import annotations

from rich.segment import Segment
from textual.reactive import reactive
from textual.strip import Strip
from textual.widget import Widget

from runstrong.figures import Charset, Figure, draw

# Which frame to show is the session's business (part of the beat the screen redraws on).
from runstrong.session.beat import figure_moment as figure_moment
from runstrong.session.view import View

# A rep has at most a few dozen frames (beat.FIGURE_FRAMES_PER_SECOND times its tempo).
FRAMES_KEPT = 64


class ExerciseFigure(Widget):
    """Draws `figure` at the widget's content size; blank when `figure` is None.

    What it shows: `fraction` of the way through one rep when that is set (0 = first key
    position, 0.5 = last, 1 = back at the first), otherwise the key position named by
    `position` ("start", "end", "hold"...; None = the first). Use `show()` to change several
    at once. Setting the same moment again draws nothing; a new one replaces the text, and
    repaints the widget, only when the drawing itself changes.
    """

    DEFAULT_CSS = """
    ExerciseFigure {
        width: 1fr;
        height: 1fr;
        min-width: 8;
        min-height: 4;
        color: $text;
    }
    """

    figure: reactive[Figure | None] = reactive(None, repaint=False)
    position: reactive[str | None] = reactive(None, repaint=False)
    fraction: reactive[float | None] = reactive(None, repaint=False)
    charset: reactive[Charset] = reactive(Charset.BRAILLE, repaint=False)

    def __init__(
        self,
        figure: Figure | None = None,
        *,
        position: str | None = None,
        name: str | None = None,
        id: str | None = None,  # noqa: A002
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._lines: list[str] = []
        # What `_lines` was drawn from: the same figure, moment, size and charset draw the
        # same lines, so a redraw of an unchanged moment (a hold, a rest) costs nothing, and
        # the frames of a rep, drawn once, come back from `_frames` on every later rep.
        self._drawn: tuple[object, ...] | None = None
        self._frames: dict[tuple[object, ...], list[str]] = {}
        self._frames_of: Figure | None = None
        self.set_reactive(ExerciseFigure.figure, figure)
        self.set_reactive(ExerciseFigure.position, position)

    def show(
        self, figure: Figure | None, *, position: str | None = None, fraction: float | None = None
    ) -> None:
        """Set what to draw in one go (one redraw at most)."""
        self.set_reactive(ExerciseFigure.figure, figure)
        self.set_reactive(ExerciseFigure.position, position)
        self.set_reactive(ExerciseFigure.fraction, fraction)
        self._redraw()

    def follow(self, view: View) -> None:
        """Show the session's moment: call it on every tick; it repaints only on change."""
        position, fraction = figure_moment(view)
        self.show(view.exercise.figure, position=position, fraction=fraction)

    @property
    def lines(self) -> list[str]:
        """The text on screen now, one string per row."""
        return list(self._lines)

    def _drawing(self) -> list[str]:
        width, height = self.content_size
        if self.figure is None or width < 1 or height < 1:
            return []
        return draw(
            self.figure,
            width,
            height,
            position=self.position,
            fraction=self.fraction,
            charset=self.charset,
        )

    def _redraw(self) -> None:
        if self.figure is not self._frames_of:
            self._frames_of, self._drawn = self.figure, None
            self._frames.clear()
        key = (self.position, self.fraction, self.content_size, self.charset)
        if key == self._drawn:
            return
        self._drawn = key
        lines = self._frames.get(key)
        if lines is None:
            lines = self._drawing()
            if len(self._frames) >= FRAMES_KEPT:
                self._frames.clear()
            self._frames[key] = lines
        if lines != self._lines:
            self._lines = lines
            self.refresh()

    def watch_figure(self) -> None:
        self._redraw()

    def watch_position(self) -> None:
        self._redraw()

    def watch_fraction(self) -> None:
        self._redraw()

    def watch_charset(self) -> None:
        self._redraw()

    def on_resize(self) -> None:
        self._redraw()

    def render_line(self, y: int) -> Strip:
        # Line by line, straight to the terminal's cells: a moving figure repaints four times a
        # second, and going through a Rich Text and its wrapping each time cost more CPU than
        # drawing the figure.
        style = self.visual_style.rich_style
        width = self.size.width
        if y >= len(self._lines):
            return Strip.blank(width, style)
        return Strip([Segment(self._lines[y], style)]).adjust_cell_length(width, style)
