"""`history`, `stats`, `export` and `import`: the training log from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from runstrong import paths, settings
from runstrong.exit_codes import EXIT_ERROR
from runstrong.formatting import duration_text, when_text
from runstrong.history import HistoryError, HistoryStore, open_existing
from runstrong.history.exchange import ImportProblem
from runstrong.planning.week import weekly_target
from runstrong.text import clean_text
from runstrong.workouts import load_catalog


def _store(err: Console, *, create: bool = False) -> HistoryStore | int | None:
    path = paths.history_file()
    try:
        return HistoryStore(path) if create else open_existing(path)
    except HistoryError as error:
        err.print(Text(f"runstrong: {error}"), style="red", soft_wrap=True)
        return EXIT_ERROR


def cmd_history(out: Console, err: Console, *, as_json: bool, limit: int | None,
                exercise: str | None) -> int:
    store = _store(err)
    if isinstance(store, int):
        return store
    rows = [] if store is None else store.sessions(limit=limit, exercise=exercise)
    if as_json:
        print(json.dumps([r.as_json() for r in rows], indent=2, ensure_ascii=False))
        return 0
    if not rows and exercise:
        out.print(Text(f"No sets of {clean_text(exercise)} in your history. "
                       "`runstrong stats` lists the exercises you have done."))
        return 0
    if not rows:
        out.print("No sessions in your history yet. Start one with `runstrong` or "
                  "`runstrong start SLUG`.")
        return 0
    table = Table(title="History", title_justify="left")
    for name, justify in (("#", "right"), ("when", "left"), ("session", "left"),
                          ("time", "right"), ("sets", "right"), ("status", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    for row in rows:
        status_style = {"completed": "green", "stopped": "yellow"}.get(row.status, "red")
        table.add_row(str(row.id), when_text(row.started_at), Text(row.name),
                      duration_text(row.duration_seconds),
                      f"{row.sets_done}/{row.planned_sets}" if row.planned_sets
                      else str(row.sets_done),
                      Text(row.status.words, style=status_style))
    out.print(table)
    if exercise:
        for row in rows:
            line = ", ".join(f"{s.actual}{'s' if s.kind == 'hold' else ''}"
                             f"{' ' + s.side[0].upper() if s.side else ''}" for s in row.sets)
            out.print(Text(f"#{row.id} {row.started_at[:10]}: {line}"))
    return 0


def stats_data(store: HistoryStore | None, target: int = 1) -> dict[str, Any]:
    """`target`: sessions a week that count towards the streak (the plan's)."""
    if store is None:
        return {"exercises": [], "weeks": [], "streak_weeks": 0, "weekly_target": target,
                "balance": []}
    return {
        "exercises": [
            {"exercise": s.exercise, "name": s.name, "kind": s.kind, "best": s.best,
             "best_at": s.best_at, "latest": s.latest, "latest_at": s.latest_at,
             "sessions": s.sessions}
            for s in store.exercise_stats()
        ],
        "weeks": [{"week_of": week.isoformat(), "sessions": count}
                  for week, count in store.weekly_counts()],
        "streak_weeks": store.streak_weeks(target),
        "weekly_target": target,
        "balance": [
            {"exercise": b.exercise, "name": b.name, "kind": b.kind, "unit": b.unit,
             "left": b.left, "right": b.right, "sessions": b.sessions, "weaker": b.weaker,
             "lag_percent": b.lag_percent}
            for b in store.balances()
        ],
    }


def cmd_stats(out: Console, err: Console, *, as_json: bool) -> int:
    store = _store(err)
    if isinstance(store, int):
        return store
    chosen, _ = settings.load()
    data = stats_data(store, weekly_target(load_catalog(), chosen))
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    if not data["exercises"]:
        out.print("No sets logged yet.")
        return 0
    table = Table(title="Personal bests", title_justify="left")
    for name in ("exercise", "best", "latest", "sessions"):
        table.add_column(name, justify="left" if name == "exercise" else "right")
    for item in data["exercises"]:
        unit = " s" if item["kind"] == "hold" else " reps"
        table.add_row(Text(item["name"]), f"{item['best']}{unit}", f"{item['latest']}{unit}",
                      str(item["sessions"]))
    out.print(table)
    weeks = "  ".join(f"{w['week_of'][5:]}: {w['sessions']}" for w in data["weeks"])
    out.print(f"Sessions per week (week of)  {weeks}")
    weeks_on_target = data["streak_weeks"]
    out.print(f"Streak: {weeks_on_target} week{'s' * (weeks_on_target != 1)} in a row with "
              f"{data['weekly_target']} or more sessions")
    for item in data["balance"]:
        count = item["sessions"]
        line = Text(f"{item['name']}: left {item['left']} {item['unit']} vs right "
                    f"{item['right']} {item['unit']} over {count} session"
                    f"{'s' * (count != 1)} with both sides done")
        if item["weaker"]:
            line.append(f"  {item['weaker']} side lags by {item['lag_percent']}%",
                        style="bold yellow")
        out.print(line)
    return 0


def cmd_export(err: Console, fmt: str, output: str | None) -> int:
    store = _store(err, create=True)
    if isinstance(store, int):
        return store
    assert store is not None
    text = store.export(fmt)
    if output is None:
        sys.stdout.write(text)
        return 0
    try:
        Path(output).write_text(text, encoding="utf-8")
    except OSError as error:
        err.print(Text(f"runstrong: cannot write {output}: {error.strerror or error}"),
                  style="red")
        return EXIT_ERROR
    err.print(Text(f"Wrote {text.count(chr(10)) - (fmt != 'jsonl')} records to {output}"))
    return 0


def cmd_import(out: Console, err: Console, source: str) -> int:
    try:
        text = Path(source).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        err.print(Text(f"runstrong: cannot read {source}: {error}"), style="red")
        return EXIT_ERROR
    store = _store(err, create=True)
    if isinstance(store, int):
        return store
    assert store is not None
    try:
        result = store.import_jsonl(text)
    except ImportProblem as problem:
        err.print(Text(f"runstrong: {source}: {problem}; nothing was imported"), style="red",
                  soft_wrap=True)
        return EXIT_ERROR
    out.print(Text(f"Imported {result.sets_added} set records in {result.sessions_added} new "
                   f"session(s); {result.sets_skipped} already present."))
    if result.runs_added or result.runs_skipped:
        out.print(Text(f"Imported {result.runs_added} run(s); {result.runs_skipped} already "
                       "present."))
    return 0
