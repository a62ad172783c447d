"""Write a gallery of every exercise figure (each key position, the name under it) for review.

    python scripts/figures.py              # docs/figures.svg
    python scripts/figures.py --text       # print the gallery to the terminal instead
    python scripts/figures.py --text --only front-plank,side-plank
"""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.text import Text

from runstrong.figures import Charset, draw
from runstrong.model import LibraryExercise
from runstrong.workouts import load_library

CELL_WIDTH, CELL_HEIGHT = 24, 10
PAGE_WIDTH = 160
OUT = Path(__file__).resolve().parent.parent / "docs" / "figures.svg"


def block(entry: LibraryExercise, charset: Charset) -> list[str]:
    """One exercise: its key positions side by side, their names and the exercise's under."""
    figure = entry.figure
    if figure is None:
        return [f"{entry.name[:CELL_WIDTH]}: no figure"]
    drawings = [draw(figure, CELL_WIDTH, CELL_HEIGHT, position=name, charset=charset)
                for name in figure.names]
    rows = [" ".join(parts) for parts in zip(*drawings, strict=True)]
    rows.append(" ".join(name.center(CELL_WIDTH) for name in figure.names))
    width = len(rows[0])
    rows.append(entry.name[:width].center(width))
    return [row.ljust(width) for row in rows]


def gallery(library: dict[str, LibraryExercise], charset: Charset) -> list[str]:
    lines: list[str] = []
    shelf: list[list[str]] = []
    used = 0
    for entry in library.values():
        item = block(entry, charset)
        if shelf and used + len(item[0]) > PAGE_WIDTH:
            lines.extend(_shelf_lines(shelf))
            shelf, used = [], 0
        shelf.append(item)
        used += len(item[0]) + 4
    if shelf:
        lines.extend(_shelf_lines(shelf))
    return lines


def _shelf_lines(shelf: list[list[str]]) -> list[str]:
    height = max(len(item) for item in shelf)
    padded = [item + [" " * len(item[0])] * (height - len(item)) for item in shelf]
    return ["    ".join(parts).rstrip() for parts in zip(*padded, strict=True)] + [""]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--text", action="store_true", help="print instead of writing SVG")
    parser.add_argument("--ascii", action="store_true", help="draw with ASCII characters")
    parser.add_argument("--only", help="comma-separated exercise ids")
    args = parser.parse_args()
    library, problems = load_library()
    for problem in problems:
        print(problem)
    if args.only:
        wanted = args.only.split(",")
        library = {k: v for k, v in library.items() if k in wanted}
    charset = Charset.ASCII if args.ascii else Charset.BRAILLE
    lines = gallery(library, charset)
    if args.text:
        print("\n".join(lines))
        return 0
    console = Console(record=True, width=PAGE_WIDTH, file=open("/dev/null", "w"))  # noqa: SIM115
    for line in lines:
        console.print(Text(line), no_wrap=True, crop=True)
    OUT.parent.mkdir(exist_ok=True)
    console.save_svg(str(OUT), title="runstrong exercise figures")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
