"""Following a session: one screen, readable from the mat, driven by the engine's clock."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, ProgressBar, Static

from runstrong.application import session_text as words
from runstrong.application.recording import Recorder
from runstrong.application.rpe import RPE_KEYS
from runstrong.audio.voice import announcement
from runstrong.session.engine import SessionEngine
from runstrong.session.events import CueEvent, Event, SessionEnded, StepStarted, sets_in
from runstrong.session.loads import LOAD_STEP_KG
from runstrong.session.view import SessionPhase
from runstrong.tui.companion_link import CompanionLink
from runstrong.tui.screens.dialogs import ConfirmQuit, ExerciseInfo, StopAnswer
from runstrong.tui.widgets.figure import ExerciseFigure
from runstrong.tui.widgets.phase_banner import PhaseBanner
from runstrong.tui.widgets.step_clock import StepClock

if TYPE_CHECKING:
    from runstrong.audio import Player
    from runstrong.history.last_time import LastTime

REFRESH_HZ = 4


class SessionScreen(Screen[bool]):
    """Dismissed with True when the session reached DONE, False when the person stopped."""

    CSS_PATH = "session.tcss"
    # Size classes for session.tcss: at 60x20 and below the clock keeps Textual's 3-row digits.
    # (Textual declares these without ClassVar, so annotating them here upsets mypy.)
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (61, "-wide")]  # noqa: RUF012
    VERTICAL_BREAKPOINTS = [(0, "-short"), (21, "-medium"), (32, "-tall")]  # noqa: RUF012
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "tap", "Pause/rep"),
        Binding("enter", "done", "Done"),
        Binding("s", "skip", "Skip"),
        Binding("b", "back", "Back"),
        Binding("plus,equals_sign", "adjust(1)", "+1 rep", show=False),
        Binding("minus,underscore", "adjust(-1)", "-1 rep", show=False),
        Binding("r", "more_rest", "+15 s rest", show=False),
        # In the rest after a set of a loaded exercise (hidden otherwise): that set's load
        # and the next one's, in 2.5 kg steps.
        Binding("left_square_bracket", "load(-1)", "-2.5 kg"),
        Binding("right_square_bracket", "load(1)", "+2.5 kg"),
        Binding("p", "pause", "Pause", show=False),
        Binding("m", "mute", "Mute"),
        Binding("i", "info", "Info"),
        Binding("w", "companion", "Phone"),
        Binding("q", "quit_session", "Quit"),
        # Ctrl+C would end the app at once; mid-session it asks, exactly like q.
        Binding("ctrl+c", "quit_session", "Quit", show=False, priority=True),
    ]

    def __init__(
        self,
        engine: SessionEngine,
        player: Player,
        recorder: Recorder,
        *,
        muted: bool = False,
        last: Mapping[str, LastTime] | None = None,
        units: str = "kg",
        companion_lan: bool = False,
        companion_at_start: bool = False,
    ) -> None:
        super().__init__()
        self.engine = engine
        self.last = dict(last or {})
        self.units = units
        self._load_keys: int | None = None
        self.player = player
        self.recorder = recorder
        self._rated: dict[int, int] = {}
        self._shown: dict[str, str] = {}
        self._live = False
        self.muted = muted
        self._timer: Timer | None = None
        self._paused_for_dialog = False
        self.companion = CompanionLink(self, lan=companion_lan)
        self._companion_at_start = companion_at_start

    def compose(self) -> ComposeResult:
        yield Static(id="status")
        yield PhaseBanner(id="banner")
        with Vertical(id="middle"):
            yield Static(id="title")
            # The figure stands beside the clock and everything under it, so it keeps the
            # height of the whole middle (at 80x24 more than ten rows).
            with Horizontal(id="stage"):
                with Vertical(id="left"):
                    yield StepClock(id="clock")
                    yield Static(id="target")
                    yield ProgressBar(
                        total=1.0, show_eta=False, show_percentage=False, id="step-bar"
                    )
                    yield Static(id="cues")
                yield ExerciseFigure(id="figure")
        yield Static(id="hint")
        yield Static(id="saving")
        yield Static(id="companion")
        yield Static(id="next")
        yield Footer()

    def on_mount(self) -> None:
        self._live = True
        self._handle(self.engine.start())
        self._timer = self.set_interval(1 / REFRESH_HZ, self.tick)
        if self._companion_at_start:
            self.run_worker(self._start_companion(show=True), exclusive=True, group="companion")

    # -- the 4 Hz loop -----------------------------------------------------------------
    def tick(self) -> None:
        self._handle(self.engine.update())
        self._set_text("#saving", self.recorder.flush() or "")

    def _handle(self, events: list[Event]) -> None:
        for event in events:
            if isinstance(event, CueEvent):
                if not self.muted:
                    self.player.play(event.cue)
            elif isinstance(event, StepStarted):
                sentence = announcement(self.engine.view())
                if sentence and not self.muted:
                    self.player.say(sentence)
            else:
                self.recorder.handle(event)
                if isinstance(event, SessionEnded):
                    self._finish(event.completed)
        self.render_view()

    def render_view(self) -> None:
        if not self._live:
            return
        view = self.engine.view()
        session = self.engine.session
        self._set_text("#status", words.status_text(view, session))
        self.query_one(PhaseBanner).phase = view.phase
        # Small screens keep the figure for GET READY only: what to set up, then the clock.
        self.set_class(view.phase is SessionPhase.GET_READY, "-ready")
        self._set_text("#title", words.title(view, session))
        self.query_one(StepClock).show(words.big_number(view), flash=words.flashing(view))
        self.query_one(ExerciseFigure).follow(view)
        last = self.last.get(session.exercises[words.about(view)].key)
        self._set_text("#target", words.with_load(view, words.target_text(view), self.units, last))
        bar = self.query_one(ProgressBar)
        if bar.progress != round(view.step_progress, 3):
            bar.update(progress=round(view.step_progress, 3))
        self._set_text("#cues", "\n".join(f"•  {cue}" for cue in view.exercise.cues))
        hint = words.hint_text(view, self.muted, self._rated)
        self._set_text("#hint", words.rest_load(view, hint, self.units, last))
        if view.load_for != self._load_keys:
            self._load_keys = view.load_for
            self.refresh_bindings()
        self._set_text("#next", words.next_text(view, session))
        self.companion.publish()

    def _set_text(self, selector: str, value: str) -> None:
        # Only what changed is redrawn; at 4 Hz most lines stay the same for seconds.
        if self._shown.get(selector) == value:
            return
        self._shown[selector] = value
        # Text, not markup: workout files are data and "[bold]" in a name stays literal.
        self.query_one(selector, Static).update(Text(value))

    def _finish(self, completed: bool) -> None:
        if self._timer is not None:
            self._timer.stop()
        self.render_view()
        self._live = False
        # The page stops with the session: the app's worker outlives this screen.
        self.app.run_worker(self.companion.stop(), group="companion-stop")
        self.dismiss(completed)

    def on_key(self, event: events.Key) -> None:
        rpe = RPE_KEYS.get(event.key)
        if rpe is not None and self.rate(rpe):
            event.stop()

    @property
    def ratings(self) -> dict[int, int]:
        return self._rated

    def rate(self, rpe: int) -> bool:
        """Rates the exercise the View says a rating applies to; False when there is none."""
        target = self.engine.view().rating_for
        if target is None:
            return False
        self._rated[target] = rpe
        self.recorder.rate(target, rpe)
        self.render_view()
        return True

    # -- keys ---------------------------------------------------------------------------
    def action_tap(self) -> None:
        self._handle(self.engine.tap())

    def action_pause(self) -> None:
        self._handle(self.engine.toggle_pause())

    def action_done(self) -> None:
        self._handle(self.engine.done())

    def action_skip(self) -> None:
        self._handle(self.engine.skip_exercise())

    def action_back(self) -> None:
        self._handle(self.engine.back())

    def action_adjust(self, delta: int) -> None:
        self._handle(self.engine.adjust_reps(delta))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "load":
            return self.engine.view().load_for is not None
        return True

    def action_load(self, steps: int) -> None:
        self._handle(self.engine.adjust_load(steps * LOAD_STEP_KG))

    def action_more_rest(self) -> None:
        self._handle(self.engine.add_rest())

    def action_mute(self) -> None:
        self.muted = not self.muted
        self.notify("Sound off" if self.muted else "Sound on", timeout=2)
        self.render_view()

    def _pause_for_dialog(self) -> None:
        view = self.engine.view()
        self._paused_for_dialog = not view.paused and not view.finished
        if self._paused_for_dialog:
            self._handle(self.engine.toggle_pause())

    def _resume_after_dialog(self) -> None:
        if self._paused_for_dialog and self.engine.view().paused:
            self._handle(self.engine.toggle_pause())
        self._paused_for_dialog = False

    def action_info(self) -> None:
        self._pause_for_dialog()
        view = self.engine.view()
        side = view.focus.side.value if view.focus.side else None
        self.app.push_screen(
            ExerciseInfo(view.exercise, side), lambda _: self._resume_after_dialog()
        )

    async def _start_companion(self, *, show: bool) -> None:
        url = await self.companion.start()
        if url is None:
            self.notify(self.companion.notice, severity="warning", timeout=8)
            return
        self._set_text("#companion", f"Phone: {url}")
        self.query_one("#companion").add_class("-on")
        self.companion.publish()
        if show:
            from runstrong.companion.address import LOOPBACK, qr_text
            from runstrong.tui.screens.companion import CompanionInfo

            server = self.companion.server
            on_lan = server is not None and server.host != LOOPBACK
            qr = qr_text(url) if on_lan else None
            self.app.push_screen(CompanionInfo(url, qr, self.companion.notice))

    def action_companion(self) -> None:
        """Starts the phone page (once per session) and shows its address."""
        self.run_worker(self._start_companion(show=True), exclusive=True, group="companion")

    def action_quit_session(self) -> None:
        self._pause_for_dialog()

        def answered(answer: StopAnswer | None) -> None:
            if answer is StopAnswer.FINISH_LATER:
                self._handle(self.engine.stop(resumable=True))
            elif answer is StopAnswer.END_HERE:
                self._handle(self.engine.stop())
            else:
                self._resume_after_dialog()

        self.app.push_screen(ConfirmQuit(sets_in(self.engine.records)), answered)
