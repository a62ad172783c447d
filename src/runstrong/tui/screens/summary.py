"""The end of a session: how long it took, what was done, against what was planned."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Static

from runstrong.application import unsaved as unsaved_sets
from runstrong.application.rpe import RPE_KEYS
from runstrong.application.summary import SessionSummary
from runstrong.application.unsaved import Unsaved
from runstrong.formatting import duration_text
from runstrong.session.timeline import SessionPhase
from runstrong.tui.widgets.phase_banner import PhaseBanner


class SummaryScreen(Screen[int]):
    """Dismissed with the number of sets left unsaved by the person's choice (0 normally)."""

    DEFAULT_CSS = """
    SummaryScreen #facts { padding: 1 2 0 2; text-style: bold; height: auto; }
    SummaryScreen #results { margin: 1 2; height: 1fr; }
    SummaryScreen .note { padding: 0 2; color: $warning; text-style: bold; height: auto; }
    SummaryScreen #rate { padding: 0 2; color: $text-muted; height: auto; }
    SummaryScreen #unsaved {
        padding: 0 2; color: $error; text-style: bold; height: auto; display: none;
    }
    SummaryScreen #unsaved.-shown { display: block; }
    SummaryScreen #unsaved.-written { color: $success; }
    SummaryScreen #save-path { margin: 0 2; display: none; }
    SummaryScreen #save-path.-asking { display: block; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "close", "Close", priority=True),
        Binding("escape", "escape", "Close", show=False, priority=True),
        Binding("q", "quit_summary", "Close", show=False, priority=True),
        Binding("r", "retry", "Retry saving", show=False),
        Binding("w", "write", "Write to a file", show=False),
        Binding("d", "discard", "Leave them", show=False),
        # Effort for the last exercise, when there is one to rate: shown once in the Footer.
        *(
            Binding(key, f"rate({rpe})", "Effort (0 = 10)", key_display="1-9", show=rpe == 1)
            for key, rpe in RPE_KEYS.items()
        ),
    ]

    @dataclass
    class Rated(Message):
        """The person rated how hard an exercise felt (RPE 1-10) on the summary."""

        exercise_index: int
        rpe: int

    def __init__(
        self,
        summary: SessionSummary,
        *,
        completed: bool,
        notes: list[str] | None = None,
        rating_for: tuple[int, str] | None = None,
        unsaved: Unsaved | None = None,
        retry: Callable[[], Unsaved | None] | None = None,
        save_to: Path | None = None,
        last_times: list[str] | None = None,
    ) -> None:
        """`last_times`: per exercise, what it did last time (empty: nothing to compare)."""
        super().__init__()
        self.last_times = last_times or []
        self.summary = summary
        self.completed = completed
        self.notes = notes or []
        self.rating_for = rating_for
        # Sets the history has not taken: the screen does not close on them without a choice.
        self.unsaved = unsaved
        self._retry = retry
        self.save_to = save_to or Path("unsaved-sets.jsonl")

    def compose(self) -> ComposeResult:
        banner = PhaseBanner(id="banner")
        banner.phase = SessionPhase.DONE if self.completed else SessionPhase.STOPPED
        yield banner
        s = self.summary
        with Vertical():
            facts = Text(s.title)
            facts.append(
                f"\n{duration_text(s.seconds)} taken   ·   "
                f"{s.sets_done} of {s.sets_planned} sets done",
                style="",
            )
            yield Static(facts, id="facts")
            yield DataTable(id="results", cursor_type="row", zebra_stripes=True)
            for note in self.notes:
                yield Static(Text(note), classes="note")
            if self.rating_for is not None:
                name = self.rating_for[1]
                yield Static(
                    Text(f"How hard was {name}? Press 1-9, or 0 for 10 (optional)."), id="rate"
                )
            yield Static(
                self._unsaved_text(), id="unsaved", classes="-shown" if self.unsaved else ""
            )
            yield Input(str(self.save_to), id="save-path")
        yield Footer()

    def _unsaved_text(self, before: str = "") -> Text:
        if self.unsaved is None:
            return Text(before)
        return Text(
            f"{before}{self.unsaved.sentence()}\n"
            "r: try saving again   w: write them to a file you can `runstrong import` later   "
            "d: leave without them"
        )

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        compare = any(self.last_times)
        table.add_columns("exercise", "sets", "done", *(["last time"] if compare else []))
        for index, result in enumerate(self.summary.exercises):
            cells = [
                Text(result.name),
                f"{result.sets_done}/{result.planned_sets}",
                Text(result.actuals),
            ]
            if compare:
                last = self.last_times[index] if index < len(self.last_times) else ""
                cells.append(Text(last.removeprefix("last time ").removeprefix("last ")))
            table.add_row(*cells)

    def action_rate(self, rpe: int) -> None:
        if self.rating_for is None:
            return
        self.post_message(self.Rated(self.rating_for[0], rpe))
        self.query_one("#rate", Static).update(f"Effort {rpe}/10 saved.")

    # -- sets the history could not take ---------------------------------------------------
    @property
    def _asking(self) -> bool:
        return self.query_one("#save-path", Input).has_class("-asking")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # While a path is typed, r, w, d, q and digits are characters of it.
        if action == "rate":
            return self.rating_for is not None and not self._asking
        if action in ("retry", "write", "discard"):
            return self.unsaved is not None and not self._asking
        if action == "quit_summary":
            return not self._asking
        return True

    def action_quit_summary(self) -> None:
        self.action_close()

    def action_escape(self) -> None:
        if self._asking:  # escape puts the path away again
            self.query_one("#save-path", Input).remove_class("-asking")
            self.query_one(DataTable).focus()
            return
        self.action_close()

    def action_retry(self) -> None:
        if self._retry is not None:
            self.unsaved = self._retry()
        words = "Saved: every set is in your history now." if self.unsaved is None else ""
        self.query_one("#unsaved", Static).update(self._unsaved_text(words))

    def action_write(self) -> None:
        box = self.query_one("#save-path", Input)
        box.add_class("-asking")
        box.focus()

    def _write(self) -> None:
        box = self.query_one("#save-path", Input)
        if self.unsaved is None:
            return
        try:
            said = unsaved_sets.write(self.unsaved, Path(box.value.strip() or str(self.save_to)))
        except OSError as error:
            reason = error.strerror or str(error)
            self.query_one("#unsaved", Static).update(
                self._unsaved_text(f"Could not write {box.value}: {reason}. ")
            )
            return
        box.remove_class("-asking")
        self.unsaved = None
        shown = self.query_one("#unsaved", Static)
        shown.add_class("-written")
        shown.update(Text(said))

    def action_discard(self) -> None:
        self.dismiss(0 if self.unsaved is None else self.unsaved.sets)

    def action_close(self) -> None:
        if self._asking:
            self._write()
            return
        if self.unsaved is not None:
            # Never closed (and the app never ends with status 0) over sets only in memory.
            self.notify(self.unsaved.sentence(), severity="error", timeout=6)
            return
        self.dismiss(0)
