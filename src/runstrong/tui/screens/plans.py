"""Choosing a training plan: how many sessions a week, and which ones in turn."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static

from runstrong.planning.plans import InvalidPlan, Plan


class PlansScreen(Screen[str | None]):
    """Dismissed with the slug of the plan to make active, or None."""

    DEFAULT_CSS = """
    PlansScreen #heading { padding: 1 2 0 2; text-style: bold; color: $accent; height: auto; }
    PlansScreen DataTable { margin: 1 2; height: 1fr; }
    PlansScreen #about { padding: 0 2 1 2; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "use", "Use this plan", priority=True),
        Binding("escape,q", "close", "Back"),
    ]

    def __init__(
        self, plans: dict[str, Plan | InvalidPlan], active: str, names: dict[str, str]
    ) -> None:
        super().__init__()
        self.plans = [(slug, p) for slug, p in plans.items()]
        self.active = active
        self.names = names

    def compose(self) -> ComposeResult:
        yield Static("runstrong · plans: pick how your week of strength work runs", id="heading")
        yield DataTable(id="plans", cursor_type="row", zebra_stripes=True)
        yield Static(id="about")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("", "plan", "a week", "sessions in turn")
        for slug, plan in self.plans:
            mark = "active" if slug == self.active else ""
            if isinstance(plan, InvalidPlan):
                table.add_row("", Text(slug), "", Text(f"error: {plan.problems[0]}"))
            else:
                turn = " → ".join(self.names.get(s, s) for s in plan.rotation)
                table.add_row(mark, Text(plan.name), str(plan.sessions_per_week), Text(turn))
        table.focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        _, plan = self.plans[event.cursor_row]
        about = plan.description if isinstance(plan, Plan) else "This plan file has problems."
        self.query_one("#about", Static).update(Text(about))

    def action_use(self) -> None:
        slug, plan = self.plans[self.query_one(DataTable).cursor_row]
        if isinstance(plan, Plan):
            self.dismiss(slug)

    def action_close(self) -> None:
        self.dismiss(None)
