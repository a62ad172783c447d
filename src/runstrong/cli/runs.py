"""`runs` and `runs import`: the runs that happened, from a watch's files or Strava."""

from __future__ import annotations

from contextlib import nullcontext
from pathlib import Path

from rich.console import Console
from rich.table import Table
from rich.text import Text

from runstrong import paths, settings
from runstrong.activities.sources import collect
from runstrong.cli.terminal import ascii_only
from runstrong.formatting import counted, distance_text, duration_text
from runstrong.history import HistoryError, HistoryStore
from runstrong.history.runs import RunLength
from runstrong.text import terminal_json

EXIT_ERROR = 1
MAX_PROBLEM = 400


def _open(err: Console) -> HistoryStore | None:
    try:
        return HistoryStore(paths.history_file())
    except HistoryError as error:
        err.print(Text(f"runstrong: {error}"), style="red", soft_wrap=True)
        return None


def cmd_runs_import(out: Console, err: Console, sources: list[str]) -> int:
    found = collect([Path(s) for s in sources])
    for problem in found.problems:
        # A parser's message may quote the file at length: one line each is enough.
        shown = problem if len(problem) <= MAX_PROBLEM else problem[: MAX_PROBLEM - 3] + "..."
        err.print(Text(f"runstrong: {shown}"), style="red", soft_wrap=True)
    if found.runs:
        store = _open(err)
        if store is None:
            return EXIT_ERROR
        try:
            result = store.add_runs(found.runs)
        except HistoryError as error:
            err.print(Text(f"runstrong: {error}; no run was imported"), style="red", soft_wrap=True)
            return EXIT_ERROR
        finally:
            store.close()
        line = f"Imported {counted(result.added, 'run')}"
        if result.already:
            line += f"; {result.already} already in your history"
        out.print(Text(line + "."))
    elif not found.problems:
        out.print(Text("No runs found."))
    if found.not_runs:
        kinds = ", ".join(f"{sport} {count}" for sport, count in found.not_runs.most_common())
        skipped = sum(found.not_runs.values())
        what = (
            "1 activity that is not a run"
            if skipped == 1
            else f"{skipped} activities that are not runs"
        )
        out.print(Text(f"Skipped {what} ({kinds})."))
    if found.ignored_files:
        out.print(
            Text(
                f"Ignored {counted(found.ignored_files, 'file')} that are not GPX, FIT "
                "or a Strava activities.csv.",
                style="dim",
            )
        )
    return EXIT_ERROR if found.problems else 0


def cmd_runs(out: Console, err: Console, *, as_json: bool, limit: int | None) -> int:
    chosen, warnings = settings.load()
    for warning in warnings:
        err.print(Text(warning), style="yellow", soft_wrap=True)
    try:
        # Read-only, like `history`: listing runs never creates or upgrades the file.
        store = HistoryStore.for_reading(paths.history_file())
        with store or nullcontext():
            rows = [] if store is None else store.recent_runs(limit)
    except HistoryError as error:
        err.print(Text(f"runstrong: {error}"), style="red", soft_wrap=True)
        return EXIT_ERROR
    long_minutes = chosen.long_run_minutes
    if as_json:
        print(
            terminal_json(
                [r.as_json(long_minutes) for r in rows], indent=2, ascii_only=ascii_only()
            )
        )
        return 0
    if not rows:
        out.print(
            "No runs yet. Import them with `runstrong runs import PATH` (GPX, FIT, or "
            "Strava's export .zip)."
        )
        return 0
    table = Table(title="Runs", title_justify="left")
    for name, justify in (
        ("date", "left"),
        ("start", "left"),
        ("run", "left"),
        ("mi" if chosen.units == "lb" else "km", "right"),
        ("time", "right"),
        ("", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in rows:
        start = row.local_start()
        kind = row.kind(long_minutes)
        table.add_row(
            start.strftime("%a %d %b %Y"),
            start.strftime("%H:%M"),
            Text(row.name),
            distance_text(row.distance_km, chosen.units).split(" ")[0],
            duration_text(row.duration_s),
            Text("long", style="bold") if kind is RunLength.LONG else "",
        )
    out.print(table)
    return 0
