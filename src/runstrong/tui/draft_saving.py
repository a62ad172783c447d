"""The app's side of the builder: save a draft it was handed, asking before anything is
replaced, and keep the builder (and the draft) open when the write fails."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text

from runstrong.tui.screens.builder import BuilderScreen
from runstrong.tui.screens.dialogs import Answer, Choice
from runstrong.workout.builder import Draft
from runstrong.workout.catalog import Invalid, Loaded, load_session_file
from runstrong.workout.model import Session, Source

if TYPE_CHECKING:
    from runstrong.tui.app import RunstrongApp


def clash(draft: Draft, path: Path, entries: dict[str, Loaded]) -> Text | None:
    """What saving `draft` at `path` would replace or hide, in words; None if nothing."""
    if path.exists():
        return Text(
            f"{path} already exists. Saving replaces that file with this session. "
            "Rename the session to keep both."
        )
    known = entries.get(draft.slug)
    if known is not None and known.source is Source.BUNDLED:
        name = known.name if isinstance(known, Session) else known.slug
        return Text(
            f"runstrong comes with a session called {name} ({draft.slug}). Saving "
            f"as {path} hides it from your list while the file is there. Rename the "
            "session to keep both."
        )
    return None


def save_draft(app: RunstrongApp, message: BuilderScreen.DraftReady) -> None:
    screen = app.screen
    if not isinstance(screen, BuilderScreen):
        return
    draft, path = message.draft, message.draft.path()
    # The builder's own earlier save is no one else's file.
    problem = None if path == message.saved_to else clash(draft, path, app.catalog.entries)
    if problem is None:
        _write(app, screen, draft, start=message.start)
        return

    def answered(replace_it: bool | None) -> None:
        if replace_it:
            _write(app, screen, draft, start=message.start)

    app.push_screen(
        Choice(
            "Replace a session?",
            problem,
            [Answer("y", "Replace it", True, "error"), Answer("n", "Keep it", False, "primary")],
            otherwise=False,
        ),
        answered,
    )


def _write(app: RunstrongApp, screen: BuilderScreen, draft: Draft, *, start: bool) -> None:
    try:
        # Any file in the way was named to the person, who chose to replace it.
        path = draft.save(overwrite=True)
    except OSError as error:
        # The builder stays open with the draft, so nothing typed is lost.
        app.notify(
            f"Could not save {draft.path()}: {error.strerror or error}",
            title="Not saved",
            severity="error",
            timeout=15,
        )
        return
    screen.saved(path)
    loaded = load_session_file(path, screen.library, rests=app.catalog.rests)
    app.sessions_changed()
    if isinstance(loaded, Invalid):
        app.notify(
            "\n".join(str(p) for p in loaded.problems),
            title="Saved with problems",
            severity="error",
            timeout=15,
        )
        return
    app.notify(f"Saved {path}", timeout=6)
    if start and screen.is_current:
        screen.dismiss(None)
        app.request_session(loaded)
