"""The domain never imports Textual: the engine and history must run without a terminal."""

from __future__ import annotations

import subprocess
import sys

DOMAIN = ["model", "checks", "schema", "workouts", "timeline", "text", "paths", "events",
          "plans", "today", "light", "progression", "recording", "summary", "builder", "week"]
OPTIONAL_DOMAIN = ["engine", "history", "settings"]


def test_domain_modules_do_not_import_textual() -> None:
    modules = DOMAIN + OPTIONAL_DOMAIN
    code = (
        "import importlib, importlib.util, sys\n"
        f"for name in {modules!r}:\n"
        "    full = 'runstrong.' + name\n"
        "    if importlib.util.find_spec(full) is not None:\n"
        "        importlib.import_module(full)\n"
        f"    elif name in {DOMAIN!r}:\n"
        "        raise SystemExit('missing ' + full)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'runstrong.tui'))\n"
        "bad += sorted(m for m in sys.modules if m.startswith('runstrong.tui'))\n"
        "print(','.join(bad))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)
    assert result.stdout.strip() == ""
