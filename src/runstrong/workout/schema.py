"""Turn parsed TOML into model objects, collecting every problem instead of stopping at one.

Each problem names the file, where in it (which exercise), the key, and what was expected, so
a person can fix a whole file in one pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from runstrong.checks import (
    HOLD_SECONDS,
    LOAD_KG,
    REPS,
    REST_SECONDS,
    SETS,
    TEMPO_SECONDS,
    Checker,
    Problem,
    did_you_mean,
    type_name,
)
from runstrong.text import clean_text
from runstrong.workout.model import (
    Exercise,
    Intensity,
    LibraryExercise,
    Phase,
    PhaseKind,
    Progression,
    Session,
    Side,
    Source,
)

HOLD = HOLD_SECONDS
TEMPO = TEMPO_SECONDS
REST = REST_SECONDS

SESSION_KEYS = (
    "name",
    "description",
    "focus",
    "equipment",
    "rest_between_sets",
    "rest_between_exercises",
    "intensity",
)
ENTRY_KEYS = (
    "exercise",
    "name",
    "cues",
    "description",
    "easier",
    "harder",
    "focus",
    "equipment",
    "sets",
    "reps",
    "hold",
    "tempo",
    "rest",
    "rest_after",
    "sides",
    "progression",
    "phases",
    "figure",
    "load",
)
PHASE_KEYS = ("reps", "hold", "tempo", "progression")
PROGRESSION_KEYS = ("from", "to", "step")


def choice(
    check: Checker, table: Mapping[str, Any], key: str, allowed: tuple[str, ...], where: str
) -> str | None:
    """A value that must be one of a few words, or None when the key is absent."""
    value = table.get(key)
    if value is None:
        return None
    if value not in allowed:
        shown = repr(value) if isinstance(value, str) else type_name(value)
        check.add(
            f"expected one of {', '.join(repr(a) for a in allowed)}, got {shown}"
            + (did_you_mean(value, list(allowed)) if isinstance(value, str) else ""),
            where,
            key,
        )
        return None
    return str(value)


def _where(index: int, table: Mapping[str, Any]) -> str:
    label = table.get("name") or table.get("exercise")
    if isinstance(label, str) and label.strip():
        return f'exercise {index} "{clean_text(label)[:60]}"'
    return f"exercise {index}"


def parse_phase(check: Checker, table: Mapping[str, Any], where: str, prefix: str) -> Phase | None:
    """A reps or hold prescription from `table`; keys may live on the entry or in a phase."""
    has_reps, has_hold = "reps" in table, "hold" in table
    tempo = check.decimal(table, "tempo", TEMPO, where, "seconds per rep", prefix)
    if has_reps and has_hold:
        check.add("give either reps or hold, not both", where, prefix + "reps/hold")
        return None
    if not has_reps and not has_hold:
        check.add(
            "missing; expected reps = N, hold = SECONDS or phases = [...]",
            where,
            prefix + "reps/hold",
        )
        return None
    if has_hold:
        if "tempo" in table:
            check.add("tempo only applies to reps, not to a hold", where, prefix + "tempo")
        if table["hold"] == "max":
            return Phase(PhaseKind.HOLD, None)
        seconds = check.integer(table, "hold", HOLD, where, 'seconds (or "max")', prefix)
        return Phase(PhaseKind.HOLD, seconds) if seconds is not None else None
    reps = check.integer(table, "reps", REPS, where, "reps", prefix)
    return Phase(PhaseKind.REPS, reps, tempo) if reps is not None else None


def _phases(check: Checker, entry: Mapping[str, Any], where: str) -> tuple[Phase, ...]:
    if "phases" not in entry:
        single = parse_phase(check, entry, where, "")
        return (single,) if single else ()
    for key in ("reps", "hold", "tempo"):
        if key in entry:
            check.add("with phases, put reps, hold and tempo inside each phase", where, key)
    raw = entry["phases"]
    if not isinstance(raw, list) or not raw or not all(isinstance(p, dict) for p in raw):
        check.add(
            "expected a list of phases such as [{ hold = 30 }, { reps = 15 }], got "
            f"{type_name(raw)}",
            where,
            "phases",
        )
        return ()
    phases: list[Phase] = []
    for number, table in enumerate(raw, start=1):
        prefix = f"phases[{number}]."
        check.unknown_keys(table, PHASE_KEYS, where, prefix)
        phase = parse_phase(check, table, where, prefix)
        if phase and "progression" in table:
            # Each part of a compound set builds on its own: the hold and the pulses.
            rule = _progression(check, table["progression"], where, phase, prefix)
            phase = replace(phase, progression=rule)
        if phase:
            phases.append(phase)
    return tuple(phases) if len(phases) == len(raw) else ()


def parse_sides(
    check: Checker, entry: Mapping[str, Any], where: str, allow_none: bool = False
) -> tuple[Side, ...]:
    """`allow_none`: the library may say `sides = []` (both feet at once)."""
    raw = entry.get("sides")
    if raw is None or (allow_none and raw == []):
        return ()
    allowed = [side.value for side in Side]
    if not isinstance(raw, list) or not raw:
        check.add(
            f'expected a list such as ["left", "right"], got {type_name(raw)}', where, "sides"
        )
        return ()
    sides: list[Side] = []
    for value in raw:
        if value not in allowed:
            shown = repr(value) if isinstance(value, str) else type_name(value)
            check.add(f'expected "left" or "right", got {shown}', where, "sides")
        elif Side(value) in sides:
            check.add(f'"{value}" is listed twice', where, "sides")
        else:
            sides.append(Side(value))
    return tuple(sides)


def _progression(
    check: Checker, raw: object, where: str, phase: Phase, prefix: str = ""
) -> Progression | None:
    key = prefix + "progression"
    if not isinstance(raw, dict):
        check.add(
            f"expected a table such as {{ from = 15, to = 60, step = 5 }}, got {type_name(raw)}",
            where,
            key,
        )
        return None
    check.unknown_keys(raw, PROGRESSION_KEYS, where, key + ".")
    if phase.target is None:
        check.add("progression needs a reps or hold target, not a hold to the limit", where, key)
        return None
    bounds = REPS if phase.kind is PhaseKind.REPS else HOLD
    unit = "reps" if phase.kind is PhaseKind.REPS else "seconds"
    values = {}
    for name in PROGRESSION_KEYS:
        if name not in raw:
            check.add(f"missing; expected a whole number of {unit}", where, f"{key}.{name}")
        values[name] = check.integer(raw, name, bounds, where, unit, key + ".")
    start, end, step = values["from"], values["to"], values["step"]
    if start is None or end is None or step is None:
        return None
    if start > end:
        check.add(f"'from' ({start}) must not be above 'to' ({end})", where, key)
        return None
    return Progression(start, end, step)


def _entry_progression(
    check: Checker, entry: Mapping[str, Any], where: str, phases: tuple[Phase, ...]
) -> Progression | None:
    raw = entry.get("progression")
    if raw is None:
        return None
    if len(phases) > 1:
        check.add(
            "with phases, give each phase its own progression, such as "
            "phases = [{ hold = 30, progression = { from = 30, to = 60, step = 5 } }, ...]",
            where,
            "progression",
        )
        return None
    if not phases:
        return None
    return _progression(check, raw, where, phases[0])


def _exercise(
    check: Checker,
    index: int,
    entry: Mapping[str, Any],
    library: Mapping[str, LibraryExercise],
) -> Exercise | None:
    where = _where(index, entry)
    check.unknown_keys(entry, ENTRY_KEYS, where)
    base: LibraryExercise | None = None
    ident = entry.get("exercise")
    if ident is not None:
        if not isinstance(ident, str):
            check.add(f"expected a library id as text, got {type_name(ident)}", where, "exercise")
        elif ident not in library:
            check.add(
                f"no exercise '{clean_text(ident)}' in the exercise library"
                + did_you_mean(ident, list(library)),
                where,
                "exercise",
            )
        else:
            base = library[ident]
    name = check.text(entry, "name", where)
    if base is None and ident is None and not name:
        check.add(
            'missing; give the exercise a name, or refer to the library with exercise = "id"',
            where,
            "name",
        )
    sets = check.integer(entry, "sets", SETS, where, "sets")
    if "sets" not in entry:
        sets = 1
    phases = _phases(check, entry, where)
    rest = check.integer(entry, "rest", REST, where, "seconds")
    rest_after = check.integer(entry, "rest_after", REST, where, "seconds")
    sides = parse_sides(check, entry, where)
    progression = _entry_progression(check, entry, where, phases)
    load = check.decimal(entry, "load", LOAD_KG, where, "kg")
    cues = check.text_list(entry, "cues", where)
    description = check.text(entry, "description", where, multiline=True)
    easier, harder = check.text(entry, "easier", where), check.text(entry, "harder", where)
    focus, equipment = (
        check.text_list(entry, "focus", where),
        check.text_list(entry, "equipment", where),
    )
    figure = None
    if "figure" in entry:
        # Only an inline figure needs the figures package (see catalog.library_from).
        from runstrong.figures.parse import parse_figure

        figure = parse_figure(check, entry["figure"], where)
    if sets is None or not phases or (name is None and base is None):
        return None
    return Exercise(
        name=name or (base.name if base else ""),
        sets=sets,
        phases=phases,
        rest=rest,
        cues=cues or (base.cues if base else ()),
        description=description or (base.description if base else ""),
        easier=easier or (base.easier if base else ""),
        harder=harder or (base.harder if base else ""),
        focus=focus or (base.focus if base else ()),
        equipment=equipment or (base.equipment if base else ()),
        sides=sides,
        progression=progression,
        library_id=base.id if base else None,
        category=base.category if base else None,
        rest_after=rest_after,
        figure=figure or (base.figure if base else None),
        load=load,
        takes_load=load is not None or (base.takes_load if base else False),
    )


def parse_session(
    doc: Mapping[str, Any],
    file: str,
    slug: str,
    library: Mapping[str, LibraryExercise],
    source: Source,
) -> tuple[Session | None, list[Problem]]:
    """Rests the file does not set stay None: the person's defaults apply when it runs."""
    check = Checker(file)
    check.unknown_keys(doc, ("session", "exercises"), "")
    head = doc.get("session")
    if not isinstance(head, dict):
        check.add('missing; expected a [session] table with at least name = "..."', "", "session")
        head = {}
    check.unknown_keys(head, SESSION_KEYS, "[session]")
    name = check.text(head, "name", "[session]")
    if not name and isinstance(doc.get("session"), dict):
        check.add("missing; expected the session's name as text", "[session]", "name")
    rest_sets = check.integer(head, "rest_between_sets", REST, "[session]", "seconds")
    rest_exercises = check.integer(head, "rest_between_exercises", REST, "[session]", "seconds")
    entries = doc.get("exercises")
    exercises: list[Exercise] = []
    if not isinstance(entries, list) or not entries:
        check.add("missing; expected at least one [[exercises]] entry", "", "exercises")
    elif not all(isinstance(e, dict) for e in entries):
        check.add("expected [[exercises]] tables", "", "exercises")
    else:
        for index, entry in enumerate(entries, start=1):
            exercise = _exercise(check, index, entry, library)
            if exercise:
                exercises.append(exercise)
    description = check.text(head, "description", "[session]", multiline=True) or ""
    focus = check.text_list(head, "focus", "[session]")
    intensity = choice(check, head, "intensity", tuple(i.value for i in Intensity), "[session]")
    equipment = check.text_list(head, "equipment", "[session]")
    demanding = [e.name for e in exercises if e.category and e.category.is_demanding]
    if intensity is not None and intensity != Intensity.HARD.value and demanding:
        check.add(
            f"'{intensity}', but {demanding[0]} is a jump or a loaded lift: a session "
            'with those is intensity = "hard"',
            "[session]",
            "intensity",
        )
    if check.problems or not name:
        return None, check.problems
    if not equipment:
        needed = (item for exercise in exercises for item in exercise.equipment)
        equipment = tuple(dict.fromkeys(needed))
    return Session(
        slug=slug,
        name=name,
        exercises=tuple(exercises),
        description=description,
        focus=focus,
        equipment=equipment,
        rest_between_sets=rest_sets,
        rest_between_exercises=rest_exercises,
        source=source,
        path=file,
        intensity=Intensity(intensity) if intensity else None,
    ), []
