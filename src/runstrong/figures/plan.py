"""A figure seen from above: a small boxed plan drawn with the side view, for what it hides.

A trap bar's hexagon is edge-on from the side and reads as an ordinary barbell: its plan sits
beside the figure at the top and shows the frame with the feet inside it. A body lying face
down looks, from the side, just like one lying on its side (a leg lift reads as a side-lying
leg raise): its plan sits over the body, lined up with it, and shows both shoulders and both
legs side by side, the arms where the exercise puts them and the working leg in the path's
colour.
"""

from __future__ import annotations

from itertools import pairwise

from runstrong.figures.clip import Box, outside
from runstrong.figures.figure import Figure, Plan, PropKind, placed
from runstrong.figures.shapes import Circle, Layer, Line, Shape
from runstrong.figures.skeleton import HEAD_RADIUS, NECK, TORSO, Point

# The trap bar's box (cm), beside the figure at the top of the frame, which grows to make room
# (a whole-body figure is small: in a corner the hexagon shrank to a few dots); the figure's
# lines stop this far (cm) short of any plan's box.
PLAN_WIDE = 80.0
PLAN_HIGH = 50.0
PLAN_PAD = 4.0
# Room (cm) round a body inside its plan's box.
BODY_PAD = 8.0
PLAN_GAP = 3.0
# A body's plan sits this far (cm) over the highest the body reaches.
PLAN_ABOVE = 8.0
# The ring round the working leg's foot in a body's plan (cm).
FOOT_RING = 11.0

Stroke = tuple[tuple[Point, ...], Layer]

# The trap bar in a unit square (x across, y from the back of the bar to the front): sleeves,
# plates, the hexagonal frame, its two handles and the feet between them, toes to the front.
_HEXAGON = ((0.16, 0.5), (0.33, 0.94), (0.67, 0.94), (0.84, 0.5), (0.67, 0.06), (0.33, 0.06))
_TRAP_BAR: tuple[Stroke, ...] = (
    (((0.02, 0.5), (0.16, 0.5)), Layer.PROP),
    (((0.84, 0.5), (0.98, 0.5)), Layer.PROP),
    (((0.05, 0.2), (0.05, 0.8)), Layer.PROP),
    (((0.95, 0.2), (0.95, 0.8)), Layer.PROP),
    ((*_HEXAGON, _HEXAGON[0]), Layer.PROP),
    (((0.3, 0.36), (0.3, 0.64)), Layer.PROP),
    (((0.7, 0.36), (0.7, 0.64)), Layer.PROP),
    (((0.42, 0.3), (0.4, 0.7), (0.45, 0.7), (0.44, 0.3), (0.42, 0.3)), Layer.NEAR),
    (((0.56, 0.3), (0.55, 0.7), (0.6, 0.7), (0.58, 0.3), (0.56, 0.3)), Layer.NEAR),
)

# A body lying face down, from above, in cm: (along, across), along from the hips towards the
# head, across towards the body's right side (the near side of the side view, so the bottom
# of the plan). Trunk as an outline (shoulders wider than hips), legs side by side, feet
# pointed. Each arm is given for the right side; the left is its mirror image.
_HEAD = TORSO + NECK + HEAD_RADIUS
_TRUNK: tuple[tuple[Point, ...], ...] = (
    ((0.0, 0.0), (_HEAD, 0.0)),
    ((TORSO, -17.0), (TORSO, 17.0)),
    ((0.0, -8.0), (0.0, 8.0)),
)
_LEG: tuple[Point, ...] = ((0.0, 8.0), (-44.0, 15.0), (-88.0, 21.0), (-101.0, 23.0))
_ARMS: dict[Plan, tuple[Point, ...]] = {
    # Upper arms out and forward, forearms folded in to meet under the forehead.
    Plan.FOREHEAD_ON_HANDS: ((TORSO, 17.0), (TORSO + 20.0, 38.0), (_HEAD + 16.0, 3.0)),
    # Elbows out wide, a little ahead of the ears; fingertips at the side of the head.
    Plan.HANDS_AT_TEMPLES: ((TORSO, 17.0), (TORSO + 26.0, 40.0), (_HEAD, HEAD_RADIUS + 1.0)),
}


def _plan_of(figure: Figure) -> Plan | None:
    if figure.plan is not None:
        return figure.plan
    if not figure.close_up and any(p.kind is PropKind.BAR for p in figure.props):
        return Plan.TRAP_BAR
    return None


def _body_strokes(plan: Plan) -> list[Stroke]:
    """The lying body's lines (along, across)."""
    strokes: list[Stroke] = [(line, Layer.NEAR) for line in _TRUNK]
    for side in (1.0, -1.0):
        strokes.append((tuple((a, c * side) for a, c in _LEG), Layer.NEAR))
        strokes.append((tuple((a, c * side) for a, c in _ARMS[plan]), Layer.NEAR))
    return strokes


def _working_foot(figure: Figure) -> Point | None:
    """Where the ring marking the working leg goes (along, across): round its foot."""
    sides = {"right": 1.0, "left": -1.0}
    if figure.works not in sides:
        return None
    (a0, c0), (a1, c1) = _LEG[-2:]
    return ((a0 + a1) / 2, sides[figure.works] * (c0 + c1) / 2)


def _extent(strokes: list[Stroke]) -> Box:
    points = [p for stroke, _ in strokes for p in stroke]
    along = [a for a, _ in points] + [_HEAD + HEAD_RADIUS]
    across = [c for _, c in points]
    return min(along), min(across), max(along), max(across)


def _body_box(figure: Figure, plan: Plan, frame: Box) -> Box:
    """Where a body's plan goes in a frame grown for it: over the body, lined up with it."""
    hip = placed(figure, figure.positions[0]).points["hip"][0]
    a_min, c_min, a_max, c_max = _extent(_body_strokes(plan))
    top = frame[3] - PLAN_PAD
    return (
        hip + a_min - BODY_PAD,
        top - (c_max - c_min) - 2 * BODY_PAD,
        hip + a_max + BODY_PAD,
        top,
    )


def plan_room(figure: Figure, frame: Box) -> Box:
    """`frame` grown to make room for the plan, if the figure has one: on the right for a trap
    bar, on top for a body."""
    plan = _plan_of(figure)
    left, bottom, right, top = frame
    if plan is None:
        return frame
    if plan is Plan.TRAP_BAR:
        return left, bottom, right + PLAN_WIDE + PLAN_PAD, max(top, PLAN_HIGH * 2)
    _, c_min, _, c_max = _extent(_body_strokes(plan))
    grown = (left, bottom, right, top + PLAN_ABOVE + (c_max - c_min) + 2 * BODY_PAD + PLAN_PAD)
    b_left, _, b_right, _ = _body_box(figure, plan, grown)
    return min(left, b_left - PLAN_PAD), bottom, max(right, b_right + PLAN_PAD), grown[3]


def with_plan(figure: Figure, shapes: list[Shape], frame: Box) -> list[Shape]:
    """`shapes` with the figure's plan boxed (the figure's lines cut short of the box), for a
    figure that has one; otherwise `shapes` as they are. `frame` is the grown frame."""
    plan = _plan_of(figure)
    if plan is None:
        return shapes
    _, _, right, top = frame
    drawn: list[Shape]
    if plan is Plan.TRAP_BAR:
        box = (
            right - PLAN_PAD - PLAN_WIDE,
            top - PLAN_PAD - PLAN_HIGH,
            right - PLAN_PAD,
            top - PLAN_PAD,
        )
        b_left, b_bottom, b_right, b_top = box
        inner = 1.5

        def unit(p: Point) -> Point:
            return (
                b_left + inner + p[0] * (b_right - b_left - 2 * inner),
                b_bottom + inner + p[1] * (b_top - b_bottom - 2 * inner),
            )

        drawn = [
            Line(unit(a), unit(b), layer=layer)
            for points, layer in _TRAP_BAR
            for a, b in pairwise(points)
        ]
    else:
        box = _body_box(figure, plan, frame)
        hip = placed(figure, figure.positions[0]).points["hip"][0]
        middle = (box[1] + box[3]) / 2

        def room(p: Point) -> Point:
            return (hip + p[0], middle - p[1])

        drawn = [
            Line(room(a), room(b), layer=layer)
            for points, layer in _body_strokes(plan)
            for a, b in pairwise(points)
        ]
        drawn.append(Circle(room((_HEAD, 0.0)), HEAD_RADIUS))
        foot = _working_foot(figure)
        if foot is not None:
            drawn.append(Circle(room(foot), FOOT_RING, Layer.PATH))
    b_left, b_bottom, b_right, b_top = box
    rim = [(b_left, b_bottom), (b_right, b_bottom), (b_right, b_top), (b_left, b_top)]
    drawn.extend(Line(a, b, layer=Layer.GROUND) for a, b in pairwise([*rim, rim[0]]))
    return [*outside(shapes, box, PLAN_GAP), *drawn]
