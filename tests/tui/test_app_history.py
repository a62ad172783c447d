"""The app and the history together: resume offers, foreign files, progression, effort."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from runstrong import paths
from runstrong.history import HistoryStore, queries
from runstrong.session.timeline import Timing
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.dialogs import Choice
from runstrong.tui.screens.history import HistoryScreen
from runstrong.tui.screens.home import HomeScreen
from runstrong.tui.screens.session import SessionScreen
from runstrong.tui.screens.summary import SummaryScreen
from runstrong.workout.catalog import Catalog
from runstrong.workout.model import Exercise, Phase, PhaseKind, Progression, Session, Side

from ..conftest import make_app as shared_app
from ..drive import drive
from ..fakes import FakeClock
from ..helpers import home_filled

PLANK = Exercise(
    name="Plank",
    sets=2,
    rest=5,
    phases=(Phase(PhaseKind.HOLD, 4),),
    progression=Progression(4, 10, 2),
)
SIDE = Exercise(
    name="Side plank",
    sets=1,
    rest=5,
    phases=(Phase(PhaseKind.HOLD, 3),),
    sides=(Side.LEFT, Side.RIGHT),
)
SESSION = Session(slug="mini", name="Mini", exercises=(PLANK, SIDE), rest_between_exercises=5)


def make_app(**kwargs: Any) -> tuple[RunstrongApp, FakeClock]:
    catalog = kwargs.pop("catalog", Catalog({"mini": SESSION}, {}, ()))
    app, clock, _ = shared_app(
        catalog=catalog, timing=Timing(get_ready=0, switch_sides=1), **kwargs
    )
    return app, clock


async def run(app: RunstrongApp, clock: FakeClock, pilot: Pilot[Any], seconds: float) -> None:
    await drive(app, clock, seconds, pilot)


async def test_crash_then_resume_from_the_first_set_not_done() -> None:
    app, clock = make_app(session=SESSION)
    async with app.run_test() as pilot:
        await pilot.pause()
        await run(app, clock, pilot, 4.25)  # plank set 1 saved, then "crash"
    # The app never closed the session: it is still in progress in the file.
    store = HistoryStore(paths.history_file())
    assert [u.sets_logged for u in store.unfinished()] == [1]
    store.close()
    app, clock = make_app()
    async with app.run_test() as pilot:
        await home_filled(pilot)
        assert isinstance(app.screen, Choice)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        view = screen.runner.view
        # Lands in a count-in for plank set 2 (GET READY is 0 here): the clock is not running.
        assert (view.focus.exercise, view.focus.set_number) == (0, 2)
        assert view.phase == "COUNT-IN" and view.remaining == 4
        await run(app, clock, pilot, 3 + 4.25 + 5 + 3 + 1 + 3 + 0.5)
        summary = app.screen
        assert isinstance(summary, SummaryScreen)
        # One session: the summary holds the set from before the interruption too.
        assert summary.summary.sets_done == 3
    store = HistoryStore(paths.history_file())
    (row,) = queries.sessions(store.db)
    assert row.status == "completed"
    assert [(s.exercise, s.set, s.side) for s in row.sets] == [
        ("Plank", 1, None),
        ("Plank", 2, None),
        ("Side plank", 1, "left"),
        ("Side plank", 1, "right"),
    ]


async def test_close_an_unfinished_session_as_stopped() -> None:
    app, clock = make_app(session=SESSION)
    async with app.run_test() as pilot:
        await pilot.pause()
        await run(app, clock, pilot, 4.25)
    app, clock = make_app()
    async with app.run_test() as pilot:
        await home_filled(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    store = HistoryStore(paths.history_file())
    assert queries.sessions(store.db)[0].status == "stopped"


async def test_foreign_file_is_explained_and_moved_only_when_asked() -> None:
    path = paths.history_file()
    path.parent.mkdir(parents=True)
    path.write_bytes(b"not ours" * 50)
    app, clock = make_app()
    async with app.run_test() as pilot:
        await home_filled(pilot)
        assert isinstance(app.screen, Choice)
        assert str(path) in "".join(str(w.render()) for w in app.screen.query(Static))
        await pilot.press("n")
        await pilot.pause()
        assert path.read_bytes() == b"not ours" * 50
        app.post_message(HomeScreen.StartRequested(SESSION))
        await pilot.pause()
        await run(app, clock, pilot, 4.25)
        assert "History not saved" in str(app.screen.query_one("#saving", Static).render())
    app, clock = make_app()
    async with app.run_test() as pilot:
        await home_filled(pilot)
        await pilot.press("m")
        await pilot.pause()
    moved = [p for p in path.parent.iterdir() if p.name.startswith("history.") and p != path]
    assert any(p.read_bytes() == b"not ours" * 50 for p in moved)
    assert HistoryStore(path).unfinished() == []


async def test_start_of_an_interrupted_session_asks_to_resume_it() -> None:
    plain = Session(slug="plain", name="Plain", exercises=(SIDE, PLANK))
    app, clock = make_app(session=plain)
    async with app.run_test() as pilot:
        await pilot.pause()
        await run(app, clock, pilot, 3 + 1 + 3.25)  # both sides of the side plank, then gone
    app, clock = make_app(session=plain)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.runner.view.exercise.name == "Plank"
    app, clock = make_app(session=plain)
    async with app.run_test() as pilot:
        await pilot.pause()
        await pilot.press("f")  # start fresh: the old one is closed, its sets kept
        await pilot.pause()
        fresh = app.screen
        assert isinstance(fresh, SessionScreen)
        assert fresh.runner.view.exercise.name == "Side plank"
    store = HistoryStore(paths.history_file())
    assert store.unfinished() == []
    assert [row.status for row in store.sessions()] == ["stopped"]


async def test_a_session_stopped_before_its_first_set_leaves_no_row() -> None:
    app, clock = make_app(session=SESSION)
    async with app.run_test() as pilot:
        await pilot.pause()
        await run(app, clock, pilot, 2)
        await pilot.press("q")
        await pilot.press("e")
        await pilot.pause()
    store = HistoryStore(paths.history_file())
    assert store.sessions() == []


async def test_progression_offer_and_effort_rating() -> None:
    app, clock = make_app(session=SESSION)
    async with app.run_test() as pilot:
        await pilot.pause()
        await run(app, clock, pilot, 4 + 5 + 4 + 1)  # in the rest after the plank's last set
        await pilot.press("6")  # every set met at effort 6: one step up next time
        await run(app, clock, pilot, 4 + 3 + 1 + 3 + 0.5)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("7")
        await pilot.press("enter")
    app, clock = make_app(session=SESSION)
    async with app.run_test() as pilot:
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert (
            screen.runner.view.step.phase is not None and screen.runner.view.step.phase.target == 6
        )
        await run(app, clock, pilot, 6.25)  # plank set 1 at the new target
        await pilot.press("q", "e")
        await pilot.pause()
    store = HistoryStore(paths.history_file())
    latest, first = queries.sessions(store.db)
    assert latest.sets[0].target == 6 and latest.sets[0].actual == 6
    assert {s.rpe for s in first.sets if s.exercise == "Side plank"} == {7}
    assert {s.rpe for s in first.sets if s.exercise == "Plank"} == {6}


async def test_review_screen_lists_sessions_and_sets(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    app, clock = make_app(session=SESSION)
    async with app.run_test() as pilot:
        await pilot.pause()
        await run(app, clock, pilot, 4 + 5 + 4 + 5 + 3 + 1 + 3 + 0.5)
    read_on: list[threading.Thread] = []
    heads = HistoryStore.session_heads

    def spy(store: HistoryStore, limit: int = 500) -> list[Any]:
        read_on.append(threading.current_thread())
        return heads(store, limit)

    monkeypatch.setattr(HistoryStore, "session_heads", spy)
    app, _ = make_app(review=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        # The list (over ten years, 100,000 sets) is read in a worker, off the event loop.
        assert read_on and threading.main_thread() not in read_on
        assert isinstance(app.screen, HistoryScreen)
        sessions = app.screen.query_one("#session-list", DataTable)
        sets = app.screen.query_one("#session-sets", DataTable)
        assert sessions.row_count == 1 and sets.row_count == 4
        await pilot.press("2")
        await pilot.pause()
        assert app.screen.query_one("#exercise-list", DataTable).row_count == 2
        await pilot.press("escape")
        await pilot.pause()
    assert app.return_code == 0


FILE_SESSION = """[session]
name = "From a file"
rest_between_sets = 5
[[exercises]]
name = "Wall sit"
sets = 3
hold = 4
"""


async def test_a_session_from_a_file_path_resumes_and_notices_a_changed_file(
    tmp_path: Path,
) -> None:
    from runstrong.workout.catalog import load_catalog, resolve

    path = tmp_path / "mine.toml"
    path.write_text(FILE_SESSION)
    loaded = resolve(str(path), load_catalog())
    assert isinstance(loaded, Session)
    app, clock = make_app(session=loaded)
    async with app.run_test() as pilot:
        await run(app, clock, pilot, 4.25)  # set 1 saved, then the terminal is gone
    app, clock = make_app()
    async with app.run_test() as pilot:
        await home_filled(pilot)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.runner.view.focus.set_number == 2
        assert screen.runner.session.name == "From a file"
    path.write_text(FILE_SESSION.replace("hold = 4", "hold = 6"))
    app, clock = make_app()
    async with app.run_test() as pilot:
        await home_filled(pilot)
        await pilot.press("r")
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        assert "has changed" in "".join(str(w.render()) for w in app.screen.query(Static))
        await pilot.press("f")
        await pilot.pause()
        fresh = app.screen
        assert isinstance(fresh, SessionScreen)
        assert fresh.runner.view.focus.set_number == 1
        assert fresh.runner.session.exercises[0].phases[0].target == 6


async def test_a_light_session_resumes_as_the_light_session() -> None:
    from dataclasses import replace

    from runstrong.planning.light import light_version
    from runstrong.workout.model import Category

    # A session with a light version worth doing (rule 6): a short warm-up, then real work.
    warm = replace(PLANK, name="March", sets=1, category=Category.WARM_UP, progression=None)
    work = replace(PLANK, name="Hold", phases=(Phase(PhaseKind.HOLD, 20),), progression=None)
    full = replace(SESSION, exercises=(warm, work))
    light = light_version(full)
    assert isinstance(light, Session) and light.light
    app, clock = make_app(session=light, catalog=Catalog({"mini": full}, {}, ()))
    async with app.run_test() as pilot:
        await run(app, clock, pilot, 4.25)
    app, clock = make_app(catalog=Catalog({"mini": full}, {}, ()))
    async with app.run_test() as pilot:
        await home_filled(pilot)
        await pilot.press("r")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.runner.session.light
        assert screen.runner.session.exercises == light.exercises


SQUAT = Exercise(
    name="Goblet squat",
    sets=2,
    rest=10,
    phases=(Phase(PhaseKind.REPS, 3, 1.0),),
    load=20.0,
)
LIFTS = Session(slug="mini", name="Mini", exercises=(SQUAT, PLANK), rest_between_exercises=5)


async def test_load_keys_in_the_rest_and_last_time_on_screen() -> None:
    catalog = Catalog({"mini": LIFTS}, {}, ())
    app, clock = make_app(session=LIFTS, catalog=catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.check_action("load", ()) is False  # during a set: hidden
        await run(app, clock, pilot, 3.25)  # set 1 done: in its rest
        assert screen.check_action("load", ()) is True
        assert "load 20 kg" in str(screen.query_one("#hint", Static).render())
        await pilot.press("right_square_bracket", "right_square_bracket", "left_square_bracket")
        await pilot.pause()
        assert "load 22.5 kg" in str(screen.query_one("#hint", Static).render())
        await run(app, clock, pilot, 10 + 3.25 + 1)  # set 2 at 22.5 kg, then rate it
        await pilot.press("6")
        await pilot.press("q", "e")
        await pilot.pause()
    store = HistoryStore(paths.history_file())
    (done,) = queries.sessions(store.db)
    assert [s.load_kg for s in done.sets if s.exercise == "Goblet squat"] == [22.5, 22.5]
    store.close()
    # Next time: the offer starts from the last load (+2.5 kg: every rep at effort 6) and the
    # screen shows last time during the set.
    app, clock = make_app(session=LIFTS, catalog=catalog)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, Choice)
        await pilot.press("a")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.runner.session.exercises[0].load == 25.0
        target = str(screen.query_one("#target", Static).render())
        assert "25 kg" in target and "last 3 x 22.5 kg" in target
