"""Depth, motion and sides: far limbs drawn behind, motion paths and rings, mirrored sides.

Exact renders are kept as text under renders/; set RUNSTRONG_UPDATE_RENDERS=1 to rewrite them
after a deliberate change to the drawing (and look at the new ones before committing).
"""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from runstrong.figures import Figure, placed, position_at
from runstrong.figures.clip import outside
from runstrong.figures.render import (
    INSET_GAP,
    PATH_STEPS,
    _inset,
    draw_shapes,
    figure_frame,
    path_shapes,
    render_position,
    ring_shapes,
)
from runstrong.figures.shapes import Arrow, Layer, Line, Shape, figure_shapes, prop_shapes

from .parsed import figure_of, problems_of

RENDERS = Path(__file__).parent / "renders"
WIDTH, HEIGHT = 20, 9

# Knee raised on the left: the drawing shows the left side working.
ONE_LEG = {
    "view": "side",
    "works": "left",
    "start": {"hip": [90, 0], "knee": [90, 0], "shoulder": [40, -20], "on": ["foot_r"]},
}
# The far (left) leg hangs straight while the near shin folds back across it.
CROSSING = {"view": "side", "start": {"hip": [20, 70], "knee": [0, 120], "lift": 10}}
# One hand goes round: down, out, up, across, and on to down again.
ARM_CIRCLE = {
    "view": "front",
    "loop": True,
    "path": ["hand_r"],
    "start": {"shoulder": [0, 20], "on": ["feet"]},
    "out": {"shoulder": [0, 90], "on": ["feet"]},
    "up": {"shoulder": [0, 170], "on": ["feet"]},
    "in": {"shoulder": [0, 90], "elbow": [0, 120], "on": ["feet"]},
}


def matches_render(name: str, lines: list[str]) -> bool:
    path = RENDERS / f"{name}.txt"
    text = "\n".join(lines) + "\n"
    if os.environ.get("RUNSTRONG_UPDATE_RENDERS"):
        RENDERS.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8") == text


def dots(lines: list[str]) -> set[tuple[int, int]]:
    """The braille dots of a drawing as (column, row)."""
    bits = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
    found: set[tuple[int, int]] = set()
    for row, line in enumerate(lines):
        for col, char in enumerate(line):
            code = ord(char) - 0x2800 if char != " " else 0
            for dc in range(2):
                for dr in range(4):
                    if code & bits[dc][dr]:
                        found.add((col * 2 + dc, row * 4 + dr))
    return found


# --- sides ---------------------------------------------------------------------------------


def test_the_right_side_is_the_mirror_image_of_the_left() -> None:
    figure = figure_of(ONE_LEG)
    start = figure.positions[0]
    left = render_position(figure, start, WIDTH, HEIGHT, plain=True).lines
    right = render_position(figure, start, WIDTH, HEIGHT, plain=True, mirror=True).lines
    assert matches_render("one-leg-left", left)
    assert matches_render("one-leg-right", right)
    across = WIDTH * 2 - 1
    assert dots(right) == {(across - c, r) for c, r in dots(left)}  # dot for dot
    assert not figure.mirrored_for("left") and not figure.mirrored_for(None)
    assert figure.mirrored_for("right")
    assert not figure_of({**ONE_LEG, "works": ""}).mirrored_for("right")


def test_works_names_a_side() -> None:
    assert problems_of({**ONE_LEG, "works": "both"})[0].endswith(
        'figure.works: expected "left" or "right" (the side the drawing shows working), '
        "got text 'both'"
    )


# --- depth ---------------------------------------------------------------------------------


def test_a_far_limb_is_drawn_behind_a_near_one() -> None:
    figure = figure_of(CROSSING)
    body = placed(figure, figure.positions[0])
    shapes = figure_shapes(figure, body)
    frame = figure_frame(figure)
    whole = render_position(figure, figure.positions[0], WIDTH, HEIGHT, plain=True)
    assert matches_render("far-leg-behind", whole.lines)
    near_only = [s for s in shapes if s.layer is not Layer.FAR]
    near = dots(draw_shapes(near_only, frame, WIDTH, HEIGHT, plain=True).lines)
    drawn = dots(whole.lines)
    far = drawn - near
    assert near <= drawn  # the near leg is whole where the far one crosses it
    assert len(far) > 10  # the far leg is there...
    # ...and gives way: none of its dots touches a near one (a gap where they cross).
    assert not any(
        (c + dc, r + dr) in near for c, r in far for dc in (-1, 0, 1) for dr in (-1, 0, 1)
    )


def test_far_limbs_are_a_layer_of_their_own_for_colour() -> None:
    figure = figure_of(CROSSING)
    colour = render_position(figure, figure.positions[0], WIDTH, HEIGHT)
    cells = {layer for row in colour.layers for layer in row}
    assert {Layer.NEAR, Layer.FAR, Layer.GROUND} <= cells
    # In colour the far side is solid (dimmed by the screen); in plain text it has fewer dots.
    plain = render_position(figure, figure.positions[0], WIDTH, HEIGHT, plain=True)
    assert len(dots(plain.lines)) < len(dots(colour.lines))


def test_the_front_view_has_no_far_side() -> None:
    figure = figure_of(ARM_CIRCLE)
    body = placed(figure, figure.positions[0])
    assert all(s.layer is not Layer.FAR for s in figure_shapes(figure, body))


# --- motion --------------------------------------------------------------------------------


def test_a_loop_goes_round_its_key_positions_and_on_to_the_first() -> None:
    figure = figure_of(ARM_CIRCLE)
    for n, key in enumerate(figure.positions):
        at = position_at(figure, n / len(figure.positions))
        assert at.angles.get("shoulder_r", 0.0) == pytest.approx(key.angles.get("shoulder_r", 0.0))
    # Not back the way it came: a quarter past "up" is on the way to "in", not to "out".
    past_up = position_at(figure, 0.5 + 0.1)
    assert past_up.angles["elbow_r"] > 10


def test_a_circle_draws_its_path_closed_with_an_arrowhead() -> None:
    figure = figure_of(ARM_CIRCLE)
    path = path_shapes(figure)
    track = [s for s in path if isinstance(s, Line)]
    assert all(s.layer is Layer.PATH for s in path)
    first, last = track[0].start, track[-1].end
    assert isinstance(path[-1], Arrow)  # the arrowhead comes last
    assert first == pytest.approx(last, abs=0.5)
    drawing = render_position(figure, figure.positions[0], WIDTH, HEIGHT, plain=True)
    assert matches_render("arm-circle-path", drawing.lines)
    coloured = render_position(figure, figure.positions[0], WIDTH, HEIGHT)
    assert Layer.PATH in {layer for row in coloured.layers for layer in row}


def test_a_swing_there_and_back_has_an_arrowhead_at_each_end() -> None:
    swing = figure_of({**ARM_CIRCLE, "loop": False})
    loop = figure_of(ARM_CIRCLE)
    # The track is PATH_STEPS lines; then one arrowhead per end it points to.
    assert len(path_shapes(swing)) == PATH_STEPS + 2
    assert len(path_shapes(loop)) == PATH_STEPS + 1
    assert sum(isinstance(s, Arrow) for s in path_shapes(swing)) == 2


def test_an_arrowhead_keeps_its_size_in_dots_at_any_scale() -> None:
    """A track's direction shows even drawn small: the barbs are dots, not centimetres."""
    figure = figure_of({**ARM_CIRCLE, "loop": False})

    def arrow_dots(width: int, height: int) -> int:
        shapes: list[Shape] = [s for s in path_shapes(figure) if isinstance(s, Arrow)]
        frame = figure_frame(figure)
        drawing = draw_shapes(shapes, frame, width, height)
        # Leave out the bottom row: the ground line spans the width, whatever the arrows.
        rows = drawing.lines[:-1]
        return sum(bin(ord(c) - 0x2800).count("1") for row in rows for c in row if c != " ")

    assert arrow_dots(24, 10) >= 8
    assert arrow_dots(24, 10) == arrow_dots(96, 40)


def test_circles_draw_a_ring_round_the_point() -> None:
    arms_out = {"view": "front", "start": {"shoulder": 90, "on": ["feet"]}}
    plain = figure_of(arms_out)
    ringed = figure_of({**arms_out, "circles": ["hand_r"]})
    a = render_position(plain, plain.positions[0], WIDTH, HEIGHT)
    b = render_position(ringed, ringed.positions[0], WIDTH, HEIGHT)
    assert Layer.PATH not in {x for row in a.layers for x in row}
    assert Layer.PATH in {x for row in b.layers for x in row}


def test_a_point_that_travels_far_gets_one_ring_round_all_its_travel() -> None:
    """Hips that dip low and rise high: the same ring in every key position, round both."""
    low = {"torso": 30, "hip": 110, "knee": 120, "ankle": "flat", "on": ["feet"]}
    figure = figure_of(
        {"view": "side", "loop": True, "circles": ["hip"], "start": {"on": ["feet"]}, "down": low}
    )
    rings = []
    for position in figure.positions:
        ring = [s for s in ring_shapes(figure, placed(figure, position)) if isinstance(s, Line)]
        rings.append([(round(s.start[0], 6), round(s.start[1], 6)) for s in ring])
    assert rings[0] == rings[1]
    ys = [y for _, y in rings[0]]
    hips = [placed(figure, position).points["hip"][1] for position in figure.positions]
    assert min(ys) < min(hips) and max(ys) > max(hips)


def test_path_and_circles_name_body_points() -> None:
    found = problems_of({**ARM_CIRCLE, "path": ["hand_x"]})[0]
    assert "figure.path: unknown body point 'hand_x' (did you mean 'hand_r'" in found
    found = problems_of({**ARM_CIRCLE, "circles": "knee"})[0]
    assert "figure.circles: unknown body point 'knee'" in found
    found = problems_of({**ARM_CIRCLE, "loop": "yes"})[0]
    assert found.endswith("figure.loop: expected true or false, got text 'yes'")


def test_a_rucksack_is_worn_on_the_back_or_carried_by_its_top_handle() -> None:
    def bag(at: str) -> list[Line]:
        figure = figure_of(
            {"props": [{"kind": "rucksack", "at": at}], "start": {"shoulder": 10, "on": ["feet"]}}
        )
        shapes = prop_shapes(figure.props[0], placed(figure, figure.positions[0]))
        return [s for s in shapes if isinstance(s, Line)]

    worn = [p[0] for s in bag("neck") for p in (s.start, s.end)]
    # The bag is behind the back (the figure faces +x); only its strap comes round the
    # shoulder to the chest, a few centimetres in front.
    assert worn and min(worn) < -15
    assert 0 < max(worn) < 10
    carried = bag("hand_r")
    hand = (57.0 * math.sin(math.radians(10)), 0.0)
    points = [p for s in carried for p in (s.start, s.end)]
    top = max(points, key=lambda p: p[1])
    # Held by the handle on its top: the hand is the highest point, the bag hangs below it,
    # pocket forward (more of it ahead of the hand than behind), like the worn one's shape
    # (the same lines, and a back face the body closes when it is worn).
    assert top[0] == pytest.approx(hand[0])
    xs = [x for x, _ in points]
    assert min(xs) < hand[0] < max(xs)
    assert max(xs) - hand[0] > 10
    assert len(carried) == len(bag("neck")) + 1


def test_a_front_view_foot_sits_under_its_ankle_and_tips_either_way() -> None:
    """Seen from the front the sole is centred under the ankle, so a foot turning in or out
    tips like a seesaw: the inner edge (heel) rises turned in, the outer (toe) turned out."""

    def foot(ankle: float) -> tuple[tuple[float, float], tuple[float, float], float]:
        figure = figure_of({"view": "front", "start": {"ankle": ankle, "lift": 10}})
        body = placed(figure, figure.positions[0])
        return body.points["heel_r"], body.points["toe_r"], body.points["ankle_r"][0]

    (hx, hy), (tx, ty), ax = foot(0)
    assert (hx + tx) / 2 == pytest.approx(ax)
    assert hy == pytest.approx(ty)
    (_, in_heel), (_, in_toe), _ = foot(-30)
    assert in_heel > in_toe
    (_, out_heel), (_, out_toe), _ = foot(30)
    assert out_toe > out_heel


def test_a_short_track_has_one_arrowhead_the_way_out() -> None:
    """Two arrowheads on a track a few dots long overlap into a bracket: a heel that drops a
    little gets one, pointing down (the way out)."""
    drop = figure_of(
        {
            "view": "side",
            "path": ["heel_r"],
            "start": {"ankle": 30, "on": ["toes"]},
            "end": {"ankle": 0, "on": ["feet"]},
        }
    )
    arrows = [s for s in path_shapes(drop) if isinstance(s, Arrow)]
    assert len(arrows) == 1
    assert arrows[0].tip[1] < arrows[0].before[1]


def test_a_ring_grows_with_a_body_lying_at_length() -> None:
    """A long body is drawn small; the ring round its hip grows so it still shows."""
    standing = figure_of({"view": "front", "circles": ["hip"], "start": {"on": ["feet"]}})
    lying = figure_of(
        {
            "view": "front",
            "circles": ["hip"],
            "start": {
                "torso": 74,
                "shoulder": [90, 0],
                "elbow": [-90, 0],
                "hip": [-4, 4],
                "on": ["toe_l", "elbow_l"],
            },
        }
    )

    def ring_width(figure: Figure) -> float:
        body = placed(figure, figure.positions[0])
        xs = [p[0] for s in ring_shapes(figure, body) if isinstance(s, Line) for p in (s.start,)]
        return max(xs) - min(xs)

    assert ring_width(lying) > ring_width(standing) * 1.3


def test_a_trap_bar_stands_its_plates_on_the_floor_at_the_bottom() -> None:
    """Its plates sit either side of the hands, their bottoms on the floor when the hands are
    low, not a disc over the legs."""
    low = figure_of(
        {
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
        }
    )
    body = placed(low, low.positions[0])
    hand_x = body.points["hand_r"][0]
    bar = [s for p in low.props for s in prop_shapes(p, body) if isinstance(s, Line)]
    ys = [y for s in bar for _, y in (s.start, s.end)]
    xs = [x for s in bar for x, _ in (s.start, s.end)]
    assert min(ys) == pytest.approx(0.0, abs=0.5)
    assert min(xs) < hand_x - 35 and max(xs) > hand_x + 35


# Seated, the leg out along the floor, the foot pulled up: a close-up of the ankle.
SEATED_ANKLE = {
    "view": "side",
    "close_up": "ankle_r",
    "start": {
        "torso": -5,
        "hip": [140, 79],
        "knee": [135, 0],
        "ankle": ["flat", -25],
        "shoulder": 50,
        "on": ["hip", "heel_r"],
    },
}


def test_a_close_up_inset_sits_in_a_box_the_close_up_never_enters() -> None:
    figure = figure_of(SEATED_ANKLE)
    position = figure.positions[0]
    inset, box = _inset(figure, position, figure_frame(figure))
    left, bottom, right, top = box
    # The box is drawn round the small body: four edges on a layer of their own.
    edges = [s for s in inset if isinstance(s, Line) and s.layer is Layer.GROUND]
    assert len(edges) == 4
    # The close-up's own lines stop short of the box, so the two never run together.
    close = outside(figure_shapes(figure, placed(figure, position)), box, INSET_GAP)
    for shape in close:
        if isinstance(shape, Line):
            for x, y in (shape.start, shape.end):
                assert not (left < x < right and bottom < y < top), shape
    # ... and what it cut is only the part inside: a line across the box keeps both ends.
    across = Line((left - 10.0, (bottom + top) / 2), (right + 10.0, (bottom + top) / 2))
    parts = [p for p in outside([across], box) if isinstance(p, Line)]
    assert len(parts) == 2
    assert {parts[0].start, parts[1].end} == {across.start, across.end}


def test_a_close_up_draws_its_foot_as_an_outline_not_a_triangle() -> None:
    figure = figure_of(SEATED_ANKLE)
    body = placed(figure, figure.positions[0])
    near = [s for s in figure_shapes(figure, body) if isinstance(s, Line)]
    plain = [
        s
        for s in figure_shapes(figure_of({**SEATED_ANKLE, "close_up": ""}), body)
        if isinstance(s, Line)
    ]
    heel, toe = body.points["heel_r"], body.points["toe_r"]
    # The sole runs heel to toe in both; the close-up adds the heel's back and the foot's top.
    assert any({s.start, s.end} == {heel, toe} for s in near)
    assert len(near) > len(plain)


def test_a_hold_with_a_path_shows_the_way_into_the_hold() -> None:
    """A hold's rep is one still position, so its path is the way from the start into the
    hold: one arrowhead, at the hold end (hands sliding forward on a towel)."""
    slide = figure_of(
        {
            "view": "side",
            "path": ["hand_r"],
            "start": {
                "torso": 76,
                "hip": 76,
                "knee": 90,
                "shoulder": 80,
                "ankle": 90,
                "on": ["knees", "hands"],
            },
            "hold": {
                "torso": 70,
                "knee": 20,
                "shoulder": 122,
                "ankle": 90,
                "on": ["knees", "hands"],
            },
        }
    )
    shapes = path_shapes(slide)
    arrows = [s for s in shapes if isinstance(s, Arrow)]
    assert len(arrows) == 1
    hold = slide.position("hold")
    assert hold is not None
    tip = arrows[0].tip
    assert tip == pytest.approx(placed(slide, hold).points["hand_r"])
    assert tip[0] > placed(slide, slide.positions[0]).points["hand_r"][0]
