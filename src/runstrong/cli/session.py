"""Commands that open the TUI. Textual is imported only here, when a screen is needed."""

from __future__ import annotations

import contextlib
import os
import sys

from rich.console import Console
from rich.text import Text

from runstrong.cli.catalog import session_or_exit_code
from runstrong.exit_codes import EXIT_USAGE
from runstrong.workout.model import Session

NEEDS_TERMINAL = (
    "runstrong needs a terminal: run it in a terminal window, or use the commands that "
    "print, such as `runstrong list`, `show`, `today`, `history` or `stats`."
)


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def run_app(
    session: Session | None = None,
    *,
    mute: bool = False,
    voice: bool = False,
    review: bool = False,
    companion: bool = False,
    lan: bool = False,
) -> int:
    if not has_terminal():
        # Without one the app would spin on a closed input and write escape codes into a
        # file, logging sets nobody did.
        print(NEEDS_TERMINAL, file=sys.stderr)
        return EXIT_USAGE
    from runstrong import settings
    from runstrong.tui.app import RunstrongApp

    chosen, warnings = settings.load()
    app = RunstrongApp(
        session=session,
        mute=mute,
        voice=voice,
        review=review,
        settings=chosen,
        warnings=warnings,
        companion=companion,
        lan=lan,
    )
    app.run()
    for note in app.ending.notes:
        # The terminal may be gone (a closed window): the file holds the sets either way.
        with contextlib.suppress(OSError):
            print(f"runstrong: {note}", file=sys.stderr)
    status = app.ending.status()
    if app.ending.watchdog.armed:
        # Ended by a hang-up, SIGTERM or a lost terminal: every set is committed and the
        # history closed. The interpreter's own tear-down takes seconds on a busy machine,
        # long enough to look hung, so it is skipped.
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(status)
    return status


def cmd_start(
    err: Console,
    target: str,
    *,
    mute: bool,
    voice: bool,
    light: bool = False,
    companion: bool = False,
    lan: bool = False,
) -> int:
    from runstrong import settings
    from runstrong.cli.prepare import prepared
    from runstrong.workout.catalog import load_catalog

    catalog = load_catalog()
    found = session_or_exit_code(err, target, catalog)
    if isinstance(found, int):
        return found
    ready = prepared(err, catalog, found, settings.load()[0], light=light)
    if isinstance(ready, int):
        return ready
    loaded, notes = ready
    for note in notes:
        err.print(Text(note))
    return run_app(loaded, mute=mute, voice=voice, companion=companion, lan=lan)
