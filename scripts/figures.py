"""Write a gallery of every exercise figure (each key position, the name under it) for review.

    python scripts/figures.py              # docs/figures.svg and docs/figures-sample.svg

The SVG draws each braille dot as a small circle (terminal fonts lack braille glyphs of the
right width, so an SVG of the text itself comes out misaligned).
    python scripts/figures.py --text       # print the gallery to the terminal instead
    python scripts/figures.py --text --only front-plank,side-plank
"""

from __future__ import annotations

import argparse
from pathlib import Path
from xml.sax.saxutils import escape

from runstrong.figures import Charset
from runstrong.figures.render import render_position
from runstrong.figures.shapes import Layer
from runstrong.workout.catalog import load_library
from runstrong.workout.model import LibraryExercise

CELL_WIDTH, CELL_HEIGHT = 32, 14
PAGE_WIDTH = 160
OUT = Path(__file__).resolve().parent.parent / "docs" / "figures.svg"
SAMPLE = OUT.with_name("figures-sample.svg")
# A few for the README: lying, kneeling, standing, props, a sideways (front view) move, a
# swing's path, circles, and a one-sided exercise.
SAMPLE_IDS = (
    "front-plank",
    "glute-bridge",
    "bird-dog",
    "body-squat",
    "step-jump",
    "lateral-band-walk",
    "trap-bar-deadlift",
    "side-plank",
    "single-leg-swing-front",
    "arm-circles",
)


Cells = list[list["Layer | None"]]
# Colours of the layers, as the app shows them: the far limbs dimmer than the near ones.
COLOURS = {
    Layer.NEAR: "#f2f2f2",
    Layer.FAR: "#a8a8a8",
    Layer.PROP: "#c8b48c",
    Layer.HELD: "#a89570",
    Layer.BAND: "#ffb030",
    Layer.PATH: "#5fc0ff",
    Layer.GROUND: "#707070",
}


def block(entry: LibraryExercise, charset: Charset) -> tuple[list[str], Cells]:
    """One exercise: its key positions side by side, their names and the exercise's under;
    with the layer of every cell (None for text and blanks)."""
    figure = entry.figure
    if figure is None:
        line = f"{entry.name[:CELL_WIDTH]}: no figure"
        return [line], [[None] * len(line)]
    shown = figure.distinct()
    drawings = [
        render_position(figure, position, CELL_WIDTH, CELL_HEIGHT, charset, plain=False)
        for _, position in shown
    ]
    rows = [" ".join(parts) for parts in zip(*(d.lines for d in drawings), strict=True)]
    cells: Cells = [
        [c for n, d in enumerate(drawings) for c in ([None] if n else []) + d.layers[r]]
        for r in range(CELL_HEIGHT)
    ]
    rows.append(" ".join(label.center(CELL_WIDTH) for label, _ in shown))
    width = len(rows[0])
    if figure.works:
        rows.append(f"{figure.works} side working".center(width))
    rows.append(entry.name[:width].center(width))
    while len(cells) < len(rows):
        cells.append([])
    return [row.ljust(width) for row in rows], [row + [None] * (width - len(row)) for row in cells]


def gallery(library: dict[str, LibraryExercise], charset: Charset) -> tuple[list[str], Cells]:
    lines: list[str] = []
    cells: Cells = []
    shelf: list[tuple[list[str], Cells]] = []
    used = 0
    for entry in library.values():
        item = block(entry, charset)
        if shelf and used + len(item[0][0]) > PAGE_WIDTH:
            _shelve(shelf, lines, cells)
            shelf, used = [], 0
        shelf.append(item)
        used += len(item[0][0]) + 4
    if shelf:
        _shelve(shelf, lines, cells)
    return lines, cells


def _shelve(shelf: list[tuple[list[str], Cells]], lines: list[str], cells: Cells) -> None:
    height = max(len(text) for text, _ in shelf)
    for r in range(height):
        row_text: list[str] = []
        row_cells: list[Layer | None] = []
        for n, (text, layers) in enumerate(shelf):
            width = len(text[0])
            if n:
                row_text.append("    ")
                row_cells.extend([None] * 4)
            row_text.append(text[r] if r < len(text) else " " * width)
            row_cells.extend(layers[r] if r < len(layers) else [None] * width)
        lines.append("".join(row_text).rstrip())
        cells.append(row_cells)
    lines.append("")
    cells.append([])


CELL_X, CELL_Y = 8, 16  # one character cell in SVG pixels
DOT_BITS = ((0x01, 0x02, 0x04, 0x40), (0x08, 0x10, 0x20, 0x80))


def svg(lines: list[str], cells: Cells | None = None) -> str:
    """The gallery as an SVG: braille cells as dots (coloured by layer), everything else as
    monospace text."""
    width = max(len(line) for line in lines) * CELL_X + 2 * CELL_X
    height = (len(lines) + 2) * CELL_Y
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">',
        f'<rect width="{width}" height="{height}" fill="#1e1e1e"/>',
        f'<g fill="{COLOURS[Layer.NEAR]}">',
    ]
    texts: list[str] = []
    for row, line in enumerate(lines, start=1):
        top = row * CELL_Y
        run_start, run = 0, ""
        for col, char in enumerate(line + " "):
            code = ord(char) - 0x2800
            if 0 <= code <= 0xFF:
                layer = None
                if cells is not None and row - 1 < len(cells) and col < len(cells[row - 1]):
                    layer = cells[row - 1][col]
                colour = "" if layer in (None, Layer.NEAR) else f' fill="{COLOURS[layer]}"'
                for dx in range(2):
                    for dy in range(4):
                        if code & DOT_BITS[dx][dy]:
                            cx = (col + 1) * CELL_X + 2 + dx * 4
                            parts.append(
                                f'<circle cx="{cx}" cy="{top + 2 + dy * 4}" r="1.4"{colour}/>'
                            )
            if char != " " and not 0 <= code <= 0xFF:
                if not run:
                    run_start = col
                run += char
            elif run and (char != " " or line[col + 1 : col + 2] in ("", " ")):
                texts.append(
                    f'<text x="{(run_start + 1) * CELL_X}" y="{top + 12}">{escape(run)}</text>'
                )
                run = ""
            elif run:
                run += char
    parts.append("</g>")
    parts.append('<g fill="#9fd3ff" font-family="monospace" font-size="13">')
    parts.extend(texts)
    parts.append("</g></svg>")
    return "\n".join(parts) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", action="store_true", help="print instead of writing SVG")
    parser.add_argument("--ascii", action="store_true", help="draw with ASCII characters")
    parser.add_argument("--only", help="comma-separated exercise ids")
    parser.add_argument("--out", type=Path, default=OUT, help=f"SVG file (default {OUT})")
    args = parser.parse_args()
    library, problems = load_library()
    for problem in problems:
        print(problem)
    if args.only:
        wanted = args.only.split(",")
        library = {k: v for k, v in library.items() if k in wanted}
    charset = Charset.ASCII if args.ascii else Charset.BRAILLE
    lines, cells = gallery(library, charset)
    if args.text:
        print("\n".join(lines))
        return 0
    args.out.parent.mkdir(exist_ok=True)
    args.out.write_text(svg(lines, cells), encoding="utf-8")
    print(f"wrote {args.out}")
    if not args.only and args.out == OUT:
        sample = {k: library[k] for k in SAMPLE_IDS if k in library}
        SAMPLE.write_text(svg(*gallery(sample, charset)), encoding="utf-8")
        print(f"wrote {SAMPLE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
