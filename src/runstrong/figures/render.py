"""Figures to text: place a position (or a moment between two), draw its lines, fit the frame.

The frame is the same for every position of one figure, so an animation does not jump about
and the ground stays on the bottom row.
"""

from __future__ import annotations

from runstrong.figures.canvas import Canvas, Charset
from runstrong.figures.figure import Figure, KeyPosition, placed
from runstrong.figures.motion import position_at
from runstrong.figures.shapes import Line, Shape, extent, figure_shapes
from runstrong.figures.skeleton import Point

# A close-up shows this far (cm) either side of its body point and above it: a lower leg and
# foot, large enough that an ankle's turn shows.
CLOSE_UP_SIDE = 32.0
CLOSE_UP_ABOVE = 28.0


def figure_frame(figure: Figure) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) that holds every position of the figure and its props, or
    for a close-up the part of the room round its body point in every position."""
    if figure.close_up:
        spots = [placed(figure, position).points[figure.close_up] for position in figure.positions]
        middle = sum(x for x, _ in spots) / len(spots)
        return (
            middle - CLOSE_UP_SIDE,
            0.0,
            middle + CLOSE_UP_SIDE,
            max(y for _, y in spots) + CLOSE_UP_ABOVE,
        )
    shapes: list[Shape] = [Line((0.0, 0.0), (0.0, 0.0))]
    for position in figure.positions:
        shapes.extend(figure_shapes(figure, placed(figure, position)))
    left, _, right, top = extent(shapes)
    margin = 6.0
    # The ground is the bottom edge: what dips a little below it (within the checks'
    # tolerance) is cut off rather than lifting the floor off the last row.
    return left - margin, 0.0, right + margin, top + margin


def draw_shapes(
    shapes: list[Shape],
    frame: tuple[float, float, float, float],
    width: int,
    height: int,
    charset: Charset = Charset.BRAILLE,
) -> list[str]:
    """Shapes in room centimetres -> `height` lines of `width` characters, ground at the bottom."""
    canvas = Canvas(width, height)
    left, bottom, right, top = frame
    across, down = canvas.dots_across - 1, canvas.dots_down - 1
    scale = min(across / max(right - left, 1.0), down / max(top - bottom, 1.0))
    offset = (across - (right - left) * scale) / 2

    def to_dots(point: Point) -> tuple[float, float]:
        return ((point[0] - left) * scale + offset, down - (point[1] - bottom) * scale)

    ground_row = to_dots((0.0, 0.0))[1]
    # Dotted, so a body lying just above the floor still reads as a line of its own.
    canvas.line((0.0, ground_row), (float(across), ground_row), gap=1)
    for shape in shapes:
        if isinstance(shape, Line):
            canvas.line(to_dots(shape.start), to_dots(shape.end), gap=1 if shape.dotted else 0)
        else:
            canvas.circle(to_dots(shape.center), max(shape.radius * scale, 1.0))
    return canvas.lines(charset)


def draw_position(
    figure: Figure,
    position: KeyPosition,
    width: int,
    height: int,
    charset: Charset = Charset.BRAILLE,
) -> list[str]:
    body = placed(figure, position)
    return draw_shapes(figure_shapes(figure, body), figure_frame(figure), width, height, charset)


def draw(
    figure: Figure,
    width: int,
    height: int,
    *,
    position: str | None = None,
    fraction: float | None = None,
    charset: Charset | str = Charset.BRAILLE,
) -> list[str]:
    """The figure at a named key position, or `fraction` of the way through one rep
    (0 = first position, 0.5 = last, 1 = back to the first), or its first position."""
    chosen = Charset(charset)
    if fraction is not None:
        return draw_position(figure, position_at(figure, fraction), width, height, chosen)
    key = figure.position(position) if position else None
    return draw_position(figure, key or figure.positions[0], width, height, chosen)
