"""The stick-figure package: skeleton, renderer, interpolation and the checks on poses."""

from __future__ import annotations

import math
from typing import Any

import pytest

from runstrong.figures import Charset, draw, placed, position_at
from runstrong.figures.render import draw_shapes, figure_frame
from runstrong.figures.shapes import body_shapes, figure_shapes
from runstrong.figures.skeleton import (
    FOREARM,
    SHIN,
    THIGH,
    TORSO,
    UPPER_ARM,
    View,
    forward_kinematics,
)
from runstrong.workout.catalog import load_library
from runstrong.workout.model import Session

from .parsed import figure_of, problems_of

BRAILLE_BLANK_GROUND = chr(0x2800 + 0x40)  # the dotted ground alone in a cell

STANDING = {"view": "side", "start": {"shoulder": 10, "on": ["feet"]}}
SQUAT = {
    "view": "side",
    "start": {"shoulder": 80, "on": ["feet"]},
    "end": {"torso": 35, "hip": 110, "knee": 110, "ankle": "flat", "shoulder": 55, "on": ["feet"]},
}
BOX_JUMP = {
    "view": "side",
    "props": [{"kind": "box", "x": 30, "w": 45, "h": 40}],
    "start": {"x": -20, "torso": 30, "hip": 70, "knee": 70, "ankle": -15, "on": ["feet"]},
    "end": {"x": 52, "on": ["feet@box"]},
}


# --- skeleton ------------------------------------------------------------------------------


@pytest.mark.parametrize("view", list(View))
def test_limbs_stay_attached_with_fixed_lengths(view: View) -> None:
    angles = {
        "torso": 33,
        "neck": 10,
        "shoulder_l": 120,
        "elbow_l": 45,
        "hip_r": 70,
        "knee_r": 100,
        "hip_l": -20,
        "knee_l": 15,
        "shoulder_r": -30,
        "elbow_r": 90,
    }
    points = forward_kinematics(angles, view).points
    lengths = {("hip", "neck"): TORSO}
    for side in "lr":
        lengths[(f"shoulder_{side}", f"elbow_{side}")] = UPPER_ARM
        lengths[(f"elbow_{side}", f"hand_{side}")] = FOREARM
        lengths[(f"hip_{side}", f"knee_{side}")] = THIGH
        lengths[(f"knee_{side}", f"ankle_{side}")] = SHIN
    for (a, b), length in lengths.items():
        assert math.dist(points[a], points[b]) == pytest.approx(length)


def test_standing_upright_is_tall_and_rests_on_its_feet() -> None:
    figure = figure_of(STANDING)
    body = placed(figure, figure.positions[0])
    assert body.points["heel_l"][1] == pytest.approx(0.0)
    assert body.points["toe_r"][1] == pytest.approx(0.0)
    assert body.head_center[1] > 150


# --- renderer ------------------------------------------------------------------------------


def test_standing_figure_has_its_feet_on_the_ground_row_and_head_at_the_top() -> None:
    lines = draw(figure_of(STANDING), 20, 10)
    bottom = lines[-1]
    feet = [i for i, cell in enumerate(bottom) if cell != BRAILLE_BLANK_GROUND]
    # The feet, in the middle, on the ground (the far one set back a little, drawn behind).
    assert feet and all(7 <= i <= 12 for i in feet)
    assert lines[0].strip()  # the head reaches the top row: the figure fills the height
    assert set(bottom) - {" "} and all(cell != " " for cell in bottom)  # ground across


@pytest.mark.parametrize("size", [(1, 1), (4, 2), (24, 10), (60, 24)])
def test_drawings_have_exactly_the_size_asked_for(size: tuple[int, int]) -> None:
    width, height = size
    for name in ("start", "end"):
        lines = draw(figure_of(SQUAT), width, height, position=name)
        assert len(lines) == height
        assert all(len(line) == width for line in lines)


def test_braille_uses_only_braille_and_spaces() -> None:
    text = "".join(draw(figure_of(SQUAT), 24, 10))
    assert all(c == " " or 0x2800 <= ord(c) <= 0x28FF for c in text)


def test_ascii_charset_draws_the_same_shape_in_plain_ascii() -> None:
    braille = draw(figure_of(SQUAT), 24, 10, position="end")
    ascii_lines = draw(figure_of(SQUAT), 24, 10, position="end", charset=Charset.ASCII)
    "".join(ascii_lines).encode("ascii")  # a C locale can print it
    for b_line, a_line in zip(braille, ascii_lines, strict=True):
        assert [c == " " for c in b_line] == [c == " " for c in a_line]
    assert draw(figure_of(SQUAT), 10, 4, charset="ascii")  # a plain string works too


def test_key_positions_draw_differently_and_props_are_drawn() -> None:
    figure = figure_of(BOX_JUMP)
    start = draw(figure, 24, 10, position="start")
    end = draw(figure, 24, 10, position="end")
    assert start != end
    body = placed(figure, figure.positions[1])
    frame = figure_frame(figure)
    with_box = draw_shapes(figure_shapes(figure, body), frame, 24, 10, plain=True).lines
    without = draw_shapes(body_shapes(body), frame, 24, 10, plain=True).lines
    assert with_box == end
    # Same body in the same place; only the box's lines differ, low down under the feet.
    changed = [row for row, (a, b) in enumerate(zip(with_box, without, strict=True)) if a != b]
    assert changed and min(changed) >= 7


def test_frame_is_shared_by_every_position_so_the_ground_does_not_move() -> None:
    figure = figure_of(SQUAT)
    for fraction in (0.0, 0.1, 0.3, 0.5, 0.8):
        assert draw(figure, 24, 10, fraction=fraction)[-1].count(" ") == 0


# --- interpolation -------------------------------------------------------------------------


def test_a_rep_goes_start_to_end_and_back() -> None:
    figure = figure_of(SQUAT)
    _, end = figure.positions
    assert position_at(figure, 0.0).angles["hip_l"] == pytest.approx(0.0)
    assert position_at(figure, 0.5).angles["hip_l"] == pytest.approx(end.angles["hip_l"])
    assert position_at(figure, 0.25).angles["hip_l"] == pytest.approx(55.0)
    assert position_at(figure, 0.75).angles["hip_l"] == pytest.approx(55.0)
    assert position_at(figure, 1.0).angles["hip_l"] == pytest.approx(0.0)
    assert draw(figure, 24, 10, fraction=0.5) == draw(figure, 24, 10, position="end")
    assert draw(figure, 24, 10, fraction=0.0) == draw(figure, 24, 10, position="start")


def test_between_positions_the_feet_stay_down_and_a_jump_leaves_the_ground() -> None:
    squat = figure_of(SQUAT)
    assert placed(squat, position_at(squat, 0.3)).lowest() == pytest.approx(0.0)
    jump = figure_of(BOX_JUMP)
    middle = placed(jump, position_at(jump, 0.25))
    assert 10 < middle.lowest() < 40  # on the way up to the box top


def test_a_hold_figure_holds_still() -> None:
    figure = figure_of(
        {"hold": {"torso": 80, "shoulder": 80, "elbow": 90, "ankle": 50, "on": ["toes", "elbows"]}}
    )
    assert draw(figure, 24, 10, fraction=0.3) == draw(figure, 24, 10, position="hold")


# --- checks --------------------------------------------------------------------------------


def test_unknown_joint_is_named_with_a_suggestion() -> None:
    found = problems_of({"start": {"kne": 20, "on": ["feet"]}})
    assert found == [
        "test.toml: exercise \"test\": figure.start.kne: unknown key (did you mean 'knee'?)"
    ]


def test_angle_out_of_range() -> None:
    found = problems_of({"start": {"knee": [10, 200], "on": ["feet"]}})
    assert len(found) == 1
    assert (
        "figure.start.knee" in found[0] and "expected 0 to 165 degrees (right), got 200" in found[0]
    )


def test_contact_that_does_not_touch_its_surface() -> None:
    found = problems_of({"view": "side", "hold": {"on": ["feet", "hands"]}})
    assert any("figure.hold: hand_l should rest on the ground but is" in p for p in found)


def test_point_through_the_floor() -> None:
    found = problems_of({"start": {"hip": [40, 0], "on": ["foot_l"]}})
    assert any("heel_r is" in p and "into the floor" in p for p in found)


def test_point_outside_the_frame() -> None:
    found = problems_of({"start": {"x": 200, "on": ["feet"]}})
    assert any("reaches outside the frame" in p for p in found)


def test_position_without_contacts_must_say_it_is_in_the_air() -> None:
    found = problems_of({"start": {"torso": 10}})
    assert any("figure.start.on: missing; expected on = [...]" in p for p in found)
    assert figure_of({"start": {"lift": 20}}).positions[0].lift == 20


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ({"view": "top", "start": {"on": ["feet"]}}, 'expected "side" or "front"'),
        ({"props": ["boxx"], "start": {"on": ["feet"]}}, "unknown prop 'boxx' (did you mean 'box'"),
        ({"start": {"on": ["feat"]}}, "unknown body point 'feat' (did you mean 'feet'"),
        ({"start": {"on": ["feet@bench"]}}, "unknown surface 'bench'"),
        ({"start": {"on": ["feet@box"]}}, "should rest on the box, but the figure has no box"),
        (
            {
                "props": [{"kind": "band", "from": "ankel_l", "to": "ankle_r"}],
                "start": {"on": ["feet"]},
            },
            "did you mean 'ankle_l'",
        ),
        ({"start": {"hip": [1, 2, 3], "on": ["feet"]}}, "two as [left, right]"),
        ({"start": 5}, "expected a key position as a table"),
        ({}, "expected at least one key position"),
        ("tall", "expected a table of key positions"),
    ],
)
def test_each_mistake_is_reported(raw: Any, expected: str) -> None:
    found = problems_of(raw)
    assert any(expected in p for p in found), found


def test_a_broken_library_figure_names_file_exercise_and_key(tmp_path: Any) -> None:
    from runstrong.workout.catalog import library_from

    path = tmp_path / "exercises.toml"
    path.write_text(
        '[plank]\nname = "Plank"\n[plank.figure]\n'
        'hold = { torso = 80, knee = 400, on = ["toes"] }\n'
    )
    _, problems = library_from(path, str(path))
    assert [str(p) for p in problems] == [
        f'{path}: exercise "plank": figure.hold.knee: expected 0 to 165 degrees (left), got 400',
        f'{path}: exercise "plank": figure.hold.knee: expected 0 to 165 degrees (right), got 400',
    ]


def test_every_bundled_exercise_has_a_figure_that_passes_the_checks() -> None:
    library, problems = load_library()
    assert problems == []
    assert len(library) >= 50
    missing = [ident for ident, entry in library.items() if entry.figure is None]
    assert missing == []
    for entry in library.values():
        assert entry.figure is not None
        for name in entry.figure.names:
            lines = draw(entry.figure, 24, 10, position=name)
            assert sum(1 for line in lines if line.strip()) >= 2, entry.id


def test_a_session_entry_may_bring_its_own_figure_or_borrow_the_librarys(tmp_path: Any) -> None:
    from runstrong.workout.catalog import load_session_file

    library, _ = load_library()
    path = tmp_path / "mine.toml"
    path.write_text(
        '[session]\nname = "Mine"\n'
        '[[exercises]]\nexercise = "front-plank"\nhold = 20\n'
        '[[exercises]]\nname = "Wall sit"\nhold = 30\n'
        '[exercises.figure]\nhold = { torso = 0, hip = 90, knee = 90, on = ["feet"] }\n'
        '[[exercises]]\nname = "Anything"\nreps = 5\n'
    )
    session = load_session_file(path, library)
    assert isinstance(session, Session)
    plank, wall_sit, anything = session.exercises
    assert plank.figure is library["front-plank"].figure
    assert wall_sit.figure is not None and wall_sit.figure.names == ("hold",)
    assert anything.figure is None


def test_which_position_a_hold_and_get_ready_show() -> None:
    squat = figure_of(SQUAT)
    assert (squat.start_name, squat.hold_name) == ("start", "end")
    plank = figure_of(
        {"start": {"on": ["feet"]}, "hold": {"on": ["feet"]}, "end": {"on": ["feet"]}}
    )
    assert (plank.start_name, plank.hold_name) == ("start", "hold")


def test_sessions_and_library_entries_with_figures_stay_hashable() -> None:
    from runstrong.workout.catalog import load_catalog

    catalog = load_catalog()
    assert all(isinstance(hash(entry), int) for entry in catalog.library.values())
    assert all(isinstance(hash(session), int) for session in catalog.sessions)


def test_a_hold_position_is_shown_still_and_left_out_of_the_rep() -> None:
    bridge = figure_of({**SQUAT, "hold": SQUAT["end"]})
    assert bridge.has_hold and bridge.hold_name == "hold"
    assert position_at(bridge, 0.5).angles == bridge.positions[1].angles  # the end, not hold
    assert position_at(bridge, 1.0).angles["hip_l"] == pytest.approx(0.0)
    assert [label for label, _ in bridge.distinct()] == ["start", "end / hold"]
    assert not figure_of(SQUAT).has_hold


@pytest.mark.parametrize(
    "kind",
    ["box", "step", "wall", "chair", "roller", "kettlebell", "bar", "rucksack", "towel", "wedge"],
)
def test_every_prop_draws(kind: str) -> None:
    with_prop = figure_of({"props": [kind], "start": {"shoulder": 20, "on": ["feet"]}})
    bare = figure_of({"start": {"shoulder": 20, "on": ["feet"]}})
    assert draw(with_prop, 30, 12) != draw(bare, 30, 12)


def test_feet_can_be_drawn_larger_for_an_ankle_move() -> None:
    raw: dict[str, Any] = {"start": {"lift": 5}}
    life = placed(figure_of(raw), figure_of(raw).positions[0])
    big_figure = figure_of({**raw, "feet": 2.5})
    big = placed(big_figure, big_figure.positions[0])

    def length(body: Any) -> float:
        (hx, hy), (tx, ty) = body.points["heel_r"], body.points["toe_r"]
        return float(((tx - hx) ** 2 + (ty - hy) ** 2) ** 0.5)

    assert length(big) > 2 * length(life)
    assert problems_of({**raw, "feet": 9})[0].endswith(
        "figure.feet: expected 1 to 3 times life size, got 9"
    )


def test_front_view_ankle_tips_the_sole_out_or_in() -> None:
    def toe_height(ankle: float) -> float:
        figure = figure_of(
            {"view": "front", "start": {"hip": [0, 10], "ankle": [0, ankle], "on": ["foot_l"]}}
        )
        body = placed(figure, figure.positions[0])
        return body.points["toe_r"][1] - body.points["heel_r"][1]

    assert toe_height(40) > 3 > abs(toe_height(0))
    assert toe_height(-40) < -3


def test_the_head_shows_which_way_the_face_looks() -> None:
    on_back = placed(
        figure_of({"start": {"torso": -90, "on": ["back"]}}),
        figure_of({"start": {"torso": -90, "on": ["back"]}}).positions[0],
    )
    on_front = placed(
        figure_of({"start": {"torso": 90, "on": ["back"]}}),
        figure_of({"start": {"torso": 90, "on": ["back"]}}).positions[0],
    )
    assert on_back.facing is not None and on_back.facing[1] > 0.9
    assert on_front.facing is not None and on_front.facing[1] < -0.9


def test_a_close_up_frames_the_room_round_one_body_point() -> None:
    raw: dict[str, Any] = {"view": "front", "start": {"hip": [0, 20], "on": ["foot_l"]}}
    whole = figure_frame(figure_of(raw))
    close = figure_frame(figure_of({**raw, "close_up": "ankle_r"}))
    assert close[2] - close[0] < whole[2] - whole[0]
    assert close[3] < whole[3] / 2 and close[1] == 0.0
    found = problems_of({**raw, "close_up": "ankel_r"})[0]
    assert (
        "figure.close_up: expected a body point such as \"ankle_r\", got text 'ankel_r' "
        "(did you mean 'ankle_r'" in found
    )


def test_a_wedge_slopes_so_the_heel_rests_higher_than_the_toes() -> None:
    figure = figure_of(
        {
            "props": [{"kind": "wedge", "x": -30, "w": 62, "h": 24}],
            "start": {"ankle": 20, "on": ["feet@wedge"]},
        }
    )
    body = placed(figure, figure.positions[0])
    heel, toe = body.points["heel_l"], body.points["toe_l"]
    assert heel[1] > toe[1] + 5 > 5
    # Standing flat on a wedge cannot touch its slope with both heel and toes.
    flat = problems_of(
        {
            "props": [{"kind": "wedge", "x": -30, "w": 62, "h": 24}],
            "start": {"ankle": -10, "on": ["feet@wedge"]},
        }
    )
    assert any("should rest on the wedge" in problem for problem in flat)


def test_no_two_library_exercises_share_one_drawing() -> None:
    """A figure copied from a similar move names neither: a reader cannot tell them apart."""
    library, problems = load_library()
    assert not problems
    seen: dict[tuple[str, ...], str] = {}
    for exercise_id, entry in library.items():
        if entry.figure is None:
            continue
        drawing = tuple(
            line
            for _, position in entry.figure.distinct()
            for line in draw(entry.figure, 40, 16, position=position.name, charset=Charset.ASCII)
        )
        assert drawing not in seen, f"{exercise_id} is drawn the same as {seen[drawing]}"
        seen[drawing] = exercise_id
