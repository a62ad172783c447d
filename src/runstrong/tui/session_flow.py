"""A session from the person's choice to its summary, in screens: the resume question, any
progression offer, the running session and its summary. The app holds one SessionFlow and
hands it what it needs (`FlowHost`); what to decide lives in `runstrong.application`."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from textual.notifications import SeverityLevel

from runstrong.tui.notices import ERROR
from runstrong.workout.model import Session

if TYPE_CHECKING:
    from runstrong.application.before_session import BeforeSession
    from runstrong.application.resume import ResumeAnswer, ResumeOffer
    from runstrong.application.runner import SessionRunner
    from runstrong.audio import Player
    from runstrong.history import HistoryError, HistoryStore, Unfinished
    from runstrong.session.engine import Clock
    from runstrong.session.events import PhaseRecord
    from runstrong.settings import EffectiveSettings
    from runstrong.tui.screens.offers import ProgressionAnswer
    from runstrong.workout.catalog import Catalog

T = TypeVar("T")


class FlowHost(Protocol):
    """What the flow needs of the app it works for."""

    store: HistoryStore | None
    history_problem: str | None
    history_path: Path
    clock: Clock
    wall: Clock

    @property
    def catalog(self) -> Catalog: ...

    @property
    def player(self) -> Player: ...

    @property
    def effective(self) -> EffectiveSettings: ...

    def history_failed(self, error: HistoryError) -> None: ...

    def refresh_home(self) -> None: ...

    def push_screen(self, screen: Any, callback: Any = None) -> Any: ...

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
    ) -> None: ...

    def exit(self) -> None: ...


class SessionFlow:
    def __init__(self, host: FlowHost) -> None:
        self.host = host
        self.runner: SessionRunner | None = None
        """The session running (or last run), for the app to flush at the end."""
        self.before: BeforeSession | None = None
        """What the history said before the session running now (last time, bests)."""
        self.lost_sets = 0
        """Sets left unsaved by the person's choice on a summary: the exit status says so."""
        self.unsaved_settled = True
        """The last session's unsaved sets were dealt with on its summary."""

    def _read(self, read: Callable[[HistoryStore], T], default: T) -> T:
        """`read(store)`, or `default` when there is no history or it turns out damaged."""
        from runstrong.history import HistoryError

        store = self.host.store
        if store is None:
            return default
        try:
            return read(store)
        except HistoryError as error:
            self.host.history_failed(error)
            return default

    def _write(self, write: Callable[[HistoryStore], None]) -> None:
        from runstrong.history import HistoryError

        store = self.host.store
        if store is None:
            return
        try:
            write(store)
        except HistoryError as error:
            self.host.notify(f"{error}", title="History", severity="error", timeout=ERROR)

    # -- unfinished sessions ---------------------------------------------------------------
    def start_first(self, session: Session) -> None:
        """`runstrong start X`: straight into X, unless X was left unfinished: then ask."""
        from runstrong.application.resume import ResumeAnswer, offer_for, settle
        from runstrong.tui.screens.offers import resume_offer

        offer: ResumeOffer | None = self._read(lambda store: offer_for(store, session), None)
        if offer is None:
            self.request(session, exit_after=True)
            return

        def answered(answer: ResumeAnswer | None) -> None:
            if answer not in (ResumeAnswer.RESUME, ResumeAnswer.FRESH):
                self.host.exit()
                return
            self._write(lambda store: settle(store, offer, answer, self.host.wall()))
            if answer is ResumeAnswer.RESUME:
                self.resume(offer.latest, exit_after=True, started=session)
            else:
                self.request(session, exit_after=True)

        self.host.push_screen(resume_offer(offer.latest, fresh=True), answered)

    def offer_resume(self) -> None:
        """Opening runstrong: offer the latest unfinished session, if there is one."""
        from runstrong.application.resume import ResumeAnswer, offer_at_start, settle
        from runstrong.tui.screens.offers import resume_offer

        offer: ResumeOffer | None = self._read(offer_at_start, None)
        if offer is None:
            return

        def answered(answer: ResumeAnswer | None) -> None:
            self._write(lambda store: settle(store, offer, answer, self.host.wall()))
            if answer is ResumeAnswer.RESUME:
                self.resume(offer.latest)
            elif answer is ResumeAnswer.CLOSE:
                self.host.notify(f"Closed {offer.latest.name} as stopped.")

        self.host.push_screen(resume_offer(offer.latest), answered)

    def resume(
        self, unfinished: Unfinished, *, exit_after: bool = False, started: Session | None = None
    ) -> None:
        from runstrong.application.resume import close_unfinished, resumed_time, session_to_resume
        from runstrong.tui.screens.dialogs import Answer, Choice

        found = session_to_resume(unfinished, self.host.catalog, started)
        session = found.session
        if session is None or self.host.store is None:
            self.host.notify(found.problem or "No history to resume from.", severity="error")
            if exit_after:
                self.host.exit()
            return
        if found.changed:
            body = (
                f"{session.path} has changed since {unfinished.name} was started, so its "
                "saved sets may not line up with the file now. Start it again from the "
                "beginning? (The saved sets stay in your history.)"
            )

            def answered(start_fresh: bool | None) -> None:
                if start_fresh:
                    wall = self.host.wall()
                    self._write(lambda store: close_unfinished(store, [unfinished], wall))
                    self.request(session, exit_after=exit_after)
                elif exit_after:
                    self.host.exit()

            self.host.push_screen(
                Choice(
                    "The file has changed",
                    body,
                    [Answer("f", "Start fresh", True), Answer("n", "Not now", False)],
                    otherwise=False,
                ),
                answered,
            )
            return
        done: list[PhaseRecord] | None = self._read(
            lambda store: store.records_of(unfinished.id), None
        )
        # Last time and the bests, for the screen and the summary; the session stays as it was.
        self.before = replace(self._before(session, easier=False), session=session)
        if done is None:  # the history turned out damaged: the app has said so
            if exit_after:
                self.host.exit()
            return
        self.start(
            session,
            exit_after=exit_after,
            resume_id=unfinished.id,
            done=done,
            elapsed_before=resumed_time(unfinished, done),
        )

    # -- a session -------------------------------------------------------------------------
    def _before(self, session: Session, *, easier: bool | None = None) -> BeforeSession:
        from datetime import date

        from runstrong.application.before_session import before_session
        from runstrong.planning.week import Record, easier_week_on

        today = date.fromtimestamp(self.host.wall())
        saved = self.host.effective.saved
        if easier is None:
            easier = self._read(
                lambda store: easier_week_on(
                    self.host.catalog, saved, today, Record.of(store.trained_sessions())
                ),
                False,
            )
        found: BeforeSession | None = self._read(
            lambda store: before_session(session, store, today, easier_week=easier), None
        )
        return found or before_session(session, None, today, easier_week=easier)

    def request(self, session: Session, *, exit_after: bool = False) -> None:
        """Start a session, first offering any progression its history has earned."""
        from runstrong.planning.progression import apply
        from runstrong.tui.screens.offers import ProgressionAnswer, progression_offer

        before = self._before(session)
        self.before = before
        if not before.offers:
            self.start(before.session, exit_after=exit_after)
            return

        def answered(answer: ProgressionAnswer | None) -> None:
            accepted = answer is ProgressionAnswer.ACCEPT
            chosen = apply(before.session, before.offers) if accepted else before.session
            self.start(chosen, exit_after=exit_after)

        units = self.host.effective.saved.units
        self.host.push_screen(progression_offer(before.offers, units), answered)

    def start(
        self,
        session: Session,
        *,
        exit_after: bool = False,
        resume_id: int | None = None,
        done: list[PhaseRecord] | None = None,
        elapsed_before: float = 0.0,
    ) -> None:
        from runstrong.application.runner import SessionRunner
        from runstrong.tui.screens.session import SessionScreen

        host = self.host
        runner = SessionRunner.begin(
            session,
            store=host.store,
            player=host.player,
            timing=host.effective.timing,
            clock=host.clock,
            wall=host.wall,
            muted=not host.effective.sound,
            resume_id=resume_id,
            done=done or (),
            unavailable=host.history_problem,
            elapsed_before=elapsed_before,
        )
        self.runner = runner
        self.unsaved_settled = False
        before = self.before
        screen = SessionScreen(
            runner,
            last=before.last if before is not None else None,
            units=host.effective.saved.units,
            companion_lan=host.effective.companion_lan,
            companion_at_start=host.effective.companion,
        )
        host.push_screen(
            screen, lambda completed: self._summary(runner, completed, exit_after, before)
        )

    def _summary(
        self,
        runner: SessionRunner,
        completed: bool | None,
        exit_after: bool,
        before: BeforeSession | None,
    ) -> None:
        from runstrong.application.last_words import compared
        from runstrong.application.summary import balance_notes
        from runstrong.application.unsaved import default_path
        from runstrong.tui.screens.summary import SummaryScreen

        session = runner.session
        last = runner.view.rating_for
        units = self.host.effective.saved.units
        last_times, bests = compared(session, runner.records, before, units)
        notes = balance_notes(session, self._read(lambda store: store.balances(), []))
        screen = SummaryScreen(
            runner.summary(units),
            completed=bool(completed),
            notes=bests + notes,
            rating_for=None if last is None else (last, session.exercises[last].name),
            last_times=last_times,
            unsaved=runner.recorder.unsaved(),
            retry=runner.recorder.unsaved,
            save_to=default_path(self.host.history_path, runner.recorder.started),
        )
        self.host.push_screen(screen, lambda lost: self._after_summary(exit_after, lost or 0))

    def rate(self, exercise_index: int, rpe: int) -> None:
        """Effort given on the summary, for the session just run."""
        if self.runner is not None:
            self.runner.rate_exercise(exercise_index, rpe)

    def _after_summary(self, exit_after: bool, lost: int = 0) -> None:
        self.unsaved_settled = True
        self.lost_sets += lost
        if exit_after:
            self.host.exit()
        else:
            self.host.refresh_home()
