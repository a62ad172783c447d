"""A grid of dots, 2 across and 4 down per character cell, turned into braille or ASCII text."""

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
    """`width` x `height` character cells; dots are addressed (column, row) from the top left."""

    def __init__(self, width: int, height: int) -> None:
        self.width = max(1, width)
        self.height = max(1, height)
        self.dots_across = self.width * 2
        self.dots_down = self.height * 4
        self._cells = [[0] * self.width for _ in range(self.height)]

    def dot(self, col: float, row: float) -> None:
        c, r = round(col), round(row)
        if 0 <= c < self.dots_across and 0 <= r < self.dots_down:
            self._cells[r // 4][c // 2] |= _BRAILLE_BITS[c % 2][r % 4]

    def line(self, start: tuple[float, float], end: tuple[float, float], gap: int = 0) -> None:
        """A line of dots; with `gap`, every (gap + 1)th dot only (a dotted line)."""
        (c0, r0), (c1, r1) = start, end
        steps = max(1, math.ceil(max(abs(c1 - c0), abs(r1 - r0))))
        for i in range(steps + 1):
            if gap and i % (gap + 1):
                continue
            t = i / steps
            self.dot(c0 + (c1 - c0) * t, r0 + (r1 - r0) * t)

    def circle(self, center: tuple[float, float], radius: float) -> None:
        steps = max(8, math.ceil(2 * math.pi * radius * 1.5))
        for i in range(steps):
            a = 2 * math.pi * i / steps
            self.dot(center[0] + radius * math.cos(a), center[1] + radius * math.sin(a))

    def lines(self, charset: Charset = Charset.BRAILLE) -> list[str]:
        if charset is Charset.ASCII:
            return ["".join(_ascii(bits) for bits in row) for row in self._cells]
        return [
            "".join(chr(_BRAILLE_BASE + bits) if bits else " " for bits in row)
            for row in self._cells
        ]


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
