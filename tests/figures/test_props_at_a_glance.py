"""Props a reader names at a glance: a towel that reads as cloth, a trap bar's hexagon seen
from above, a rucksack carried between the feet."""

from __future__ import annotations

from typing import Any

from runstrong.checks import Checker
from runstrong.figures import Figure, parse_figure, placed
from runstrong.figures.shapes import Line, prop_shapes


def figure_of(raw: dict[str, Any]) -> Figure:
    check = Checker("test.toml")
    figure = parse_figure(check, raw, 'exercise "test"')
    assert check.problems == [], check.problems
    assert figure is not None
    return figure


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
