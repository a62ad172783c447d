"""The session `show` and `start` give: the light version when asked, the plan's gentle
start when it applies, and a word about either."""

from __future__ import annotations

from datetime import date

from rich.console import Console
from rich.text import Text

from runstrong import settings
from runstrong.exit_codes import EXIT_INVALID
from runstrong.model import Session
from runstrong.planning.light import NoLight, light_version
from runstrong.planning.plans import load_plans
from runstrong.planning.schedule import plan_week_number
from runstrong.planning.start import in_start, start_note, start_version
from runstrong.planning.week import active_plan
from runstrong.workouts import Catalog


def prepared(
    err: Console, catalog: Catalog, session: Session, *, light: bool, today: date | None = None
) -> tuple[Session, list[str]] | int:
    """The session to show or start and the notes to print first, or an exit code."""
    notes: list[str] = []
    chosen, _ = settings.load()
    plan = active_plan(load_plans(catalog.entries), chosen.plan)
    if plan is not None and plan.counts(session.slug):
        week_number = plan_week_number(chosen.plan_started, today or date.today())
        if in_start(plan, week_number):
            session = start_version(session, plan, week_number, catalog.library)
            notes.append(start_note(week_number or 1))
    if light:
        found = light_version(session)
        if isinstance(found, NoLight):
            err.print(Text(f"runstrong: {found.reason}"), style="red", soft_wrap=True)
            return EXIT_INVALID
        if found is session:
            notes.append(f"{session.name} is already light: --light gives the full session.")
        session = found
    return session, notes
