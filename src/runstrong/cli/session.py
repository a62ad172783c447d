"""Commands that open the TUI. Textual is imported only here, when a screen is needed."""

from __future__ import annotations

from rich.console import Console

from runstrong.cli.catalog import session_or_exit_code
from runstrong.model import Session
from runstrong.planning.light import light_session


def run_app(session: Session | None = None, *, mute: bool = False, voice: bool = False,
            review: bool = False) -> int:
    from runstrong import settings
    from runstrong.tui.app import RunstrongApp

    chosen, warnings = settings.load()
    RunstrongApp(session=session, mute=mute, voice=voice, review=review, settings=chosen,
                 warnings=warnings).run()
    return 0


def cmd_start(err: Console, target: str, *, mute: bool, voice: bool, light: bool = False) -> int:
    loaded = session_or_exit_code(err, target)
    if isinstance(loaded, int):
        return loaded
    return run_app(light_session(loaded) if light else loaded, mute=mute, voice=voice)
