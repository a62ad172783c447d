"""The first screen: what runstrong is, today's suggestion, and the sessions to choose from."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import DataTable, Input, Static

from runstrong.planning.light import light_session
from runstrong.planning.today import Today, Verdict
from runstrong.session.timeline import Timing, estimate_minutes
from runstrong.text import clean_text
from runstrong.tui.widgets.week_strip import WeekStrip
from runstrong.workout.catalog import Catalog
from runstrong.workout.model import Session

INTRO = (
    "Strength and coordination for runners. Pick a session and follow along: "
    "runstrong times every hold, counts paced reps and rests, and logs each set."
)
if TYPE_CHECKING:
    # Not at start-up: the home data reads the history, after the first frame.
    from runstrong.application.home import HomeData

LENGTHS = (None, 10, 20, 30, 45)
# A filter is a few words. Capped, a paste of 20 KB (escape codes and all) cannot tie the
# list up matching thousands of words on every key.
FILTER_MAX = 60


@functools.cache
def minutes(session: Session, timing: Timing) -> int:
    """The estimate, worked out once per session and timing: the list is redrawn on every key.
    `timing` is the person's (GET READY, switch sides), as the session will run."""
    return estimate_minutes(session, timing)


def matches(
    session: Session, words: str, max_minutes: int | None, no_kit: bool, timing: Timing
) -> bool:
    if max_minutes is not None and minutes(session, timing) > max_minutes:
        return False
    if no_kit and session.equipment:
        return False
    haystack = " ".join([session.name, session.slug, *session.focus, *session.equipment])
    return all(word in haystack.lower() for word in words.lower().split())


def keys_to_fit(bindings: list[BindingType], width: int) -> str:
    """The help lines in `width` columns: as `keys_text` when that fits, else shorter words
    ("^p", the first word of each) packed into lines as long as fit (two at 60x20)."""
    full = keys_text(bindings)
    if all(len(line) <= width for line in full.splitlines()):
        return full
    items = [
        f"{(b.key_display or b.key).replace('ctrl+', '^')} {b.description.split()[0]}"
        for b in bindings
        if isinstance(b, Binding) and b.action != "leave_filter"
    ]
    lines = [""]
    for item in items:
        if lines[-1] and len(lines[-1]) + 2 + len(item) > width:
            lines.append("")
        lines[-1] += ("  " if lines[-1] else "") + item
    return "\n".join(lines)


class FilterBox(Input):
    """The filter box: a paste is cleaned of escape codes and cut to what fits (a bare Input
    with `max_length` refuses a long paste whole)."""

    def _on_paste(self, event: events.Paste) -> None:
        first = event.text.splitlines()[0] if event.text else ""
        room = max(0, FILTER_MAX - len(self.value))
        super()._on_paste(events.Paste(clean_text(first[: room * 8])[:room]))
        event.stop()


def keys_text(bindings: list[BindingType], per_line: int = 8) -> str:
    """The help line: every binding with a description, as "key what", in two lines.
    Listed whether `show` is set or not: `show` only keeps them out of a Footer."""
    shown = [
        f"{b.key_display or b.key} {b.description}"
        for b in bindings
        if isinstance(b, Binding) and b.action != "leave_filter"
    ]
    return "\n".join("  ".join(shown[i : i + per_line]) for i in range(0, len(shown), per_line))


class HomeScreen(Screen[None]):
    # As the app's first screen it is not pushed, so its stylesheet comes as DEFAULT_CSS
    # (read from the file beside it) rather than CSS_PATH, which only pushed screens load.
    DEFAULT_CSS = Path(__file__).with_name("home.tcss").read_text(encoding="utf-8")
    # Below 22 rows (60x20) the screen keeps what choosing needs: home.tcss's `-short`; below
    # 80 columns the keys take shorter words (`keys_to_fit`).
    # (Textual declares these without ClassVar, so annotating them here upsets mypy.)
    VERTICAL_BREAKPOINTS = [(0, "-short"), (22, "-tall")]  # noqa: RUF012
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]  # noqa: RUF012

    # The filters: each change redraws the list through its watcher.
    words: reactive[str] = reactive("", init=False)
    light: reactive[bool] = reactive(False, init=False)
    max_minutes: reactive[int | None] = reactive[int | None](None, init=False)
    no_kit: reactive[bool] = reactive(False, init=False)

    @dataclass
    class StartRequested(Message):
        session: Session

    class Shown(Message):
        """The first frame is drawn: what is slower to work out can follow."""

    # The one list of this screen's keys: the help line under the list is written from it.
    # (Two lines of text rather than a Footer: a Footer of these keys was most of the start-up
    # time over a bare Textual app, bench/run.py --only startup.)
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "start", "start", priority=True),
        Binding("escape", "leave_filter", "back to the list", show=False),
        Binding("t", "start_today", "today"),
        Binding("l", "toggle_light", "light"),
        Binding("slash", "filter", "filter", key_display="/"),
        Binding("m", "cycle_length", "length"),
        Binding("e", "toggle_kit", "kit"),
        Binding("h", "app.history", "history"),
        Binding("p", "app.plans", "plans"),
        Binding("comma", "app.settings", "settings", key_display=","),
        Binding("n", "app.builder", "new session"),
        Binding("ctrl+p", "app.command_palette", "commands", show=False, key_display="ctrl+p"),
        Binding("q", "app.quit", "quit"),
    ]

    def __init__(self, catalog: Catalog | None, data: HomeData | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.timing = Timing()
        self.data = data
        self.rows: list[Session] = []

    @property
    def today(self) -> Today | None:
        return None if self.data is None else self.data.today

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Static("runstrong", id="brand")
            yield Static(id="today")
        yield WeekStrip(id="week")
        yield Static(INTRO, id="intro")
        with Horizontal(id="filters"):
            yield FilterBox(
                placeholder="/ filter: name, focus or kit (e.g. core, band)",
                id="filter",
                max_length=FILTER_MAX,
            )
            yield Static(id="filter-state")
        yield DataTable(id="sessions", cursor_type="row", zebra_stripes=True)
        yield Static(id="detail")
        yield Static(id="recent")
        yield Static(keys_text(self.BINDINGS), id="keys")
        yield Static(id="problems")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("session", "min", "focus", "kit")
        self._show_data()
        table.focus()
        # The refresh after mount lays the screen out; the one after that has drawn it.
        self.call_after_refresh(self.call_after_refresh, self.post_message, self.Shown())

    def on_resize(self) -> None:
        padding = 4 if self.size.width >= 80 else 2  # home.tcss: #keys, and -narrow
        self.query_one("#keys", Static).update(
            keys_to_fit(self.BINDINGS, self.size.width - padding)
        )

    def show(self, catalog: Catalog | None, data: HomeData, timing: Timing | None = None) -> None:
        """New data after a session, a setting or a new file; the filters stay as they are."""
        same_sessions = (
            catalog is self.catalog
            and catalog is not None
            and (timing is None or timing == self.timing)
        )
        self.timing = timing or self.timing
        self.catalog, self.data = catalog, data
        self._show_data(fill=not same_sessions)

    def _name_of(self, slug: str) -> str:
        session = self.catalog.entries.get(slug) if self.catalog else None
        return session.name if isinstance(session, Session) else slug

    def _show_data(self, *, fill: bool = True) -> None:
        if fill:
            self._fill()
        self._show_today()
        data = self.data
        week, on = ([], date.today()) if data is None else (data.week, data.on)
        self.query_one("#week", WeekStrip).show(week, self._name_of, on)
        if data is not None and data.recent:
            line = Text("Recent: ", style="bold")
            line.append("  ·  ".join(f"{r.when} {r.name} ({r.ended})" for r in data.recent))
            self.query_one("#recent", Static).update(line)
        else:
            self.query_one("#recent", Static).update(
                "No sessions yet: your sets are saved as you go, and h shows them later."
            )

    def _show_today(self) -> None:
        today = self.today
        widget = self.query_one("#today", Static)
        if today is None:
            widget.update("")
            return
        if today.verdict is Verdict.SESSION and today.slug:
            name = self._name_of(today.slug)
            text = Text("Today: ", style="bold")
            text.append(name + (" (light)" if today.light else "") + " ", style="bold")
            text.append("(t starts it)", style="dim")
            text.append(f"\n{today.reason}")
        else:
            text = Text(
                "Today: " + ("done" if today.verdict is Verdict.DONE else "rest day"), style="bold"
            )
            text.append(f"\n{today.reason}")
        widget.update(text)

    def watch_words(self) -> None:
        self._fill()

    def watch_light(self) -> None:
        self._fill()

    def watch_max_minutes(self) -> None:
        self._fill()

    def watch_no_kit(self) -> None:
        self._fill()

    def _fill(self) -> None:
        table = self.query_one(DataTable)
        # The cursor stays on the session it was on, when that session is still listed.
        current = (
            self.rows[table.cursor_row].slug if 0 <= table.cursor_row < len(self.rows) else None
        )
        table.clear()
        sessions = [] if self.catalog is None else self.catalog.sessions
        self.rows = [
            s
            for s in sessions
            if matches(s, self.words, self.max_minutes, self.no_kit, self.timing)
        ]
        for session in self.rows:
            shown = light_session(session) if self.light else session
            table.add_row(
                Text(shown.name),
                f"~{minutes(shown, self.timing)}",
                Text(", ".join(shown.focus)),
                Text(", ".join(shown.equipment) or "-"),
                key=session.slug,
            )
        state = [
            f"m ≤{self.max_minutes} min" if self.max_minutes else "m any length",
            "e no kit" if self.no_kit else "e any kit",
            "l light" if self.light else "l full",
        ]
        self.query_one("#filter-state", Static).update("  ".join(state))
        slugs = [session.slug for session in self.rows]
        if current in slugs:
            table.move_cursor(row=slugs.index(current), animate=False)
        broken = [] if self.catalog is None else self.catalog.invalid
        problems = self.query_one("#problems", Static)
        problems.display = bool(broken)
        problems.update(
            Text(
                "Not loaded (run `runstrong validate`): " + ", ".join(item.path for item in broken)
            )
        )
        if self.catalog is None:
            self.query_one("#detail", Static).update("Reading your sessions...")
        elif not self.rows:
            self.query_one("#detail", Static).update("No session matches those filters.")
        else:
            # Drawn now rather than on the table's highlight event, so the first frame has it.
            self._show_detail(min(table.cursor_row, len(self.rows) - 1))

    def on_input_changed(self, event: Input.Changed) -> None:
        self.words = clean_text(event.value[:FILTER_MAX])

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.query_one(DataTable).focus()

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        self._show_detail(event.cursor_row)

    def _show_detail(self, row: int) -> None:
        if not self.rows or row >= len(self.rows):
            return
        session = self.rows[row]
        detail = Text(session.description or session.name)
        shown = light_session(session) if self.light else session
        detail.append(
            f"\n{len(session.exercises)} exercises, about {minutes(shown, self.timing)} min",
            style="dim",
        )
        self.query_one("#detail", Static).update(detail)

    def _chosen(self, session: Session) -> Session:
        return light_session(session) if self.light else session

    def action_start(self) -> None:
        if isinstance(self.focused, Input):
            self.query_one(DataTable).focus()
            return
        if self.rows:
            row = self.query_one(DataTable).cursor_row
            self.post_message(self.StartRequested(self._chosen(self.rows[row])))

    def action_start_today(self) -> None:
        today = self.today
        if today is None or today.verdict is not Verdict.SESSION or not today.slug:
            self.notify("Nothing planned today. Pick any session to train anyway.")
            return
        session = self.catalog.entries.get(today.slug) if self.catalog else None
        if isinstance(session, Session):
            chosen = light_session(session) if today.light or self.light else session
            self.post_message(self.StartRequested(chosen))

    def action_toggle_light(self) -> None:
        self.light = not self.light

    def action_cycle_length(self) -> None:
        self.max_minutes = LENGTHS[(LENGTHS.index(self.max_minutes) + 1) % len(LENGTHS)]

    def action_toggle_kit(self) -> None:
        self.no_kit = not self.no_kit

    def action_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave_filter(self) -> None:
        """Escape in the filter box goes back to the list; the words stay."""
        if isinstance(self.focused, Input):
            self.query_one(DataTable).focus()
