"""Settings: sound, voice, timings, the running week, the look. Saved to settings.toml."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Label, Select, Static, Switch

from runstrong.settings import Settings, from_mapping

NUMBERS = (
    ("count_in", "Count-in after a pause (s, 0 = off)"),
    ("get_ready", "Get-ready time before the first exercise (s)"),
    ("switch_sides", "Time to switch sides (s)"),
    ("rest_between_sets", "Default rest between sets (s)"),
    ("rest_between_exercises", "Default rest between exercises (s)"),
    ("weekly_target", "Sessions a week, when no plan is active"),
)


class SettingsScreen(Screen[Settings | None]):
    """Dismissed with the saved settings, or None when left without saving."""

    CSS_PATH = "settings.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save"),
        Binding("escape", "close", "Back without saving"),
    ]

    def __init__(self, current: Settings, themes: list[str], plans: list[tuple[str, str]],
                 path: str) -> None:
        super().__init__()
        self.current = current
        self.themes = themes
        self.plans = plans
        self.path = path

    def compose(self) -> ComposeResult:
        c = self.current
        yield Static(Text(f"runstrong · settings ({self.path})"), id="heading")
        with VerticalScroll(id="form"):
            with Horizontal(classes="row"):
                yield Label("Sound cues")
                yield Switch(value=c.sound, id="sound")
            with Horizontal(classes="row"):
                yield Label("Spoken cues (espeak-ng or spd-say)")
                yield Switch(value=c.voice, id="voice")
            for key, label in NUMBERS:
                with Horizontal(classes="row"):
                    yield Label(label)
                    yield Input(str(getattr(c, key)), id=key, type="integer",
                                max_length=3)
            with Horizontal(classes="row"):
                yield Label("Run days (e.g. tue, thu, sun)")
                yield Input(", ".join(c.run_days), id="run_days")
            with Horizontal(classes="row"):
                yield Label("Key run days: intervals, tempo, races")
                yield Input(", ".join(c.key_run_days), id="key_run_days")
            with Horizontal(classes="row"):
                yield Label("Long run day (empty for none)")
                yield Input(c.long_run_day, id="long_run_day")
            with Horizontal(classes="row"):
                yield Label("Training plan")
                known = {slug for _, slug in self.plans}
                yield Select(self.plans, value=c.plan if c.plan in known else Select.NULL,
                             id="plan", allow_blank=True)
            with Horizontal(classes="row"):
                yield Label("Theme")
                yield Select([(t, t) for t in self.themes], value=c.theme
                             if c.theme in self.themes else Select.NULL, id="theme")
            yield Static(id="problems")
            with Horizontal(id="buttons"):
                yield Button("Save (ctrl+s)", variant="primary", id="save")
                yield Button("Back (esc)", id="back")
        yield Footer()

    def values(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "sound": self.query_one("#sound", Switch).value,
            "voice": self.query_one("#voice", Switch).value,
            # Set in settings.toml only; kept as they are when this screen saves.
            "long_run_minutes": self.current.long_run_minutes,
            "session_time": self.current.session_time,
        }
        for key, _ in NUMBERS:
            raw = self.query_one(f"#{key}", Input).value.strip()
            data[key] = int(raw) if raw.lstrip("-").isdigit() else raw
        for key in ("run_days", "key_run_days"):
            raw = self.query_one(f"#{key}", Input).value
            data[key] = [part.strip() for part in raw.replace(" ", ",").split(",")
                         if part.strip()]
        data["long_run_day"] = self.query_one("#long_run_day", Input).value.strip()
        plan = self.query_one("#plan", Select).value
        data["plan"] = plan if isinstance(plan, str) else ""
        theme = self.query_one("#theme", Select).value
        data["theme"] = theme if isinstance(theme, str) else self.current.theme
        return data

    def action_save(self) -> None:
        chosen, problems = from_mapping(self.values(), "settings")
        if problems:
            # Nothing is written while a value is wrong: the person fixes it first.
            self.query_one("#problems", Static).update(Text("\n".join(problems)))
            return
        self.dismiss(chosen)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "save":
            self.action_save()
        else:
            self.action_close()

    def action_close(self) -> None:
        self.dismiss(None)
