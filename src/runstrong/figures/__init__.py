"""Stick figures of exercises: poses as joint angles of a fixed skeleton, drawn as text.

Pure: no Textual, no Rich. `parse_figure` reads one from TOML (through the shared Checker),
`draw` turns a key position or a moment of a rep into lines of braille (or ASCII) text.
"""

from runstrong.figures.canvas import Charset
from runstrong.figures.figure import Contact, Figure, KeyPosition, Prop, PropKind, placed
from runstrong.figures.motion import between, position_at
from runstrong.figures.parse import parse_figure
from runstrong.figures.render import draw, draw_position
from runstrong.figures.skeleton import View
from runstrong.figures.validate import check_figure

__all__ = [
    "Charset",
    "Contact",
    "Figure",
    "KeyPosition",
    "Prop",
    "PropKind",
    "View",
    "between",
    "check_figure",
    "draw",
    "draw_position",
    "parse_figure",
    "placed",
    "position_at",
]
