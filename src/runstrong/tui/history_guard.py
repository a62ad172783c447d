"""A history that turns out damaged while the app runs: a message and the move-aside offer,
as the command line gives, never a traceback.

Damage past a file's first pages only shows when those pages are read, so any read can meet
it (the store raises HistoryError). Screens wrap their reads with `guard_history`; the app
hears `HistoryDamaged` once, closes the file so nothing more is written into it, and asks.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, Concatenate, ParamSpec, Protocol, TypeVar, cast

from textual.message import Message

from runstrong.formatting import damaged_text
from runstrong.history import HistoryError

P = ParamSpec("P")
R = TypeVar("R")


class HistoryDamaged(Message):
    """A read from the history failed; `error` says which file and why."""

    def __init__(self, error: HistoryError) -> None:
        super().__init__()
        self.error = error


class ReadsHistory(Protocol):
    store: Any

    def post_message(self, message: Message) -> bool: ...


S = TypeVar("S", bound=ReadsHistory)


def damage_message(path: object, reason: str) -> str:
    """The damage sentence the command line prints too, starting a dialog's text."""
    text = damaged_text(path, reason)
    return text[:1].upper() + text[1:]


def guard_history(method: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R | None]:
    """Run a screen method that reads the history; on an SQLite error, stop reading from it
    (the screen's store becomes None) and tell the app, instead of raising."""

    @wraps(method)
    def guarded(self: S, *args: P.args, **kwargs: P.kwargs) -> R | None:
        try:
            return method(self, *args, **kwargs)
        except HistoryError as error:
            self.store = None
            self.post_message(HistoryDamaged(error))
            return None

    return cast("Callable[Concatenate[S, P], R | None]", guarded)
