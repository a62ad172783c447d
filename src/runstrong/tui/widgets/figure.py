"""A stick figure of the exercise, drawn to fill the widget, still or moving through a rep."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual.reactive import reactive
from textual.strip import Strip
from textual.visual import Visual, visualize
from textual.widget import Widget

from runstrong.figures import Charset, Figure
from runstrong.figures.render import Drawing, moment, render_position
from runstrong.figures.shapes import Layer

# Which frame to show is the session's business (part of the beat the screen redraws on).
from runstrong.session.beat import figure_moment as figure_moment
from runstrong.session.view import View

# A rep has at most a few dozen frames (beat.FIGURE_FRAMES_PER_SECOND times its tempo).
FRAMES_KEPT = 64

# How each layer of a drawing is coloured: the far side of the body dimmer than the near side,
# so crossing limbs read as one behind the other; the band and a motion path stand apart.
LAYER_STYLES: dict[Layer, str] = {
    Layer.NEAR: "",
    Layer.FAR: "dim",
    Layer.PROP: "",
    Layer.HELD: "dim",
    Layer.BAND: "yellow",
    Layer.PATH: "cyan",
    Layer.GROUND: "dim",
}


def side_caption(figure: Figure | None, side: str | None) -> str:
    """The words under a one-sided exercise's figure: which side the drawing shows working."""
    if figure is None or not figure.works:
        return ""
    return f"{side or figure.works} side"


def styled(drawing: Drawing) -> Text:
    """The drawing as Rich text, each run of cells in its layer's style."""
    text = Text(no_wrap=True, overflow="crop")
    for row, (line, layers) in enumerate(zip(drawing.lines, drawing.layers, strict=True)):
        if row:
            text.append("\n")
        for char, layer in zip(line, layers, strict=True):
            text.append(char, LAYER_STYLES[layer] if layer else "")
    return text


@dataclass(slots=True)
class _Frame:
    """One drawing of the figure, and its cells once painted (for the size and style given)."""

    lines: list[str]
    text: Text
    strips: list[Strip] | None = None
    made_for: tuple[object, ...] | None = None


class ExerciseFigure(Widget):
    """Draws `figure` at the widget's content size; blank when `figure` is None.

    What it shows: `fraction` of the way through one rep when that is set (0 = first key
    position, 0.5 = last, 1 = back at the first), otherwise the key position named by
    `position` ("start", "end", "hold"...; None = the first). A change to any of them asks
    for one redraw, made once the current handler is done, so `show()` setting several costs
    one drawing. Setting the same moment again draws nothing, a rep's frames are drawn once,
    and the widget is repainted only when the drawing itself changes.
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
    # The side working now ("left"/"right") for a one-sided exercise: mirrors the drawing when
    # the figure shows the other one, and names the side on the last row.
    side: reactive[str | None] = reactive(None, repaint=False)

    def __init__(
        self,
        figure: Figure | None = None,
        *,
        position: str | None = None,
        side: str | None = None,
        name: str | None = None,
        id: str | None = None,  # noqa: A002
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._lines: list[str] = []
        self._text = Text()
        # What `_lines` was drawn from: the same figure, moment, size and charset draw the
        # same lines, so a redraw of an unchanged moment (a hold, a rest) costs nothing, and
        # the frames of a rep, drawn once, come back from `_frames` on every later rep.
        self._drawn: tuple[object, ...] | None = None
        self._frames: dict[tuple[object, ...], _Frame] = {}
        self._frame = _Frame([], Text())
        self._frames_of: Figure | None = None
        self._redraw_asked = False
        # The starting values, before there is anything to draw on.
        self.set_reactive(ExerciseFigure.figure, figure)
        self.set_reactive(ExerciseFigure.position, position)
        self.set_reactive(ExerciseFigure.side, side)

    def show(
        self,
        figure: Figure | None,
        *,
        position: str | None = None,
        fraction: float | None = None,
        side: str | None = None,
    ) -> None:
        """Set what to draw in one go (one redraw at most)."""
        self.figure = figure
        self.position = position
        self.fraction = fraction
        self.side = side

    def follow(self, view: View) -> None:
        """Show the session's moment: call it on every tick; it repaints only on change."""
        position, fraction = figure_moment(view)
        side = view.focus.side.value if view.focus.side else None
        self.show(view.exercise.figure, position=position, fraction=fraction, side=side)

    @property
    def lines(self) -> list[str]:
        """The text on screen now, one string per row."""
        return list(self._lines)

    def _drawing(self) -> Drawing | None:
        width, height = self.content_size
        figure = self.figure
        caption = side_caption(figure, self.side)
        if caption and height > 4:
            height -= 1
        if figure is None or width < 1 or height < 1:
            return None
        drawing = render_position(
            figure,
            moment(figure, self.position, self.fraction),
            width,
            height,
            self.charset,
            mirror=figure.mirrored_for(self.side),
            # Without colour the far side cannot be dimmer: it is drawn with fewer dots.
            plain=self.app.no_color,
        )
        if caption and height < self.content_size.height:
            line = caption.center(width)[:width]
            return Drawing([*drawing.lines, line], [*drawing.layers, [None] * len(line)])
        return drawing

    def _ask_redraw(self) -> None:
        if not self._redraw_asked:
            self._redraw_asked = True
            self.call_next(self._redraw)

    def _redraw(self) -> None:
        self._redraw_asked = False
        if self.figure is not self._frames_of:
            self._frames_of, self._drawn = self.figure, None
            self._frames.clear()
        key = (
            self.position,
            self.fraction,
            self.side,
            self.content_size,
            self.charset,
            self.app.no_color,
        )
        if key == self._drawn:
            return
        self._drawn = key
        frame = self._frames.get(key)
        if frame is None:
            drawing = self._drawing()
            frame = _Frame(drawing.lines, styled(drawing)) if drawing else _Frame([], Text())
            if len(self._frames) >= FRAMES_KEPT:
                self._frames.clear()
            self._frames[key] = frame
        if frame.lines != self._lines:
            self._lines, self._text, self._frame = frame.lines, frame.text, frame
            self.refresh()

    def watch_figure(self) -> None:
        self._ask_redraw()

    def watch_position(self) -> None:
        self._ask_redraw()

    def watch_fraction(self) -> None:
        self._ask_redraw()

    def watch_charset(self) -> None:
        self._ask_redraw()

    def watch_side(self) -> None:
        self._ask_redraw()

    def on_resize(self) -> None:
        self._redraw()

    def render(self) -> Text:
        return self._text

    def render_line(self, y: int) -> Strip:
        # A moving figure repaints four times a second with frames it has shown before: the
        # strips of each frame are kept with it, rather than turning its many-styled text into
        # cells again on every repaint (the same conversion Widget.render_line would do).
        frame, style = self._frame, self.visual_style
        if frame.strips is None or frame.made_for != (self.size, style):
            width, height = self.size
            visual = visualize(self, self._text, markup=False)
            frame.strips = Visual.to_strips(self, visual, width, height, style)
            frame.made_for = (self.size, style)
        if y < len(frame.strips):
            return frame.strips[y]
        return Strip.blank(self.size.width, style.rich_style)
