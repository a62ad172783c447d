"""Checks that a figure can be drawn as a body would really stand: what should rest on a
surface does, nothing sinks into the floor, and everything fits the frame."""

from __future__ import annotations

from runstrong.figures.figure import (
    GROUND,
    Figure,
    KeyPosition,
    PropKind,
    placed,
    surface_height,
)
from runstrong.figures.shapes import extent, figure_shapes
from runstrong.figures.skeleton import HEAD_RADIUS, REST_HEIGHT, Body

# How far (cm) a point may sit from where it should rest: about one dot at the usual size.
TOLERANCE = 6.0
# The room a figure must stay in: wide enough for a lunge, tall enough for arms overhead.
# (The floor is its bottom edge, checked point by point above.)
FRAME = (-150.0, 0.0, 150.0, 260.0)


def _surface_problem(figure: Figure, body: Body, point: str, surface: str) -> str | None:
    x, y = body.points[point]
    rest = REST_HEIGHT.get(point, 0.0)
    if surface == PropKind.WALL.value:
        wall = figure.prop(surface)
        if wall is None:
            return f"{point} should touch the wall, but the figure has no wall in its props"
        gap = abs(x - wall.x) - rest
        if gap > TOLERANCE:
            return f"{point} should touch the wall but is {gap:.0f} cm away from it"
        return None
    if surface == GROUND:
        left, right, height = -1e9, 1e9, 0.0
    else:
        prop = figure.prop(surface)
        top = prop.surface() if prop else None
        if top is None:
            return f"{point} should rest on the {surface}, but the figure has no {surface}"
        left, right, _ = top
        height = surface_height(figure, surface, x) or 0.0
    off = y - (height + rest)
    name = "ground" if surface == GROUND else surface
    if not left - TOLERANCE <= x <= right + TOLERANCE:
        return f"{point} should rest on the {name} but is beside it (x {x:.0f} cm)"
    if abs(off) > TOLERANCE:
        where = "above" if off > 0 else "below"
        return f"{point} should rest on the {name} but is {abs(off):.0f} cm {where} it"
    return None


def _position_problems(figure: Figure, position: KeyPosition) -> list[str]:
    body = placed(figure, position)
    problems: list[str] = []
    for contact in position.contacts:
        for point in contact.points:
            problem = _surface_problem(figure, body, point, contact.surface)
            if problem:
                problems.append(f"{problem} (on = {contact.label!r})")
    sunk = [(name, y) for name, (_, y) in body.points.items() if y < -TOLERANCE]
    head_bottom = body.head_center[1] - HEAD_RADIUS
    if head_bottom < -TOLERANCE:
        sunk.append(("head", head_bottom))
    for name, y in sunk:
        problems.append(
            f"{name} is {-y:.0f} cm into the floor; expected every point at or above the ground"
        )
    left, _, right, top = extent(figure_shapes(figure, body))
    f_left, _, f_right, f_top = FRAME
    if left < f_left or right > f_right or top > f_top:
        problems.append(
            f"reaches outside the frame (x {left:.0f} to {right:.0f} cm, up to "
            f"{top:.0f} cm); expected x within {f_left:.0f} to {f_right:.0f} and "
            f"height up to {f_top:.0f}"
        )
    return problems


def check_figure(figure: Figure) -> list[tuple[str, str]]:
    """(key position, what is wrong) for every problem; empty when the figure is sound."""
    return [
        (position.name, problem)
        for position in figure.positions
        for problem in _position_problems(figure, position)
    ]
