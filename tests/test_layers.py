"""Layering. The import contracts in pyproject.toml prove the direction statically (lint-imports
runs in pre-commit and .ci/run); here: every module is covered by them, and importing the
command line really loads no Textual at run time (grimp cannot see what actually gets imported
when, only that an import statement exists)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys
import tomllib
from pathlib import Path

import runstrong

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
# Running it is the program itself; its one import is the cli package.
ENTRY = {"runstrong.__main__"}


def _contract_modules() -> set[str]:
    contracts = tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]
    named: set[str] = set()
    for contract in contracts:
        named.update(contract.get("source_modules", ()))
        for layer in contract.get("layers", ()):
            named.update(part.strip() for part in layer.replace("|", ":").split(":"))
    return named


def test_every_module_is_under_an_import_contract() -> None:
    """A new module or package must be placed in a contract, or nothing checks its imports."""
    named = _contract_modules()
    top_level = {
        info.name for info in pkgutil.iter_modules(runstrong.__path__, "runstrong.")
    } - ENTRY
    assert top_level - named == set()
    assert {m for m in named if m.startswith("runstrong.")} - _all_modules() == set()


def _all_modules() -> set[str]:
    found = {"runstrong"}
    for info in pkgutil.walk_packages(runstrong.__path__, "runstrong."):
        found.add(info.name)
    return found


def test_the_readme_module_map_names_every_module() -> None:
    readme = (PYPROJECT.parent / "README.md").read_text()
    section = readme[readme.index("### Module map") :]
    section = section[: section.index("\n\n", section.index("| where | what |"))]
    missing = {
        name
        for name in _all_modules() - ENTRY
        if not name.endswith("__init__")
        and (leaf := name.rsplit(".", 1)[-1]) != "runstrong"
        and f"`{leaf}`" not in section
        and f"`{leaf}.py`" not in section
        and f"{leaf}/`" not in section
    }
    assert missing == set()


def test_importing_the_cli_loads_no_textual() -> None:
    """What a command pays at start: the entry point alone loads no command module and none
    of the heavy libraries; the command modules (each command imports its own when it runs)
    load no Textual and no screen: the app is imported when it starts."""
    code = (
        "import sys, runstrong.cli.main\n"
        "print('\\n'.join(sys.modules))\n"
        "print('--- commands')\n"
        "for name in ('catalog', 'exercise', 'history', 'plan', 'calendar', 'runs', 'session'):\n"
        "    __import__('runstrong.cli.' + name)\n"
        "print('\\n'.join(sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
    )
    entry, commands = (set(part.split()) for part in result.stdout.split("--- commands"))
    heavy = {"textual", "rich.table", "icalendar", "gpxpy", "fitdecode", "tomlkit"}
    assert not entry & heavy
    assert not {m for m in entry if m.startswith("runstrong.cli.")} - {
        "runstrong.cli.main",
        "runstrong.cli.terminal",
    }
    assert "textual" not in commands
    assert not any(name.startswith("runstrong.tui") for name in commands)


def test_planning_takes_data_never_a_store_or_a_path() -> None:
    # The caller reads the history and passes plain data in (issue 18, house rules).
    import inspect

    import runstrong.planning.week as week

    source = inspect.getsource(week)
    for word in ("history_file", "HistoryStore", "open_existing", "sqlite3", "paths."):
        assert word not in source, word
