"""The session `show` and `start` give: the light version when asked, the plan's gentle
start when it applies, and a word about either."""

from __future__ import annotations

from datetime import date

from rich.console import Console
from rich.text import Text

from runstrong import settings
from runstrong.exit_codes import EXIT_INVALID
from runstrong.planning.light import NoLight, light_version
from runstrong.planning.plans import load_plans
from runstrong.planning.start import as_started
from runstrong.planning.week import active_plan
from runstrong.workout.catalog import Catalog
from runstrong.workout.model import Session


def prepared(
    err: Console,
    catalog: Catalog,
    session: Session,
    chosen: settings.Settings,
    *,
    light: bool,
    today: date | None = None,
) -> tuple[Session, list[str]] | int:
    """The session to show or start and the notes to print first, or an exit code."""
    notes: list[str] = []
    plan = active_plan(load_plans(catalog.entries), chosen.plan)
    on = today or date.today()
    session, note = as_started(session, plan, chosen.plan_started, on, catalog.library)
    if note:
        notes.append(note)
    if light:
        found = light_version(session)
        if isinstance(found, NoLight):
            err.print(Text(f"runstrong: {found.reason}"), style="red", soft_wrap=True)
            return EXIT_INVALID
        if found is session:
            notes.append(f"{session.name} is already light: --light gives the full session.")
        session = found
    return session, notes
