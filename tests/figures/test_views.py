"""A key position may be seen from its own side: a lunge to the side shows from the front in a
figure whose lunges forward and back show from the side."""

from __future__ import annotations

from typing import Any

import pytest

from runstrong.checks import Checker
from runstrong.figures import draw, parse_figure, placed, position_at
from runstrong.figures.motion import between
from runstrong.figures.skeleton import View
from runstrong.workout.catalog import load_library

from .parsed import figure_of

LEGS = ("torso", "hip", "knee", "ankle")
LUNGES: dict[str, Any] = {
    "view": "side",
    "start": {"shoulder": -25, "elbow": 110, "on": ["feet"]},
    "forward": {
        "shoulder": -25,
        "elbow": 110,
        "hip": [-20, 95],
        "knee": [70, 95],
        "ankle": [40, 0],
        "x": 30,
        "on": ["foot_r", "toe_l"],
    },
    "side": {
        "view": "front",
        "shoulder": 35,
        "elbow": 100,
        "hip": [40, 62],
        "knee": [0, 62],
        "ankle": [-40, 0],
        "x": -30,
        "on": ["feet"],
    },
}


def test_a_position_may_be_seen_from_the_front_in_a_side_view_figure() -> None:
    figure = figure_of(LUNGES)
    side = figure.position("side")
    assert side is not None and side.view is View.FRONT
    assert figure.view_of(side) is View.FRONT
    assert figure.view_of(figure.positions[0]) is View.SIDE
    assert figure.views == (View.SIDE, View.FRONT)
    # Seen from the front the hips have width and the legs go apart sideways.
    body = placed(figure, side)
    assert body.view is View.FRONT and body.facing is None
    assert body.points["hip_l"][0] - body.points["hip_r"][0] > 10
    assert body.points["ankle_l"][0] - body.points["ankle_r"][0] > 60
    # The front-view ranges apply: an arm 80 degrees across the body is not one (seen from
    # the side it is an arm reaching back).
    assert figure_of({**LUNGES, "forward": {**LUNGES["forward"], "shoulder": -80}})
    bad = {**LUNGES, "side": {**LUNGES["side"], "shoulder": -80}}
    check = Checker("test.toml")
    assert parse_figure(check, bad, 'exercise "test"') is None
    assert any("figure.side.shoulder" in str(p) for p in check.problems), check.problems


@pytest.mark.parametrize("value", ["top", 3, ["front"]])
def test_a_bad_view_of_a_position_is_named(value: Any) -> None:
    check = Checker("test.toml")
    raw = {**LUNGES, "side": {**LUNGES["side"], "view": value}}
    assert parse_figure(check, raw, 'exercise "test"') is None
    found = [str(p) for p in check.problems]
    assert any('figure.side.view: expected "side" or "front"' in p for p in found), found


def test_the_same_angles_from_another_side_are_another_drawing() -> None:
    raw = {"start": {"on": ["feet"]}, "turned": {"view": "front", "on": ["feet"]}}
    figure = figure_of(raw)
    assert [label for label, _ in figure.distinct()] == ["start", "turned"]
    assert draw(figure, 30, 12, position="start") != draw(figure, 30, 12, position="turned")


def test_between_two_views_the_body_stands_tall_and_turns_half_way() -> None:
    figure = figure_of(LUNGES)
    forward, side = figure.positions[1], figure.positions[2]
    before, after = between(figure, forward, side, 0.49), between(figure, forward, side, 0.51)
    assert before.view is View.SIDE and after.view is View.FRONT
    # The trunk and legs straight; the arms as each key position holds them.
    for moment, key in ((before, forward), (after, side)):
        assert all(abs(a) < 2 for n, a in moment.angles.items() if n.startswith(LEGS))
        assert moment.angles["shoulder_r"] == pytest.approx(key.angles["shoulder_r"], abs=2)
    assert between(figure, forward, side, 0.0).angles == forward.angles
    assert between(figure, forward, side, 1.0).angles == side.angles
    # A rep draws at every moment without a gap in the ground.
    for step in range(21):
        lines = draw(figure, 30, 12, fraction=step / 20)
        assert len(lines) == 12 and all(len(line) == 30 for line in lines)
    assert position_at(figure, 0.5).view is View.FRONT


def test_the_multiplanar_lunge_shows_its_side_lunge_from_the_front() -> None:
    library, problems = load_library()
    assert not problems
    figure = library["multiplanar-lunge"].figure
    assert figure is not None
    views = {p.name: figure.view_of(p) for p in figure.positions}
    assert views == {
        "start": View.SIDE,
        "forward": View.SIDE,
        "side": View.FRONT,
        "back": View.SIDE,
    }
