"""Reading a person's file safely: its type and size are checked before a byte is read.

A FIFO would block forever and /dev/zero would fill memory, so both are refused by what
`stat` says, never by trying. Every file runstrong reads (workouts, plans, settings, imports)
comes through here, so they all answer the same way.
"""

from __future__ import annotations

import os
import stat
from importlib.resources.abc import Traversable
from pathlib import Path

MAX_FILE_BYTES = 1_000_000
BOM = b"\xef\xbb\xbf"


class Refused(Exception):
    """A file that is not read; the message says why, in words, without the file name."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_capped(
    entry: Traversable | Path, what: str = "file", limit: int | None = MAX_FILE_BYTES
) -> bytes:
    """The bytes of a regular file of at most `limit` bytes (any size when None), or Refused
    saying why not."""
    if isinstance(entry, Path):
        try:
            info = entry.stat()
        except FileNotFoundError:
            raise Refused("no such file") from None
        except OSError as error:
            raise Refused(f"cannot be read: {error.strerror or error}") from None
        if not stat.S_ISREG(info.st_mode):
            raise Refused(f"is {_kind(info.st_mode)}, not a {what}")
        if limit is not None and info.st_size > limit:
            raise Refused(f"is {info.st_size:,} bytes; a {what} is expected to be under {limit:,}")
    try:
        if isinstance(entry, Path):
            # O_NONBLOCK: should the file turn into a FIFO between stat and open, opening
            # still returns at once instead of waiting for a writer.
            descriptor = os.open(entry, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
            with os.fdopen(descriptor, "rb") as handle:
                data = handle.read(-1 if limit is None else limit + 1)
        else:
            data = entry.read_bytes()
    except FileNotFoundError:
        raise Refused("no such file") from None
    except IsADirectoryError:
        raise Refused(f"is a folder, not a {what}") from None
    except OSError as error:
        raise Refused(f"cannot be read: {error.strerror or error}") from None
    if limit is not None and len(data) > limit:
        raise Refused(f"is over {limit:,} bytes; a {what} is expected to be under {limit:,}")
    return data


def decode_utf8(data: bytes) -> str:
    """UTF-8 text; a leading byte order mark (which some Windows editors add) is skipped."""
    if data.startswith(BOM):
        data = data[len(BOM) :]
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise Refused(
            "not UTF-8 text: it starts with a UTF-16 byte order mark; save the file as UTF-8"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise Refused(
            f"not UTF-8 text (byte 0x{data[error.start]:02x} at offset "
            f"{error.start}); save the file as UTF-8"
        ) from None
