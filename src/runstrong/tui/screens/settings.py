"""Settings: sound, voice, timings, the running week, the look.

The screen checks every value and, when all are good, posts `SettingsChosen`; the app saves
them to settings.toml and applies them at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Select, Static, Switch

from runstrong.settings import Settings, from_mapping

LABEL = "settings"
NUMBERS = (
    ("count_in", "Count-in after a pause (s, 0 = off)"),
    ("get_ready", "Get-ready time before the first exercise (s)"),
    ("switch_sides", "Time to switch sides (s)"),
    ("rest_between_sets", "Default rest between sets (s)"),
    ("rest_between_exercises", "Default rest between exercises (s)"),
    ("weekly_target", "Sessions a week, when no plan is active"),
)


def field_message(problem: object, key: str) -> str:
    """A checker's message shortened for the line under its field, which names the key."""
    text = str(problem)
    for prefix in (f"{LABEL}: {key}: ", f"{key}: "):
        if prefix in text:
            text = text.split(prefix, 1)[1]
            break
    return text.removesuffix("; using the default")


class SettingsScreen(Screen[None]):
    """Posts `SettingsChosen` once every value is good; the app saves and closes the screen."""

    CSS_PATH = "settings.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "close", "Back without saving"),
    ]

    @dataclass
    class SettingsChosen(Message):
        settings: Settings
        # The keys the person changed on this screen: only they are written, so a change
        # made meanwhile elsewhere (`runstrong plan use`) is not undone.
        edited: frozenset[str] = frozenset()

    def __init__(
        self,
        current: Settings,
        themes: list[str],
        plans: list[tuple[str, str]],
        path: str,
        active_plan: str = "",
    ) -> None:
        super().__init__()
        self.current = current
        self.themes = themes
        self.plans = plans
        self.path = path
        # The plan in use, which is the default plan when settings name none.
        self.active_plan = active_plan or current.plan

    def compose(self) -> ComposeResult:
        c = self.current
        yield Static(Text(f"runstrong · settings ({self.path})"), id="heading")
        names = {slug: name for name, slug in self.plans}
        active = names.get(self.active_plan)
        yield Static(
            Text(
                f"Active plan: {active}"
                if active
                else "No plan is active: the weekly target below counts instead."
            ),
            id="active-plan",
        )
        with VerticalScroll(id="form"):
            with Horizontal(classes="row"):
                yield Label("Sound cues")
                yield Switch(value=c.sound, id="sound")
            with Horizontal(classes="row"):
                yield Label("Spoken cues (espeak-ng or spd-say)")
                yield Switch(value=c.voice, id="voice")
            with Horizontal(classes="row"):
                yield Label("Phone page (w) on the home network")
                yield Switch(value=c.companion_lan, id="companion_lan")
            for key, label in NUMBERS:
                with Horizontal(classes="row"):
                    yield Label(label)
                    yield Input(str(getattr(c, key)), id=key, type="integer", max_length=3)
                yield Static(id=f"{key}-error", classes="field-error")
            with Horizontal(classes="row"):
                yield Label("Run days (e.g. tue, thu, sun)")
                yield Input(", ".join(c.run_days), id="run_days")
            yield Static(id="run_days-error", classes="field-error")
            with Horizontal(classes="row"):
                yield Label("Key run days: intervals, tempo, races")
                yield Input(", ".join(c.key_run_days), id="key_run_days")
            yield Static(id="key_run_days-error", classes="field-error")
            with Horizontal(classes="row"):
                yield Label("Long run day (empty for none)")
                yield Input(c.long_run_day, id="long_run_day")
            yield Static(id="long_run_day-error", classes="field-error")
            with Horizontal(classes="row"):
                yield Label("Race dates (e.g. 2027-04-18, 2027-10-03)")
                yield Input(", ".join(d.isoformat() for d in c.race_dates), id="race_dates")
            yield Static(id="race_dates-error", classes="field-error")
            with Horizontal(classes="row"):
                yield Label("Training plan (p on the home screen)")
                known = {slug for _, slug in self.plans}
                active = self.active_plan
                yield Select(
                    self.plans,
                    value=active if active in known else Select.NULL,
                    id="plan",
                    allow_blank=True,
                )
            with Horizontal(classes="row"):
                yield Label("Theme")
                yield Select(
                    [(t, t) for t in self.themes],
                    value=c.theme if c.theme in self.themes else Select.NULL,
                    id="theme",
                )
            with Horizontal(id="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Back (esc)", id="back")
        yield Footer()

    def on_mount(self) -> None:
        self._shown = self.values()

    def edited(self) -> frozenset[str]:
        shown = getattr(self, "_shown", {})
        return frozenset(key for key, value in self.values().items() if shown.get(key) != value)

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "sound": self.query_one("#sound", Switch).value,
            "voice": self.query_one("#voice", Switch).value,
            "companion_lan": self.query_one("#companion_lan", Switch).value,
            # Set in settings.toml only; kept as they are when this screen saves.
            "long_run_minutes": self.current.long_run_minutes,
            "session_time": self.current.session_time,
            "units": self.current.units,
        }
        if self.current.plan_started is not None:
            data["plan_started"] = self.current.plan_started
        for key, _ in NUMBERS:
            raw = self.query_one(f"#{key}", Input).value.strip()
            data[key] = int(raw) if raw.lstrip("-").isdigit() else raw
        for key in ("run_days", "key_run_days"):
            raw = self.query_one(f"#{key}", Input).value
            data[key] = [part.strip() for part in raw.replace(" ", ",").split(",") if part.strip()]
        data["long_run_day"] = self.query_one("#long_run_day", Input).value.strip()
        raw = self.query_one("#race_dates", Input).value
        data["race_dates"] = [part for part in raw.replace(",", " ").split() if part]
        if self.current.plan_started is not None:
            data["plan_started"] = self.current.plan_started  # set by choosing a plan
        plan = self.query_one("#plan", Select).value
        data["plan"] = plan if isinstance(plan, str) else ""
        theme = self.query_one("#theme", Select).value
        data["theme"] = theme if isinstance(theme, str) else self.current.theme
        return data

    def problems(self) -> dict[str, str]:
        """Each field's problem by key; checked one field at a time so each message lands
        under the field it is about."""
        found: dict[str, str] = {}
        for key, value in self.values().items():
            _, problems = from_mapping({key: value}, LABEL)
            if problems:
                found[key] = field_message(problems[0], key)
        return found

    def action_save(self) -> None:
        problems = self.problems()
        for error in self.query(".field-error").results(Static):
            key = (error.id or "").removesuffix("-error")
            error.update(Text(problems.get(key, "")))
            error.set_class(key in problems, "-shown")
        if problems:
            # Nothing is written while a value is wrong: the person fixes it first.
            first = next(iter(problems))
            self.query_one(f"#{first}", Input).focus()
            self.call_after_refresh(self.query_one(f"#{first}-error").scroll_visible, animate=False)
            return
        chosen, _ = from_mapping(self.values(), LABEL)
        self.post_message(self.SettingsChosen(chosen, self.edited()))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_close()

    def action_close(self) -> None:
        self.dismiss(None)
