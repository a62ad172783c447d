"""The Textual application: picks the first screen and wires engine, sound and history."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import threading
import time
from collections.abc import Callable, Collection
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from textual.app import App
from textual.driver import Driver
from textual.screen import Screen

from runstrong import paths
from runstrong import settings as settings_file
from runstrong.application.watchdog import Watchdog
from runstrong.formatting import when_text
from runstrong.settings import Settings
from runstrong.tui.commands import SessionCommands
from runstrong.tui.screens.home import HomeScreen, Recent
from runstrong.tui.session_flow import SessionFlow
from runstrong.workout.catalog import Catalog, load_catalog
from runstrong.workout.model import Session

# Only what the home screen's first frame needs is imported here: start-up is measured
# (bench/run.py --only startup). The engine, the history and every other screen are imported
# where they are first used.
if TYPE_CHECKING:
    from runstrong.application.recording import Recorder
    from runstrong.audio import Player
    from runstrong.history import HistoryStore
    from runstrong.session.engine import Clock, EngineOptions
    from runstrong.tui.history_guard import HistoryDamaged
    from runstrong.tui.screens.builder import BuilderScreen
    from runstrong.tui.screens.offers import HistoryAnswer
    from runstrong.tui.screens.settings import SettingsScreen

T = TypeVar("T")


def engine_options(chosen: Settings) -> EngineOptions:
    from runstrong.session.engine import EngineOptions
    from runstrong.session.timeline import Timing

    return EngineOptions(
        Timing(get_ready=chosen.get_ready, switch_sides=chosen.switch_sides),
        count_in=chosen.count_in,
    )


class RunstrongApp(SessionFlow):
    TITLE = "runstrong"
    COMMANDS = App.COMMANDS | {SessionCommands}

    def __init__(
        self,
        *,
        session: Session | None = None,
        catalog: Catalog | None = None,
        mute: bool = False,
        voice: bool = False,
        clock: Clock = time.monotonic,
        wall: Clock = time.time,
        player: Player | None = None,
        options: EngineOptions | None = None,
        history_path: Path | None = None,
        review: bool = False,
        settings: Settings | None = None,
        warnings: list[str] | None = None,
        companion: bool = False,
        lan: bool = False,
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.warnings = warnings or []
        self.first_session = session
        self.review_only = review
        self._catalog = catalog
        # --mute and --voice hold for this run, whatever the settings say.
        self._mute_flag = mute
        self._voice_flag = voice
        self.mute = mute or not self.settings.sound
        self.voice = voice or self.settings.voice
        self.clock = clock
        self.wall = wall
        # Timings given here (tests, benchmarks) hold until the person saves settings.
        self._options_override = options
        self._player = player
        self._owns_player = player is None
        self._thread = threading.get_ident()
        self.history_path = history_path or paths.history_file()
        self.store: HistoryStore | None = None
        self.history_problem: str | None = None
        self._foreign_file = False
        self.recorder: Recorder | None = None
        # Printed after the terminal is given back: where unsaved sets went.
        self.exit_notes: list[str] = []
        self.watchdog = Watchdog()
        self._exit_soon: Callable[[int], object] | None = None
        self._kept = threading.Lock()
        self._restore_signals: Callable[[], None] = lambda: None
        # The phone page: started with each session when asked on the command line.
        self.companion_at_start = companion
        self._lan_flag = lan

    @property
    def companion_lan(self) -> bool:
        """`--lan` holds for this run; otherwise the setting says where the phone page is."""
        return self._lan_flag or self.settings.companion_lan

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog(rests=self._rests())
        return self._catalog

    def _rests(self) -> tuple[int, int]:
        return self.settings.rest_between_sets, self.settings.rest_between_exercises

    @property
    def player(self) -> Player:
        if self._player is None:
            from runstrong.audio import choose_player

            self._player = choose_player(
                sound=True, voice=self.voice, on_problem=self.audio_problem, bell=self.bell
            )
        return self._player

    def audio_problem(self, message: str) -> None:
        # Sound backends may notice trouble on their own threads.
        if threading.get_ident() == self._thread:
            self.notify(message, title="Sound", severity="warning", timeout=8)
        else:
            self.call_from_thread(
                self.notify, message, title="Sound", severity="warning", timeout=8
            )

    # -- settings ------------------------------------------------------------------------
    @property
    def options(self) -> EngineOptions:
        """Timings for the next session, from the settings applied last."""
        return self._options_override or engine_options(self.settings)

    def apply_settings(self, chosen: Settings) -> None:
        """The one place settings take effect, at start and after every save: timings
        (through `options`), rests, sound, voice and theme."""
        self.settings = chosen
        self.mute = self._mute_flag or not chosen.sound
        voice = self._voice_flag or chosen.voice
        if voice != self.voice and self._owns_player and self._player is not None:
            # The player is chosen with or without a speaker: the next session gets a new one.
            self._player.close()
            self._player = None
        self.voice = voice
        if self._catalog is not None and self._catalog.rests != self._rests():
            self._catalog = None  # files that set no rests take the new ones
        if chosen.theme in self.available_themes:
            self.theme = chosen.theme

    # -- start-up ------------------------------------------------------------------------
    @property
    def _opens_home(self) -> bool:
        return self.first_session is None and not self.review_only

    def get_default_screen(self) -> Screen[Any]:
        # Paint first, then fill: the home screen is the first screen (pushing it over an
        # empty one cost a second layout). The session files, the history, today's line and
        # any question follow after its first frame (HomeScreen.Shown), unless the sessions
        # were handed in already.
        return HomeScreen(self._catalog) if self._opens_home else super().get_default_screen()

    def on_mount(self) -> None:
        self._thread = threading.get_ident()
        self._catch_hang_ups()
        self.apply_settings(self.settings)
        for warning in self.warnings:
            self.notify(warning, title="Settings", severity="warning", timeout=12)
        if self._opens_home:
            return  # the home screen is already the first screen: get_default_screen
        problem = self._open_history()
        if self.first_session is not None:
            if problem:
                self.notify(problem, title="History", severity="error", timeout=15)
            self._start_first(self.first_session)
            return
        if self.review_only:
            from runstrong.tui.screens.history import HistoryScreen

            self.push_screen(
                HistoryScreen(
                    self.store,
                    weekly_target=self._weekly_target(),
                    units=self.settings.units,
                    counting=self._counting(),
                ),
                lambda _: self.exit(),
            )
            if problem:
                self.notify(problem, title="History", severity="error", timeout=15)
            return

    def on_home_screen_shown(self, message: HomeScreen.Shown) -> None:
        """The home screen's first frame is on screen: now the history and today's line."""
        problem = self._open_history()
        self._refresh_home()
        if problem:
            from runstrong.tui.screens.offers import history_problem

            self.push_screen(
                history_problem(problem, can_move=self._foreign_file), self._history_answer
            )
        else:
            self._offer_resume()

    def _open_history(self) -> str | None:
        from runstrong.history import HistoryError, HistoryStore, NotAHistory

        self._foreign_file = False
        try:
            self.store = HistoryStore(self.history_path)
            self.history_problem = None
        except HistoryError as error:
            self._foreign_file = isinstance(error, NotAHistory)
            self.history_problem = f"{error}"
        return self.history_problem

    def _history_answer(self, answer: HistoryAnswer | None) -> None:
        from runstrong.tui.screens.offers import HistoryAnswer

        if answer is not HistoryAnswer.MOVE_ASIDE:
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        moved = self.history_path.with_name(
            f"{self.history_path.stem}.{stamp}{self.history_path.suffix}"
        )
        try:
            self.history_path.rename(moved)
        except OSError as error:
            self.notify(f"Could not move {self.history_path}: {error}", severity="error")
            return
        self.notify(f"Moved the old file to {moved}; a new history starts now.", timeout=10)
        self._open_history()

    def _catch_hang_ups(self) -> None:
        """SIGTERM and a closed terminal (SIGHUP) end the app cleanly: the terminal is put
        back, every completed set is already saved, and the session stays resumable; and
        end the process within seconds even if shutting down gets stuck."""
        from runstrong.application.watchdog import end_on_hang_ups

        if threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()
        self._exit_soon = lambda code: loop.call_soon_threadsafe(self.exit, None, code)
        with contextlib.suppress(ValueError, OSError):
            self._restore_signals = end_on_hang_ups(
                self.watchdog, self._exit_soon, self._last_words
            )

    def get_driver_class(self) -> type[Driver]:
        from textual.drivers.linux_driver import LinuxDriver

        from runstrong.tui.terminal_guard import guarded

        base = super().get_driver_class()
        return guarded(base, self._terminal_lost) if base is LinuxDriver else base

    def _terminal_lost(self) -> None:
        """The terminal is gone (a write failed): end, as after a hang-up. Called from the
        output thread."""
        self.watchdog.arm(128 + signal.SIGHUP, self._last_words)
        if self._exit_soon is not None:
            with contextlib.suppress(RuntimeError):
                self._exit_soon(128 + signal.SIGHUP)

    def _last_words(self) -> None:
        """Before the watchdog ends a stuck process: sets only in memory go to a file."""
        if self.recorder is not None:
            self._keep_unsaved(self.recorder, retry=False)

    # -- a history found damaged while reading -------------------------------------------
    def on_history_damaged(self, message: HistoryDamaged) -> None:
        """A read met a damaged history: close it (nothing more is written into it) and make
        the same offer as at start-up, once."""
        from runstrong.tui.history_guard import damage_message

        if self.store is None and self.history_problem is not None:
            return
        if self.store is not None:
            with contextlib.suppress(Exception):
                self.store.close()
        self.store = None
        self._foreign_file = True
        self.history_problem = damage_message(self.history_path, message.reason)
        # After the current handler: a read inside building a screen would otherwise put the
        # question underneath the screen being pushed.
        self.call_later(self._ask_about_damage, self.history_problem)

    def _ask_about_damage(self, problem: str) -> None:
        from runstrong.tui.screens.offers import history_problem
        from runstrong.tui.screens.session import SessionScreen

        if any(isinstance(screen, SessionScreen) for screen in self.screen_stack):
            # A running session is never interrupted by a question; it says it is not saving.
            self.notify(problem, title="History", severity="error", timeout=15)
            return
        self.push_screen(history_problem(problem, can_move=True), self._history_answer)

    def _read_history(self, read: Callable[[HistoryStore], T], default: T) -> T:
        """`read(store)`, or `default` when there is no history or it turns out damaged."""
        import sqlite3

        from runstrong.tui.history_guard import HistoryDamaged

        if self.store is None:
            return default
        try:
            return read(self.store)
        except sqlite3.DatabaseError as error:
            self.on_history_damaged(HistoryDamaged(str(error)))
            return default

    # -- sessions ------------------------------------------------------------------------

    def action_history(self) -> None:
        from runstrong.tui.screens.history import HistoryScreen

        self.push_screen(
            HistoryScreen(
                self.store,
                weekly_target=self._weekly_target(),
                units=self.settings.units,
                counting=self._counting(),
            )
        )

    def _counting(self) -> Callable[[str], bool]:
        from runstrong.planning.week import counting

        return counting(self.catalog.entries, self.settings)

    def _weekly_target(self) -> int:
        from runstrong.planning.week import weekly_target

        return weekly_target(self.catalog.entries, self.settings)

    def _refresh_home(self) -> None:
        """Today's suggestion and recent sessions change after a session or a new setting."""
        from runstrong.planning.today import today_from_week
        from runstrong.planning.week import week_for

        on = date.fromtimestamp(self.wall())
        for home in self.screen_stack:
            if isinstance(home, HomeScreen):
                # Today's line and the week strip come from one placement (a few ms), not two.
                placed = self._read_history(
                    lambda store: week_for(self.catalog, self.settings, on, store=store), None
                )
                plan, week = placed or week_for(self.catalog, self.settings, on, store=None)
                today = today_from_week(plan, week, on) if plan is not None else None
                recent: list[Recent] = self._read_history(
                    lambda store: [
                        Recent(when_text(h.started_at)[:10], h.name, h.status.words)
                        for h in store.session_heads(limit=3)
                    ],
                    [],
                )
                home.show(self.catalog, today, recent, week, on, self.options.timing)

    def action_plans(self) -> None:
        from runstrong.planning.plans import load_plans
        from runstrong.planning.week import DEFAULT_PLAN
        from runstrong.tui.screens.plans import PlansScreen

        plans = load_plans(self.catalog.entries)
        names = {s.slug: s.name for s in self.catalog.sessions}

        def chosen(slug: str | None) -> None:
            if slug:
                self._save_settings(replace(self.settings, plan=slug), {"plan"})

        self.push_screen(PlansScreen(plans, self.settings.plan or DEFAULT_PLAN, names), chosen)

    def action_settings(self) -> None:
        from runstrong.planning.plans import Plan, load_plans
        from runstrong.planning.week import DEFAULT_PLAN
        from runstrong.tui.screens.settings import SettingsScreen

        plans = [
            (p.name, slug)
            for slug, p in load_plans(self.catalog.entries).items()
            if isinstance(p, Plan)
        ]
        self.push_screen(
            SettingsScreen(
                self.settings,
                sorted(self.available_themes),
                plans,
                str(paths.settings_file()),
                active_plan=self.settings.plan or DEFAULT_PLAN,
            )
        )

    def on_settings_screen_settings_chosen(self, message: SettingsScreen.SettingsChosen) -> None:
        if self._save_settings(message.settings, message.edited):
            self.pop_screen()

    def _save_settings(self, chosen: Settings, edited: Collection[str]) -> bool:
        try:
            path, now = settings_file.save_edited(chosen, edited)
        except (settings_file.SettingsNotSaved, OSError) as error:
            self.notify(f"Could not save settings: {error}", severity="error", timeout=10)
            return False
        self._options_override = None  # from now on the saved timings are the ones
        self.apply_settings(now)
        self.notify(f"Saved {path}", timeout=4)
        self.call_after_refresh(self._refresh_home)
        return True

    # -- the builder ---------------------------------------------------------------------
    def action_builder(self) -> None:
        from runstrong.tui.screens.builder import BuilderScreen

        self.push_screen(BuilderScreen(self.catalog.library))

    def on_builder_screen_draft_ready(self, message: BuilderScreen.DraftReady) -> None:
        from runstrong.tui.draft_saving import save_draft

        save_draft(self, message)

    def sessions_changed(self) -> None:
        """A session file was written: the list is read again."""
        self._catalog = None
        self.call_after_refresh(self._refresh_home)

    def _keep_unsaved(self, recorder: Recorder, *, retry: bool = True) -> None:
        """Ending (a closed terminal, a kill) with sets the history still does not have and
        no choice made on a summary: they go to a file, and the exit status says so."""
        from runstrong.application.unsaved import rescue

        # Once: the main thread at unmount or the watchdog's thread, whichever comes first.
        if not self._kept.acquire(blocking=False):
            return
        left = recorder.unsaved(retry=retry)
        if left is not None and not self.unsaved_settled:
            self.exit_notes.append(rescue(left, self.history_path, recorder.started))
            self.lost_sets += left.sets
        elif self.lost_sets:
            from runstrong.formatting import counted

            self.exit_notes.append(f"{counted(self.lost_sets, 'set')} left unsaved, as chosen.")

    def exit_status(self) -> int:
        """0 only when no set is left unsaved: sets only in memory never end with success."""
        from runstrong.exit_codes import EXIT_ERROR

        return EXIT_ERROR if self.lost_sets else (self.return_code or 0)

    def on_unmount(self) -> None:
        if self._player is not None:
            self._player.close()
        if self.recorder is not None:
            self._keep_unsaved(self.recorder)
            self.recorder.release()
        if self.store is not None:
            self.store.close()
        # Tests run many apps in one process, which must not keep their handlers; a lost
        # terminal from here on still arms the watchdog (terminal_guard).
        self._restore_signals()
