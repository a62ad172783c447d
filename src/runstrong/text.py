"""Text from workout files is data: it must never restyle or take over the terminal."""

from __future__ import annotations

import json
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
# Bidirectional overrides, isolates and marks (the Arabic letter mark U+061C included) can
# reorder everything drawn after them.
_BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)


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


def strip_controls(value: str) -> str:
    """Like clean_text, but keeps spacing and line breaks as they are (for drawn output)."""
    value = _ESCAPE_SEQUENCE.sub("", value)
    return "".join(
        " " if char == "\t" else char
        for char in value
        if char in "\n\t" or not (char in _BIDI_CONTROLS or unicodedata.category(char) == "Cc")
    )


# Characters JSON may carry raw but a terminal would act on (C1 controls such as the 8-bit CSI
# 0x9b, DEL, bidi controls) or cannot print (lone surrogates): written as \uXXXX instead, so
# the data survives intact and the terminal sees only printable text.
# U+2028 and U+2029 end a line for many readers (str.splitlines among them): escaped too, so
# one record stays one line.
_JSON_UNSAFE = re.compile(
    "[\x7f-\x9f\ud800-\udfff\u2028\u2029" + "".join(sorted(_BIDI_CONTROLS)) + "]"
)


def terminal_json(data: object, *, indent: int | None = None, ascii_only: bool = False) -> str:
    """JSON for stdout: lossless, but with nothing in it a terminal would interpret."""
    text = json.dumps(data, indent=indent, ensure_ascii=ascii_only)
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def shown_value(value: object, limit: int = 40) -> str:
    """A value quoted in a message: cleaned and shortened, whatever its size."""
    if type(value) is int and value.bit_length() > 100:
        digits = int(value.bit_length() * 0.30103) + 1
        return f"a number of about {digits} digits"
    try:
        text = repr(value)
    except (ValueError, RecursionError):
        return "a value too large to show"
    text = clean_text(text)
    return text if len(text) <= limit else text[: limit - 3] + "..."
