"""The exercise library's file (`exercises.toml`): each movement described once, with its
usual dose and figure, every problem collected the same way as for session files."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from runstrong.checks import SETS, Checker, Problem, type_name
from runstrong.figures.parse import parse_figure
from runstrong.text import clean_text
from runstrong.workout.model import Category, LibraryExercise, PhaseKind, Prescription
from runstrong.workout.schema import choice, parse_phase, parse_sides

LIBRARY_KEYS = (
    "name",
    "category",
    "sides",
    "kind",
    "prescription",
    "cues",
    "description",
    "focus",
    "muscles",
    "equipment",
    "easier",
    "harder",
    "figure",
    "takes_load",
)
PRESCRIPTION_KEYS = ("sets", "reps", "hold", "tempo")


def parse_prescription(
    check: Checker, table: Mapping[str, Any], where: str, kind: str | None
) -> Prescription | None:
    raw = table.get("prescription")
    if raw is None:
        return None
    if not isinstance(raw, dict):
        check.add(
            f"expected a table such as {{ sets = 2, reps = 10 }}, got {type_name(raw)}",
            where,
            "prescription",
        )
        return None
    check.unknown_keys(raw, PRESCRIPTION_KEYS, where, "prescription.")
    sets = check.integer(raw, "sets", SETS, where, "sets", "prescription.")
    phase = parse_phase(check, raw, where, "prescription.")
    if phase is None:
        return None
    if kind is not None and phase.kind.value != kind:
        check.add(
            f"the prescription is {phase.kind.value} but kind = {kind!r}", where, "prescription"
        )
        return None
    return Prescription(1 if sets is None else sets, phase)


def parse_library(
    doc: Mapping[str, Any], file: str
) -> tuple[dict[str, LibraryExercise], list[Problem]]:
    check = Checker(file)
    library: dict[str, LibraryExercise] = {}
    for ident, table in doc.items():
        where = f'exercise "{clean_text(ident)[:60]}"'
        if not isinstance(table, dict):
            check.add(
                f"expected a table [{ident}] describing an exercise, got {type_name(table)}", where
            )
            continue
        check.unknown_keys(table, LIBRARY_KEYS, where)
        name = check.text(table, "name", where)
        if not name:
            check.add("missing; expected the exercise's name as text", where, "name")
            continue
        category = choice(check, table, "category", tuple(c.value for c in Category), where)
        kind = choice(check, table, "kind", tuple(k.value for k in PhaseKind), where)
        sides = parse_sides(check, table, where, allow_none=True)
        prescription = parse_prescription(check, table, where, kind)
        library[ident] = LibraryExercise(
            id=ident,
            name=name,
            category=None if category is None else Category(category),
            sides=sides,
            kind=PhaseKind(kind) if kind else (prescription.phase.kind if prescription else None),
            prescription=prescription,
            cues=check.text_list(table, "cues", where),
            description=check.text(table, "description", where, multiline=True) or "",
            focus=check.text_list(table, "focus", where),
            muscles=check.text_list(table, "muscles", where),
            equipment=check.text_list(table, "equipment", where),
            easier=check.text(table, "easier", where) or "",
            harder=check.text(table, "harder", where) or "",
            figure=parse_figure(check, table["figure"], where) if "figure" in table else None,
            takes_load=bool(check.boolean(table, "takes_load", where)),
        )
    return library, check.problems
