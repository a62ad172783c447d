"""Figures to text: place a position (or a moment between two), draw its lines, fit the frame.

The frame is the same for every position of one figure, so an animation does not jump about
and the ground stays on the bottom row. A drawing comes with the layer of each character cell
(near limbs, far limbs, props, band, path), so a screen can colour the far side dimmer; in
plain text (`plain=True`, for NO_COLOR or a file) the far side and the path are drawn with
fewer dots instead.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from itertools import pairwise

from runstrong.figures.canvas import Canvas, Charset
from runstrong.figures.clip import Box, hidden, outside
from runstrong.figures.figure import Figure, KeyPosition, placed
from runstrong.figures.motion import between, position_at, rep_keys
from runstrong.figures.plan import plan_room, with_plan
from runstrong.figures.shapes import (
    Arrow,
    Circle,
    Layer,
    Line,
    Shape,
    extent,
    figure_shapes,
)
from runstrong.figures.skeleton import HEAD_RADIUS, Body, Point

# A close-up shows this far (cm) either side of its body point and above it: a lower leg and
# foot, large enough that an ankle's turn shows.
CLOSE_UP_SIDE = 32.0
CLOSE_UP_ABOVE = 50.0
# The whole body, small, in a top corner of a close-up: which part this is, which way it faces.
# It sits in a box of its own, and the close-up's lines stop short of the box (INSET_GAP cm),
# so the two drawings never run into one another.
INSET_SHARE = 0.5
INSET_PAD = 2.5
INSET_GAP = 3.0
# Front to back: a cell shows the colour of the front-most layer among its dots.
LAYER_ORDER = (
    Layer.NEAR,
    Layer.BAND,
    Layer.PATH,
    Layer.PROP,
    Layer.HELD,
    Layer.FAR,
    Layer.GROUND,
)
# The far side of the body is drawn set back by this many dots (back and up), the way a
# drawing in perspective does, so a far limb right behind a near one still shows beside it.
FAR_SHIFT = (-2.0, -1.0)
# Layers drawn behind the near side: they leave a gap where a near line crosses them.
BEHIND = {Layer.FAR, Layer.HELD}
# Samples along a rep for a motion path.
PATH_STEPS = 48
# An arrowhead's barbs, in dots (so it shows at any size), and the dot spacing of a track:
# sparse, so a path never reads as a band or a prop's edge (those are solid lines).
ARROW_DOTS = 4.0
PATH_GAP = 2
# A there-and-back track shorter than this (cm) gets one arrowhead, the way out: two on a
# short track overlap into a bracket that reads as neither direction.
TWO_WAY_TRACK = 45.0
# A ring drawn round a point that goes in circles: its radius (cm) and the part it leaves open.
RING = 16.0
RING_OPEN = 0.17
# ... or this share of the body's length, if larger.
RING_SHARE = 0.13
# How far a ring round a point's whole travel stays outside it (cm).
RING_MARGIN = 12.0
# How far a guide line runs on past its last point (cm), to its arrowhead: clear of a head.
GUIDE_PAST = 34.0
# A guide is drawn in pieces this long (cm), leaving out those inside the head.
GUIDE_STEP = 2.0


@dataclass(frozen=True, slots=True)
class Drawing:
    """Text lines and, per character cell, the front-most layer drawn there (None if blank)."""

    lines: list[str]
    layers: list[list[Layer | None]]


def _close_up_frame(figure: Figure) -> tuple[float, float, float, float]:
    spots = [placed(figure, position).points[figure.close_up] for position in figure.positions]
    middle = sum(x for x, _ in spots) / len(spots)
    return (
        middle - CLOSE_UP_SIDE,
        0.0,
        middle + CLOSE_UP_SIDE,
        max(y for _, y in spots) + CLOSE_UP_ABOVE,
    )


def figure_frame(figure: Figure) -> tuple[float, float, float, float]:
    """(left, bottom, right, top) that holds every position of the figure and its props, or
    for a close-up the part of the room round its body point in every position."""
    if figure.close_up:
        return _close_up_frame(figure)
    shapes: list[Shape] = [Line((0.0, 0.0), (0.0, 0.0)), *path_shapes(figure)]
    for position in figure.positions:
        body = placed(figure, position)
        shapes.extend(figure_shapes(figure, body))
        shapes.extend(ring_shapes(figure, body))
        shapes.extend(guide_shapes(figure, body))
    left, _, right, top = extent(shapes)
    margin = 6.0
    # The ground is the bottom edge: what dips a little below it (within the checks'
    # tolerance) is cut off rather than lifting the floor off the last row.
    return plan_room(figure, (left - margin, 0.0, right + margin, top + margin))


def path_shapes(figure: Figure) -> list[Shape]:
    """Where each of the figure's `path` points travels in one rep: a dotted track with an
    arrowhead at the end of the way out (and one back at the start, for a there-and-back
    swing; a loop goes round, one way)."""
    if not figure.path or len(figure.positions) < 2:
        return []
    # A hold whose rep is one position shows the way into the hold instead, one way.
    into_hold = len(rep_keys(figure)) < 2
    span = 1.0 if figure.loop else 0.5
    if into_hold:
        start, hold = figure.positions[0], figure.position(figure.hold_name)
        bodies = [
            placed(figure, between(figure, start, hold or start, i / PATH_STEPS))
            for i in range(PATH_STEPS + 1)
        ]
    else:
        bodies = [
            placed(figure, position_at(figure, span * i / PATH_STEPS))
            for i in range(PATH_STEPS + 1)
        ]
    shapes: list[Shape] = []
    for point in figure.path:
        track = [body.points[point] for body in bodies]
        shapes.extend(Line(a, b, layer=Layer.PATH) for a, b in pairwise(track))
        shapes.extend(_arrowhead(track[-4], track[-1]))
        if not figure.loop and not into_hold and _length(track) >= TWO_WAY_TRACK:
            shapes.extend(_arrowhead(track[3], track[0]))
    return shapes


def _length(track: list[Point]) -> float:
    return sum(math.dist(a, b) for a, b in pairwise(track))


def ring_shapes(figure: Figure, body: Body) -> list[Shape]:
    """A ring with an arrowhead round each of the figure's `circles` points: it goes round."""
    shapes: list[Shape] = []
    left, _, right, _ = body.extent()
    # A long body (lying) is drawn smaller: the ring grows with it so it still shows.
    ring = max(RING, RING_SHARE * (right - left))
    for point in figure.circles:
        cx, cy = body.points[point]
        # A point that travels further than the ring round its key positions gets one ring
        # round all of its travel, the same in every position: the circle it goes round,
        # with the point drawn where it is on it.
        spots = [placed(figure, position).points[point] for position in figure.positions]
        xs, ys = [x for x, _ in spots], [y for _, y in spots]
        travel = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 + RING_MARGIN
        if travel > ring:
            cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
        radius = max(ring, travel)
        steps = 28
        track = [
            (
                cx + radius * math.cos(2 * math.pi * (0.25 + (1 - RING_OPEN) * i / steps)),
                cy + radius * math.sin(2 * math.pi * (0.25 + (1 - RING_OPEN) * i / steps)),
            )
            for i in range(steps + 1)
        ]
        shapes.extend(Line(a, b, layer=Layer.PATH) for a, b in pairwise(track))
        shapes.extend(_arrowhead(track[-3], track[-1]))
    return shapes


def guide_shapes(figure: Figure, body: Body) -> list[Shape]:
    """The figure's `guide`: a straight dotted line through its points, from the floor (or
    its first point, if the line does not run down) on past the last to an arrowhead."""
    if len(figure.guide) < 2:
        return []
    first, last = body.points[figure.guide[0]], body.points[figure.guide[-1]]
    dx, dy = last[0] - first[0], last[1] - first[1]
    length = max(math.hypot(dx, dy), 1e-6)
    ux, uy = dx / length, dy / length
    # Back along the line to the floor: where an upright body stands.
    back = first[1] / uy if uy > 0.1 else 0.0
    start = (first[0] - ux * back, first[1] - uy * back)
    tip = (last[0] + ux * GUIDE_PAST, last[1] + uy * GUIDE_PAST)
    n = max(1, round(math.dist(start, tip) / GUIDE_STEP))
    dx, dy = (tip[0] - start[0]) / n, (tip[1] - start[1]) / n
    dots = [(start[0] + dx * i, start[1] + dy * i) for i in range(n + 1)]
    head, clear = body.head_center, HEAD_RADIUS + 1.0
    shapes: list[Shape] = [
        Line(a, b, layer=Layer.PATH)
        for a, b in pairwise(dots)
        if min(math.dist(a, head), math.dist(b, head)) > clear
    ]
    return [*shapes, Arrow(start, tip)]


def _arrowhead(before: Point, tip: Point) -> list[Shape]:
    return [Arrow(before, tip)]


def _inset(
    figure: Figure, position: KeyPosition, frame: tuple[float, float, float, float]
) -> tuple[list[Shape], Box]:
    """The whole body, small, in a box in the top corner the close-up leaves emptier, with a
    ring round the close-up point; and the box (left, bottom, right, top)."""
    whole = figure_shapes(figure, placed(figure, position))
    w_left, _, w_right, w_top = extent(whole)
    left, _, right, top = frame
    size = (right - left) * INSET_SHARE
    scale = min(size / max(w_right - w_left, 1.0), size / max(w_top, 1.0))
    pad = INSET_PAD
    wide, high = (w_right - w_left) * scale, w_top * scale
    y0 = top - pad - high
    # The corner that hides less of the close-up's own drawing.
    corners = (left + pad, right - pad - wide)
    x0 = min(corners, key=lambda x: hidden(whole, (x - pad, y0 - pad, x + wide + pad, top)))

    def small(p: Point) -> Point:
        return (x0 + (p[0] - w_left) * scale, y0 + p[1] * scale)

    shapes: list[Shape] = [Line(small((w_left, 0.0)), small((w_right, 0.0)), layer=Layer.PROP)]
    for shape in whole:
        if isinstance(shape, Line):
            layer = Layer.NEAR if shape.layer is Layer.FAR else shape.layer
            shapes.append(Line(small(shape.start), small(shape.end), layer=layer))
        elif isinstance(shape, Arrow):
            shapes.append(Arrow(small(shape.before), small(shape.tip), shape.layer))
        else:
            shapes.append(Circle(small(shape.center), shape.radius * scale, shape.layer))
    spot = placed(figure, position).points[figure.close_up]
    shapes.append(Circle(small(spot), 9.0 * scale + 2.0, layer=Layer.PATH))
    box = (x0 - pad, y0 - pad, x0 + wide + pad, top)
    b_left, b_bottom, b_right, b_top = box
    rim = [(b_left, b_bottom), (b_right, b_bottom), (b_right, b_top), (b_left, b_top)]
    shapes.extend(Line(a, b, layer=Layer.GROUND) for a, b in pairwise([*rim, rim[0]]))
    return shapes, box


def draw_shapes(
    shapes: list[Shape],
    frame: tuple[float, float, float, float],
    width: int,
    height: int,
    charset: Charset = Charset.BRAILLE,
    *,
    plain: bool = False,
    mirror: bool = False,
) -> Drawing:
    """Shapes in room centimetres -> `height` lines of `width` characters, ground at the bottom;
    `mirror` flips them left to right within the frame."""
    canvas = Canvas(width, height)
    left, bottom, right, top = frame
    across, down = canvas.dots_across - 1, canvas.dots_down - 1
    scale = min(across / max(right - left, 1.0), down / max(top - bottom, 1.0))
    offset = (across - (right - left) * scale) / 2

    def to_dots(point: Point, layer: Layer = Layer.NEAR) -> tuple[float, float]:
        col, row = (point[0] - left) * scale + offset, down - (point[1] - bottom) * scale
        if layer is Layer.FAR:
            return col + FAR_SHIFT[0], row + FAR_SHIFT[1]
        return col, row

    rank = {layer: LAYER_ORDER.index(layer) for layer in LAYER_ORDER}
    for layer in LAYER_ORDER:
        give_way = layer in BEHIND
        # Plain text has no dimmer colour: what is behind, or only a track, has fewer dots.
        gap = 1 if plain and layer is not Layer.NEAR else 0
        if layer is Layer.PATH:
            gap = PATH_GAP
        for shape in shapes:
            if shape.layer is not layer:
                continue
            if isinstance(shape, Arrow):
                for barb in _barbs(to_dots(shape.before), to_dots(shape.tip)):
                    canvas.line(to_dots(shape.tip), barb, layer=rank[layer])
            elif isinstance(shape, Line):
                dash = (2, 2) if layer is Layer.BAND and plain else None
                canvas.line(
                    to_dots(shape.start, layer),
                    to_dots(shape.end, layer),
                    gap=1 if shape.dotted else gap,
                    layer=rank[layer],
                    dash=dash,
                    give_way=give_way,
                )
            else:
                radius = shape.radius * scale
                canvas.circle(
                    to_dots(shape.center), max(radius, 2.5 if shape.round else 1.0), rank[layer]
                )
    ground_row = to_dots((0.0, 0.0))[1]
    # Dotted, so a body lying just above the floor still reads as a line of its own.
    canvas.line((0.0, ground_row), (float(across), ground_row), gap=1, layer=rank[Layer.GROUND])
    if mirror:
        canvas.mirror()
    layers = [[None if i is None else LAYER_ORDER[i] for i in row] for row in canvas.layers()]
    return Drawing(canvas.lines(charset), layers)


def _barbs(before: Point, tip: Point) -> list[Point]:
    """The two barbs' ends of an arrowhead at `tip` (in dots), 35 degrees either side of the
    way it travels."""
    dx, dy = tip[0] - before[0], tip[1] - before[1]
    length = max((dx * dx + dy * dy) ** 0.5, 1e-6)
    ux, uy = dx / length, dy / length
    cos, sin = 0.82, 0.57
    return [
        (tip[0] - ARROW_DOTS * (ux * cos - uy * sin), tip[1] - ARROW_DOTS * (uy * cos + ux * sin)),
        (tip[0] - ARROW_DOTS * (ux * cos + uy * sin), tip[1] - ARROW_DOTS * (uy * cos - ux * sin)),
    ]


def render_position(
    figure: Figure,
    position: KeyPosition,
    width: int,
    height: int,
    charset: Charset = Charset.BRAILLE,
    *,
    mirror: bool = False,
    plain: bool = False,
) -> Drawing:
    """One moment of the figure, with its motion path and (for a close-up) the body inset;
    `mirror` flips it left to right (the other side working)."""
    frame = figure_frame(figure)
    body = placed(figure, position)
    shapes = [
        *path_shapes(figure),
        *guide_shapes(figure, body),
        *figure_shapes(figure, body),
        *ring_shapes(figure, body),
    ]
    if figure.close_up:
        inset, box = _inset(figure, position, frame)
        shapes = [*outside(shapes, box, INSET_GAP), *inset]
    shapes = with_plan(figure, shapes, frame)
    return draw_shapes(shapes, frame, width, height, charset, plain=plain, mirror=mirror)


def draw_position(
    figure: Figure,
    position: KeyPosition,
    width: int,
    height: int,
    charset: Charset = Charset.BRAILLE,
    *,
    mirror: bool = False,
    plain: bool = True,
) -> list[str]:
    return render_position(
        figure, position, width, height, charset, mirror=mirror, plain=plain
    ).lines


def moment(figure: Figure, position: str | None, fraction: float | None) -> KeyPosition:
    """The key position named `position`, or `fraction` of the way through one rep
    (0 = first position, 0.5 = last, 1 = back to the first), or the first position."""
    if fraction is not None:
        return position_at(figure, fraction)
    key = figure.position(position) if position else None
    return key or figure.positions[0]


def draw(
    figure: Figure,
    width: int,
    height: int,
    *,
    position: str | None = None,
    fraction: float | None = None,
    charset: Charset | str = Charset.BRAILLE,
    mirror: bool = False,
    plain: bool = True,
) -> list[str]:
    """The figure at a named key position, or `fraction` of the way through one rep, or its
    first position, as plain text."""
    return render_position(
        figure,
        moment(figure, position, fraction),
        width,
        height,
        Charset(charset),
        mirror=mirror,
        plain=plain,
    ).lines


def fit_width(figure: Figure, height: int) -> int:
    """How many columns the figure's frame needs when drawn `height` rows tall."""
    left, bottom, right, top = figure_frame(figure)
    dots_per_cm = (height * 4 - 1) / max(top - bottom, 1.0)
    return max(8, round((right - left) * dots_per_cm / 2) + 1)
