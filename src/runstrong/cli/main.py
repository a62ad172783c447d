"""The `runstrong` command: the TUI by default, Rich output for everything else."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Callable, Sequence
from datetime import date

from rich.console import Console
from rich.text import Text

from runstrong import __version__, paths
from runstrong.cli.terminal import CleanConsole, prepare_streams
from runstrong.exit_codes import EXIT_ERROR, EXIT_INTERRUPTED
from runstrong.formatting import damaged_text
from runstrong.text import clean_text

MAX_LIMIT = 1_000_000
DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
# What a command runs: its parsed arguments, the console for output and the one for errors.
Handler = Callable[[argparse.Namespace, Console, Console], int]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="runstrong",
        description="A terminal workout timer for runners' strength and coordination "
        "training. Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"runstrong {__version__}")
    commands = parser.add_subparsers(metavar="COMMAND")

    listing = commands.add_parser("list", help="list the sessions you can run")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(handler=_list)

    show = commands.add_parser("show", help="show a session's exercises and estimated time")
    show.set_defaults(handler=_show)
    show.add_argument("session", metavar="SLUG|PATH", help="a session slug or a .toml file")
    show.add_argument("--json", action="store_true", help="print JSON instead of text")
    show.add_argument(
        "--light",
        action="store_true",
        help="the light version: no jumps or loaded lifts, about half the rest",
    )

    exercise = commands.add_parser(
        "exercise",
        help="an exercise from the library, with its figure; without ID, the whole library",
    )
    exercise.set_defaults(handler=_exercise)
    exercise.add_argument("exercise", nargs="?", metavar="ID", help="an exercise id")
    exercise.add_argument("--json", action="store_true", help="print JSON instead of text")

    validate = commands.add_parser("validate", help="check workout files and report problems")
    validate.set_defaults(handler=_validate)
    validate.add_argument("files", nargs="+", metavar="PATH", help="workout .toml files")

    start = commands.add_parser("start", help="follow a session in the timer")
    start.set_defaults(handler=_start)
    start.add_argument("session", metavar="SLUG|PATH", help="a session slug or a .toml file")
    start.add_argument("--mute", action="store_true", help="no sound or voice")
    start.add_argument(
        "--light",
        action="store_true",
        help="the light version: no jumps or loaded lifts, about half the rest",
    )
    start.add_argument(
        "--voice",
        action="store_true",
        help="speak exercise names and sides (needs espeak-ng or spd-say)",
    )
    start.add_argument(
        "--companion",
        action="store_true",
        help="show the session on a phone too: a page with the clock and big buttons",
    )
    start.add_argument(
        "--lan",
        action="store_true",
        help="with --companion: serve the page on the home network (a QR code to scan)",
    )

    history = commands.add_parser("history", help="past sessions, newest first")
    history.set_defaults(handler=_history)
    history.add_argument("--json", action="store_true", help="print JSON instead of a table")
    history.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="at most N sessions (default 20)"
    )
    history.add_argument(
        "--exercise", metavar="NAME", help="only sessions with this exercise (id or name)"
    )

    stats = commands.add_parser("stats", help="personal bests, weekly counts, streak, balance")
    stats.set_defaults(handler=_stats)
    stats.add_argument("--json", action="store_true", help="print JSON instead of tables")

    export = commands.add_parser("export", help="write every logged set to a file or stdout")
    export.set_defaults(handler=_export)
    export.add_argument(
        "--format",
        choices=["jsonl", "csv", "strong"],
        default="jsonl",
        help="jsonl or csv (runstrong's fields) or strong (the Strong app's CSV)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default stdout)")

    imports = commands.add_parser("import", help="merge a JSONL export into your history")
    imports.set_defaults(handler=_import)
    imports.add_argument("file", metavar="FILE", help="a file written by `export --format jsonl`")

    commands.add_parser("review", help="open the history screens").set_defaults(handler=_review)

    plan = commands.add_parser("plan", help="list training plans, or pick one")
    plan.set_defaults(handler=_plan_list)
    plan.add_argument("--json", action="store_true", help="print JSON instead of a table")
    plan_commands = plan.add_subparsers(metavar="ACTION")
    use = plan_commands.add_parser("use", help="make a plan the active one")
    use.set_defaults(handler=_plan_use)
    use.add_argument("name", metavar="NAME", help="a plan slug, as `runstrong plan` lists")
    plan_export = plan_commands.add_parser(
        "export", help="the active plan's sessions as calendar events (.ics)"
    )
    plan_export.set_defaults(handler=_plan_export)
    plan_export.add_argument(
        "--ics", required=True, metavar="FILE", help="the iCalendar file to write"
    )
    plan_export.add_argument(
        "--weeks", type=_positive, default=4, metavar="N", help="how many weeks ahead (default 4)"
    )

    runs = commands.add_parser("runs", help="your runs, newest first; `runs import` adds them")
    runs.set_defaults(handler=_runs)
    runs.add_argument("--json", action="store_true", help="print JSON instead of a table")
    runs.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="at most N runs (default 20)"
    )
    runs_commands = runs.add_subparsers(metavar="ACTION")
    runs_import = runs_commands.add_parser(
        "import", help="read runs from GPX, FIT, a Strava activities.csv or export .zip"
    )
    runs_import.set_defaults(handler=_runs_import)
    runs_import.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or folders: .gpx, .fit, .fit.gz, activities.csv, .zip",
    )

    today = commands.add_parser("today", help="the session to do today, from the active plan")
    today.set_defaults(handler=_today)
    week = commands.add_parser("week", help="the seven days of this week: runs and sessions")
    week.set_defaults(handler=_week)
    for parser_ in (today, week):
        parser_.add_argument(
            "--date",
            type=_iso_date,
            metavar="YYYY-MM-DD",
            help="another day (and its week) instead of today",
        )
        parser_.add_argument("--json", action="store_true", help="print JSON instead of text")

    new = commands.add_parser("new", help="write a starter session file to edit")
    new.set_defaults(handler=_new)
    new.add_argument("name", metavar="NAME", help="the session's name")
    return parser


def _iso_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date such as 2026-11-23, got {text!r}"
        ) from None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a whole number, got {clean_text(text)[:40]!r}"
        ) from None
    if not 1 <= value <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(
            f"expected a whole number from 1 to {MAX_LIMIT:,}, got {value}"
        )
    return value


def _history_failure(error: sqlite3.Error) -> str:
    """Words for an SQLite error met while reading or writing: damage only when it is."""
    path = paths.history_file()
    code = getattr(error, "sqlite_errorcode", None)
    if code in DAMAGE_CODES:
        # A history damaged past its first pages only shows when those pages are read.
        return f"runstrong: {damaged_text(path, str(error))}"
    if code is not None and code & 0xFF == sqlite3.SQLITE_READONLY:
        return (
            f"runstrong: the history file {path} is read-only ({error}); nothing was "
            "saved. Make it (and its folder) writable."
        )
    return f"runstrong: the history file {path} could not be used ({error})."


def _history_error() -> type[Exception]:
    """HistoryError, imported only once something was raised (an except clause's class is
    looked up then): `runstrong --version` should not load the history package."""
    from runstrong.history import HistoryError

    return HistoryError


def main(argv: Sequence[str] | None = None) -> int:
    prepare_streams()
    args = build_parser().parse_args(argv)
    out = CleanConsole(highlight=False)
    err = CleanConsole(stderr=True, highlight=False)
    handler: Handler = getattr(args, "handler", _open_app)
    try:
        return handler(args, out, err)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except _history_error() as error:
        # Before sqlite3.Error: a history's read error is also one of SQLite's.
        cause = error.__cause__
        words = (
            _history_failure(cause) if isinstance(cause, sqlite3.Error) else f"runstrong: {error}"
        )
        err.print(Text(clean_text(words)), style="red", soft_wrap=True)
        return EXIT_ERROR
    except sqlite3.Error as error:
        err.print(Text(clean_text(_history_failure(error))), style="red", soft_wrap=True)
        return EXIT_ERROR
    except BrokenPipeError:
        # `runstrong list | head`: the reader left; nothing is wrong.
        sys.stderr.close()
        return 0


# One handler per command. Each imports only what it needs, when it runs: `runstrong stats`
# should not pay for the calendar or activity-file libraries, `runstrong --version` for none of
# them, and no command but the app's for Textual.


def _open_app(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.session import run_app

    return run_app()


def _review(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.session import run_app

    return run_app(review=True)


def _start(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.session import cmd_start

    return cmd_start(
        err,
        args.session,
        mute=args.mute,
        voice=args.voice,
        light=args.light,
        companion=args.companion or args.lan,
        lan=args.lan,
    )


def _list(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.catalog import cmd_list

    return cmd_list(out, err, as_json=args.json)


def _show(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.catalog import cmd_show

    return cmd_show(out, err, args.session, as_json=args.json, light=args.light)


def _validate(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.catalog import cmd_validate

    return cmd_validate(out, err, args.files)


def _exercise(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.exercise import cmd_exercise

    return cmd_exercise(out, err, args.exercise, as_json=args.json)


def _history(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.history import cmd_history

    return cmd_history(out, err, as_json=args.json, limit=args.limit, exercise=args.exercise)


def _stats(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.history import cmd_stats

    return cmd_stats(out, err, as_json=args.json)


def _export(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.history import cmd_export

    return cmd_export(err, args.format, args.output)


def _import(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.history import cmd_import

    return cmd_import(out, err, args.file)


def _plan_list(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.plan import cmd_plan_list

    return cmd_plan_list(out, err, as_json=args.json)


def _plan_use(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.plan import cmd_plan_use

    return cmd_plan_use(out, err, args.name)


def _plan_export(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.calendar import cmd_plan_export

    return cmd_plan_export(out, err, args.ics, args.weeks)


def _today(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.plan import cmd_today

    return cmd_today(out, err, on=args.date, as_json=args.json)


def _week(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.plan import cmd_week

    return cmd_week(out, err, on=args.date, as_json=args.json)


def _new(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.plan import cmd_new

    return cmd_new(out, err, args.name)


def _runs(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.runs import cmd_runs

    return cmd_runs(out, err, as_json=args.json, limit=args.limit)


def _runs_import(args: argparse.Namespace, out: Console, err: Console) -> int:
    from runstrong.cli.runs import cmd_runs_import

    return cmd_runs_import(out, err, args.paths)
