"""The Textual application: the first screen, the one history store, the settings in effect
and the sound; sessions run through its `SessionFlow`."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Collection
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual.app import App
from textual.driver import Driver
from textual.screen import Screen

from runstrong import paths
from runstrong import settings as settings_file
from runstrong.settings import EffectiveSettings, Settings
from runstrong.tui.commands import SessionCommands
from runstrong.tui.ending import AppEnding
from runstrong.tui.notices import DONE, ERROR, WARNING
from runstrong.tui.screens.home import HomeScreen
from runstrong.tui.session_flow import SessionFlow
from runstrong.workout.catalog import Catalog, load_catalog
from runstrong.workout.model import Session

# Only what the home screen's first frame needs is imported here: start-up is measured
# (bench/run.py --only startup). The engine, the history and every other screen are imported
# where they are first used.
if TYPE_CHECKING:
    from runstrong.audio import Player
    from runstrong.history import HistoryError, HistoryStore
    from runstrong.session.engine import Clock
    from runstrong.tui.history_guard import HistoryDamaged
    from runstrong.tui.screens.builder import BuilderScreen
    from runstrong.tui.screens.history import HistoryScreen
    from runstrong.tui.screens.offers import HistoryAnswer
    from runstrong.tui.screens.settings import SettingsScreen
    from runstrong.tui.screens.summary import SummaryScreen


class RunstrongApp(App[None]):
    """Screens, the one history store, the settings in effect and the sound; a session's way
    from choice to summary is the `flow`'s."""

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
        history_path: Path | None = None,
        review: bool = False,
        settings: Settings | None = None,
        warnings: list[str] | None = None,
        companion: bool = False,
        lan: bool = False,
    ) -> None:
        # Before Textual's own set-up, which asks for the driver class.
        self.ending = AppEnding(self)
        super().__init__()
        # --mute, --voice, --companion and --lan hold for this run, whatever the settings say:
        # applied here, once.
        self.effective = EffectiveSettings(
            settings or Settings(), mute=mute, voice=voice, companion=companion, lan=lan
        )
        self.warnings = warnings or []
        self.first_session = session
        self.review_only = review
        self._catalog = catalog
        self.clock = clock
        self.wall = wall
        self._player = player
        self._owns_player = player is None
        self._thread = threading.get_ident()
        self.history_path = history_path or paths.history_file()
        self.store: HistoryStore | None = None
        self.history_problem: str | None = None
        self._foreign_file = False
        self.flow = SessionFlow(self)

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog()
        return self._catalog

    @property
    def player(self) -> Player:
        if self._player is None:
            from runstrong.audio import choose_player

            self._player = choose_player(
                sound=True,
                voice=self.effective.speaks,
                on_problem=self.audio_problem,
                bell=self.bell,
            )
        return self._player

    def audio_problem(self, message: str) -> None:
        # Sound backends may notice trouble on their own threads.
        if threading.get_ident() == self._thread:
            self.notify(message, title="Sound", severity="warning", timeout=WARNING)
        else:
            self.call_from_thread(
                self.notify, message, title="Sound", severity="warning", timeout=WARNING
            )

    # -- settings ------------------------------------------------------------------------
    def apply_settings(self, chosen: Settings) -> None:
        """The one place settings take effect, at start and after every save: timings and
        rests (through `effective.timing`, read as each session starts), sound, voice and
        theme."""
        speaks = self.effective.speaks
        self.effective = self.effective.with_saved(chosen)
        if self.effective.speaks != speaks and self._owns_player and self._player is not None:
            # The player is chosen with or without a speaker: the next session gets a new one.
            self._player.close()
            self._player = None
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
        self.ending.catch_hang_ups()
        self.apply_settings(self.effective.saved)
        for warning in self.warnings:
            self.notify(warning, title="Settings", severity="warning", timeout=WARNING)
        if self._opens_home:
            return  # the home screen is already the first screen: get_default_screen
        problem = self._open_history()
        if self.first_session is not None:
            if problem:
                self.notify(problem, title="History", severity="error", timeout=ERROR)
            self.flow.start_first(self.first_session)
            return
        self.push_screen(self._history_screen(), lambda _: self.exit())
        if problem:
            self.notify(problem, title="History", severity="error", timeout=ERROR)

    def on_home_screen_shown(self, message: HomeScreen.Shown) -> None:
        """The home screen's first frame is on screen: now the history and today's line."""
        problem = self._open_history()
        self.refresh_home()
        if problem:
            self._ask_about_history(problem, can_move=self._foreign_file)
        elif self.store is not None:
            self.flow.offer_resume()

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

    def get_driver_class(self) -> type[Driver]:
        return self.ending.driver_class(super().get_driver_class())

    # -- a history that cannot be used ---------------------------------------------------
    def history_failed(self, error: HistoryError) -> None:
        """A read met a damaged history: close it (nothing more is written into it) and make
        the same offer as at start-up, once."""
        if self.store is None and self.history_problem is not None:
            return
        if self.store is not None:
            with contextlib.suppress(Exception):
                self.store.close()
        self.store = None
        self._foreign_file = True
        self.history_problem = (
            f"{error}. It has not been changed, and nothing more will be saved into it."
        )
        # After the current handler: a read inside building a screen would otherwise put the
        # question underneath the screen being pushed.
        self.call_later(self._ask_about_damage, self.history_problem)

    def on_history_damaged(self, message: HistoryDamaged) -> None:
        self.history_failed(message.error)

    def _ask_about_damage(self, problem: str) -> None:
        from runstrong.tui.screens.session import SessionScreen

        if any(isinstance(screen, SessionScreen) for screen in self.screen_stack):
            # A running session is never interrupted by a question; it says it is not saving.
            self.notify(problem, title="History", severity="error", timeout=ERROR)
            return
        self._ask_about_history(problem, can_move=True)

    def _ask_about_history(self, problem: str, *, can_move: bool) -> None:
        from runstrong.tui.screens.offers import history_problem

        self.push_screen(history_problem(problem, can_move=can_move), self._history_answer)

    def _history_answer(self, answer: HistoryAnswer | None) -> None:
        from runstrong.history.aside import move_aside
        from runstrong.tui.screens.offers import HistoryAnswer

        if answer is not HistoryAnswer.MOVE_ASIDE:
            return
        if self.store is not None:
            with contextlib.suppress(Exception):
                self.store.close()
            self.store = None
        try:
            moved = move_aside(self.history_path, datetime.now())
        except OSError as error:
            self.notify(f"Could not move {self.history_path}: {error}", severity="error")
            return
        self.notify(f"Moved the old file to {moved}; a new history starts now.", timeout=DONE)
        self._open_history()
        self.refresh_home()

    # -- screens -------------------------------------------------------------------------
    def action_history(self) -> None:
        self.push_screen(self._history_screen())

    def _history_screen(self) -> HistoryScreen:
        from runstrong.planning.week import week_rule
        from runstrong.tui.screens.history import HistoryScreen

        rule = week_rule(self.catalog.entries, self.effective.saved)
        return HistoryScreen(
            self.store,
            weekly_target=rule.target,
            units=self.effective.saved.units,
            counting=rule.counts,
        )

    def refresh_home(self) -> None:
        """Today's suggestion and recent sessions change after a session or a new setting."""
        from runstrong.application.home import home_data

        homes = [screen for screen in self.screen_stack if isinstance(screen, HomeScreen)]
        if not homes:
            return
        data = home_data(
            self.catalog, self.effective.saved, date.fromtimestamp(self.wall()), self.store
        )
        if data.damage is not None:
            self.history_failed(data.damage)
        for home in homes:
            home.show(self.catalog, data, self.effective.timing)

    def on_home_screen_start_requested(self, message: HomeScreen.StartRequested) -> None:
        from runstrong.planning.plans import load_plans
        from runstrong.planning.start import as_started
        from runstrong.planning.week import active_plan

        saved = self.effective.saved
        plan = active_plan(load_plans(self.catalog.entries), saved.plan)
        today = date.fromtimestamp(self.wall())
        # The plan's gentle start: one set each, body weight only, in its first weeks.
        session, note = as_started(
            message.session, plan, saved.plan_started, today, self.catalog.library
        )
        if note:
            self.notify(note, timeout=6)
        self.flow.request(session)

    def on_summary_screen_rated(self, message: SummaryScreen.Rated) -> None:
        self.flow.rate(message.exercise_index, message.rpe)

    def action_plans(self) -> None:
        from runstrong.planning.plans import load_plans
        from runstrong.planning.week import DEFAULT_PLAN
        from runstrong.tui.screens.plans import PlansScreen

        plans = load_plans(self.catalog.entries)
        names = {s.slug: s.name for s in self.catalog.sessions}
        saved = self.effective.saved

        def chosen(slug: str | None) -> None:
            if slug:
                # Week 1 of the plan starts today, as with `runstrong plan use`.
                started = date.fromtimestamp(self.wall())
                self._save_settings(
                    replace(self.effective.saved, plan=slug, plan_started=started),
                    {"plan", "plan_started"},
                )

        self.push_screen(PlansScreen(plans, saved.plan or DEFAULT_PLAN, names), chosen)

    def action_settings(self) -> None:
        from runstrong.planning.plans import Plan, load_plans
        from runstrong.planning.week import DEFAULT_PLAN
        from runstrong.tui.screens.settings import SettingsScreen

        plans = [
            (p.name, slug)
            for slug, p in load_plans(self.catalog.entries).items()
            if isinstance(p, Plan)
        ]
        saved = self.effective.saved
        self.push_screen(
            SettingsScreen(
                saved,
                sorted(self.available_themes),
                plans,
                str(paths.settings_file()),
                active_plan=saved.plan or DEFAULT_PLAN,
            )
        )

    def on_settings_screen_settings_chosen(self, message: SettingsScreen.SettingsChosen) -> None:
        chosen = message.settings
        if chosen.plan != self.effective.saved.plan:
            # A newly chosen plan starts its week 1 today, as with `runstrong plan use`.
            chosen = replace(chosen, plan_started=date.fromtimestamp(self.wall()))
        edited = set(message.edited)
        if "plan" in edited:
            edited.add("plan_started")
        if self._save_settings(chosen, edited):
            self.pop_screen()

    def _save_settings(self, chosen: Settings, edited: Collection[str]) -> bool:
        """Only the `edited` keys are written, against the file as it is now: a `plan use`
        made meanwhile in another terminal stays, and takes effect here too."""
        try:
            path, now = settings_file.save_edited(chosen, edited)
        except (settings_file.SettingsNotSaved, OSError) as error:
            self.notify(f"Could not save settings: {error}", severity="error", timeout=WARNING)
            return False
        self.apply_settings(now)
        self.notify(f"Saved {path}", timeout=DONE)
        self.call_after_refresh(self.refresh_home)
        return True

    # -- the builder ---------------------------------------------------------------------
    def action_builder(self) -> None:
        from runstrong.tui.screens.builder import BuilderScreen

        def closed(session: Session | None) -> None:
            if session is not None:
                self.flow.request(session)

        self.push_screen(BuilderScreen(self.catalog), closed)

    def on_builder_screen_saved(self, message: BuilderScreen.Saved) -> None:
        """A session file was written: the list is read again."""
        self._catalog = None
        self.call_after_refresh(self.refresh_home)

    def on_unmount(self) -> None:
        if self._player is not None:
            self._player.close()
        if self.flow.runner is not None:
            self.ending.keep_unsaved()
            self.flow.runner.recorder.release()
        if self.store is not None:
            self.store.close()
        self.ending.release()
