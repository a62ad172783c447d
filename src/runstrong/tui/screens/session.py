"""Following a session: one screen, readable from the mat, showing the session runner's View
and sending it the keys."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from runstrong.application import session_text as words
from runstrong.application.rpe import RPE_KEYS
from runstrong.application.runner import SessionRunner
from runstrong.session.beat import next_change
from runstrong.session.events import sets_in
from runstrong.session.loads import LOAD_STEP_KG
from runstrong.session.timeline import SessionPhase
from runstrong.session.view import View
from runstrong.tui.companion_link import CompanionLink
from runstrong.tui.notices import BRIEF, WARNING
from runstrong.tui.screens.dialogs import ConfirmQuit, ExerciseInfo, StopAnswer
from runstrong.tui.widgets.figure import ExerciseFigure
from runstrong.tui.widgets.phase_banner import PhaseBanner
from runstrong.tui.widgets.step_bar import StepBar
from runstrong.tui.widgets.step_clock import StepClock

if TYPE_CHECKING:
    from runstrong.history.last_time import LastTime

# The screen redraws when what it shows changes (`beat.next_change`), and at least this often
# for what follows no beat (the session's elapsed time while paused, a "saving" line).
SAFETY_SECONDS = 1.0
# Textual's timers may fire half a millisecond early; waking just after the moment means the
# refresh finds the change already due instead of rearming for a sliver of a millisecond.
WAKE_LATE = 0.002
ONE_ROW = frozenset({"#status", "#target", "#next"})


class SessionScreen(Screen[bool]):
    """Shows a running session and sends it the person's keys; dismissed with True when the
    session reached DONE, False when the person stopped it."""

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
        # Effort, in the rest after an exercise's last set: shown (once) only then.
        *(
            Binding(key, f"rate({rpe})", "Effort (0 = 10)", key_display="1-9", show=rpe == 1)
            for key, rpe in RPE_KEYS.items()
        ),
    ]

    def __init__(
        self,
        runner: SessionRunner,
        *,
        last: Mapping[str, LastTime] | None = None,
        units: str = "kg",
        companion_lan: bool = False,
        companion_at_start: bool = False,
    ) -> None:
        super().__init__()
        self.runner = runner
        self.last = dict(last or {})
        self.units = units
        self._load_keys: int | None = None
        # The phone page drives the same runner and hears the same changes.
        self.companion = CompanionLink(runner, lan=companion_lan)
        self._companion_at_start = companion_at_start
        self._shown: dict[str, str] = {}
        self._live = False
        self._rating_open = False
        self._wake: asyncio.TimerHandle | None = None
        self._paused_for_dialog = False
        self._stop_listening: Callable[[], None] = lambda: None
        self._stop_publishing: Callable[[], None] = lambda: None

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
                    yield StepBar(id="step-bar")
                    yield Static(id="cues")
                yield ExerciseFigure(id="figure")
        yield Static(id="hint")
        yield Static(id="saving")
        yield Static(id="companion")
        yield Static(id="next")
        yield Footer()

    def on_mount(self) -> None:
        self._live = True
        self._stop_listening = self.runner.listen(self._changed)
        self._stop_publishing = self.runner.listen(self.companion.publish)
        self.runner.start()
        if self._companion_at_start:
            self.run_worker(self._start_companion(show=True), exclusive=True, group="companion")

    def on_unmount(self) -> None:
        self._live = False
        self._stop_waking()
        self._stop_listening()
        self._stop_publishing()

    # -- the runner's changes ------------------------------------------------------------
    def _changed(self) -> None:
        if self.runner.ended is not None and self._live:
            self._finish(self.runner.ended)
            return
        self.render_view()

    def render_view(self) -> None:
        if not self._live:
            return
        runner = self.runner
        view = runner.view
        session = runner.session
        self._set_text("#status", words.status_text(view, session))
        self.query_one(PhaseBanner).phase = view.phase
        # Small screens keep the figure for GET READY only: what to set up, then the clock.
        self.set_class(view.phase is SessionPhase.GET_READY, "-ready")
        self._set_text("#title", words.title(view, session))
        self.query_one(StepClock).show(words.big_number(view), flash=words.flashing(view))
        self.query_one(ExerciseFigure).follow(view)
        last = self.last.get(session.exercises[words.about(view)].key)
        self._set_text("#target", words.with_load(view, words.target_text(view), self.units, last))
        self.query_one(StepBar).show(view.step_progress)
        self._set_text("#cues", "\n".join(f"•  {cue}" for cue in view.exercise.cues))
        hint = words.hint_text(view, runner.muted, runner.rated)
        self._set_text("#hint", words.rest_load(view, hint, self.units, last))
        self._set_text("#saving", runner.saving_problem or "")
        self._set_text("#next", words.next_text(view, session))
        if (view.rating_for is not None) != self._rating_open or view.load_for != self._load_keys:
            # The footer names the effort and load keys only while they do something.
            self._rating_open = view.rating_for is not None
            self._load_keys = view.load_for
            self.refresh_bindings()
        self._wake_at_next_change(view)

    # -- the beat ------------------------------------------------------------------------
    def _wake_at_next_change(self, view: View) -> None:
        # One wake-up at a time: every redraw (a key's included) sets it again for the new
        # View. A bare loop timer rather than Textual's set_timer, which starts a task per
        # timer: this one is set several times a second. The tick itself runs as a message
        # of this screen (call_next), with Textual's handling of errors.
        delay = next_change(view)
        self._wake_in(SAFETY_SECONDS if delay is None else min(max(0.0, delay), SAFETY_SECONDS))

    def _wake_in(self, seconds: float) -> None:
        self._stop_waking()
        loop = asyncio.get_running_loop()
        self._wake = loop.call_later(seconds + WAKE_LATE, self.call_next, self.tick)

    def _stop_waking(self) -> None:
        if self._wake is not None:
            self._wake.cancel()
            self._wake = None

    def tick(self) -> None:
        """Let the runner catch up with the clock; its change notice redraws and re-arms."""
        if self._live:  # not a wake-up already queued when the session ended
            self.runner.tick()

    def _set_text(self, selector: str, value: str) -> None:
        # Only what changed is redrawn; most lines stay the same for a whole step.
        if self._shown.get(selector) == value:
            return
        self._shown[selector] = value
        # Text, not markup: workout files are data and "[bold]" in a name stays literal.
        # One-row lines keep their size, so they skip a layout pass.
        self.query_one(selector, Static).update(Text(value), layout=selector not in ONE_ROW)

    def _finish(self, completed: bool) -> None:
        self.render_view()
        self._stop_waking()
        self._live = False
        # The page stops with the session: the app's worker outlives this screen.
        self.app.run_worker(self.companion.stop(), group="companion-stop")
        self.dismiss(completed)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "rate":
            return self.runner.view.rating_for is not None
        if action == "load":
            return self.runner.view.load_for is not None
        return True

    # -- keys ---------------------------------------------------------------------------
    def action_tap(self) -> None:
        self.runner.tap()

    def action_pause(self) -> None:
        self.runner.toggle_pause()

    def action_done(self) -> None:
        self.runner.done()

    def action_skip(self) -> None:
        self.runner.skip()

    def action_back(self) -> None:
        self.runner.back()

    def action_adjust(self, delta: int) -> None:
        self.runner.fix_count(delta)

    def action_load(self, steps: int) -> None:
        self.runner.change_load(steps * LOAD_STEP_KG)

    def action_more_rest(self) -> None:
        self.runner.more_rest()

    def action_rate(self, rpe: int) -> None:
        self.runner.rate(rpe)

    def action_mute(self) -> None:
        self.runner.toggle_mute()
        self.notify("Sound off" if self.runner.muted else "Sound on", timeout=BRIEF)

    def _pause_for_dialog(self) -> None:
        self._paused_for_dialog = self.runner.pause_unless_paused()

    def _resume_after_dialog(self) -> None:
        if self._paused_for_dialog and self.runner.view.paused:
            self.runner.toggle_pause()
        self._paused_for_dialog = False

    def action_info(self) -> None:
        self._pause_for_dialog()
        view = self.runner.view
        side = view.focus.side.value if view.focus.side else None
        self.app.push_screen(
            ExerciseInfo(view.exercise, side), lambda _: self._resume_after_dialog()
        )

    async def _start_companion(self, *, show: bool) -> None:
        url = await self.companion.start()
        if url is None:
            self.notify(self.companion.notice, severity="warning", timeout=WARNING)
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
                self.runner.stop(resumable=True)
            elif answer is StopAnswer.END_HERE:
                self.runner.stop()
            else:
                self._resume_after_dialog()

        self.app.push_screen(ConfirmQuit(sets_in(self.runner.records)), answered)
