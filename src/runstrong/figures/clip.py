"""Cutting shapes out of a box: a close-up's inset sits in a box its lines never enter."""

from __future__ import annotations

import math

from runstrong.figures.shapes import Arrow, Line, Shape
from runstrong.figures.skeleton import Point

# (left, bottom, right, top) in room centimetres.
Box = tuple[float, float, float, float]


def outside(shapes: list[Shape], box: Box, gap: float = 0.0) -> list[Shape]:
    """The shapes with what falls in `box` (grown by `gap` all round) cut away: a line keeps
    its parts outside; a circle or an arrowhead in the box goes."""
    left, bottom, right, top = (box[0] - gap, box[1] - gap, box[2] + gap, box[3] + gap)

    def inside(p: Point) -> bool:
        return left <= p[0] <= right and bottom <= p[1] <= top

    kept: list[Shape] = []
    for shape in shapes:
        if isinstance(shape, Line):
            kept.extend(clip(shape, (left, bottom, right, top)))
        elif isinstance(shape, Arrow):
            if not inside(shape.tip):
                kept.append(shape)
        else:
            (x, y), r = shape.center, shape.radius
            if x + r < left or x - r > right or y + r < bottom or y - r > top:
                kept.append(shape)
    return kept


def hidden(shapes: list[Shape], box: Box) -> float:
    """How much line (cm) of `shapes` falls in `box`."""
    lines = [s for s in shapes if isinstance(s, Line)]
    whole = sum(math.dist(s.start, s.end) for s in lines)
    return whole - sum(math.dist(p.start, p.end) for s in lines for p in clip(s, box))


def clip(line: Line, box: Box) -> list[Line]:
    """The parts of `line` outside `box` (Liang-Barsky: where along the line it is inside)."""
    (x0, y0), (x1, y1) = line.start, line.end
    dx, dy = x1 - x0, y1 - y0
    t_in, t_out = 0.0, 1.0
    for p, q in ((-dx, x0 - box[0]), (dx, box[2] - x0), (-dy, y0 - box[1]), (dy, box[3] - y0)):
        if p == 0:
            if q < 0:
                return [line]
            continue
        t = q / p
        if p < 0:
            t_in = max(t_in, t)
        else:
            t_out = min(t_out, t)
    if t_in >= t_out:
        return [line]

    def at(t: float) -> Point:
        return (x0 + dx * t, y0 + dy * t)

    parts: list[Line] = []
    if t_in > 0.0:
        parts.append(Line(line.start, at(t_in), line.dotted, line.layer))
    if t_out < 1.0:
        parts.append(Line(at(t_out), line.end, line.dotted, line.layer))
    return parts
