"""The Textual application: picks the first screen and wires engine, sound and history."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual.app import App

from runstrong import paths
from runstrong import settings as settings_file
from runstrong.engine import Clock, EngineOptions, SessionEngine
from runstrong.events import PhaseRecord
from runstrong.formatting import when_text
from runstrong.history import (
    HistoryError,
    HistoryStore,
    NotAHistory,
    Unfinished,
    queries,
    resume_index,
)
from runstrong.model import Session
from runstrong.planning.plans import Plan, load_plans
from runstrong.planning.progression import Suggestion, apply, suggestions
from runstrong.planning.today import today_from_week
from runstrong.planning.week import DEFAULT_PLAN, week_for, weekly_target
from runstrong.recording import Recorder
from runstrong.resume import same_session, session_to_resume
from runstrong.settings import Settings
from runstrong.summary import summarize
from runstrong.timeline import Timing
from runstrong.tui.commands import SessionCommands
from runstrong.tui.history_guard import HistoryDamaged, damage_message
from runstrong.tui.screens.home import HomeScreen, Recent
from runstrong.tui.screens.offers import (
    Choice,
    history_problem,
    progression_offer,
    resume_offer,
)

# Screens not needed for the first frame are imported when opened: start-up is measured.
from runstrong.tui.screens.session import SessionScreen
from runstrong.tui.screens.summary import SummaryScreen
from runstrong.workouts import Catalog, load_catalog

if TYPE_CHECKING:
    from runstrong.audio import Player

T = TypeVar("T")


class RunstrongApp(App[None]):
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
    ) -> None:
        super().__init__()
        self.settings = settings or Settings()
        self.warnings = warnings or []
        self.first_session = session
        self.review_only = review
        self._catalog = catalog
        self.mute = mute or not self.settings.sound
        self.voice = voice or self.settings.voice
        self.clock = clock
        self.wall = wall
        self.options = options or EngineOptions(
            Timing(get_ready=self.settings.get_ready, switch_sides=self.settings.switch_sides),
            count_in=self.settings.count_in)
        self._player = player
        self._thread = threading.get_ident()
        self.history_path = history_path or paths.history_file()
        self.store: HistoryStore | None = None
        self.history_problem: str | None = None
        self._foreign_file = False
        self.recorder: Recorder | None = None

    @property
    def catalog(self) -> Catalog:
        if self._catalog is None:
            self._catalog = load_catalog()
        return self._catalog

    @property
    def player(self) -> Player:
        if self._player is None:
            from runstrong.audio import choose_player

            self._player = choose_player(sound=True, voice=self.voice,
                                         on_problem=self.audio_problem, bell=self.bell)
        return self._player

    def audio_problem(self, message: str) -> None:
        # Sound backends may notice trouble on their own threads.
        if threading.get_ident() == self._thread:
            self.notify(message, title="Sound", severity="warning", timeout=8)
        else:
            self.call_from_thread(self.notify, message, title="Sound", severity="warning",
                                  timeout=8)

    # -- start-up ------------------------------------------------------------------------
    def on_mount(self) -> None:
        self._thread = threading.get_ident()
        self._catch_hang_ups()
        if self.settings.theme in self.available_themes:
            self.theme = self.settings.theme
        for warning in self.warnings:
            self.notify(warning, title="Settings", severity="warning", timeout=12)
        problem = self._open_history()
        if self.first_session is not None:
            if problem:
                self.notify(problem, title="History", severity="error", timeout=15)
            self._start_first(self.first_session)
            return
        if self.review_only:
            from runstrong.tui.screens.history import HistoryScreen

            self.push_screen(HistoryScreen(self.store, weekly_target=self._weekly_target()),
                             lambda _: self.exit())
            if problem:
                self.notify(problem, title="History", severity="error", timeout=15)
            return
        self.push_screen(self._home())
        if problem:
            self.push_screen(history_problem(problem, can_move=self._foreign_file),
                             self._history_answer)
        else:
            self._offer_resume()

    def _open_history(self) -> str | None:
        self._foreign_file = False
        try:
            self.store = HistoryStore(self.history_path)
            self.history_problem = None
        except HistoryError as error:
            self._foreign_file = isinstance(error, NotAHistory)
            self.history_problem = f"{error}"
        return self.history_problem

    def _history_answer(self, answer: str | None) -> None:
        if answer != "m":
            return
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        moved = self.history_path.with_name(f"{self.history_path.stem}.{stamp}"
                                            f"{self.history_path.suffix}")
        try:
            self.history_path.rename(moved)
        except OSError as error:
            self.notify(f"Could not move {self.history_path}: {error}", severity="error")
            return
        self.notify(f"Moved the old file to {moved}; a new history starts now.", timeout=10)
        self._open_history()

    def on_history_damaged(self, message: HistoryDamaged) -> None:
        """A read met a damaged history: close it (nothing more is written into it) and make
        the same offer as at start-up, once."""
        if self.store is None and self.history_problem is not None:
            return
        if self.store is not None:
            with contextlib.suppress(sqlite3.Error):
                self.store.close()
        self.store = None
        self._foreign_file = True
        self.history_problem = damage_message(self.history_path, message.reason)
        # After the current handler: a read inside building a screen would otherwise put the
        # question underneath the screen being pushed.
        self.call_later(self._ask_about_damage, self.history_problem)

    def _ask_about_damage(self, problem: str) -> None:
        if any(isinstance(screen, SessionScreen) for screen in self.screen_stack):
            # A running session is never interrupted by a question; it says it is not saving.
            self.notify(problem, title="History", severity="error", timeout=15)
            return
        self.push_screen(history_problem(problem, can_move=True), self._history_answer)

    def _read_history(self, read: Callable[[HistoryStore], T], default: T) -> T:
        """`read(store)`, or `default` when there is no history or it turns out damaged."""
        if self.store is None:
            return default
        try:
            return read(self.store)
        except sqlite3.DatabaseError as error:
            self.on_history_damaged(HistoryDamaged(str(error)))
            return default

    def _catch_hang_ups(self) -> None:
        """SIGTERM and a closed terminal (SIGHUP) end the app cleanly: the terminal is put
        back, every completed set is already saved, and the session stays resumable."""
        if threading.current_thread() is not threading.main_thread():
            return
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, self.exit, None, 128 + number)

    def _start_first(self, session: Session) -> None:
        """`runstrong start X`: straight into X, unless X was left unfinished: then ask."""
        left = [u for u in self.store.unfinished() if same_session(u, session)] \
            if self.store is not None else []
        if not left:
            self.request_session(session, exit_after=True)
            return

        def answered(answer: str | None) -> None:
            if answer == "r":
                self.resume(left[0], exit_after=True, started=session)
            elif answer == "escape":
                self.exit()
            else:
                self._close_unfinished(left)
                self.request_session(session, exit_after=True)

        self.push_screen(resume_offer(left[0], fresh=True), answered)

    def _close_unfinished(self, left: list[Unfinished]) -> None:
        if self.store is not None:
            for old in left:
                self.store.finish(old.id, completed=False, ended_ts=self.wall())

    def _offer_resume(self) -> None:
        if self.store is None:
            return
        unfinished = self._read_history(HistoryStore.unfinished, list[Unfinished]())
        if not unfinished:
            return
        latest = unfinished[0]

        def answered(answer: str | None) -> None:
            if self.store is None:
                return
            if answer == "r":
                self.resume(latest)
            elif answer == "c":
                self.store.finish(latest.id, completed=False, ended_ts=self.wall())
                self.notify(f"Closed {latest.name} as stopped.")
            if answer in ("r", "c"):
                for older in unfinished[1:]:
                    self.store.finish(older.id, completed=False, ended_ts=self.wall())

        self.push_screen(resume_offer(latest), answered)

    # -- sessions ------------------------------------------------------------------------
    def on_home_screen_start_requested(self, message: HomeScreen.StartRequested) -> None:
        self.request_session(message.session)

    def request_session(self, session: Session, *, exit_after: bool = False) -> None:
        """Start a session, first offering any progression its history has earned."""
        offers = self._read_history(
            lambda store: suggestions(session, store.last_session_of), list[Suggestion]())
        if not offers:
            self.start_session(session, exit_after=exit_after)
            return

        def answered(answer: str | None) -> None:
            chosen = apply(session, offers) if answer == "a" else session
            self.start_session(chosen, exit_after=exit_after)

        self.push_screen(progression_offer(offers), answered)

    def action_history(self) -> None:
        from runstrong.tui.screens.history import HistoryScreen

        self.push_screen(HistoryScreen(self.store, weekly_target=self._weekly_target()))

    def _weekly_target(self) -> int:
        return weekly_target(self.catalog, self.settings)

    def _home(self) -> HomeScreen:
        # Today's line and the week strip come from one placement (a few ms), not two.
        on = date.fromtimestamp(self.wall())
        placed = self._read_history(
            lambda store: week_for(self.catalog, self.settings, on, store=store), None)
        plan, week = placed or week_for(self.catalog, self.settings, on, store=None)
        today = today_from_week(plan, week, on) if plan is not None else None
        recent = self._read_history(
            lambda store: [Recent(when_text(h.started_at)[:10], h.name, h.status)
                           for h in store.session_heads(limit=3)], list[Recent]())
        return HomeScreen(self.catalog, today, recent, week, on)

    def _refresh_home(self) -> None:
        """Today's suggestion and recent sessions change after a session or a new setting."""
        for home in self.screen_stack:
            if isinstance(home, HomeScreen):
                fresh = self._home()
                home.show(fresh.catalog, fresh.today, fresh.recent, fresh.week, fresh.on)

    def action_plans(self) -> None:
        from runstrong.tui.screens.plans import PlansScreen

        plans = load_plans(self.catalog.entries)
        names = {s.slug: s.name for s in self.catalog.sessions}

        def chosen(slug: str | None) -> None:
            if slug:
                self._save_settings(replace(self.settings, plan=slug))

        self.push_screen(PlansScreen(plans, self.settings.plan or DEFAULT_PLAN, names), chosen)

    def action_settings(self) -> None:
        from runstrong.tui.screens.settings import SettingsScreen

        plans = [(p.name, slug) for slug, p in load_plans(self.catalog.entries).items()
                 if isinstance(p, Plan)]

        def saved(chosen: Settings | None) -> None:
            if chosen is not None:
                self._save_settings(chosen)

        self.push_screen(SettingsScreen(self.settings, sorted(self.available_themes), plans,
                                        str(paths.settings_file())), saved)

    def _save_settings(self, chosen: Settings) -> None:
        try:
            path = settings_file.save(chosen)
        except settings_file.SettingsNotSaved as error:
            self.notify(f"Could not save settings: {error}", severity="error")
            return
        self.settings = chosen
        self.mute = not chosen.sound
        self.voice = chosen.voice
        self.options = EngineOptions(Timing(get_ready=chosen.get_ready,
                                            switch_sides=chosen.switch_sides),
                                     count_in=chosen.count_in)
        if chosen.theme in self.available_themes:
            self.theme = chosen.theme
        self.notify(f"Saved {path}", timeout=4)
        self.call_after_refresh(self._refresh_home)

    def action_builder(self) -> None:
        from runstrong.tui.screens.builder import BuilderScreen

        def built(session: Session | None) -> None:
            self._catalog = None  # the new file joins the list
            self.call_after_refresh(self._refresh_home)
            if session is not None:
                self.request_session(session)

        self.push_screen(BuilderScreen(self.catalog.library), built)

    def resume(self, unfinished: Unfinished, *, exit_after: bool = False,
               started: Session | None = None) -> None:
        found = session_to_resume(unfinished, self.catalog, started)
        session, store = found.session, self.store
        if session is None or store is None:
            self.notify(found.problem or "No history to resume from.", severity="error")
            if exit_after:
                self.exit()
            return
        if found.changed:
            body = (f"{session.path} has changed since {unfinished.name} was started, so its "
                    "saved sets may not line up with the file now. Start it again from the "
                    "beginning? (The saved sets stay in your history.)")

            def answered(answer: str | None) -> None:
                if answer == "f":
                    self._close_unfinished([unfinished])
                    self.request_session(session, exit_after=exit_after)
                elif exit_after:
                    self.exit()

            self.push_screen(Choice("The file has changed", body,
                                    [("f", "Start fresh"), ("n", "Not now")]), answered)
            return
        timeline = SessionEngine(session, options=self.options).timeline
        start = resume_index(timeline, store.done_phases(unfinished.id))
        self.start_session(session, resume_id=unfinished.id, start_index=start,
                           done=store.records_of(unfinished.id), exit_after=exit_after)

    def start_session(self, session: Session, *, exit_after: bool = False,
                      resume_id: int | None = None, start_index: int = 0,
                      done: list[PhaseRecord] | None = None) -> None:
        engine = SessionEngine(session, clock=self.clock, wall=self.wall, options=self.options,
                               start_index=start_index, done=done or ())
        recorder = Recorder(self.store, self.wall,
                            None if self.store else "History not saved: "
                            + (self.history_problem or "no history file"))
        recorder.begin(session, resume_id=resume_id)
        self.recorder = recorder
        screen = SessionScreen(engine, self.player, recorder, muted=self.mute)

        def finished(completed: bool | None) -> None:
            view = engine.view()
            summary = summarize(session, engine.records, view.session_elapsed)
            last = view.rating_for
            rate = (lambda rpe: recorder.rate(last, rpe)) if last is not None else None
            screen = SummaryScreen(summary, completed=bool(completed),
                                   notes=self._balance_notes(session), rate_last=rate)
            self.push_screen(screen, lambda _: self._after_summary(exit_after))

        self.push_screen(screen, finished)

    def _after_summary(self, exit_after: bool) -> None:
        if exit_after:
            self.exit()
        else:
            self.call_after_refresh(self._refresh_home)

    def _balance_notes(self, session: Session) -> list[str]:
        keys = {exercise.key for exercise in session.exercises if exercise.sides}
        balances = self._read_history(lambda store: queries.balances(store.db),
                                      list[queries.Balance]())
        return [f"{b.name}: your {b.weaker} side is {b.lag_percent}% behind the other over "
                f"the last {b.sessions} sessions. Start sets on that side."
                for b in balances if b.exercise in keys and b.weaker]

    def on_unmount(self) -> None:
        if self._player is not None:
            self._player.close()
        if self.recorder is not None:
            self.recorder.flush()
        if self.store is not None:
            self.store.close()
