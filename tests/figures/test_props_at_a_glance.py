"""Props a reader names at a glance: a towel that reads as cloth, a trap bar's hexagon seen
from above, a rucksack carried between the feet."""

from __future__ import annotations

from typing import Any

from runstrong.figures import placed
from runstrong.figures.plan import PLAN_WIDE, with_plan
from runstrong.figures.render import figure_frame, render_position
from runstrong.figures.shapes import Layer, Line, prop_shapes

from .parsed import figure_of


def prop_lines(raw: dict[str, Any]) -> list[Line]:
    figure = figure_of(raw)
    body = placed(figure, figure.positions[0])
    return [s for p in figure.props for s in prop_shapes(p, body) if isinstance(s, Line)]


KNEELING = {"x": -30, "torso": 76, "hip": 76, "knee": 90, "shoulder": 80, "ankle": 90}


def test_a_towel_is_a_thin_hollow_cloth_folded_over_at_the_front() -> None:
    """Filled with lines it read as a block the hands lean on: two layers only (the floor's
    and the top), a rounded fold ahead of the top layer, longer than a hand."""
    lines = prop_lines(
        {
            "view": "side",
            "props": [{"kind": "towel", "at": "hand_r"}],
            "start": {**KNEELING, "on": ["knees", "hands"]},
        }
    )
    points = [p for s in lines for p in (s.start, s.end)]
    top = max(y for _, y in points)
    assert 5.0 <= top <= 9.0
    flat = [s for s in lines if s.start[1] == s.end[1]]
    # Only the bottom and the top layer run flat: nothing in between fills it in.
    assert {round(s.start[1], 1) for s in flat} == {0.5, top}
    assert max(x for x, _ in points) - min(x for x, _ in points) >= 60.0
    top_end = max(max(s.start[0], s.end[0]) for s in flat if s.start[1] == top)
    fold = [p for p in points if 0.5 < p[1] < top]
    assert fold and max(x for x, _ in fold) > top_end


TRAP_BAR = {
    "view": "side",
    "props": [{"kind": "bar", "at": "hand_r"}],
    "start": {
        "torso": 52,
        "hip": 122,
        "knee": 118,
        "ankle": "flat",
        "shoulder": 52,
        "on": ["feet"],
    },
    "end": {"on": ["feet"]},
}


def test_a_trap_bar_figure_has_a_boxed_plan_of_the_hexagon_beside_it() -> None:
    """From the side the hexagon is edge-on: a plan from above, boxed beside the figure, shows
    the frame with the feet (near lines) inside it; the frame grows to make room, and a figure
    without a trap bar has no plan."""
    bar = figure_of(TRAP_BAR)
    plain = figure_of({**TRAP_BAR, "props": []})
    b_left, _, b_right, b_top = figure_frame(bar)
    p_left, _, p_right, _ = figure_frame(plain)
    assert b_right - b_left >= p_right - p_left + PLAN_WIDE
    shapes = with_plan(bar, [], figure_frame(bar))
    rim = [s for s in shapes if isinstance(s, Line) and s.layer is Layer.GROUND]
    assert len(rim) == 4
    xs = [x for s in rim for x, _ in (s.start, s.end)]
    ys = [y for s in rim for _, y in (s.start, s.end)]
    box = (min(xs), min(ys), max(xs), max(ys))
    assert box[2] <= b_right and box[3] <= b_top
    # The lines inside: a six-sided frame (prop) and the feet (near) within it.
    lines = [s for s in shapes if isinstance(s, Line)]
    frame_lines = [s for s in lines if s.layer is Layer.PROP]
    feet = [s for s in lines if s.layer is Layer.NEAR]
    assert len(frame_lines) >= 6 and feet
    hexagon_xs = [x for s in frame_lines for x, _ in (s.start, s.end)]
    assert all(min(hexagon_xs) < x < max(hexagon_xs) for s in feet for x, _ in (s.start, s.end))
    # Whatever of the figure ran into the box is cut out of it.
    across = Line((box[0] - 10, box[1] + 5), (box[2] + 10, box[1] + 5))
    kept = with_plan(bar, [across], figure_frame(bar))
    assert across not in kept
    assert with_plan(plain, [across], figure_frame(plain)) == [across]
    drawn = render_position(bar, bar.positions[0], 40, 16).lines
    assert render_position(plain, plain.positions[0], 40, 16).lines != drawn
