"""A grid of dots, 2 across and 4 down per character cell, turned into braille or ASCII text.

Every dot belongs to a layer (see `shapes.Layer`); each cell remembers the front-most layer
among its dots, so the app can colour a cell (the far limbs dimmer than the near ones).
"""

from __future__ import annotations

import math
from enum import StrEnum

# Bit of each dot in a braille cell (U+2800 + bits), indexed [column][row].
_BRAILLE_BITS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))
_BRAILLE_BASE = 0x2800


class Charset(StrEnum):
    BRAILLE = "braille"
    ASCII = "ascii"


class Canvas:
    """`width` x `height` character cells; dots are addressed (column, row) from the top left.

    Layers are small integers, 0 the front-most; a cell takes the lowest layer among its dots.
    """

    def __init__(self, width: int, height: int) -> None:
        self.width = max(1, width)
        self.height = max(1, height)
        self.dots_across = self.width * 2
        self.dots_down = self.height * 4
        self._cells = [[0] * self.width for _ in range(self.height)]
        self._layer: list[list[int | None]] = [[None] * self.width for _ in range(self.height)]
        # Dots of the front layer, so a line behind can leave a gap where it crosses one.
        self._front: set[tuple[int, int]] = set()

    def dot(self, col: float, row: float, layer: int = 0, *, give_way: bool = False) -> None:
        c, r = round(col), round(row)
        if not (0 <= c < self.dots_across and 0 <= r < self.dots_down):
            return
        if give_way and any(
            (c + dc, r + dr) in self._front for dc in (-1, 0, 1) for dr in (-1, 0, 1)
        ):
            return
        if layer == 0:
            self._front.add((c, r))
        self._cells[r // 4][c // 2] |= _BRAILLE_BITS[c % 2][r % 4]
        held = self._layer[r // 4][c // 2]
        if held is None or layer < held:
            self._layer[r // 4][c // 2] = layer

    def line(
        self,
        start: tuple[float, float],
        end: tuple[float, float],
        gap: int = 0,
        layer: int = 0,
        *,
        dash: tuple[int, int] | None = None,
        give_way: bool = False,
    ) -> None:
        """A line of dots; with `gap`, every (gap + 1)th dot only (a dotted line); with `dash`,
        (on, off) dots in turn. `give_way` leaves a gap round the front layer's dots."""
        (c0, r0), (c1, r1) = start, end
        steps = max(1, math.ceil(max(abs(c1 - c0), abs(r1 - r0))))
        on, off = dash if dash else (1, gap)
        for i in range(steps + 1):
            if off and i % (on + off) >= on:
                continue
            t = i / steps
            self.dot(c0 + (c1 - c0) * t, r0 + (r1 - r0) * t, layer, give_way=give_way)

    def circle(
        self, center: tuple[float, float], radius: float, layer: int = 0, *, gap: int = 0
    ) -> None:
        steps = max(8, math.ceil(2 * math.pi * radius * 1.5))
        for i in range(steps):
            if gap and i % (gap + 1):
                continue
            a = 2 * math.pi * i / steps
            self.dot(center[0] + radius * math.cos(a), center[1] + radius * math.sin(a), layer)

    def mirror(self) -> None:
        """Flip the whole grid left to right, dot for dot."""
        swapped = [0] * 256
        for bits in range(256):
            for row in range(4):
                if bits & _BRAILLE_BITS[0][row]:
                    swapped[bits] |= _BRAILLE_BITS[1][row]
                if bits & _BRAILLE_BITS[1][row]:
                    swapped[bits] |= _BRAILLE_BITS[0][row]
        self._cells = [[swapped[bits] for bits in reversed(row)] for row in self._cells]
        self._layer = [list(reversed(row)) for row in self._layer]
        self._front = {(self.dots_across - 1 - c, r) for c, r in self._front}

    def lines(self, charset: Charset = Charset.BRAILLE) -> list[str]:
        if charset is Charset.ASCII:
            return ["".join(_ascii(bits) for bits in row) for row in self._cells]
        return [
            "".join(chr(_BRAILLE_BASE + bits) if bits else " " for bits in row)
            for row in self._cells
        ]

    def layers(self) -> list[list[int | None]]:
        """The front-most layer of each cell (None where the cell is blank)."""
        return [list(row) for row in self._layer]


def _ascii(bits: int) -> str:
    """The ASCII character closest in shape to one cell's dots (for terminals without braille)."""
    if not bits:
        return " "
    on = {(c, r) for c in range(2) for r in range(4) if bits & _BRAILLE_BITS[c][r]}
    cols = {c for c, _ in on}
    rows = {r for _, r in on}
    if len(cols) == 1 and len(rows) >= 3:
        return "|"
    if len(cols) == 2 and max(rows) - min(rows) <= 1:
        return "_" if min(rows) >= 2 else "-"
    left = [r for c, r in on if c == 0]
    right = [r for c, r in on if c == 1]
    if left and right:
        if min(right) < min(left) and max(left) > max(right):
            return "/"
        if min(left) < min(right) and max(right) > max(left):
            return "\\"
    if len(on) <= 2:
        return "." if min(rows) >= 2 else "'"
    return "+"
