"""Saving a session drafted from the library: what it would replace or hide, in words, and the
written file read back as a session (or with its problems)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from runstrong.workout.builder import Draft
from runstrong.workout.catalog import Catalog, Invalid, Loaded, load_session_file
from runstrong.workout.model import Session, Source


def clash(draft: Draft, path: Path, entries: dict[str, Loaded]) -> str | None:
    """What saving `draft` at `path` would replace or hide, in words; None if nothing."""
    if path.exists():
        return (
            f"{path} already exists. Saving replaces that file with this session. "
            "Rename the session to keep both."
        )
    known = entries.get(draft.slug)
    if known is not None and known.source is Source.BUNDLED:
        name = known.name if isinstance(known, Session) else known.slug
        return (
            f"runstrong comes with a session called {name} ({draft.slug}). Saving "
            f"as {path} hides it from your list while the file is there. Rename the "
            "session to keep both."
        )
    return None


@dataclass(frozen=True, slots=True)
class Saved:
    path: Path
    loaded: Loaded
    """The file read back as any other session file: a Session, or Invalid with problems."""

    @property
    def problems(self) -> str | None:
        if isinstance(self.loaded, Invalid):
            return "\n".join(str(p) for p in self.loaded.problems)
        return None


def save_draft(draft: Draft, catalog: Catalog) -> Saved:
    """Write `draft` into the person's folder (any file in the way was named to the person,
    who chose to replace it) and read it back. Raises OSError when it cannot be written."""
    path = draft.save(overwrite=True)
    return Saved(path, load_session_file(path, catalog.library))
