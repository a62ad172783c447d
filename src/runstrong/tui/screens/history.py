"""Looking back: sessions and their sets, each exercise's progress, and the weeks."""

from __future__ import annotations

import math
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static, TabbedContent, TabPane, Tabs
from textual_plotext import PlotextPlot

from runstrong.formatting import (
    amount,
    amount_text,
    balance_text,
    counted,
    distance_text,
    duration_text,
    load_text,
    set_text,
    sets_done_text,
    when_text,
)
from runstrong.history import HistoryError, HistoryStore, queries
from runstrong.history.balance import Balance
from runstrong.tui.history_guard import HistoryDamaged, guard_history

SESSIONS_SHOWN = 300


def km_title(amounts: list[float], any_runs: bool, unit: str = "km") -> str:
    """The distance chart's title: it says when there is nothing to chart, and why."""
    title = f"{unit.capitalize()} run per week"
    if any(amounts):
        return title
    # The README says how to import runs; the title only needs to say there are none.
    return f"{title}: " + ("no runs in these weeks" if any_runs else "no runs imported")


def whole_ticks(values: list[int]) -> list[int]:
    """Axis marks on whole numbers only (a chart of reps never shows 2.5 reps), about 6 of
    them, from 0 to a mark above the highest value (the line never sits on the frame)."""
    top = max([*values, 1])
    step = max(1, math.ceil(top / 6))
    return list(range(0, top + 2 * step, step))


def _amount(kind: str, value: int | None) -> str:
    """Seconds or reps as the tables show them ("max": a hold to the limit)."""
    if value is None:
        return "max"
    return amount_text(value, kind)


class HistoryScreen(Screen[None]):
    CSS_PATH = "history.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Back"),
        Binding("1", "show_tab('sessions')", "Sessions"),
        Binding("2", "show_tab('exercises')", "Exercises"),
        Binding("3", "show_tab('weeks')", "Weeks"),
    ]

    def __init__(
        self,
        store: HistoryStore | None,
        *,
        weekly_target: int = 2,
        units: str = "kg",
        counting: queries.Counts | None = None,
    ) -> None:
        super().__init__()
        self.store = store
        self._units = units
        self.weekly_target = weekly_target
        # Which sessions count towards the week: the plan's, as `today` and `week` count.
        self.counting = counting
        self.session_rows: list[queries.SessionHead] = []
        self.exercise_rows: list[queries.ExerciseStat] = []
        self._filled: set[str] = set()
        self._balances: list[Balance] | None = None

    def compose(self) -> ComposeResult:
        yield Static("runstrong · history", id="heading")
        with TabbedContent(initial="sessions"):
            with TabPane("Sessions", id="sessions"), Vertical():
                yield DataTable(id="session-list", cursor_type="row", zebra_stripes=True)
                yield Static(id="session-title")
                yield DataTable(id="session-sets", cursor_type="row")
            with TabPane("Exercises", id="exercises"), Vertical():
                yield DataTable(id="exercise-list", cursor_type="row", zebra_stripes=True)
                yield PlotextPlot(id="chart")
            with TabPane("Weeks", id="weeks"), Vertical():
                yield Static(id="streak")
                with Horizontal(id="week-charts"):
                    yield PlotextPlot(id="week-chart")
                    yield PlotextPlot(id="km-chart")
                yield Static(id="balance")
        yield Footer()

    def on_mount(self) -> None:
        if self.store is None:
            self.query_one("#session-title", Static).update(
                "No history yet: sets you finish are saved here."
            )
            return
        self.query_one("#session-title", Static).update("Reading your history...")
        # Off the event loop: over ten years of sets the list takes a noticeable moment.
        self.run_worker(self._read_sessions, thread=True, exit_on_error=False)

    def _read_sessions(self) -> None:
        store = self.store
        if store is None:
            return
        try:
            rows = store.session_heads(limit=SESSIONS_SHOWN)
        except HistoryError as error:
            self.app.call_from_thread(self._damaged, error)
            return
        self.app.call_from_thread(self._show_sessions, rows)

    def _damaged(self, error: HistoryError) -> None:
        self.store = None
        self.query_one("#session-title", Static).update("")
        self.post_message(HistoryDamaged(error))

    @guard_history
    def _show_sessions(self, rows: list[queries.SessionHead]) -> None:
        self.session_rows = rows
        self.query_one("#session-title", Static).update("")
        table = self.query_one("#session-list", DataTable)
        table.add_columns("when", "session", "time", "sets", "status")
        for row in self.session_rows:
            done = sets_done_text(row.sets_done, row.planned_sets)
            light = " (light)" if row.light else ""
            table.add_row(
                when_text(row.started_at),
                Text(row.name + light),
                duration_text(row.duration_seconds),
                done,
                row.status.words,
                key=str(row.id),
            )
        if not self.session_rows:
            self.query_one("#session-title", Static).update(
                "No sessions yet. Finish a set and it appears here."
            )
        sets = self.query_one("#session-sets", DataTable)
        # Fixed widths: the table is refilled per session and would keep the first widths.
        for label, width in (
            ("exercise", 26),
            ("set", 3),
            ("side", 5),
            ("kind", 4),
            ("target", 6),
            ("actual", 6),
            ("effort", 6),
        ):
            sets.add_column(label, width=width)
        if self.session_rows:
            self._show_session(self.session_rows[0].id)  # in the first frame, not on an event
        table.focus()

    @guard_history
    def _fill_tab(self, tab: str) -> None:
        """Exercises and weeks are filled when first shown, so the list opens fast."""
        if self.store is None or tab in self._filled or tab not in ("exercises", "weeks"):
            return
        self._filled.add(tab)
        if self._balances is None:
            self._balances = self.store.balances()
        if tab == "exercises":
            self._fill_exercises(self._balances)
        elif tab == "weeks":
            self._fill_weeks(self._balances)

    # -- sessions -----------------------------------------------------------------------
    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "session-list" and self.session_rows:
            self._show_session(self.session_rows[event.cursor_row].id)
        elif event.data_table.id == "exercise-list" and self.exercise_rows:
            self._show_exercise(self.exercise_rows[event.cursor_row])

    @guard_history
    def _show_session(self, session_id: int) -> None:
        if self.store is None:
            return
        detail = self.store.session_detail(session_id)
        table = self.query_one("#session-sets", DataTable)
        table.clear()
        if detail is None:
            return
        self.query_one("#session-title", Static).update(
            Text(
                f"{detail.name} · {when_text(detail.started_at)} · "
                f"{duration_text(detail.duration_seconds)} · {detail.status.words}"
            )
        )
        for s in detail.sets:
            table.add_row(
                Text(s.exercise_name),
                str(s.set),
                s.side or "",
                s.kind,
                _amount(s.kind, s.target),
                _amount(s.kind, s.actual)
                + ("" if s.load_kg is None else f" x {load_text(s.load_kg, self._units)}"),
                "" if s.rpe is None else f"{s.rpe}/10",
            )

    # -- exercises ----------------------------------------------------------------------
    def _fill_exercises(self, balances: list[Balance]) -> None:
        assert self.store is not None
        self.exercise_rows = self.store.exercise_stats()
        balance = {(b.exercise, b.kind): b for b in balances}
        table = self.query_one("#exercise-list", DataTable)
        table.add_columns("exercise", "best", "latest", "sessions", "left / right")
        labels = dict(queries.labelled(self.exercise_rows))
        for stat in self.exercise_rows:
            b = balance.get((stat.exercise, stat.kind))
            name = labels[stat]
            sides = ""
            if b is not None:
                sides = f"{amount(b.left, b.unit)} / {amount(b.right, b.unit)}"
                if b.weaker:
                    sides += f"  {b.weaker} -{b.lag_percent}%"
            best = _amount(stat.kind, stat.best)
            if stat.best_load_kg is not None and stat.best_load_reps is not None:
                best = set_text(stat.best_load_reps, stat.kind, stat.best_load_kg, self._units)
            latest = _amount(stat.kind, stat.latest)
            if stat.latest_load_kg is not None:
                latest = set_text(stat.latest, stat.kind, stat.latest_load_kg, self._units)
            table.add_row(
                Text(name),
                best,
                latest,
                str(stat.sessions),
                sides,
            )

    @guard_history
    def _show_exercise(self, stat: queries.ExerciseStat) -> None:
        if self.store is None:
            return
        points = [p for p in self.store.progress(stat.exercise) if p[1] == stat.kind]
        plot = self.query_one("#chart", PlotextPlot)
        plt = plot.plt
        plt.clear_data()
        plt.clear_figure()
        unit = "seconds held" if stat.kind == "hold" else "reps"
        sides = sorted({p[2] or "" for p in points})
        for side in sides:
            series = [p for p in points if (p[2] or "") == side]
            xs = list(range(1, len(series) + 1))
            plt.plot(xs, [p[3] for p in series], marker="braille", label=side or None)
        plt.title(f"{stat.name}: best {unit} per session")
        count = max((len([p for p in points if (p[2] or "") == side]) for side in sides), default=1)
        plt.xticks(list(range(1, count + 1, max(1, count // 10))))
        ticks = whole_ticks([p[3] for p in points])
        plt.ylim(0, ticks[-1])
        plt.yticks([float(t) for t in ticks], [str(t) for t in ticks])
        plt.xlabel("session")
        plt.ylabel(unit)
        plot.refresh()

    # -- weeks --------------------------------------------------------------------------
    def _fill_weeks(self, balances: list[Balance]) -> None:
        assert self.store is not None
        weeks = self.store.weekly_counts(12, counting=self.counting)
        streak = self.store.streak_weeks(self.weekly_target, counting=self.counting)
        this_week = weeks[-1][1] if weeks else 0
        self.query_one("#streak", Static).update(
            Text(
                f"This week: {this_week} of {self.weekly_target} sessions   ·   "
                f"streak: {counted(streak, 'week')} on target"
            )
        )
        plot = self.query_one("#week-chart", PlotextPlot)
        plt = plot.plt
        counts = [n for _, n in weeks]
        plt.bar([w.strftime("%d %b") for w, _ in weeks], counts, width=0.5)
        plt.hline(self.weekly_target, "red")
        plt.yticks(list(range(0, max([*counts, self.weekly_target]) + 1)))
        plt.title("Sessions per week (red: target)")
        self._fill_km(len(weeks))
        notes = [
            balance_text(b.name, b.weaker, b.lag_percent, b.sessions) for b in balances if b.weaker
        ]
        self.query_one("#balance", Static).update(
            Text("\n".join(notes) or "Left and right are within 10% on every one-sided exercise.")
        )

    def _fill_km(self, weeks: int) -> None:
        """Kilometres run in the same weeks, beside the sessions: strength next to running."""
        assert self.store is not None
        km = self.store.weekly_km(weeks)
        # Miles for a person who chose pounds (`units = "lb"`); stored as km either way.
        unit = distance_text(1.0, self._units).split(" ")[1]
        amounts = [float(distance_text(k, self._units).split(" ")[0]) for _, k in km]
        plt = self.query_one("#km-chart", PlotextPlot).plt
        plt.bar([w.strftime("%d %b") for w, _ in km], amounts, width=0.5, color="green")
        plt.title(km_title(amounts, self.store.has_runs(), unit))

    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        # Focus left behind in a hidden pane would pull the tabs back to it.
        pane = event.pane.id or ""
        self._fill_tab(pane)
        target = {"sessions": "#session-list", "exercises": "#exercise-list"}.get(pane)
        if target:
            self.query_one(target, DataTable).focus()
        else:
            self.query_one(Tabs).focus()

    def action_close(self) -> None:
        self.dismiss(None)
