"""The `runstrong` command: the TUI by default, Rich output for everything else."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from rich.console import Console

from runstrong import __version__
from runstrong.catalog_commands import cmd_list, cmd_show, cmd_validate

EXIT_USAGE = 2


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

    validate = commands.add_parser("validate", help="check workout files and report problems")
    validate.add_argument("files", nargs="+", metavar="PATH", help="workout .toml files")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    out = Console(highlight=False)
    err = Console(stderr=True, highlight=False)
    try:
        if args.command == "list":
            return cmd_list(out, err, as_json=args.json)
        if args.command == "show":
            return cmd_show(out, err, args.session, as_json=args.json)
        if args.command == "validate":
            return cmd_validate(out, err, args.files)
        parser.print_help()
        return 0
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `runstrong list | head`: the reader left; nothing is wrong.
        sys.stderr.close()
        return 0
