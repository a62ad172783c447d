"""Moments between key positions, for a figure that moves on the tempo of its reps."""

from __future__ import annotations

from runstrong.figures.figure import HOLD, Figure, KeyPosition, placed
from runstrong.figures.skeleton import View


def _mix(a: float, b: float, f: float) -> float:
    return a + (b - a) * f


def between(figure: Figure, first: KeyPosition, second: KeyPosition, f: float) -> KeyPosition:
    """`f` of the way from `first` (0) to `second` (1): angles turn evenly, and the body's
    lowest point glides between where each key position rests (so a jump leaves the ground).
    Between two views the body stands up tall at half way and turns there: angles seen from
    the side mean something else seen from the front."""
    f = min(1.0, max(0.0, f))
    one, other = figure.view_of(first), figure.view_of(second)
    if one is not other:
        if f < 0.5:
            return between(figure, first, _standing(first, one), f * 2)
        return between(figure, _standing(second, other), second, f * 2 - 1)
    names = dict.fromkeys([*first.angles, *second.angles])
    angles = {n: _mix(first.angles.get(n, 0.0), second.angles.get(n, 0.0), f) for n in names}
    low = _mix(placed(figure, first).lowest(), placed(figure, second).lowest(), f)
    return KeyPosition(
        name=f"{first.name}>{second.name}",
        angles=angles,
        x=_mix(first.x, second.x, f),
        lift=low,
        view=figure.view_of(first),
    )


def _standing(position: KeyPosition, view: View) -> KeyPosition:
    """Standing tall on the spot the figure starts from, seen in `view`: the trunk and legs
    straighten, the arms stay as `position` holds them (hands on the hips stay there)."""
    arms = {n: a for n, a in position.angles.items() if n.startswith(("shoulder", "elbow"))}
    return KeyPosition(name=f"{position.name}:standing", angles=arms, view=view)


def _round(p0: float, p1: float, p2: float, p3: float, f: float) -> float:
    """Catmull-Rom from p1 (0) to p2 (1): a curve through the key positions, so a circle
    drawn through four of them comes out round rather than square."""
    return 0.5 * (
        2 * p1
        + (p2 - p0) * f
        + (2 * p0 - 5 * p1 + 4 * p2 - p3) * f * f
        + (3 * p1 - p0 - 3 * p2 + p3) * f * f * f
    )


def _around(figure: Figure, keys: tuple[KeyPosition, ...], where: float) -> KeyPosition:
    """`where` key positions round a loop (0 = the first, len(keys) = back at it)."""
    count = len(keys)
    index = int(where) % count
    f = where - int(where)
    p0, p1, p2, p3 = (keys[(index + k) % count] for k in (-1, 0, 1, 2))
    names = dict.fromkeys([n for p in (p0, p1, p2, p3) for n in p.angles])
    angles: dict[str, float] = {}
    for n in names:
        a, b, c, d = (p.angles.get(n, 0.0) for p in (p0, p1, p2, p3))
        angles[n] = _round(a, b, c, d, f)
    low = _mix(placed(figure, p1).lowest(), placed(figure, p2).lowest(), f)
    return KeyPosition(
        name=f"{p1.name}>{p2.name}",
        angles=angles,
        x=_mix(p1.x, p2.x, f),
        lift=low,
        view=figure.view_of(p1),
    )


def rep_keys(figure: Figure) -> tuple[KeyPosition, ...]:
    """The key positions a rep moves through (a `hold` is the still one a hold shows, not part
    of the rep, unless it is all there is)."""
    return tuple(p for p in figure.positions if p.name != HOLD) or figure.positions


def position_at(figure: Figure, fraction: float) -> KeyPosition:
    """Where one rep is at `fraction` (0..1): through the key positions in order by 0.5, then
    back the same way to the first by 1; for a `loop`, round them all and on to the first by
    1. A figure with one position simply holds it."""
    keys = rep_keys(figure)
    if len(keys) == 1:
        return keys[0]
    fraction = fraction % 1.0 if fraction not in (1.0,) else 1.0
    if figure.loop and len(keys) > 2:
        if len({figure.view_of(p) for p in keys}) == 1:
            return _around(figure, keys, fraction * len(keys))
        # A curve through angles seen from different sides means nothing: key to key.
        where = fraction * len(keys)
        index = int(where) % len(keys)
        return between(figure, keys[index], keys[(index + 1) % len(keys)], where - int(where))
    # Out and back: 0 -> 0.5 goes forwards through the keys, 0.5 -> 1 backwards.
    along = fraction * 2 if fraction <= 0.5 else (1.0 - fraction) * 2
    spans = len(keys) - 1
    where = along * spans
    index = min(int(where), spans - 1)
    return between(figure, keys[index], keys[index + 1], where - index)
