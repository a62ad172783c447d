"""Composing a session from the exercise library and saving it, asking before it replaces or
hides anything. Save + start dismisses the screen with the saved session, for the app to start;
a save that fails keeps the screen (and the draft) open."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Input, Label, OptionList, Static, Switch
from textual.widgets.option_list import Option

from runstrong.application.drafts import clash, save_draft
from runstrong.tui.notices import DONE, ERROR
from runstrong.tui.screens.dialogs import Answer, Choice
from runstrong.workout.builder import Draft, from_library
from runstrong.workout.catalog import Catalog
from runstrong.workout.model import Session

FIELDS = ("sets", "reps", "hold", "tempo", "rest")


def _number(text: str, kind: type[int] | type[float]) -> int | float | None:
    text = text.strip()
    if not text:
        return None
    try:
        return kind(text)
    except ValueError:
        return None


class BuilderScreen(Screen[Session | None]):
    """Dismissed with the saved session to start it (ctrl+r), or None; posts `Saved` after
    every file written, so the list of sessions is read again."""

    CSS_PATH = "builder.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("ctrl+r", "save_and_start", "Save + start"),
        Binding("delete,ctrl+x", "remove", "Remove"),
        Binding("ctrl+up", "move(-1)", "Up"),
        Binding("ctrl+down", "move(1)", "Down"),
        Binding("escape", "close", "Back"),
    ]

    def __init__(self, catalog: Catalog) -> None:
        super().__init__()
        self.catalog = catalog
        self.library = catalog.library
        self.draft = Draft()
        # This screen's own earlier save: writing there again replaces nobody else's file.
        self.saved_to: Path | None = None

    @dataclass
    class Saved(Message):
        """A session file was written."""

        path: Path

    def compose(self) -> ComposeResult:
        with Horizontal(id="name-row"):
            yield Label("New session called")
            yield Input(self.draft.name, id="name")
        with Horizontal(id="panes"):
            with Vertical(id="library"):
                yield Input(placeholder="search the library", id="search")
                yield OptionList(id="choices")
            with Vertical(id="draft"):
                yield DataTable(id="plan", cursor_type="row", zebra_stripes=True)
                yield Static("enter on a library exercise adds it here", id="help")
        with Horizontal(id="editor"):
            for name in FIELDS:
                yield Label(name)
                yield Input(id=f"edit-{name}", classes="edit")
            yield Label("per side")
            yield Switch(id="edit-sides")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#plan", DataTable).add_columns("#", "exercise", "prescription", "rest")
        self._fill_choices("")
        self.query_one("#search", Input).focus()

    # -- library ------------------------------------------------------------------------
    def _fill_choices(self, words: str) -> None:
        choices = self.query_one("#choices", OptionList)
        choices.clear_options()
        wanted = words.lower().split()
        for ident, exercise in sorted(self.library.items(), key=lambda kv: kv[1].name):
            category = exercise.category.value if exercise.category else ""
            haystack = " ".join(
                [exercise.name, ident, category, *exercise.focus, *exercise.equipment]
            )
            if all(w in haystack.lower() for w in wanted):
                label = Text(exercise.name)
                if category:
                    label.append(f"  {category}", style="dim")
                choices.add_option(Option(label, id=ident))
        if choices.option_count:
            choices.highlighted = 0

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "search":
            self._fill_choices(event.value)
        elif event.input.id == "name":
            self.draft.name = event.value.strip() or "My session"
        elif event.input.id and event.input.id.startswith("edit-"):
            self._apply_edit(event.input.id.removeprefix("edit-"), event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "search":
            self.query_one("#choices", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        ident = event.option.id or ""
        if ident in self.library:
            index = self.draft.add(from_library(self.library[ident]))
            self._refresh_plan(index)

    # -- the draft ----------------------------------------------------------------------
    def _refresh_plan(self, select: int | None = None) -> None:
        table = self.query_one("#plan", DataTable)
        table.clear()
        for number, exercise in enumerate(self.draft.exercises, start=1):
            rest = "default" if exercise.rest is None else f"{exercise.rest} s"
            table.add_row(str(number), Text(exercise.name), exercise.describe(), rest)
        if select is not None and self.draft.exercises:
            table.move_cursor(row=select)
            self._load_editor(select)

    def _selected(self) -> int | None:
        table = self.query_one("#plan", DataTable)
        if not self.draft.exercises:
            return None
        return min(table.cursor_row, len(self.draft.exercises) - 1)

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if event.data_table.id == "plan" and self.draft.exercises:
            self._load_editor(event.cursor_row)

    def _load_editor(self, index: int) -> None:
        exercise = self.draft.exercises[index]
        for name in FIELDS:
            value = getattr(exercise, name)
            self.query_one(f"#edit-{name}", Input).value = "" if value is None else f"{value:g}"
        self.query_one("#edit-sides", Switch).value = exercise.sides

    def _apply_edit(self, name: str, text: str) -> None:
        index = self._selected()
        if index is None:
            return
        value = _number(text, float if name == "tempo" else int)
        if getattr(self.draft.exercises[index], name) == value:
            return  # the editor was just loaded from this exercise
        changes: dict[str, object] = {name: value}
        if name == "sets" and value is None:
            return
        if name == "hold" and value is not None:
            changes["reps"] = None
        if name == "reps" and value is not None:
            changes["hold"] = None
        self.draft.update(index, **changes)
        self._refresh_row(index)

    def _refresh_row(self, index: int) -> None:
        table = self.query_one("#plan", DataTable)
        exercise = self.draft.exercises[index]
        rest = "default" if exercise.rest is None else f"{exercise.rest} s"
        keys = list(table.rows)
        table.update_cell(keys[index], list(table.columns)[2], exercise.describe())
        table.update_cell(keys[index], list(table.columns)[3], rest)

    def on_switch_changed(self, event: Switch.Changed) -> None:
        index = self._selected()
        if index is not None and self.draft.exercises[index].sides != event.value:
            self.draft.update(index, sides=event.value)
            self._refresh_row(index)

    def action_remove(self) -> None:
        index = self._selected()
        if index is not None:
            self.draft.remove(index)
            self._refresh_plan(max(0, index - 1) if self.draft.exercises else None)

    def action_move(self, by: int) -> None:
        index = self._selected()
        if index is not None:
            self._refresh_plan(self.draft.move(index, by))

    # -- saving -------------------------------------------------------------------------
    def _ask_to_save(self, *, start: bool) -> None:
        if not self.draft.exercises:
            self.notify(
                "Add at least one exercise first (enter on a library exercise).", severity="warning"
            )
            return
        draft = self.draft.copy()
        path = draft.path()
        problem = None if path == self.saved_to else clash(draft, path, self.catalog.entries)
        if problem is None:
            self._write(draft, start=start)
            return

        def answered(replace_it: bool | None) -> None:
            if replace_it:
                self._write(draft, start=start)

        self.app.push_screen(
            Choice(
                "Replace a session?",
                problem,
                [
                    Answer("y", "Replace it", True, "error"),
                    Answer("n", "Keep it", False, "primary"),
                ],
                otherwise=False,
            ),
            answered,
        )

    def _write(self, draft: Draft, *, start: bool) -> None:
        try:
            saved = save_draft(draft, self.catalog)
        except OSError as error:
            # The builder stays open with the draft, so nothing typed is lost.
            self.notify(
                f"Could not save {draft.path()}: {error.strerror or error}",
                title="Not saved",
                severity="error",
                timeout=ERROR,
            )
            return
        self.saved_to = saved.path
        self.post_message(self.Saved(saved.path))
        if saved.problems is not None:
            self.notify(
                saved.problems, title="Saved with problems", severity="error", timeout=ERROR
            )
            return
        self.notify(f"Saved {saved.path}", timeout=DONE)
        if start and self.is_current and isinstance(saved.loaded, Session):
            self.dismiss(saved.loaded)

    def action_save(self) -> None:
        self._ask_to_save(start=False)

    def action_save_and_start(self) -> None:
        self._ask_to_save(start=True)

    def action_close(self) -> None:
        self.dismiss(None)
