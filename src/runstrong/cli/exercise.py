"""`exercise`: one library entry in full (with its figure), or the whole library as JSON."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from runstrong.checks import did_you_mean
from runstrong.cli.terminal import ascii_only
from runstrong.exit_codes import EXIT_USAGE
from runstrong.figures import Charset, Figure
from runstrong.figures.render import fit_width, render_position
from runstrong.figures.shapes import Layer
from runstrong.text import terminal_json
from runstrong.workout.catalog import Catalog, load_catalog
from runstrong.workout.model import LibraryExercise, PhaseKind, Session

# The figures use the terminal's width: about one row per 4.5 columns (22 rows at 100 columns),
# between these bounds; a wide figure (lying down) gets fewer rows so its positions fit across.
FIGURE_ROWS = (8, 30)
COLUMNS_PER_ROW = 4.5
GAP = "  "
LAYER_STYLES = {
    Layer.FAR: "dim",
    Layer.HELD: "dim",
    Layer.BAND: "yellow",
    Layer.PATH: "cyan",
    Layer.GROUND: "dim",
}


def _uses(catalog: Catalog, ident: str) -> list[Session]:
    return [s for s in catalog.sessions if any(e.library_id == ident for e in s.exercises)]


def exercise_kind(entry: LibraryExercise, catalog: Catalog) -> str:
    """ "hold" or "reps": the library's own word if it has one, else how sessions use it."""
    declared = getattr(entry, "kind", None)
    if declared:
        return str(declared)
    firsts = [
        e.phases[0].kind
        for s in catalog.sessions
        for e in s.exercises
        if e.library_id == entry.id and e.phases
    ]
    if firsts:
        holds = sum(kind is PhaseKind.HOLD for kind in firsts)
        return "hold" if holds * 2 >= len(firsts) else "reps"
    if entry.figure is not None and entry.figure.position("hold") is not None:
        return "hold"
    return "reps"


def exercise_sides(entry: LibraryExercise, catalog: Catalog) -> list[str]:
    declared = getattr(entry, "sides", None)
    if declared:
        return [str(side) for side in declared]
    for session in catalog.sessions:
        for exercise in session.exercises:
            if exercise.library_id == entry.id and exercise.sides:
                return [side.value for side in exercise.sides]
    return []


def library_json(catalog: Catalog) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for ident, entry in catalog.library.items():
        row: dict[str, Any] = {"id": ident, "name": entry.name}
        category = getattr(entry, "category", None)
        if category:
            row["category"] = str(category)
        row["sides"] = exercise_sides(entry, catalog)
        row["kind"] = exercise_kind(entry, catalog)
        row["figure"] = list(entry.figure.names) if entry.figure else None
        rows.append(row)
    return rows


def charset_for(console: Console) -> Charset:
    """Braille where the terminal can encode it; ASCII in a C locale."""
    return Charset.BRAILLE if "utf" in (console.encoding or "").lower() else Charset.ASCII


def figure_size(figure: Figure, columns: int) -> tuple[int, int]:
    """(width, height) of each key position's drawing so they all fit across `columns`."""
    count = len(figure.distinct())
    low, high = FIGURE_ROWS
    height = max(low, min(high, round(columns / COLUMNS_PER_ROW)))
    room = (columns - len(GAP) * (count - 1)) // count
    while height > low and fit_width(figure, height) > room:
        height -= 1
    return min(room, max(fit_width(figure, height), 12)), height


def figure_lines(
    figure: Figure, charset: Charset, columns: int = 80, *, colour: bool = False
) -> list[Text]:
    """Every key position side by side, each named underneath, sized to `columns`; coloured by
    layer (the far limbs dim) or, without colour, with the far side in fewer dots."""
    width, height = figure_size(figure, columns)
    shown = figure.distinct()
    drawings = [
        render_position(figure, position, width, height, charset, plain=not colour)
        for _, position in shown
    ]
    rows: list[Text] = []
    for r in range(height):
        row = Text()
        for n, drawing in enumerate(drawings):
            if n:
                row.append(GAP)
            for char, layer in zip(drawing.lines[r], drawing.layers[r], strict=True):
                row.append(char, LAYER_STYLES.get(layer, "") if (colour and layer) else "")
        row.rstrip()
        rows.append(row)
    # A figure lying down fills only the bottom of its frame: leave out the empty sky.
    while len(rows) > 1 and not rows[0].plain.strip():
        rows.pop(0)
    rows.append(Text(GAP.join(label.center(width) for label, _ in shown).rstrip()))
    if figure.works:
        other = "right" if figure.works == "left" else "left"
        rows.append(
            Text(
                f"Drawn with the {figure.works} side working; the {other} side is the mirror image."
            )
        )
    return rows


def show_exercise(out: Console, entry: LibraryExercise, catalog: Catalog) -> None:
    header = Text(entry.name, style="bold")
    header.append(f"  ({entry.id})", style="dim")
    out.print(header)
    facts = [exercise_kind(entry, catalog)]
    category = getattr(entry, "category", None)
    if category:
        facts.insert(0, str(category))
    sides = exercise_sides(entry, catalog)
    if sides:
        facts.append("sides: " + ", ".join(sides))
    if entry.equipment:
        facts.append("equipment: " + ", ".join(entry.equipment))
    out.print(Text(" · ".join(facts), style="dim"))
    if entry.description:
        out.print(Text(entry.description))
    if entry.cues:
        out.print(Text("Cues", style="bold"))
        for cue in entry.cues:
            out.print(Text(f"  • {cue}"))
    if entry.easier:
        out.print(Text("Easier: ", style="bold") + Text(entry.easier))
    if entry.harder:
        out.print(Text("Harder: ", style="bold") + Text(entry.harder))
    if entry.figure is not None:
        views = [view.value for view in entry.figure.views]
        seen = " and ".join(views) + (" views" if len(views) > 1 else " view")
        out.print(Text(f"Figure ({seen})", style="bold"))
        colour = out.color_system is not None and not out.no_color
        for line in figure_lines(entry.figure, charset_for(out), out.width, colour=colour):
            out.print(line, no_wrap=True, crop=True)
    users = _uses(catalog, entry.id)
    used = ", ".join(f"{s.name} ({s.slug})" for s in users) if users else "no session yet"
    out.print(Text("Used in: ", style="bold") + Text(used))


def cmd_exercise(out: Console, err: Console, ident: str | None, *, as_json: bool) -> int:
    catalog = load_catalog()
    for problem in catalog.library_problems:
        err.print(Text(str(problem)), style="red", soft_wrap=True)
    if ident is None:
        if as_json:
            print(terminal_json(library_json(catalog), indent=2, ascii_only=ascii_only()))
            return 0
        for key, each in catalog.library.items():
            out.print(Text(key, style="bold cyan") + Text(f"  {each.name}"))
        return 0
    entry = catalog.library.get(ident)
    if entry is None:
        hint = did_you_mean(ident, list(catalog.library))
        if not hint:
            close = [k for k in catalog.library if ident.lower() in k]
            hint = f" (did you mean {' or '.join(repr(k) for k in close[:3])}?)" if close else ""
        err.print(
            Text(
                f"runstrong: no exercise called {ident!r} in the library{hint}; see "
                "`runstrong exercise` for the list"
            ),
            style="red",
            soft_wrap=True,
        )
        return EXIT_USAGE
    if as_json:
        row = next(r for r in library_json(catalog) if r["id"] == ident)
        row.update(
            description=entry.description,
            cues=list(entry.cues),
            easier=entry.easier,
            harder=entry.harder,
            equipment=list(entry.equipment),
            sessions=[s.slug for s in _uses(catalog, ident)],
        )
        print(terminal_json(row, indent=2, ascii_only=ascii_only()))
        return 0
    show_exercise(out, entry, catalog)
    return 0
