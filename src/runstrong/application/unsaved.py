"""Sets the history could not take (a full disk, a read-only folder): what they are, why, and
how they reach a file the person can `runstrong import` later. Nothing is dropped silently:
the summary offers a retry and this file, and an exit with sets still unsaved writes it."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from runstrong.formatting import counted
from runstrong.history.database import iso
from runstrong.session.events import PhaseRecord, sets_in
from runstrong.text import terminal_json


@dataclass(frozen=True, slots=True)
class SessionFacts:
    """What an import needs to rebuild the session these sets belong to."""

    uid: str
    slug: str
    name: str
    started_ts: float
    planned_sets: int
    light: bool
    status: str = "stopped"
    ended_ts: float | None = None
    taken_s: float | None = None


@dataclass(frozen=True, slots=True)
class Unsaved:
    records: tuple[PhaseRecord, ...]
    reason: str
    lines: tuple[str, ...]
    """The records as `export --format jsonl` lines: what `import` reads back."""

    @property
    def sets(self) -> int:
        return sets_in(self.records)

    def sentence(self) -> str:
        verb = "is" if self.sets == 1 else "are"
        return f"{counted(self.sets, 'set')} {verb} not saved in your history: {self.reason}"


def unsaved(
    facts: SessionFacts, records: Sequence[PhaseRecord], uids: dict[int, str], reason: str
) -> Unsaved:
    """The records with the same ids as in the history, so a file imported after a retry
    that did succeed adds nothing twice."""
    lines = tuple(terminal_json(_line(facts, r, uids[r.seq])) for r in records)
    return Unsaved(tuple(records), reason, lines)


def _line(facts: SessionFacts, record: PhaseRecord, uid: str) -> dict[str, object]:
    return {
        "set_id": uid,
        "session_id": facts.uid,
        "session": facts.slug,
        "session_name": facts.name,
        "started_at": iso(facts.started_ts),
        "exercise": record.exercise,
        "set": record.set_number,
        "side": None if record.side is None else record.side.value,
        "kind": record.kind.value,
        "target": record.target,
        "actual": record.actual,
        "completed_at": iso(record.ended_at),
        "rpe": None,
        "load_kg": record.load_kg,
        "exercise_name": record.exercise_name,
        "exercise_index": record.exercise_index,
        "phase_index": record.phase_index,
        "set_started_at": iso(record.started_at),
        "session_status": facts.status,
        "session_ended_at": None if facts.ended_ts is None else iso(facts.ended_ts),
        "session_taken_s": facts.taken_s,
        "planned_sets": facts.planned_sets,
        "light": facts.light,
    }


def default_path(history: Path, started_ts: float) -> Path:
    """Beside the history, named for the session's start, so it is easy to find."""
    stamp = datetime.fromtimestamp(started_ts).strftime("%Y%m%d-%H%M%S")
    return history.with_name(f"unsaved-sets-{stamp}.jsonl")


def write(sets: Unsaved, path: Path) -> str:
    """Write the file (never over an existing one); the sentence that says what to do next.
    Raises OSError (with the reason) when it cannot be written."""
    path = path.expanduser()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write("".join(line + "\n" for line in sets.lines))
            out.flush()
            os.fsync(out.fileno())
    except OSError:
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    return (
        f"Wrote {counted(sets.sets, 'set')} to {path}. "
        f"`runstrong import {path}` adds them to your history once it can be written."
    )


def rescue(sets: Unsaved, history: Path, started_ts: float) -> str:
    """At exit with sets still unsaved and no choice made: write them beside the history, else
    in the temporary folder, else the home folder. The sentence to print either way."""
    name = default_path(history, started_ts).name
    problems = []
    for folder in (history.parent, Path(tempfile.gettempdir()), Path.home()):
        path = folder / name
        for number in range(1, 100):
            if not path.exists():
                break
            path = folder / f"{path.stem.split('.')[0]}.{number}{path.suffix}"
        try:
            return write(sets, path)
        except OSError as error:
            problems.append(f"{path}: {error.strerror or error}")
    return f"{sets.sentence()} They could not be written to a file either ({'; '.join(problems)})."
