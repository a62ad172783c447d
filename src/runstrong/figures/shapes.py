"""What a drawing is made of: lines and circles in room centimetres, for body and props."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from runstrong.figures.figure import Figure, Prop, PropKind
from runstrong.figures.skeleton import HEAD_RADIUS, NOSE, Body, Point


@dataclass(frozen=True, slots=True)
class Line:
    start: Point
    end: Point
    dotted: bool = False


@dataclass(frozen=True, slots=True)
class Circle:
    center: Point
    radius: float


Shape = Line | Circle


def _end(body: Body, end: str | Point) -> Point:
    return body.points[end] if isinstance(end, str) else end


def _rectangle(left: float, bottom: float, width: float, height: float) -> list[Shape]:
    a, b = (left, bottom), (left + width, bottom)
    c, d = (left + width, bottom + height), (left, bottom + height)
    return [Line(a, b), Line(b, c), Line(c, d), Line(d, a)]


def prop_shapes(prop: Prop, body: Body) -> list[Shape]:
    kind = prop.kind
    if kind in (PropKind.BOX, PropKind.STEP):
        return _rectangle(prop.x, 0.0, prop.w, prop.h)
    if kind is PropKind.WALL:
        return [Line((prop.x, 0.0), (prop.x, prop.h))]
    if kind is PropKind.WEDGE:
        low, high, foot = (prop.x + prop.w, 0.0), (prop.x, prop.h), (prop.x, 0.0)
        return [Line(foot, low), Line(low, high), Line(high, foot)]
    if kind is PropKind.ROLLER:
        return [Circle((prop.x, prop.h / 2), prop.h / 2)]
    if kind is PropKind.CHAIR:
        seat = (prop.x, prop.h), (prop.x + prop.w, prop.h)
        return [
            Line(*seat),
            Line((prop.x, 0.0), (prop.x, prop.h + 45.0)),
            Line((prop.x + prop.w, 0.0), (prop.x + prop.w, prop.h)),
        ]
    if kind is PropKind.BAND:
        shapes: list[Shape] = [
            Line(_end(body, prop.ends[0]), _end(body, prop.ends[1]), dotted=True)
        ]
        # An end tied to the room shows what it is tied to: a post from the floor.
        shapes.extend(
            Line((x, 0.0), (x, max(y, 0.0) + 6.0))
            for x, y in (e for e in prop.ends if not isinstance(e, str))
        )
        return shapes
    hx, hy = body.points[prop.at]
    if kind is PropKind.KETTLEBELL:
        return [Circle((hx, hy - 11.0), 9.0), Line((hx, hy), (hx, hy - 2.0))]
    if kind is PropKind.BAR:
        return [Circle((hx, hy), 22.0), Line((hx - 12.0, hy), (hx + 12.0, hy))]
    if kind is PropKind.RUCKSACK:
        # A bag hanging from its straps, so it reads as a bag rather than a box.
        return [
            *_rectangle(hx - 13.0, hy - 40.0, 26.0, 30.0),
            Line((hx - 10.0, hy - 10.0), (hx, hy)),
            Line((hx + 10.0, hy - 10.0), (hx, hy)),
        ]
    # A towel: a cloth on the floor under the hand, folded so it shows thick.
    return [
        Line((hx - 18.0, 1.0), (hx + 18.0, 1.0)),
        Line((hx - 18.0, 4.0), (hx + 18.0, 4.0)),
        Line((hx - 18.0, 1.0), (hx - 18.0, 4.0)),
        Line((hx + 18.0, 1.0), (hx + 18.0, 4.0)),
    ]


def body_shapes(body: Body) -> list[Shape]:
    shapes: list[Shape] = [Line(body.points[b.start], body.points[b.end]) for b in body.bones]
    shapes.append(Circle(body.head_center, HEAD_RADIUS))
    if body.facing is not None:
        (x, y), (dx, dy) = body.head_center, body.facing
        shapes.append(
            Line(
                (x + dx * HEAD_RADIUS, y + dy * HEAD_RADIUS),
                (x + dx * (HEAD_RADIUS + NOSE), y + dy * (HEAD_RADIUS + NOSE)),
            )
        )
    return shapes


def figure_shapes(figure: Figure, body: Body) -> list[Shape]:
    shapes: list[Shape] = []
    for prop in figure.props:
        shapes.extend(prop_shapes(prop, body))
    return shapes + body_shapes(body)


def _corners(shape: Shape) -> Iterator[Point]:
    if isinstance(shape, Line):
        yield shape.start
        yield shape.end
    else:
        (x, y), r = shape.center, shape.radius
        yield (x - r, y - r)
        yield (x + r, y + r)


def extent(shapes: list[Shape]) -> tuple[float, float, float, float]:
    points = [p for shape in shapes for p in _corners(shape)]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)
