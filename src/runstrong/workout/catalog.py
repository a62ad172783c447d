"""Find, load and validate workout sessions: bundled ones and the person's own.

Bundled files come through importlib.resources; user files from `<config dir>/workouts/`.
A user file with the same slug as a bundled one replaces it. Nothing here raises for bad
input: problems come back as values for the CLI and the TUI to put into words.
"""

from __future__ import annotations

import difflib
import functools
import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from importlib.resources.abc import Traversable
from pathlib import Path

from runstrong import paths
from runstrong.checks import Problem, parse_document
from runstrong.reading import Refused, read_capped
from runstrong.workout.model import LibraryExercise, Session, Source
from runstrong.workout.schema import parse_session


@dataclass(frozen=True, slots=True)
class Invalid:
    """A session file that could not be loaded, and every reason why."""

    slug: str
    path: str
    source: Source
    problems: tuple[Problem, ...]


Loaded = Session | Invalid


def _read(
    entry: Traversable | Path, label: str, what: str = "workout file"
) -> tuple[bytes | None, list[Problem]]:
    try:
        return read_capped(entry, what), []
    except Refused as refused:
        return None, [Problem(label, str(refused))]


def library_from(
    entry: Traversable | Path, label: str
) -> tuple[dict[str, LibraryExercise], list[Problem]]:
    data, problems = _read(entry, label, "exercise library")
    if data is None:
        return {}, problems
    exercises, found = _parse_library_bytes(data, label)
    return dict(exercises), list(found)


# Keyed by the file's bytes: an edited file parses afresh, an unchanged one (the bundled
# library, at every start of a screen that lists sessions) costs a hash instead of ~0.1 s.
@functools.lru_cache(maxsize=4)
def _parse_library_bytes(
    data: bytes, label: str
) -> tuple[tuple[tuple[str, LibraryExercise], ...], tuple[Problem, ...]]:
    doc, problems = parse_document(data, label)
    if doc is None:
        return (), tuple(problems)
    # Here, not at the top: the library brings in the figures package (parser, checks), which
    # commands that only list slugs or read the history never need.
    from runstrong.workout.library_schema import parse_library

    exercises, problems = parse_library(doc, label)
    return tuple(exercises.items()), tuple(problems)


def load_library() -> tuple[dict[str, LibraryExercise], list[Problem]]:
    """The bundled exercise library, extended or overridden by the user's own."""
    library, problems = library_from(
        paths.bundled_workouts() / paths.LIBRARY_FILE, f"bundled {paths.LIBRARY_FILE}"
    )
    user_file = paths.user_workouts_dir() / paths.LIBRARY_FILE
    if user_file.is_file():
        extra, more = library_from(user_file, str(user_file))
        library.update(extra)
        problems.extend(more)
    return library, problems


def load_session_file(
    entry: Traversable | Path,
    library: Mapping[str, LibraryExercise],
    source: Source = Source.FILE,
    label: str | None = None,
) -> Loaded:
    label = label or str(entry)
    slug = Path(entry.name).stem
    data, problems = _read(entry, label)
    if data is not None:
        doc, problems = parse_document(data, label)
        if doc is not None:
            session, problems = parse_session(doc, label, slug, library, source)
            if session is not None:
                return replace(session, digest=hashlib.sha256(data).hexdigest())
    return Invalid(slug, label, source, tuple(problems))


def _session_files(folder: Traversable | Path) -> Iterator[Traversable | Path]:
    try:
        if not folder.is_dir():
            return
        entries = sorted(folder.iterdir(), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.endswith(".toml") and entry.name != paths.LIBRARY_FILE:
            yield entry


@dataclass(frozen=True, slots=True)
class Catalog:
    """Every session runstrong knows of, by slug, plus problems with the library itself."""

    entries: dict[str, Loaded]
    library: dict[str, LibraryExercise]
    library_problems: tuple[Problem, ...]

    @property
    def sessions(self) -> list[Session]:
        return [e for e in self.entries.values() if isinstance(e, Session)]

    @property
    def invalid(self) -> list[Invalid]:
        return [e for e in self.entries.values() if isinstance(e, Invalid)]

    def closest(self, slug: str) -> list[str]:
        names = list(self.entries)
        by_name = {s.name.lower(): s.slug for s in self.sessions}
        close = difflib.get_close_matches(slug, names, n=3, cutoff=0.5)
        close += [by_name[n] for n in difflib.get_close_matches(slug.lower(), by_name, n=3)]
        close += [n for n in names if slug and slug.lower() in n and n not in close]
        return list(dict.fromkeys(close))[:3]


def session_slugs() -> list[str]:
    """The slugs of every session file, bundled and the person's, without reading them."""
    folders = (paths.bundled_workouts(), paths.user_workouts_dir())
    return sorted({Path(entry.name).stem for folder in folders for entry in _session_files(folder)})


def load_catalog() -> Catalog:
    """Every session, as its file says (rests it does not set stay None)."""
    library, library_problems = load_library()
    entries: dict[str, Loaded] = {}
    for entry in _session_files(paths.bundled_workouts()):
        loaded = load_session_file(entry, library, Source.BUNDLED, f"bundled {entry.name}")
        entries[loaded.slug] = loaded
    for entry in _session_files(paths.user_workouts_dir()):
        loaded = load_session_file(entry, library, Source.USER)
        entries[loaded.slug] = loaded
    return Catalog(dict(sorted(entries.items())), library, tuple(library_problems))


def looks_like_path(text: str) -> bool:
    return text.endswith(".toml") or "/" in text or text.startswith(".")


def resolve(target: str, catalog: Catalog) -> Loaded | None:
    """A session by slug, or by path to a .toml file; None when there is no such slug."""
    if looks_like_path(target):
        # The absolute path is kept so the session can be resumed from any folder.
        path = Path(target).expanduser().resolve()
        loaded = load_session_file(path, catalog.library, label=target)
        return replace(loaded, path=str(path)) if isinstance(loaded, Session) else loaded
    return catalog.entries.get(target)
