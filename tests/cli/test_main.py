"""The command line's dispatch: each command names its handler; none is imported before use."""

from __future__ import annotations

import pytest

from runstrong.cli.main import build_parser

COMMANDS = [
    ([], None),
    (["list"], "_list"),
    (["show", "core"], "_show"),
    (["exercise"], "_exercise"),
    (["validate", "a.toml"], "_validate"),
    (["start", "core", "--mute"], "_start"),
    (["history"], "_history"),
    (["stats"], "_stats"),
    (["export"], "_export"),
    (["import", "f.jsonl"], "_import"),
    (["review"], "_review"),
    (["plan"], "_plan_list"),
    (["plan", "use", "beginner"], "_plan_use"),
    (["plan", "export", "--ics", "p.ics"], "_plan_export"),
    (["runs"], "_runs"),
    (["runs", "import", "a.gpx"], "_runs_import"),
    (["today"], "_today"),
    (["week"], "_week"),
    (["new", "Core"], "_new"),
]


@pytest.mark.parametrize(("argv", "handler"), COMMANDS)
def test_every_command_has_its_handler(argv: list[str], handler: str | None) -> None:
    args = build_parser().parse_args(argv)
    found = getattr(args, "handler", None)
    assert (found and found.__name__) == handler  # no command at all opens the app


def test_every_command_in_help_is_dispatched() -> None:
    parser = build_parser()
    (commands,) = [a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction"]
    assert commands.choices is not None
    assert set(commands.choices) == {argv[0] for argv, _ in COMMANDS if argv}
