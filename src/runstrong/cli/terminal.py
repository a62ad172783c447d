"""What the command line writes to a terminal: never a control sequence from data, and never
a crash on a terminal that cannot show UTF-8 (LC_ALL=C).

Data is cleaned where it is read; this is the last guard, at the one place every line of
Rich output passes: the segments a Console renders. Rich's own styling is added after this
point, so colours still work.
"""

from __future__ import annotations

import codecs
import io
import sys
import unicodedata
from collections.abc import Iterable

from rich.console import Console, ConsoleOptions, RenderableType
from rich.segment import Segment

from runstrong.text import strip_controls

FALLBACK_ERRORS = "runstrong-ascii"
# Symbols the output uses, in the nearest ASCII; anything else loses its accents or becomes ?.
_ASCII = {
    "→": "->",
    "←": "<-",
    "•": "*",
    "·": "-",
    "×": "x",
    "…": "...",
    "—": "-",
    "–": "-",
    "✓": "v",
    "✗": "x",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "▶": ">",
    "⏸": "||",
    "█": "#",
    "▌": "#",
    "░": ".",
    "▁": "_",
    "≈": "~",
    "°": "o",
    "±": "+/-",
    "\u00a0": " ",
}


def _ascii(char: str) -> str:
    if char in _ASCII:
        return _ASCII[char]
    if "\u2800" <= char <= "\u28ff":  # braille, as the charts draw with
        return "#" if char != "\u2800" else " "
    plain = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
    return plain or "?"


def _fallback(error: UnicodeError) -> tuple[str, int]:
    if not isinstance(error, UnicodeEncodeError):
        raise error
    chunk = error.object[error.start : error.end]
    return "".join(_ascii(char) for char in chunk), error.end


codecs.register_error(FALLBACK_ERRORS, _fallback)


def _can_encode(stream: object, sample: str = "→•×") -> bool:
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        sample.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def ascii_only() -> bool:
    """True when stdout cannot show UTF-8 symbols (a C or POSIX locale)."""
    return not _can_encode(sys.stdout)


def prepare_streams() -> None:
    """On a terminal without UTF-8, symbols fall back to ASCII instead of raising."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and not _can_encode(stream):
            stream.reconfigure(errors=FALLBACK_ERRORS)


def _needs_cleaning(text: str) -> bool:
    return any(not char.isprintable() and char != "\n" for char in text)


class CleanConsole(Console):
    """A Rich Console that drops control characters and escape sequences from everything it
    draws, whatever the renderable (tables, titles, plain strings)."""

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control or not _needs_cleaning(segment.text):
                yield segment
            else:
                yield Segment(strip_controls(segment.text), segment.style)


def argument_text(value: str) -> str:
    """A command-line argument as text. In a C locale Python decodes argv as ASCII and keeps
    other bytes as lone surrogates; they are almost always UTF-8, so read them as that."""
    if not any("\udc80" <= char <= "\udcff" for char in value):
        return value
    raw = value.encode(sys.getfilesystemencoding(), "surrogateescape")
    return raw.decode("utf-8", "replace")
