"""Moments between key positions, for a figure that moves on the tempo of its reps."""

from __future__ import annotations

from runstrong.figures.figure import HOLD, Figure, KeyPosition, placed


def _mix(a: float, b: float, f: float) -> float:
    return a + (b - a) * f


def between(figure: Figure, first: KeyPosition, second: KeyPosition, f: float) -> KeyPosition:
    """`f` of the way from `first` (0) to `second` (1): angles turn evenly, and the body's
    lowest point glides between where each key position rests (so a jump leaves the ground)."""
    f = min(1.0, max(0.0, f))
    names = dict.fromkeys([*first.angles, *second.angles])
    angles = {n: _mix(first.angles.get(n, 0.0), second.angles.get(n, 0.0), f) for n in names}
    low = _mix(placed(figure, first).lowest(), placed(figure, second).lowest(), f)
    return KeyPosition(
        name=f"{first.name}>{second.name}", angles=angles, x=_mix(first.x, second.x, f), lift=low
    )


def position_at(figure: Figure, fraction: float) -> KeyPosition:
    """Where one rep is at `fraction` (0..1): through the key positions in order by 0.5, then
    back the same way to the first by 1. A `hold` position is the still one a hold shows, not
    part of the rep, unless it is all there is; a figure with one position simply holds it."""
    keys = tuple(p for p in figure.positions if p.name != HOLD) or figure.positions
    if len(keys) == 1:
        return keys[0]
    fraction = fraction % 1.0 if fraction not in (1.0,) else 1.0
    # Out and back: 0 -> 0.5 goes forwards through the keys, 0.5 -> 1 backwards.
    along = fraction * 2 if fraction <= 0.5 else (1.0 - fraction) * 2
    spans = len(keys) - 1
    where = along * spans
    index = min(int(where), spans - 1)
    return between(figure, keys[index], keys[index + 1], where - index)
