"""A body lying face down has a boxed plan from above over its side view: from the side, face
down and side-lying look the same (a face-down leg lift read as a side-lying leg raise)."""

from __future__ import annotations

from typing import Any

from runstrong.checks import Checker
from runstrong.figures import Figure, parse_figure, placed
from runstrong.figures.figure import Plan
from runstrong.figures.plan import with_plan
from runstrong.figures.render import figure_frame, render_position
from runstrong.figures.shapes import Circle, Layer, Line

LYING = {"torso": 90, "neck": -10, "shoulder": 158, "elbow": -158, "ankle": 75}
LEG_LIFT = {
    "view": "side",
    "works": "right",
    "plan": "forehead on hands",
    "face down": {**LYING, "on": ["hip", "elbows"]},
    "lift": {**LYING, "hip": [0, -18], "on": ["hip", "elbows"]},
}


def parsed(raw: dict[str, Any]) -> tuple[Figure | None, list[str]]:
    check = Checker("test.toml")
    figure = parse_figure(check, raw, 'exercise "test"')
    return figure, [str(p) for p in check.problems]


def figure_of(raw: dict[str, Any]) -> Figure:
    figure, problems = parsed(raw)
    assert problems == [] and figure is not None
    return figure


def rim_box(shapes: list[Any]) -> tuple[float, float, float, float]:
    rim = [s for s in shapes if isinstance(s, Line) and s.layer is Layer.GROUND]
    assert len(rim) == 4
    xs = [x for s in rim for x, _ in (s.start, s.end)]
    ys = [y for s in rim for _, y in (s.start, s.end)]
    return min(xs), min(ys), max(xs), max(ys)


def test_a_face_down_figure_has_a_plan_from_above_over_it_with_two_legs_and_the_arms() -> None:
    lift = figure_of(LEG_LIFT)
    plain = figure_of({k: v for k, v in LEG_LIFT.items() if k != "plan"})
    assert lift.plan is Plan.FOREHEAD_ON_HANDS and plain.plan is None
    frame = figure_frame(lift)
    assert frame[3] > figure_frame(plain)[3] + 60.0
    shapes = with_plan(lift, [], frame)
    box = rim_box(shapes)
    # Over the body, lined up with it: the head's end over the head, clear of the side view.
    body = placed(lift, lift.positions[0])
    assert box[1] > body.extent()[3]
    head = next(s for s in shapes if isinstance(s, Circle) and s.layer is Layer.NEAR)
    assert abs(head.center[0] - body.head_center[0]) < 1.0
    middle = (box[1] + box[3]) / 2
    near = [s for s in shapes if isinstance(s, Line) and s.layer is Layer.NEAR]
    # Both legs, side by side behind the hips, one either side of the midline.
    legs = [s for s in near if max(s.start[0], s.end[0]) < body.points["hip"][0] - 1.0]
    assert any(s.start[1] > middle + 5 for s in legs) and any(s.start[1] < middle - 5 for s in legs)
    # The arms reach out past the shoulders on both sides, ahead of the shoulders.
    across = [abs(y - middle) for s in near for _, y in (s.start, s.end)]
    assert max(across) >= 30.0
    # The working (right, near) leg's foot is ringed in the path's colour, below the midline.
    ring = next(s for s in shapes if isinstance(s, Circle) and s.layer is Layer.PATH)
    assert ring.center[1] < middle and ring.center[0] < body.points["hip"][0] - 80.0
    # What ran into the box is cut out of it, and the drawing differs with the plan.
    through = Line((box[0] - 10, box[1] + 5), (box[2] + 10, box[1] + 5))
    assert through not in with_plan(lift, [through], frame)
    assert with_plan(plain, [through], figure_frame(plain)) == [through]
    drawn = render_position(lift, lift.positions[0], 40, 16).lines
    assert render_position(plain, plain.positions[0], 40, 16).lines != drawn


def test_hands_at_the_temples_put_the_elbows_out_wider_than_arms_folded_under_the_head() -> None:
    folded = figure_of(LEG_LIFT)
    temples = figure_of({**LEG_LIFT, "plan": "hands at temples"})

    def widest(figure: Figure) -> float:
        shapes = with_plan(figure, [], figure_frame(figure))
        box = rim_box(shapes)
        middle = (box[1] + box[3]) / 2
        return max(
            abs(y - middle)
            for s in shapes
            if isinstance(s, Line) and s.layer is Layer.NEAR
            for _, y in (s.start, s.end)
        )

    assert widest(temples) > widest(folded)


def test_an_unknown_plan_is_reported_with_the_ones_there_are() -> None:
    figure, problems = parsed({**LEG_LIFT, "plan": "forehead on hand"})
    assert figure is None
    assert problems == [
        'test.toml: exercise "test": figure.plan: expected one of "trap bar", '
        '"forehead on hands", "hands at temples", got text \'forehead on hand\' '
        "(did you mean 'forehead on hands'?)"
    ]
