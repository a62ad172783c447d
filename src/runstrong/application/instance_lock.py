"""Which unfinished sessions another running runstrong holds, so a second instance never
offers to resume (or closes) a session that is still being followed elsewhere.

A running session holds an exclusive `flock` on a small file beside the history, named for
the session's row. The operating system lets go of it when the process ends in any way
(kill -9 included), so a lock can never go stale; the files themselves are left for reuse.
Where locks cannot be taken (no `fcntl`, a read-only folder), nothing is held and every
unfinished session is offered, as before."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path

from runstrong.history import Unfinished

try:
    import fcntl
except ImportError:  # pragma: no cover - not on Windows
    fcntl = None  # type: ignore[assignment]


def lock_path(history: Path, session_id: int) -> Path:
    return history.with_name(f".{history.name}.running-{session_id}.lock")


class SessionLock:
    """The lock this instance holds on the session it is running (at most one at a time)."""

    def __init__(self, history: Path) -> None:
        self.history = history
        self._fd: int | None = None
        self.session_id: int | None = None

    def hold(self, session_id: int) -> bool:
        """True when held (or already held); False when it could not be taken."""
        if self.session_id == session_id:
            return True
        self.release()
        if fcntl is None:
            return False
        try:
            fd = os.open(lock_path(self.history, session_id), os.O_RDWR | os.O_CREAT, 0o644)
        except OSError:
            return False
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return False
        self._fd, self.session_id = fd, session_id
        return True

    def release(self) -> None:
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)  # closing the file lets go of the lock
        self._fd = self.session_id = None


def held_elsewhere(history: Path, session_id: int) -> bool:
    """Whether a running runstrong (another one, or another session in this one) holds it."""
    if fcntl is None:
        return False
    try:
        fd = os.open(lock_path(history, session_id), os.O_RDONLY)
    except OSError:
        return False  # never locked, or not readable: nobody is known to hold it
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def resumable(history: Path, unfinished: Sequence[Unfinished]) -> list[Unfinished]:
    """The unfinished sessions no running instance holds: the ones to offer, or close."""
    return [u for u in unfinished if not held_elsewhere(history, u.id)]
