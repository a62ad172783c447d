"""Text from workout files is data: it must never restyle or take over the terminal."""

from __future__ import annotations

import re
import unicodedata

# Whole escape sequences go, not just the ESC byte, so no "[31m" debris is left behind.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?     # OSC ... BEL or ST
    | \x1b[P^_X][^\x1b]*(?:\x1b\\)?        # DCS, PM, APC, SOS ... ST
    | (?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]     # CSI
    | \x1b[ -/]*[0-~]                      # other two-byte escapes
    """,
    re.VERBOSE,
)
# Bidirectional overrides and isolates can reorder everything drawn after them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f")


def clean_text(value: str, *, multiline: bool = False) -> str:
    """Remove escape sequences, control characters and bidi overrides; keep everything else."""
    if value.isprintable():
        # Nothing to remove (escapes, controls, bidi marks and line breaks are all
        # unprintable), and the only space is " ": the common case, and it is start-up time.
        return value.strip() if multiline else " ".join(value.split())
    value = _ESCAPE_SEQUENCE.sub("", value)
    kept: list[str] = []
    for char in value:
        if char == "\n" and multiline:
            kept.append(char)
        elif char in "\t\n\r":
            kept.append(" ")
        elif char in _BIDI_CONTROLS or unicodedata.category(char) == "Cc":
            continue
        else:
            kept.append(char)
    text = "".join(kept)
    if multiline:
        return "\n".join(line.strip() for line in text.strip().splitlines())
    return " ".join(text.split())

