"""Layering, one case per module: the domain never imports Textual or Rich, and no module of
the package is left out of the list (a new module must be placed in a layer here)."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import pytest

import runstrong

DOMAIN = [
    "workout",
    "session",
    "application",
    "workout.builder",
    "workout.checks",
    "session.engine",
    "session.events",
    "formatting",
    "workout.model",
    "paths",
    "application.recording",
    "reading",
    "application.rpe",
    "workout.schema",
    "workout.library_schema",
    "settings",
    "application.summary",
    "text",
    "session.timeline",
    "workout.catalog",
    "session.view",
    "session.cues",
    "session.loads",
    "application.before_session",
    "application.last_words",
    "history.last_time",
    "planning.easier",
    "exit_codes",
    "application.resume",
    "application.unsaved",
    "application.watchdog",
    "application.instance_lock",
    "application.runner",
    "application.home",
    "application.drafts",
    "application.session_text",
    "companion",
    "companion.address",
    "companion.feed",
    "companion.server",
    "history",
    "history.database",
    "history.exchange",
    "history.history_store",
    "history.import_check",
    "history.queries",
    "history.balance",
    "history.runs",
    "history.aside",
    "activities",
    "activities.model",
    "activities.gpx",
    "activities.fit",
    "activities.strava",
    "activities.sources",
    "planning",
    "planning.actual",
    "planning.calendar",
    "planning.forecast",
    "planning.intensity",
    "planning.light",
    "planning.plans",
    "planning.progression",
    "planning.rules",
    "planning.schedule",
    "planning.today",
    "planning.week",
    "figures",
    "figures.canvas",
    "figures.figure",
    "figures.motion",
    "figures.parse",
    "figures.render",
    "figures.shapes",
    "figures.skeleton",
    "figures.validate",
]
# Sound and the command line may use Rich (the CLI prints with it) but never Textual at import.
NO_TEXTUAL = [
    "audio.play_helper",
    "audio",
    "audio.base",
    "audio.processes",
    "audio.simple",
    "audio.voice",
    "cli",
    "cli.calendar",
    "cli.catalog",
    "cli.exercise",
    "cli.history",
    "cli.main",
    "cli.plan",
    "cli.runs",
    "cli.session",
    "cli.terminal",
]
UI_PREFIX = "tui"
# Running it is the program itself; its one import is the cli package, checked above.
ENTRY = {"__main__"}


def _all_modules() -> set[str]:
    found = set()
    for info in pkgutil.walk_packages(runstrong.__path__, "runstrong."):
        found.add(info.name.removeprefix("runstrong."))
    return found


def test_every_module_is_placed_in_a_layer() -> None:
    placed = set(DOMAIN) | set(NO_TEXTUAL) | ENTRY
    unplaced = {m for m in _all_modules() - placed if not m.startswith(UI_PREFIX)}
    assert unplaced == set()
    assert placed - _all_modules() == set()


def _imported_by(module: str) -> set[str]:
    code = (
        "import importlib, sys\n"
        f"importlib.import_module('runstrong.{module}')\n"
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
    return {name.split(".")[0] for name in result.stdout.split()} | {
        name for name in result.stdout.split() if name.startswith("runstrong.tui")
    }


@pytest.mark.parametrize("module", DOMAIN)
def test_domain_module_imports_neither_textual_nor_rich(module: str) -> None:
    loaded = _imported_by(module)
    assert not loaded & {"textual", "rich"}
    assert not any(name.startswith("runstrong.tui") for name in loaded)


@pytest.mark.parametrize("module", NO_TEXTUAL)
def test_cli_and_audio_do_not_import_textual_at_import_time(module: str) -> None:
    loaded = _imported_by(module)
    assert "textual" not in loaded
    assert not any(name.startswith("runstrong.tui") for name in loaded)
