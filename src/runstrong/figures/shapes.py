"""What a drawing is made of: lines and circles in room centimetres, each on a layer (the near
side of the body, the far side, props, a band, a motion path), for body and props."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from itertools import pairwise

from runstrong.figures.figure import Figure, Prop, PropKind
from runstrong.figures.skeleton import HEAD_RADIUS, NOSE, Body, Point, View


class Layer(StrEnum):
    """What a line is part of: it decides the colour (or, in plain text, the dot pattern) and
    which lines give way where they cross."""

    NEAR = "near"  # the trunk, head and the limbs on the viewer's side
    FAR = "far"  # the limbs behind the body: dimmer, with a gap where a near line crosses
    PROP = "prop"
    BAND = "band"
    PATH = "path"  # where a body point travels during a rep
    HELD = "held"  # a load seen behind the near limbs (a trap bar's plate, a bag by the legs)
    GROUND = "ground"


@dataclass(frozen=True, slots=True)
class Line:
    start: Point
    end: Point
    dotted: bool = False
    layer: Layer = Layer.NEAR


@dataclass(frozen=True, slots=True)
class Circle:
    center: Point
    radius: float
    layer: Layer = Layer.NEAR
    # Drawn at least a few dots across, so a small round thing never comes out square.
    round: bool = False


@dataclass(frozen=True, slots=True)
class Arrow:
    """An arrowhead at `tip`, pointing the way from `before`: its barbs are a few dots long
    whatever the scale, so a track's direction shows even in a small drawing."""

    before: Point
    tip: Point
    layer: Layer = Layer.PATH


Shape = Line | Circle | Arrow


def _end(body: Body, end: str | Point) -> Point:
    return body.points[end] if isinstance(end, str) else end


def _rectangle(
    left: float, bottom: float, width: float, height: float, layer: Layer = Layer.PROP
) -> list[Shape]:
    a, b = (left, bottom), (left + width, bottom)
    c, d = (left + width, bottom + height), (left, bottom + height)
    return [
        Line(a, b, layer=layer),
        Line(b, c, layer=layer),
        Line(c, d, layer=layer),
        Line(d, a, layer=layer),
    ]


def _polyline(points: list[Point], layer: Layer) -> list[Shape]:
    return [Line(a, b, layer=layer) for a, b in pairwise(points)]


def _band(prop: Prop, body: Body) -> list[Shape]:
    """The band's line, and for an end tied to the room its anchor: a post from the floor
    with the knot round it, so it reads as fixed rather than as another limb."""
    shapes: list[Shape] = [
        Line(_end(body, prop.ends[0]), _end(body, prop.ends[1]), layer=Layer.BAND)
    ]
    for end in prop.ends:
        if isinstance(end, str):
            continue
        x, y = end
        shapes.append(Line((x, 0.0), (x, max(y, 0.0) + 8.0), layer=Layer.PROP))
        shapes.append(Line((x - 5.0, 0.0), (x + 5.0, 0.0), layer=Layer.PROP))
        shapes.append(Circle((x, y), 2.5, layer=Layer.BAND))
    return shapes


def _ellipse(centre: Point, across: float, up: float, layer: Layer) -> list[Shape]:
    cx, cy = centre
    steps = 20
    return _polyline(
        [
            (
                cx + across * math.cos(2 * math.pi * i / steps),
                cy + up * math.sin(2 * math.pi * i / steps),
            )
            for i in range(steps + 1)
        ],
        layer,
    )


# A trap bar's plates: their radius and how far out either side of the handles they sit.
PLATE = 24.0
SLEEVE = 40.0


def _trap_bar(hx: float, hy: float) -> list[Shape]:
    """A trap bar from the side: its hexagonal frame round the lifter, the handle in the hand,
    and a plate at each end (tall narrow ovals, seen at an angle, so they read as plates on a
    bar and not as a ball). The bar never sinks below where its plates stand on the floor.
    Drawn behind the near limbs so the legs inside the frame stay readable."""
    # The handles stand a little above the frame (a raised-handle bar).
    c = max(hy - 6.0, PLATE)
    frame = [
        (hx - 28.0, c),
        (hx - 16.0, c + 7.0),
        (hx + 16.0, c + 7.0),
        (hx + 28.0, c),
        (hx + 16.0, c - 7.0),
        (hx - 16.0, c - 7.0),
        (hx - 28.0, c),
    ]
    return [
        *_polyline(frame, Layer.HELD),
        Line((hx - SLEEVE, c), (hx - 28.0, c), layer=Layer.HELD),
        Line((hx + 28.0, c), (hx + SLEEVE, c), layer=Layer.HELD),
        *_ellipse((hx - SLEEVE, c), 5.0, PLATE, Layer.HELD),
        *_ellipse((hx + SLEEVE, c), 5.0, PLATE, Layer.HELD),
        Line((hx - 6.0, hy), (hx + 6.0, hy), layer=Layer.PROP),
        Line((hx - 6.0, hy), (hx - 9.0, c), layer=Layer.PROP),
        Line((hx + 6.0, hy), (hx + 9.0, c), layer=Layer.PROP),
    ]


def _bag(at: Callable[[float, float], Point], layer: Layer, strap_layer: Layer) -> list[Shape]:
    """A rucksack in its own frame: `at(down, out)` from the top of its back face, `out` away
    from whoever carries it. A rounded top with a loop handle on it, a front pocket, and the
    shoulder strap on the back face: the same bag whether worn or carried."""
    outline = [at(4, 3), at(0, 9), at(2, 16), at(8, 20), at(36, 20), at(40, 3)]
    pocket = [at(22, 20), at(22, 25), at(35, 25), at(35, 20)]
    handle = [at(1, 9), at(-6, 10), at(-8, 12), at(-6, 14), at(1, 15)]
    strap = [at(3, 3), at(-1, -5), at(14, -7), at(28, -5), at(38, 3)]
    return [
        *_polyline(outline, layer),
        *_polyline(pocket, layer),
        *_polyline(handle, layer),
        *_polyline(strap, strap_layer),
    ]


def _rucksack(prop: Prop, body: Body) -> list[Shape]:
    """A rucksack worn on the back (at the shoulders or neck), its strap over the shoulder and
    down the chest; or carried by its top handle, hanging from the hand against the front of
    the legs, the pocket facing forward."""
    hx, hy = body.points[prop.at]
    if prop.at in ("neck", "shoulder", "shoulder_l", "shoulder_r"):
        # On the back: along the spine, on the side away from the face.
        nx, ny = body.points["neck"]
        px, py = body.points["hip"]
        length = max(((nx - px) ** 2 + (ny - py) ** 2) ** 0.5, 1.0)
        ux, uy = (nx - px) / length, (ny - py) / length  # up the spine
        fx, fy = body.facing or (1.0, 0.0)
        back = -1.0 if ux * fy - uy * fx > 0 else 1.0
        bx, by = -uy * back, ux * back  # away from the chest

        def worn(down: float, out: float) -> Point:
            return (nx - ux * down + bx * out, ny - uy * down + by * out)

        return _bag(worn, Layer.PROP, Layer.PROP)

    # Carried: the hand holds the handle's top, the bag hanging under it with the pocket
    # forward and the strap hanging on the back face, towards the legs; all drawn behind the
    # near limbs, so a leg crossing the strap stays readable.
    def carried(down: float, out: float) -> Point:
        return (hx - 12.0 + out, hy - 8.0 - down)

    # The bag's back face closes the outline (on the back the body does).
    back_face = Line(carried(4, 3), carried(40, 3), layer=Layer.HELD)
    return [*_bag(carried, Layer.HELD, Layer.HELD), back_face]


def _kettlebell(hx: float, hy: float) -> list[Shape]:
    """A kettlebell hanging from the hand: a round bell with a flat base under an arched
    handle the hand holds at its top, so it reads as a kettlebell and not as a ball."""
    handle = [
        (hx - 8.0, hy - 10.0),
        (hx - 9.0, hy - 4.0),
        (hx - 5.0, hy + 1.0),
        (hx + 5.0, hy + 1.0),
        (hx + 9.0, hy - 4.0),
        (hx + 8.0, hy - 10.0),
    ]
    return [
        *_polyline(handle, Layer.PROP),
        Circle((hx, hy - 20.0), 12.0, layer=Layer.PROP, round=True),
        Line((hx - 8.0, hy - 31.0), (hx + 8.0, hy - 31.0), layer=Layer.PROP),
    ]


def prop_shapes(prop: Prop, body: Body) -> list[Shape]:
    kind = prop.kind
    if kind in (PropKind.BOX, PropKind.STEP):
        return _rectangle(prop.x, 0.0, prop.w, prop.h)
    if kind is PropKind.WALL:
        return [Line((prop.x, 0.0), (prop.x, prop.h), layer=Layer.PROP)]
    if kind is PropKind.WEDGE:
        # The slope, and upright ribs under it so the board reads as a slant, not a box.
        low, high, foot = (prop.x + prop.w, 0.0), (prop.x, prop.h), (prop.x, 0.0)
        ribs = [
            Line(
                (prop.x + prop.w * f, 0.0),
                (prop.x + prop.w * f, prop.h * (1 - f)),
                dotted=True,
                layer=Layer.PROP,
            )
            for f in (0.33, 0.66)
        ]
        return [
            Line(foot, low, layer=Layer.PROP),
            Line(low, high, layer=Layer.PROP),
            Line(high, foot, layer=Layer.PROP),
            *ribs,
        ]
    if kind is PropKind.ROLLER:
        # Round, with its core: the end of a cylinder.
        centre, radius = (prop.x, prop.h / 2), prop.h / 2
        return [
            Circle(centre, radius, layer=Layer.PROP, round=True),
            Circle(centre, radius * 0.3, layer=Layer.PROP),
        ]
    if kind is PropKind.CHAIR:
        seat = (prop.x, prop.h), (prop.x + prop.w, prop.h)
        return [
            Line(*seat, layer=Layer.PROP),
            Line((prop.x, 0.0), (prop.x, prop.h + 45.0), layer=Layer.PROP),
            Line((prop.x + prop.w, 0.0), (prop.x + prop.w, prop.h), layer=Layer.PROP),
        ]
    if kind is PropKind.BAND:
        return _band(prop, body)
    if kind is PropKind.RUCKSACK:
        return _rucksack(prop, body)
    hx, hy = body.points[prop.at]
    if kind is PropKind.KETTLEBELL:
        return _kettlebell(hx, hy)
    if kind is PropKind.BAR:
        return _trap_bar(hx, hy)
    # A towel: a cloth flat on the floor under the hand, longer than the hand, folded over
    # once with the fold's rounded edge in front and the top layer a little shorter behind:
    # hollow, so it reads as cloth and not as a block or a box the hand leans on.
    left, right, top = hx - 40.0, hx + 30.0, 7.5
    fold = [(right, top), (right + 2.5, top - 1.5), (right + 3.5, top / 2), (right + 2.5, 2.0)]
    return [
        Line((left, 0.5), (right, 0.5), layer=Layer.PROP),
        Line((left + 8.0, top), (right, top), layer=Layer.PROP),
        *_polyline([*fold, (right, 0.5)], Layer.PROP),
    ]


SIDE_NAMES = ("l", "r")


def _far(name: str) -> bool:
    return name.endswith("_l")


def _foot_outline(body: Body, side: str, view: View) -> list[Shape]:
    """A foot drawn for a close look: a sole plate (two edges, the heel and toe ends closed)
    under the ankle, and the ankle joined to it, so it reads as a foot and not a third bone."""
    ankle = body.points[f"ankle_{side}"]
    heel, toe = body.points[f"heel_{side}"], body.points[f"toe_{side}"]
    ux, uy = toe[0] - heel[0], toe[1] - heel[1]
    length = max(math.hypot(ux, uy), 1e-6)
    # Towards the ankle, across the sole: the sole's thickness goes that way.
    nx, ny = -uy / length, ux / length
    if (ankle[0] - heel[0]) * nx + (ankle[1] - heel[1]) * ny < 0:
        nx, ny = -nx, -ny
    depth = 0.22 * length

    def up(p: Point, by: float) -> Point:
        return (p[0] + nx * by, p[1] + ny * by)

    if view is View.FRONT:
        plate = [heel, toe, up(toe, depth), up(heel, depth), heel]
        middle = ((heel[0] + toe[0]) / 2, (heel[1] + toe[1]) / 2)
        return [*_polyline(plate, Layer.NEAR), Line(ankle, up(middle, depth))]
    # Side view: heel, sole, toes, then the top of the foot back up to the ankle.
    ball = (heel[0] + ux * 0.72, heel[1] + uy * 0.72)
    outline = [up(heel, depth * 1.6), heel, toe, up(toe, depth * 0.5), up(ball, depth), ankle]
    return [*_polyline(outline, Layer.NEAR), Line(ankle, up(heel, depth * 1.6))]


def body_shapes(body: Body, outline: str = "") -> list[Shape]:
    """The bones and head; seen from the side, the left limbs are the far ones (the figure
    faces right, so its right side is towards the viewer). `outline` ("l" or "r") draws that
    foot with its outline (a close-up of it)."""
    shapes: list[Shape] = []
    view = body.view
    # Seen from the front both feet are near: a close-up outlines both alike.
    sides = SIDE_NAMES if outline and view is View.FRONT else (outline,) if outline else ()
    foot = {f"{end}_{side}" for side in sides for end in ("heel", "toe")}
    for side in sides:
        shapes.extend(_foot_outline(body, side, view))
    for bone in body.bones:
        if bone.end in foot:
            continue
        start, end = body.points[bone.start], body.points[bone.end]
        far = view is View.SIDE and _far(bone.end)
        shapes.append(Line(start, end, layer=Layer.FAR if far else Layer.NEAR))
    shapes.append(Circle(body.head_center, HEAD_RADIUS))
    if body.facing is not None:
        (x, y), (fx, fy) = body.head_center, body.facing
        shapes.append(
            Line(
                (x + fx * HEAD_RADIUS, y + fy * HEAD_RADIUS),
                (x + fx * (HEAD_RADIUS + NOSE), y + fy * (HEAD_RADIUS + NOSE)),
            )
        )
    return shapes


def figure_shapes(figure: Figure, body: Body) -> list[Shape]:
    shapes: list[Shape] = []
    for prop in figure.props:
        shapes.extend(prop_shapes(prop, body))
    # A close-up of an ankle or foot draws that foot's outline.
    side = figure.close_up[-1:] if figure.close_up.split("_")[0] in ("ankle", "heel", "toe") else ""
    return shapes + body_shapes(body, side)


def _corners(shape: Shape) -> Iterator[Point]:
    if isinstance(shape, Line):
        yield shape.start
        yield shape.end
    elif isinstance(shape, Arrow):
        yield shape.tip
    else:
        (x, y), r = shape.center, shape.radius
        yield (x - r, y - r)
        yield (x + r, y + r)


def extent(shapes: list[Shape]) -> tuple[float, float, float, float]:
    points = [p for shape in shapes for p in _corners(shape)]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return min(xs), min(ys), max(xs), max(ys)
