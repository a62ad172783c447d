"""`history`, `stats`, `export` and `import`: the training log from the command line."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, TaskProgressColumn, TextColumn
from rich.progress import Progress as RichProgress
from rich.table import Table
from rich.text import Text

from runstrong import paths, settings
from runstrong.cli.terminal import ascii_only
from runstrong.exit_codes import EXIT_ERROR
from runstrong.formatting import (
    amount_text,
    counted,
    damaged_text,
    day_text,
    duration_text,
    lag_text,
    set_text,
    sets_done_text,
    when_text,
)
from runstrong.history import HistoryError, HistoryStore
from runstrong.history.import_check import Progress as ImportProgress
from runstrong.history.import_check import check_lines
from runstrong.history.queries import Counts, labelled
from runstrong.planning.week import week_rule
from runstrong.reading import Refused, decode_utf8, read_capped
from runstrong.text import clean_text, terminal_json
from runstrong.workout.catalog import session_slugs


def _say(err: Console, message: str) -> None:
    err.print(Text(clean_text(message, multiline=True)), style="red", soft_wrap=True)


def _reading(err: Console) -> HistoryStore | int | None:
    """The history opened read-only (None if there is none yet), or the exit code."""
    try:
        return HistoryStore.for_reading(paths.history_file())
    except HistoryError as error:
        _say(err, f"runstrong: {error}")
        return EXIT_ERROR


def _writing(err: Console) -> HistoryStore | int:
    try:
        store = HistoryStore(paths.history_file())
    except HistoryError as error:
        _say(err, f"runstrong: {error}")
        return EXIT_ERROR
    try:
        damage = store.integrity_problem()
    except HistoryError as error:
        damage = str(error)
    if damage is not None:
        store.close()
        _say(
            err,
            f"runstrong: {damaged_text(paths.history_file(), damage)}",
        )
        return EXIT_ERROR
    return store


def cmd_history(
    out: Console, err: Console, *, as_json: bool, limit: int | None, exercise: str | None
) -> int:
    store = _reading(err)
    if isinstance(store, int):
        return store
    rows = [] if store is None else store.sessions(limit=limit, exercise=exercise)
    if as_json:
        print(terminal_json([r.as_json() for r in rows], indent=2, ascii_only=ascii_only()))
        return 0
    if not rows and exercise:
        out.print(
            Text(
                f"No sets of {clean_text(exercise)} in your history. "
                "`runstrong stats` lists the exercises you have done."
            )
        )
        return 0
    if not rows:
        out.print(
            "No sessions in your history yet. Start one with `runstrong` or `runstrong start SLUG`."
        )
        return 0
    table = Table(title="History", title_justify="left")
    for name, justify in (
        ("#", "right"),
        ("when", "left"),
        ("session", "left"),
        ("time", "right"),
        ("sets", "right"),
        ("status", "left"),
    ):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in rows:
        status_style = {"completed": "green", "stopped": "yellow"}.get(row.status, "red")
        table.add_row(
            str(row.id),
            when_text(row.started_at),
            Text(row.name + (" (light)" if row.light else "")),
            duration_text(row.duration_seconds),
            sets_done_text(row.sets_done, row.planned_sets),
            Text(row.status.words, style=status_style),
        )
    out.print(table)
    if exercise:
        for row in rows:
            line = ", ".join(
                f"{amount_text(s.actual, s.kind)}{' ' + s.side[0].upper() if s.side else ''}"
                for s in row.sets
            )
            out.print(Text(f"#{row.id} {day_text(row.started_at)}: {line}"))
    return 0


def stats_data(
    store: HistoryStore | None, target: int = 1, counts: Counts | None = None
) -> dict[str, Any]:
    """`target`: sessions a week that count towards the streak (the plan's); `counts`: which
    sessions count (the plan's; all without one)."""
    if store is None:
        return {
            "exercises": [],
            "weeks": [],
            "streak_weeks": 0,
            "weekly_target": target,
            "balance": [],
        }
    return {
        "exercises": [
            {
                "exercise": s.exercise,
                "name": s.name,
                "label": label,
                "kind": s.kind,
                "best": s.best,
                "best_at": s.best_at,
                "latest": s.latest,
                "latest_at": s.latest_at,
                "sessions": s.sessions,
                "best_load_kg": s.best_load_kg,
                "best_load_reps": s.best_load_reps,
                "latest_load_kg": s.latest_load_kg,
            }
            for s, label in labelled(store.exercise_stats())
        ],
        "weeks": [
            {"week_of": week.isoformat(), "sessions": count}
            for week, count in store.weekly_counts(counting=counts)
        ],
        "streak_weeks": store.streak_weeks(target, counting=counts),
        "weekly_target": target,
        "balance": [
            {
                "exercise": b.exercise,
                "name": b.name,
                "kind": b.kind,
                "unit": b.unit,
                "left": b.left,
                "right": b.right,
                "sessions": b.sessions,
                "weaker": b.weaker,
                "lag_percent": b.lag_percent,
            }
            for b in store.balances()
        ],
    }


def cmd_stats(out: Console, err: Console, *, as_json: bool) -> int:
    store = _reading(err)
    if isinstance(store, int):
        return store
    chosen, _ = settings.load()
    # The plan only needs the sessions' names (file names), not the sessions read and checked.
    slugs = session_slugs()
    rule = week_rule(slugs, chosen)
    data = stats_data(store, rule.target, rule.counts)
    if as_json:
        print(terminal_json(data, indent=2, ascii_only=ascii_only()))
        return 0
    if not data["exercises"]:
        out.print("No sets logged yet.")
        return 0
    table = Table(title="Personal bests", title_justify="left")
    for name in ("exercise", "best", "latest", "sessions"):
        table.add_column(name, justify="left" if name == "exercise" else "right")
    for item in data["exercises"]:
        units = chosen.units
        best = set_text(item["best"], item["kind"], None, reps_word=True)
        if item["best_load_kg"] is not None:
            best = set_text(item["best_load_reps"], item["kind"], item["best_load_kg"], units)
        table.add_row(
            Text(item["label"]),
            best,
            set_text(item["latest"], item["kind"], item["latest_load_kg"], units, reps_word=True),
            str(item["sessions"]),
        )
    out.print(table)
    weeks = "  ".join(f"{w['week_of'][5:]}: {w['sessions']}" for w in data["weeks"])
    # Only the plan's sessions count towards its week (as `today` counts them): say so.
    plan = rule.plan
    whose = f"{plan.name} sessions" if plan is not None else "Sessions"
    out.print(Text(f"{whose} per week (week of)  {weeks}"))
    weeks_on_target = data["streak_weeks"]
    out.print(
        Text(
            f"Streak: {counted(weeks_on_target, 'week')} in a row with "
            f"{data['weekly_target']} or more {whose.lower() if plan is None else whose}"
        )
    )
    for item in data["balance"]:
        count = item["sessions"]
        line = Text(
            f"{item['name']}: left {amount_text(item['left'], item['kind'], reps_word=True)} vs "
            f"right {amount_text(item['right'], item['kind'], reps_word=True)} over "
            f"{counted(count, 'session')} with both sides done"
        )
        if item["weaker"]:
            line.append(
                f"; {lag_text(item['weaker'], item['lag_percent'], count)}", style="bold yellow"
            )
        out.print(line)
    return 0


def _inside_data_folder(output: Path) -> bool:
    target = output.resolve()
    folder = paths.data_dir().resolve()
    return target == paths.history_file().resolve() or folder in target.parents


def cmd_export(err: Console, fmt: str, output: str | None) -> int:
    if output is not None and _inside_data_folder(Path(output)):
        _say(
            err,
            f"runstrong: will not write {output}: it is in runstrong's data folder "
            f"({paths.data_dir()}), where the history lives. Pick a file elsewhere.",
        )
        return EXIT_ERROR
    store = _reading(err)
    if isinstance(store, int):
        return store
    text = (store or HistoryStore.empty()).export(fmt)
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        _say(err, f"runstrong: cannot write {output}: {error.strerror or error}")
        return EXIT_ERROR
    err.print(
        Text(clean_text(f"Wrote {text.count(chr(10)) - (fmt != 'jsonl')} records to {output}"))
    )
    return 0


@contextmanager
def _steps(err: Console) -> Iterator[Callable[[str], ImportProgress | None]]:
    """Each step of a long import as a bar on the terminal; nothing when stderr is a pipe."""
    if not err.is_terminal:
        yield lambda _: None
        return
    with RichProgress(
        TextColumn("{task.description}"),
        BarColumn(),
        TaskProgressColumn(),
        console=err,
        transient=True,
    ) as bar:

        def step(description: str) -> ImportProgress:
            task = bar.add_task(description, total=None)
            return lambda done, total: bar.update(task, completed=done, total=total)

        yield step


def cmd_import(out: Console, err: Console, source: str) -> int:
    try:
        # Any size: ten years are 35-60 MB. Only what is not a regular file (a FIFO, a
        # device) is refused, before a byte is read.
        text = decode_utf8(read_capped(Path(source), "history export", limit=None))
    except Refused as refused:
        _say(err, f"runstrong: cannot read {source}: {refused}")
        return EXIT_ERROR
    with _steps(err) as step:
        records, problems = check_lines(source, text, step("Checking"))
        del text
        if problems:
            for problem in problems:
                _say(err, str(problem))
            lines = len({problem.where for problem in problems})
            _say(err, f"runstrong: {source}: {counted(lines, 'bad line')}; nothing was imported")
            return EXIT_ERROR
        store = _writing(err)
        if isinstance(store, int):
            return store
        try:
            result = store.import_records(records, step("Importing"))
        except HistoryError as error:
            _say(err, f"runstrong: {error}; nothing was imported")
            return EXIT_ERROR
        finally:
            store.close()
    out.print(
        Text(
            f"Imported {result.sets_added} set records in {result.sessions_added} new "
            f"session(s); {result.sets_skipped} already present."
        )
    )
    if result.runs_added or result.runs_skipped:
        out.print(
            Text(f"Imported {result.runs_added} run(s); {result.runs_skipped} already present.")
        )
    return 0
