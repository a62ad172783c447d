"""A trap bar seen from above: a small boxed plan beside the whole-body figure, at the top.

From the side a trap bar's hexagon is edge-on and the bar reads as an ordinary barbell; the
plan shows the hexagon with the lifter's feet standing inside it, between the handles."""

from __future__ import annotations

from itertools import pairwise

from runstrong.figures.clip import Box, outside
from runstrong.figures.figure import Figure, PropKind
from runstrong.figures.shapes import Layer, Line, Shape
from runstrong.figures.skeleton import Point

# The plan's box (cm), beside the figure at the top of the frame, which grows to make room
# (a whole-body figure is small: in a corner the hexagon shrank to a few dots); the figure's
# lines stop this far (cm) short of it.
PLAN_WIDE = 80.0
PLAN_HIGH = 50.0
PLAN_PAD = 4.0
PLAN_GAP = 3.0

# The plan in a unit square (x across, y from the back of the bar to the front): sleeves,
# plates, the hexagonal frame, its two handles and the feet between them, toes to the front.
_HEXAGON = [(0.16, 0.5), (0.33, 0.94), (0.67, 0.94), (0.84, 0.5), (0.67, 0.06), (0.33, 0.06)]
_PLAN: list[tuple[list[Point], Layer]] = [
    ([(0.02, 0.5), (0.16, 0.5)], Layer.PROP),
    ([(0.84, 0.5), (0.98, 0.5)], Layer.PROP),
    ([(0.05, 0.2), (0.05, 0.8)], Layer.PROP),
    ([(0.95, 0.2), (0.95, 0.8)], Layer.PROP),
    ([*_HEXAGON, _HEXAGON[0]], Layer.PROP),
    ([(0.3, 0.36), (0.3, 0.64)], Layer.PROP),
    ([(0.7, 0.36), (0.7, 0.64)], Layer.PROP),
    ([(0.42, 0.3), (0.4, 0.7), (0.45, 0.7), (0.44, 0.3), (0.42, 0.3)], Layer.NEAR),
    ([(0.56, 0.3), (0.55, 0.7), (0.6, 0.7), (0.58, 0.3), (0.56, 0.3)], Layer.NEAR),
]


def _has_plan(figure: Figure) -> bool:
    return not figure.close_up and any(p.kind is PropKind.BAR for p in figure.props)


def plan_room(figure: Figure, frame: Box) -> Box:
    """`frame` grown on the right to make room for the plan, if the figure has one."""
    if not _has_plan(figure):
        return frame
    left, bottom, right, top = frame
    return left, bottom, right + PLAN_WIDE + PLAN_PAD, max(top, PLAN_HIGH * 2)


def with_plan(figure: Figure, shapes: list[Shape], frame: Box) -> list[Shape]:
    """`shapes` with a trap bar's plan boxed in a top corner (the figure's lines cut short of
    the box), for a whole-body figure holding a trap bar; otherwise `shapes` as they are."""
    if not _has_plan(figure):
        return shapes
    _, _, right, top = frame
    box = (
        right - PLAN_PAD - PLAN_WIDE,
        top - PLAN_PAD - PLAN_HIGH,
        right - PLAN_PAD,
        top - PLAN_PAD,
    )
    b_left, b_bottom, b_right, b_top = box
    inner = 1.5

    def at(p: Point) -> Point:
        return (
            b_left + inner + p[0] * (b_right - b_left - 2 * inner),
            b_bottom + inner + p[1] * (b_top - b_bottom - 2 * inner),
        )

    plan: list[Shape] = [
        Line(at(a), at(b), layer=layer) for points, layer in _PLAN for a, b in pairwise(points)
    ]
    rim = [(b_left, b_bottom), (b_right, b_bottom), (b_right, b_top), (b_left, b_top)]
    plan.extend(Line(a, b, layer=Layer.GROUND) for a, b in pairwise([*rim, rim[0]]))
    return [*outside(shapes, box, PLAN_GAP), *plan]
