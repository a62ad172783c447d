"""`list`, `show` and `validate`: what sessions exist and what is in them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from runstrong import paths
from runstrong.cli.terminal import ascii_only
from runstrong.exit_codes import EXIT_INVALID, EXIT_USAGE
from runstrong.formatting import counted, duration_text, load_text
from runstrong.history import open_existing_quietly
from runstrong.history.last_time import LastTime
from runstrong.planning.intensity import intensity_of
from runstrong.planning.progression import Suggested, suggest, with_last_loads
from runstrong.session.timeline import (
    Timing,
    estimate_seconds,
    rest_after_set,
    seconds_per_exercise,
    session_rests,
)
from runstrong.text import terminal_json
from runstrong.workout.catalog import (
    Catalog,
    Invalid,
    library_from,
    load_catalog,
    load_session_file,
    resolve,
)
from runstrong.workout.model import Exercise, Session

if TYPE_CHECKING:
    from runstrong import settings


def _report(err: Console, invalid: Invalid) -> None:
    for problem in invalid.problems:
        err.print(Text(str(problem)), style="red", soft_wrap=True)


def settings_timing() -> Timing:
    """Estimates use the person's GET READY and switch times, exactly as the app does."""
    from runstrong import settings

    return settings.load()[0].timing


def cmd_list(out: Console, err: Console, *, as_json: bool) -> int:
    catalog = load_catalog()
    timing = settings_timing()
    for problem in catalog.library_problems:
        err.print(Text(str(problem)), style="red", soft_wrap=True)
    if as_json:
        rows: list[dict[str, Any]] = []
        for entry in catalog.entries.values():
            if isinstance(entry, Session):
                rows.append(_session_summary(entry, timing))
            else:
                rows.append(
                    {
                        "slug": entry.slug,
                        "source": entry.source.value,
                        "path": entry.path,
                        "errors": [str(p) for p in entry.problems],
                    }
                )
        print(terminal_json(rows, indent=2, ascii_only=ascii_only()))
        return 0
    table = Table(title="Sessions", title_justify="left", expand=False)
    table.add_column("slug", style="bold cyan", no_wrap=True)
    table.add_column("name")
    table.add_column("exercises", justify="right")
    table.add_column("min", justify="right")
    table.add_column("focus")
    table.add_column("source")
    for entry in catalog.sessions:
        table.add_row(
            Text(entry.slug),
            Text(entry.name),
            str(len(entry.exercises)),
            f"~{round(estimate_seconds(entry, timing) / 60)}",
            Text(", ".join(entry.focus)),
            entry.source.value,
        )
    out.print(table)
    for broken in catalog.invalid:
        count = len(broken.problems)
        line = Text(
            f"error: {broken.slug} ({broken.source.value}): {counted(count, 'problem')}, "
            f"first: {broken.problems[0].message}; "
            f"see `runstrong validate {broken.path}`",
            style="red",
        )
        out.print(line, soft_wrap=True)
    if not catalog.entries:
        out.print("No sessions found.")
    return 0


def _session_summary(session: Session, timing: Timing) -> dict[str, Any]:
    return {
        "slug": session.slug,
        "name": session.name,
        "exercises": len(session.exercises),
        "estimated_seconds": estimate_seconds(session, timing),
        "estimated_minutes": round(estimate_seconds(session, timing) / 60),
        "focus": list(session.focus),
        "equipment": list(session.equipment),
        "intensity": intensity_of(session).value,
        "source": session.source.value,
        "path": session.path,
    }


def _exercise_json(exercise: Exercise, seconds: float, rest: int) -> dict[str, Any]:
    return {
        "name": exercise.name,
        "id": exercise.library_id,
        "category": None if exercise.category is None else exercise.category.value,
        "sets": exercise.sets,
        "sides": [side.value for side in exercise.sides],
        "phases": [
            {"kind": p.kind.value, "target": "max" if p.is_max_hold else p.target, "tempo": p.tempo}
            for p in exercise.phases
        ],
        "rest": rest,
        "rest_after": exercise.rest_after,
        "load_kg": exercise.load,
        "takes_load": exercise.loaded,
        "progression": None
        if exercise.progression is None
        else {
            "from": exercise.progression.start,
            "to": exercise.progression.end,
            "step": exercise.progression.step,
        },
        "cues": list(exercise.cues),
        "description": exercise.description,
        "easier": exercise.easier,
        "harder": exercise.harder,
        "equipment": list(exercise.equipment),
        "estimated_seconds": round(seconds),
    }


@dataclass(frozen=True, slots=True)
class FromHistory:
    """Each exercise's last full session and the next target it suggests (by index)."""

    last: dict[int, LastTime]
    suggested: dict[int, Suggested]


def _from_history(session: Session, catalog: Catalog, chosen: settings.Settings) -> FromHistory:
    """What the history says about each exercise, if there is a readable history."""
    store = open_existing_quietly(paths.history_file())
    if store is None:
        return FromHistory({}, {})
    from runstrong.planning.week import Record, easier_week_on

    with store:
        today = date.today()
        logged = Record.of(store.trained_sessions())
        easier = (not session.light) and easier_week_on(catalog, chosen, today, logged)
        last: dict[int, LastTime] = {}
        suggested: dict[int, Suggested] = {}
        for index, exercise in enumerate(session.exercises):
            found = store.last_full(exercise.key)
            if found is None:
                continue
            last[index] = found
            offer = suggest(exercise, found, today, light=session.light, easier_week=easier)
            if offer is not None:
                suggested[index] = offer
    return FromHistory(last, suggested)


def settings_now() -> settings.Settings:
    from runstrong import settings

    return settings.load()[0]


def show_session(
    out: Console, session: Session, catalog: Catalog, chosen: settings.Settings
) -> None:
    timing = chosen.timing
    per_exercise = seconds_per_exercise(session, timing)
    history = _from_history(session, catalog, chosen)
    offers = history.suggested
    # The load a session starts from: the last one used, else the file's (as `start` does).
    by_key = {session.exercises[i].key: found for i, found in history.last.items()}
    loads = [e.load for e in with_last_loads(session, by_key.get).exercises]
    header = Text(session.name + (" (light version)" if session.light else ""), style="bold")
    header.append(f"  ({session.slug}, {session.source.value})", style="dim")
    out.print(header)
    if session.description:
        out.print(Text(session.description))
    facts = [
        f"about {duration_text(estimate_seconds(session, timing))} min",
        intensity_of(session).value,
    ]
    if session.focus:
        facts.append("focus: " + ", ".join(session.focus))
    facts.append("equipment: " + (", ".join(session.equipment) or "none"))
    between_sets, between_exercises = session_rests(session, timing)
    facts.append(f"rest {between_sets} s between sets, {between_exercises} s between exercises")
    out.print(Text(" · ".join(facts), style="dim"))
    table = Table(show_lines=True, expand=False)
    table.add_column("#", justify="right")
    table.add_column("exercise", style="bold")
    table.add_column("prescription")
    table.add_column("rest", justify="right")
    table.add_column("cues")
    for number, exercise in enumerate(session.exercises, start=1):
        prescription = Text(exercise.describe())
        if (load := loads[number - 1]) is not None:
            prescription.append(f" · {load_text(load, chosen.units)}")
        if exercise.progression:
            p = exercise.progression
            prescription.append(f"\nbuilds {p.start} → {p.end} by {p.step}", style="dim")
        offer = offers.get(number - 1)
        if offer:
            prescription.append(f"\nnext: {offer.why}", style="bold green")
        prescription.append(f"\n~{duration_text(per_exercise[number - 1])} min", style="dim")
        if exercise.category is not None:
            prescription.append(f" · {exercise.category.value}", style="dim")
        # One set has no rest between sets: show the pause that follows it instead.
        rest = rest_after_set(session, exercise, exercise.sets == 1, timing)
        table.add_row(
            str(number),
            Text(exercise.name),
            prescription,
            f"{rest} s",
            Text("\n".join(f"• {cue}" for cue in exercise.cues)),
        )
    out.print(table)


def session_or_exit_code(
    err: Console, target: str, catalog: Catalog | None = None
) -> Session | int:
    """The session a slug or path names, or the exit code after saying why there is none."""
    catalog = catalog or load_catalog()
    loaded = resolve(target, catalog)
    if loaded is None:
        close = catalog.closest(target)
        hint = f"; did you mean {', '.join(close)}?" if close else "; see `runstrong list`"
        err.print(
            Text(f"runstrong: no session called '{target}'{hint}"), style="red", soft_wrap=True
        )
        return EXIT_USAGE
    if isinstance(loaded, Invalid):
        _report(err, loaded)
        return EXIT_INVALID
    return loaded


def cmd_show(out: Console, err: Console, target: str, *, as_json: bool, light: bool = False) -> int:
    from runstrong.cli.prepare import prepared

    catalog = load_catalog()
    found = session_or_exit_code(err, target, catalog)
    if isinstance(found, int):
        return found
    chosen = settings_now()
    ready = prepared(err, catalog, found, chosen, light=light)
    if isinstance(ready, int):
        return ready
    loaded, notes = ready
    if as_json:
        timing = chosen.timing
        data = _session_summary(loaded, timing)
        data["description"] = loaded.description
        data["rest_between_sets"], data["rest_between_exercises"] = session_rests(loaded, timing)
        data["light"] = loaded.light
        data["exercises"] = [
            _exercise_json(e, s, rest_after_set(loaded, e, False, timing))
            for e, s in zip(loaded.exercises, seconds_per_exercise(loaded, timing), strict=True)
        ]
        history = _from_history(loaded, catalog, chosen)
        for index, row in enumerate(data["exercises"]):
            offer, last = history.suggested.get(index), history.last.get(index)
            row["suggested"] = None if offer is None else offer.as_json()
            row["last"] = None if last is None else last.as_json()
        print(terminal_json(data, indent=2, ascii_only=ascii_only()))
        return 0
    for note in notes:
        out.print(Text(note, style="bold"))
    show_session(out, loaded, catalog, chosen)
    return 0


def cmd_validate(out: Console, err: Console, files: list[str]) -> int:
    catalog: Catalog = load_catalog()
    failed = 0
    for name in files:
        if Path(name).name == paths.LIBRARY_FILE:
            library, problems = library_from(Path(name), name)
            for problem in problems:
                err.print(Text(str(problem)), style="red", soft_wrap=True)
            if problems:
                failed += 1
            else:
                out.print(
                    Text(f"{name}: ok (exercise library, {len(library)} exercises)"), style="green"
                )
            continue
        loaded = load_session_file(Path(name), catalog.library)
        if isinstance(loaded, Invalid):
            failed += 1
            _report(err, loaded)
        else:
            out.print(
                Text(f"{name}: ok ({loaded.name}, {len(loaded.exercises)} exercises)"),
                style="green",
            )
    if failed:
        err.print(f"{failed} of {counted(len(files), 'file')} invalid", style="red")
    return EXIT_INVALID if failed else 0
