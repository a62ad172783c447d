"""The `runstrong` command: the TUI by default, Rich output for everything else."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from collections.abc import Sequence
from datetime import date

from rich.text import Text

from runstrong import __version__, paths
from runstrong.cli.terminal import CleanConsole, prepare_streams
from runstrong.exit_codes import EXIT_ERROR, EXIT_INTERRUPTED
from runstrong.text import clean_text

MAX_LIMIT = 1_000_000
DAMAGE_CODES = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="runstrong",
        description="A terminal workout timer for runners' strength and coordination "
        "training. Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"runstrong {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    listing = commands.add_parser("list", help="list the sessions you can run")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")

    show = commands.add_parser("show", help="show a session's exercises and estimated time")
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
    exercise.add_argument("exercise", nargs="?", metavar="ID", help="an exercise id")
    exercise.add_argument("--json", action="store_true", help="print JSON instead of text")

    validate = commands.add_parser("validate", help="check workout files and report problems")
    validate.add_argument("files", nargs="+", metavar="PATH", help="workout .toml files")

    start = commands.add_parser("start", help="follow a session in the timer")
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
    history.add_argument("--json", action="store_true", help="print JSON instead of a table")
    history.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="at most N sessions (default 20)"
    )
    history.add_argument(
        "--exercise", metavar="NAME", help="only sessions with this exercise (id or name)"
    )

    stats = commands.add_parser("stats", help="personal bests, weekly counts, streak, balance")
    stats.add_argument("--json", action="store_true", help="print JSON instead of tables")

    export = commands.add_parser("export", help="write every logged set to a file or stdout")
    export.add_argument(
        "--format",
        choices=["jsonl", "csv", "strong"],
        default="jsonl",
        help="jsonl or csv (runstrong's fields) or strong (the Strong app's CSV)",
    )
    export.add_argument("-o", "--output", metavar="FILE", help="file to write (default stdout)")

    imports = commands.add_parser("import", help="merge a JSONL export into your history")
    imports.add_argument("file", metavar="FILE", help="a file written by `export --format jsonl`")

    commands.add_parser("review", help="open the history screens")

    plan = commands.add_parser("plan", help="list training plans, or pick one")
    plan.add_argument("--json", action="store_true", help="print JSON instead of a table")
    plan_commands = plan.add_subparsers(dest="plan_command", metavar="ACTION")
    use = plan_commands.add_parser("use", help="make a plan the active one")
    use.add_argument("name", metavar="NAME", help="a plan slug, as `runstrong plan` lists")
    plan_export = plan_commands.add_parser(
        "export", help="the active plan's sessions as calendar events (.ics)"
    )
    plan_export.add_argument(
        "--ics", required=True, metavar="FILE", help="the iCalendar file to write"
    )
    plan_export.add_argument(
        "--weeks", type=_positive, default=4, metavar="N", help="how many weeks ahead (default 4)"
    )

    runs = commands.add_parser("runs", help="your runs, newest first; `runs import` adds them")
    runs.add_argument("--json", action="store_true", help="print JSON instead of a table")
    runs.add_argument(
        "--limit", type=_positive, default=20, metavar="N", help="at most N runs (default 20)"
    )
    runs_commands = runs.add_subparsers(dest="runs_command", metavar="ACTION")
    runs_import = runs_commands.add_parser(
        "import", help="read runs from GPX, FIT, a Strava activities.csv or export .zip"
    )
    runs_import.add_argument(
        "paths",
        nargs="+",
        metavar="PATH",
        help="files or folders: .gpx, .fit, .fit.gz, activities.csv, .zip",
    )

    today = commands.add_parser("today", help="the session to do today, from the active plan")
    week = commands.add_parser("week", help="the seven days of this week: runs and sessions")
    for parser_ in (today, week):
        parser_.add_argument(
            "--date",
            type=_iso_date,
            metavar="YYYY-MM-DD",
            help="another day (and its week) instead of today",
        )
        parser_.add_argument("--json", action="store_true", help="print JSON instead of text")

    new = commands.add_parser("new", help="write a starter session file to edit")
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
        return (
            f"runstrong: the history file {path} is damaged ({error}). It has not been "
            "changed; move it aside to start a new one."
        )
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
    # Each command imports only what it needs: `runstrong stats` should not pay for the
    # calendar or activity-file libraries, and `runstrong --version` for none of them.
    prepare_streams()
    parser = build_parser()
    args = parser.parse_args(argv)
    out = CleanConsole(highlight=False)
    err = CleanConsole(stderr=True, highlight=False)
    try:
        if args.command == "list":
            from runstrong.cli.catalog import cmd_list

            return cmd_list(out, err, as_json=args.json)
        if args.command == "show":
            from runstrong.cli.catalog import cmd_show

            return cmd_show(out, err, args.session, as_json=args.json, light=args.light)
        if args.command == "exercise":
            from runstrong.cli.exercise import cmd_exercise

            return cmd_exercise(out, err, args.exercise, as_json=args.json)
        if args.command == "validate":
            from runstrong.cli.catalog import cmd_validate

            return cmd_validate(out, err, args.files)
        if args.command == "start":
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
        if args.command == "history":
            from runstrong.cli.history import cmd_history

            return cmd_history(
                out, err, as_json=args.json, limit=args.limit, exercise=args.exercise
            )
        if args.command == "stats":
            from runstrong.cli.history import cmd_stats

            return cmd_stats(out, err, as_json=args.json)
        if args.command == "export":
            from runstrong.cli.history import cmd_export

            return cmd_export(err, args.format, args.output)
        if args.command == "import":
            from runstrong.cli.history import cmd_import

            return cmd_import(out, err, args.file)
        if args.command == "review":
            from runstrong.cli.session import run_app

            return run_app(review=True)
        if args.command == "plan":
            if args.plan_command == "use":
                from runstrong.cli.plan import cmd_plan_use

                return cmd_plan_use(out, err, args.name)
            if args.plan_command == "export":
                from runstrong.cli.calendar import cmd_plan_export

                return cmd_plan_export(out, err, args.ics, args.weeks)
            from runstrong.cli.plan import cmd_plan_list

            return cmd_plan_list(out, err, as_json=args.json)
        if args.command == "runs":
            if args.runs_command == "import":
                from runstrong.cli.runs import cmd_runs_import

                return cmd_runs_import(out, err, args.paths)
            from runstrong.cli.runs import cmd_runs

            return cmd_runs(out, err, as_json=args.json, limit=args.limit)
        if args.command == "today":
            from runstrong.cli.plan import cmd_today

            return cmd_today(out, err, on=args.date, as_json=args.json)
        if args.command == "week":
            from runstrong.cli.plan import cmd_week

            return cmd_week(out, err, on=args.date, as_json=args.json)
        if args.command == "new":
            from runstrong.cli.plan import cmd_new

            return cmd_new(out, err, args.name)
        from runstrong.cli.session import run_app

        return run_app()
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except sqlite3.Error as error:
        err.print(Text(clean_text(_history_failure(error))), style="red", soft_wrap=True)
        return EXIT_ERROR
    except _history_error() as error:
        cause = error.__cause__
        words = (
            _history_failure(cause) if isinstance(cause, sqlite3.Error) else f"runstrong: {error}"
        )
        err.print(Text(clean_text(words)), style="red", soft_wrap=True)
        return EXIT_ERROR
    except BrokenPipeError:
        # `runstrong list | head`: the reader left; nothing is wrong.
        sys.stderr.close()
        return 0
