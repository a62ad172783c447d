"""Running sessions: starting one (after any progression offer), resuming an interrupted
one, and what follows its end. The app's half that turns a chosen session into a running
engine, a recorder and the session screen; `RunstrongApp` supplies the state it works on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual.app import App

from runstrong.tui.screens.home import HomeScreen
from runstrong.workout.model import Session

if TYPE_CHECKING:
    from runstrong.application.before_session import BeforeSession
    from runstrong.application.recording import Recorder
    from runstrong.audio import Player
    from runstrong.history import HistoryStore, Unfinished
    from runstrong.history.balance import Balance
    from runstrong.session.engine import Clock, EngineOptions
    from runstrong.session.events import PhaseRecord
    from runstrong.settings import Settings
    from runstrong.tui.screens.offers import ProgressionAnswer, ResumeAnswer
    from runstrong.tui.screens.summary import SummaryScreen
    from runstrong.workout.catalog import Catalog

T = TypeVar("T")


class SessionFlow(App[None]):
    """Sessions from request to summary. The state below is the app's (see RunstrongApp)."""

    store: HistoryStore | None
    recorder: Recorder | None
    history_problem: str | None
    clock: Clock
    wall: Clock
    mute: bool
    history_path: Path
    # Sets left unsaved by the person's choice on a summary: the app's exit status says so.
    lost_sets: int = 0
    # The last session's unsaved sets were dealt with on its summary (saved, written, left).
    unsaved_settled: bool = True
    settings: Settings
    before: BeforeSession | None = None
    """What the history said before the session running now (last time, bests)."""
    companion_at_start: bool

    @property
    def companion_lan(self) -> bool:
        raise NotImplementedError

    @property
    def catalog(self) -> Catalog:
        raise NotImplementedError

    @property
    def player(self) -> Player:
        raise NotImplementedError

    @property
    def options(self) -> EngineOptions:
        raise NotImplementedError

    def _read_history(self, read: Callable[[HistoryStore], T], default: T) -> T:
        raise NotImplementedError

    def _refresh_home(self) -> None:
        raise NotImplementedError

    def _start_first(self, session: Session) -> None:
        """`runstrong start X`: straight into X, unless X was left unfinished: then ask."""
        from runstrong.application.instance_lock import resumable
        from runstrong.application.resume import same_session
        from runstrong.tui.screens.offers import ResumeAnswer, resume_offer

        left = (
            [
                u
                for u in resumable(self.history_path, self.store.unfinished())
                if same_session(u, session)
            ]
            if self.store is not None
            else []
        )
        if not left:
            self.request_session(session, exit_after=True)
            return

        def answered(answer: ResumeAnswer | None) -> None:
            if answer is ResumeAnswer.RESUME:
                self.resume(left[0], exit_after=True, started=session)
            elif answer is not ResumeAnswer.FRESH:
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
        from runstrong.application.instance_lock import resumable

        unfinished: list[Unfinished] = self._read_history(
            lambda store: resumable(store.path, store.unfinished()), []
        )
        if not unfinished:
            return
        from runstrong.tui.screens.offers import ResumeAnswer, resume_offer

        latest = unfinished[0]

        def answered(answer: ResumeAnswer | None) -> None:
            if self.store is None:
                return
            if answer is ResumeAnswer.RESUME:
                self.resume(latest)
            elif answer is ResumeAnswer.CLOSE:
                self.store.finish(latest.id, completed=False, ended_ts=self.wall())
                self.notify(f"Closed {latest.name} as stopped.")
            if answer in (ResumeAnswer.RESUME, ResumeAnswer.CLOSE):
                for older in unfinished[1:]:
                    self.store.finish(older.id, completed=False, ended_ts=self.wall())

        self.push_screen(resume_offer(latest), answered)

    def on_home_screen_start_requested(self, message: HomeScreen.StartRequested) -> None:
        self.request_session(message.session)

    def _before(self, session: Session, *, easier: bool | None = None) -> BeforeSession:
        from datetime import date

        from runstrong.application.before_session import before_session
        from runstrong.planning.week import easier_week_on

        today = date.fromtimestamp(self.wall())
        if easier is None:
            easier = self._read_history(
                lambda store: easier_week_on(self.catalog, self.settings, today, store), False
            )
        found: BeforeSession | None = self._read_history(
            lambda store: before_session(session, store, today, easier_week=easier), None
        )
        return found or before_session(session, None, today, easier_week=easier)

    def request_session(self, session: Session, *, exit_after: bool = False) -> None:
        """Start a session, first offering any progression its history has earned."""
        from runstrong.planning.progression import apply
        from runstrong.tui.screens.offers import ProgressionAnswer, progression_offer

        before = self._before(session)
        self.before = before
        if not before.offers:
            self.start_session(before.session, exit_after=exit_after)
            return

        def answered(answer: ProgressionAnswer | None) -> None:
            accepted = answer is ProgressionAnswer.ACCEPT
            chosen = apply(before.session, before.offers) if accepted else before.session
            self.start_session(chosen, exit_after=exit_after)

        self.push_screen(progression_offer(before.offers, self.settings.units), answered)

    def resume(
        self, unfinished: Unfinished, *, exit_after: bool = False, started: Session | None = None
    ) -> None:
        from runstrong.application.resume import session_to_resume, time_taken
        from runstrong.history import resume_index
        from runstrong.session.engine import SessionEngine
        from runstrong.tui.screens.dialogs import Answer, Choice

        found = session_to_resume(unfinished, self.catalog, started)
        session, store = found.session, self.store
        if session is None or store is None:
            self.notify(found.problem or "No history to resume from.", severity="error")
            if exit_after:
                self.exit()
            return
        if found.changed:
            body = (
                f"{session.path} has changed since {unfinished.name} was started, so its "
                "saved sets may not line up with the file now. Start it again from the "
                "beginning? (The saved sets stay in your history.)"
            )

            def answered(start_fresh: bool | None) -> None:
                if start_fresh:
                    self._close_unfinished([unfinished])
                    self.request_session(session, exit_after=exit_after)
                elif exit_after:
                    self.exit()

            self.push_screen(
                Choice(
                    "The file has changed",
                    body,
                    [Answer("f", "Start fresh", True), Answer("n", "Not now", False)],
                    otherwise=False,
                ),
                answered,
            )
            return
        # Last time and the bests, for the screen and the summary; the session stays as it was.
        self.before = replace(self._before(session, easier=False), session=session)
        timeline = SessionEngine(session, options=self.options).timeline
        start = resume_index(timeline, store.done_phases(unfinished.id))
        done = store.records_of(unfinished.id)
        self.start_session(
            session,
            resume_id=unfinished.id,
            start_index=start,
            done=done,
            exit_after=exit_after,
            elapsed_before=time_taken(unfinished.started_ts, done),
        )

    def start_session(
        self,
        session: Session,
        *,
        exit_after: bool = False,
        resume_id: int | None = None,
        start_index: int = 0,
        done: list[PhaseRecord] | None = None,
        elapsed_before: float = 0.0,
    ) -> None:
        from runstrong.application.last_words import compared
        from runstrong.application.recording import Recorder
        from runstrong.application.summary import summarize
        from runstrong.session.engine import SessionEngine
        from runstrong.tui.screens.session import SessionScreen
        from runstrong.tui.screens.summary import SummaryScreen

        engine = SessionEngine(
            session,
            clock=self.clock,
            wall=self.wall,
            options=self.options,
            start_index=start_index,
            done=done or (),
            elapsed_before=elapsed_before,
        )
        recorder = Recorder(
            self.store,
            self.wall,
            None
            if self.store
            else "History not saved: " + (self.history_problem or "no history file"),
        )
        recorder.begin(session, resume_id=resume_id)
        self.recorder = recorder
        self.unsaved_settled = False
        before = self.before
        screen = SessionScreen(
            engine,
            self.player,
            recorder,
            muted=self.mute,
            last=before.last if before is not None else None,
            units=self.settings.units,
            companion_lan=self.companion_lan,
            companion_at_start=self.companion_at_start,
        )

        def finished(completed: bool | None) -> None:
            from runstrong.application.unsaved import default_path

            view = engine.view()
            summary = summarize(session, engine.records, view.session_elapsed)
            last = view.rating_for
            rating_for = None if last is None else (last, session.exercises[last].name)
            last_times, bests = compared(session, engine.records, before, self.settings.units)
            screen = SummaryScreen(
                summary,
                completed=bool(completed),
                notes=bests + self._balance_notes(session),
                rating_for=rating_for,
                unsaved=recorder.unsaved(),
                retry=recorder.unsaved,
                save_to=default_path(self.history_path, recorder.started),
                last_times=last_times,
            )
            self.push_screen(screen, lambda lost: self._after_summary(exit_after, lost or 0))

        self.push_screen(screen, finished)

    def on_summary_screen_rated(self, message: SummaryScreen.Rated) -> None:
        if self.recorder is not None:
            self.recorder.rate(message.exercise_index, message.rpe)

    def _after_summary(self, exit_after: bool, lost: int = 0) -> None:
        self.unsaved_settled = True
        self.lost_sets += lost
        if exit_after:
            self.exit()
        else:
            self.call_after_refresh(self._refresh_home)

    def _balance_notes(self, session: Session) -> list[str]:
        keys = {exercise.key for exercise in session.exercises if exercise.sides}
        balances: list[Balance] = self._read_history(lambda store: store.balances(), [])
        return [
            f"{b.name}: your {b.weaker} side is {b.lag_percent}% behind the other over "
            f"the last {b.sessions} sessions. Start sets on that side."
            for b in balances
            if b.exercise in keys and b.weaker
        ]
