"""A guide line: a straight alignment through body points, from the floor to past the crown."""

from __future__ import annotations

from typing import Any

from runstrong.checks import Checker
from runstrong.figures import Figure, parse_figure, placed
from runstrong.figures.render import GUIDE_PAST, figure_frame, guide_shapes, render_position
from runstrong.figures.shapes import Arrow, Layer, Line
from runstrong.figures.skeleton import HEAD_RADIUS

TALL = {"view": "front", "guide": ["hip", "head"], "hold": {"shoulder": 10, "on": ["feet"]}}


def parsed(raw: dict[str, Any]) -> tuple[Figure | None, list[str]]:
    check = Checker("test.toml")
    figure = parse_figure(check, raw, 'exercise "test"')
    return figure, [str(problem) for problem in check.problems]


def test_a_guide_runs_from_the_floor_up_past_the_head_to_an_arrowhead() -> None:
    figure, problems = parsed(TALL)
    assert problems == [] and figure is not None
    body = placed(figure, figure.positions[0])
    shapes = guide_shapes(figure, body)
    lines = [s for s in shapes if isinstance(s, Line)]
    assert lines and all(line.layer is Layer.PATH for line in lines)
    ys = [y for line in lines for y in (line.start[1], line.end[1])]
    assert min(ys) == 0.0
    head_x, head_y = body.head_center
    assert max(ys) >= head_y + GUIDE_PAST - 1.0
    (arrow,) = [s for s in shapes if isinstance(s, Arrow)]
    assert arrow.tip[1] > arrow.before[1] and abs(arrow.tip[0] - head_x) < 1e-6
    # Nothing drawn across the face.
    for line in lines:
        for x, y in (line.start, line.end):
            assert (x - head_x) ** 2 + (y - head_y) ** 2 > HEAD_RADIUS**2
    # The frame makes room for the arrowhead above the head.
    assert figure_frame(figure)[3] > head_y + GUIDE_PAST


def test_the_guide_shows_in_the_drawing() -> None:
    with_guide, _ = parsed(TALL)
    without, _ = parsed({k: v for k, v in TALL.items() if k != "guide"})
    assert with_guide is not None and without is not None
    drawn = render_position(with_guide, with_guide.positions[0], 20, 12, plain=False)
    bare = render_position(without, without.positions[0], 20, 12, plain=False)
    assert any(Layer.PATH in row for row in drawn.layers)
    assert not any(Layer.PATH in row for row in bare.layers)


def test_a_guide_needs_two_known_points() -> None:
    _, problems = parsed({**TALL, "guide": ["head"]})
    assert any("guide" in p and "at least two" in p for p in problems)
    _, problems = parsed({**TALL, "guide": ["hip", "heed"]})
    assert any("guide" in p and "heed" in p for p in problems)
