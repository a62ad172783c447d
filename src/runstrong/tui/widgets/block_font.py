"""Clock digits drawn in full blocks at any height from 5 rows up.

Seven-segment shapes, the ones gym interval clocks use, because they stay readable at every
size and scale by arithmetic instead of by resampling a bitmap. Pure: no Textual here.
"""

from __future__ import annotations

from functools import lru_cache

BLOCK = "█"
MIN_ROWS = 5

# Segments: a top, b top right, c bottom right, d bottom, e bottom left, f top left, g middle.
SEGMENTS = {
    "0": "abcdef",
    "1": "bc",
    "2": "abdeg",
    "3": "abcdg",
    "4": "bcfg",
    "5": "acdfg",
    "6": "acdefg",
    "7": "abc",
    "8": "abcdefg",
    "9": "abcdfg",
    "-": "g",
    " ": "",
}
NARROW = ":."
DRAWABLE = frozenset(SEGMENTS) | frozenset(NARROW)


def can_draw(text: str) -> bool:
    return bool(text) and all(char in DRAWABLE for char in text)


def _proportions(rows: int) -> tuple[int, int, int]:
    """Bar thickness in rows, stroke width in columns, digit width in columns.

    A terminal cell is about twice as tall as it is wide, so a vertical stroke is two columns
    for every row of a horizontal bar, and a digit about as many columns wide as it is rows tall
    comes out a little over half as wide as tall, the shape of a printed digit.
    """
    bar = max(1, (rows + 2) // 8)
    stroke = 2 * bar
    width = max(2 * stroke + 2, round(rows * 1.1))
    return bar, stroke, width


def _char_width(char: str, rows: int) -> int:
    _bar, stroke, width = _proportions(rows)
    return stroke if char in NARROW else width


def text_width(text: str, rows: int) -> int:
    """Columns `text` takes at `rows` rows tall, gaps between characters included."""
    if not text:
        return 0
    _bar, stroke, _width = _proportions(rows)
    return sum(_char_width(char, rows) for char in text) + stroke * (len(text) - 1)


def _digit(char: str, rows: int) -> list[str]:
    bar, stroke, width = _proportions(rows)
    middle = (rows - bar) // 2
    grid = [[False] * width for _ in range(rows)]

    def fill(top: int, bottom: int, left: int, right: int) -> None:
        for row in range(top, bottom):
            for column in range(left, right):
                grid[row][column] = True

    lit = SEGMENTS[char]
    if "a" in lit:
        fill(0, bar, 0, width)
    if "g" in lit:
        fill(middle, middle + bar, 0, width)
    if "d" in lit:
        fill(rows - bar, rows, 0, width)
    if "f" in lit:
        fill(0, middle + bar, 0, stroke)
    if "b" in lit:
        fill(0, middle + bar, width - stroke, width)
    if "e" in lit:
        fill(middle, rows, 0, stroke)
    if "c" in lit:
        fill(middle, rows, width - stroke, width)
    return ["".join(BLOCK if on else " " for on in line) for line in grid]


def _narrow(char: str, rows: int) -> list[str]:
    bar, stroke, _width = _proportions(rows)
    dot = BLOCK * stroke
    if char == ".":
        marks = {rows - bar + offset for offset in range(bar)}
    else:
        # The colon's two dots sit a third of the way in from the top and from the bottom.
        upper = (rows - 1) // 3 - (bar - 1) // 2
        lower = rows - 1 - upper - (bar - 1)
        marks = {top + offset for top in (upper, lower) for offset in range(bar)}
    return [dot if row in marks else " " * stroke for row in range(rows)]


@lru_cache(maxsize=64)
def glyph_lines(text: str, rows: int) -> tuple[str, ...]:
    """`text` drawn `rows` tall, one string per row, every row `text_width` long."""
    if rows < MIN_ROWS:
        raise ValueError(f"block digits need at least {MIN_ROWS} rows, not {rows}")
    if not can_draw(text):
        raise ValueError(f"block digits cannot draw {text!r}")
    _bar, stroke, _width = _proportions(rows)
    gap = " " * stroke
    shapes = [_narrow(char, rows) if char in NARROW else _digit(char, rows) for char in text]
    return tuple(gap.join(shape[row] for shape in shapes) for row in range(rows))


def rows_that_fit(width: int, height: int, *texts: str) -> int | None:
    """The tallest glyphs in which each of `texts` fits `width` x `height`; None below MIN_ROWS."""
    for rows in range(height, MIN_ROWS - 1, -1):
        if all(text_width(text, rows) <= width for text in texts):
            return rows
    return None
