"""A figure: a view, props, and key positions of the skeleton; placing a position in the room.

The room has the ground at y = 0 and x across the picture, in centimetres. A position says
which body points rest on which surface (`contacts`); the figure is lowered until they do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from runstrong.figures.skeleton import REST_HEIGHT, Body, Point, View, forward_kinematics

GROUND = "ground"
# The key position a hold shows, still; the others make up a rep.
HOLD = "hold"


class PropKind(StrEnum):
    BOX = "box"
    STEP = "step"
    WALL = "wall"
    CHAIR = "chair"
    ROLLER = "roller"
    BAND = "band"
    KETTLEBELL = "kettlebell"
    BAR = "bar"
    RUCKSACK = "rucksack"
    TOWEL = "towel"
    # A slant board: high at its left (x) end, sloping down to the floor at x + w.
    WEDGE = "wedge"


class Plan(StrEnum):
    """A small boxed view from above drawn with the figure: what a side view cannot show."""

    # The hexagonal frame round the feet (from the side it is edge-on: a plain barbell).
    TRAP_BAR = "trap bar"
    # Lying face down, two legs side by side: face down and side-lying look alike from the
    # side. The arms as the exercise places them: folded under the forehead, or the hands
    # at the temples with the elbows out wide.
    FOREHEAD_ON_HANDS = "forehead on hands"
    HANDS_AT_TEMPLES = "hands at temples"


# Props that stand in the room (placed by x) and those carried by a body point (`at`).
ROOM_PROPS = {
    PropKind.BOX,
    PropKind.STEP,
    PropKind.WALL,
    PropKind.CHAIR,
    PropKind.ROLLER,
    PropKind.WEDGE,
}
HELD_PROPS = {PropKind.KETTLEBELL, PropKind.BAR, PropKind.RUCKSACK, PropKind.TOWEL}
# Default sizes (cm): x is the left edge (the centre for a roller), w the width, h the height.
PROP_DEFAULTS: dict[PropKind, tuple[float, float, float]] = {
    PropKind.BOX: (25.0, 45.0, 40.0),
    PropKind.STEP: (-25.0, 50.0, 18.0),
    PropKind.WALL: (60.0, 0.0, 200.0),
    PropKind.CHAIR: (-60.0, 42.0, 45.0),
    PropKind.ROLLER: (60.0, 16.0, 16.0),
    PropKind.WEDGE: (-20.0, 45.0, 14.0),
}


@dataclass(frozen=True, slots=True)
class Prop:
    """Equipment in the picture. `ends` are a band's two ends: body point names or (x, y)."""

    kind: PropKind
    x: float = 0.0
    w: float = 0.0
    h: float = 0.0
    at: str = ""
    ends: tuple[str | Point, str | Point] = ("", "")

    def surface(self) -> tuple[float, float, float] | None:
        """(left, right, height) of the top a body can rest on, if it has one."""
        if self.kind is PropKind.ROLLER:
            return (self.x - self.w / 2, self.x + self.w / 2, self.h)
        if self.kind in (PropKind.BOX, PropKind.STEP, PropKind.CHAIR, PropKind.WEDGE):
            return (self.x, self.x + self.w, self.h)
        return None

    def top_at(self, x: float) -> float | None:
        """How high the top a body can rest on is at `x` (a wedge slopes; the rest are flat)."""
        top = self.surface()
        if top is None:
            return None
        if self.kind is PropKind.WEDGE and self.w > 0:
            return self.h * min(1.0, max(0.0, (self.x + self.w - x) / self.w))
        return top[2]


@dataclass(frozen=True, slots=True)
class Contact:
    """Body points that rest on a surface: the ground, a prop's top, or a wall's face."""

    points: tuple[str, ...]
    surface: str = GROUND
    label: str = ""


@dataclass(frozen=True, slots=True)
class KeyPosition:
    name: str
    # Left out of the hash (a dict has none) so sessions holding figures stay hashable.
    angles: dict[str, float] = field(hash=False)
    contacts: tuple[Contact, ...] = ()
    x: float = 0.0
    lift: float = 0.0
    # Seen from the side or the front; None takes the figure's view. (A lunge forward reads
    # from the side, a lunge to the side only from the front.)
    view: View | None = None


@dataclass(frozen=True, slots=True)
class Figure:
    view: View
    positions: tuple[KeyPosition, ...]
    props: tuple[Prop, ...] = field(default=())
    # How much larger than life the feet are drawn (for moves done by the ankle).
    feet: float = 1.0
    # A body point to draw close up (the rest of the body runs off the edges), or "".
    close_up: str = ""
    # Body points whose path through a rep is drawn (a dotted arc with an arrowhead).
    path: tuple[str, ...] = ()
    # Body points that go round in small circles: a ring with an arrowhead is drawn round each.
    circles: tuple[str, ...] = ()
    # A straight guide line through these body points (first to last): an alignment to hold,
    # such as hip to head. It runs on down to the floor and past the last point to an
    # arrowhead (grow that way).
    guide: tuple[str, ...] = ()
    # The rep goes round: through the key positions in order and on back to the first (a
    # circle), instead of there and back the same way.
    loop: bool = False
    # The side that works in the drawing ("left" or "right") for a one-sided exercise: the
    # other side is drawn as its mirror image. "" for both sides at once.
    works: str = ""
    # A view from above, boxed beside or over the figure (None: none, unless it holds a trap
    # bar, which always has its plan).
    plan: Plan | None = None

    def view_of(self, position: KeyPosition) -> View:
        return position.view or self.view

    @property
    def views(self) -> tuple[View, ...]:
        """Every view the key positions are seen in, the figure's own first."""
        return tuple(dict.fromkeys([self.view, *(self.view_of(p) for p in self.positions)]))

    def position(self, name: str) -> KeyPosition | None:
        return next((p for p in self.positions if p.name == name), None)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.positions)

    @property
    def hold_name(self) -> str:
        """The position to show during a hold: `hold` if there is one, else the last."""
        return HOLD if HOLD in self.names else self.positions[-1].name

    @property
    def has_hold(self) -> bool:
        """Whether a hold shows a still position (without one, a timed hold is a movement
        done for a time, such as an arm swing)."""
        return HOLD in self.names

    def distinct(self) -> list[tuple[str, KeyPosition]]:
        """Key positions to draw, each once: one equal to an earlier one joins its label
        ("end / hold")."""
        shown: list[tuple[str, KeyPosition]] = []
        for position in self.positions:
            same = next((i for i, (_, p) in enumerate(shown) if _same(p, position)), None)
            if same is None:
                shown.append((position.name, position))
            else:
                label, kept = shown[same]
                shown[same] = (f"{label} / {position.name}", kept)
        return shown

    @property
    def start_name(self) -> str:
        """The position to show while getting ready: the first."""
        return self.positions[0].name

    def mirrored_for(self, side: str | None) -> bool:
        """Whether the drawing is flipped to show `side` ("left"/"right") working."""
        return bool(self.works and side and side != self.works)

    def prop(self, kind: str) -> Prop | None:
        return next((p for p in self.props if p.kind.value == kind), None)


def _same(a: KeyPosition, b: KeyPosition) -> bool:
    return (a.angles, a.contacts, a.x, a.lift, a.view) == (
        b.angles,
        b.contacts,
        b.x,
        b.lift,
        b.view,
    )


def surface_height(figure: Figure, surface: str, x: float) -> float | None:
    """How high `surface` is at `x` (None for a surface the figure does not have)."""
    if surface == GROUND:
        return 0.0
    prop = figure.prop(surface)
    return prop.top_at(x) if prop else None


def placed(figure: Figure, position: KeyPosition) -> Body:
    """The position's body in the room: hips at `x`, resting on its contacts (or `lift` up)."""
    body = forward_kinematics(position.angles, figure.view_of(position), figure.feet)
    body = body.moved(position.x, 0.0)
    needed: list[float] = []
    for contact in position.contacts:
        for point in contact.points:
            height = surface_height(figure, contact.surface, body.points[point][0])
            if height is None:
                continue
            needed.append(height + REST_HEIGHT.get(point, 0.0) - body.points[point][1])
    if needed:
        return body.moved(0.0, max(needed))
    return body.moved(0.0, position.lift - body.lowest())
