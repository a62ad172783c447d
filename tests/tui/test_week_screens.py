"""Home, plans, settings and builder screens driven with keys."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import DataTable, Input, OptionList, Static

from runstrong import paths
from runstrong.session.timeline import Timing
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.builder import BuilderScreen
from runstrong.tui.screens.home import HomeScreen
from runstrong.tui.screens.session import SessionScreen
from runstrong.workout.builder import Draft, DraftExercise
from runstrong.workout.catalog import Catalog, load_library, load_session_file
from runstrong.workout.model import LibraryExercise, Session

from ..conftest import make_app as shared_app
from ..helpers import exercise, hold, reps

LIBRARY = {
    "front-plank": LibraryExercise("front-plank", "Front plank", ("Long line",), "Set-up: x"),
    "lunge": LibraryExercise("lunge", "Lunge", ("Knee over ankle",), "Set-up: y"),
}
CORE = Session(
    slug="core", name="Core", focus=("core",), exercises=(exercise("Plank", hold(30), sets=2),)
)
KIT = Session(
    slug="bands",
    name="Band work",
    focus=("hips",),
    equipment=("band",),
    exercises=(exercise("Band walk", reps(10), sets=2),),
)


def make_app() -> RunstrongApp:
    catalog = Catalog({"bands": KIT, "core": CORE}, dict(LIBRARY), ())
    return shared_app(catalog=catalog, timing=Timing(get_ready=0))[0]


def table_names(app: RunstrongApp) -> list[str]:
    table = app.screen.query_one("#sessions", DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_home_explains_itself_filters_and_starts_light() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        text = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "runstrong" in text and "follow along" in text
        assert table_names(app) == ["Band work", "Core"]
        await pilot.press("e")
        assert table_names(app) == ["Core"]
        await pilot.press("e", "slash", "b", "a", "n", "d")
        assert table_names(app) == ["Band work"]
        await pilot.press("enter")  # leaves the filter for the list
        assert isinstance(app.focused, DataTable)
        await pilot.press("l", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.runner.session.light and screen.runner.session.exercises[0].sets == 1


async def test_builder_composes_saves_and_starts(tmp_path: Path) -> None:
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BuilderScreen)
        screen.query_one("#name", Input).value = "Two moves"
        screen.query_one(OptionList).focus()
        await pilot.press("enter")  # Front plank (alphabetical first)
        await pilot.press("down", "enter")  # Lunge
        await pilot.pause()
        assert [e.name for e in screen.draft.exercises] == ["Front plank", "Lunge"]
        screen.query_one("#edit-reps", Input).value = "8"
        await pilot.pause()
        screen.query_one("#plan", DataTable).focus()
        await pilot.press("ctrl+up")
        assert [e.name for e in screen.draft.exercises] == ["Lunge", "Front plank"]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
    path = paths.user_workouts_dir() / "two-moves.toml"
    assert path.exists()


def test_builder_round_trip(user_workouts: Path) -> None:
    library, _ = load_library()
    draft = Draft(name="Round trip")
    ids = list(library)[:3]
    draft.add(DraftExercise(ids[0], library[ids[0]].name, sets=3, reps=None, hold=40))
    draft.add(
        DraftExercise(ids[1], library[ids[1]].name, sets=2, reps=12, tempo=2.5, sides=True, rest=20)
    )
    draft.add(DraftExercise(ids[2], library[ids[2]].name, sets=1, reps=5))
    path = draft.save()
    loaded = load_session_file(path, library)
    assert isinstance(loaded, Session)
    first, second, _ = loaded.exercises
    assert (first.sets, first.phases[0].kind.value, first.phases[0].target) == (3, "hold", 40)
    assert (second.phases[0].tempo, second.rest, len(second.sides)) == (2.5, 20, 2)
    assert [e.library_id for e in loaded.exercises] == ids
    assert [e.describe() for e in loaded.exercises] == [
        "3 x 40 s hold",
        "2 x 12 reps @ 2.5 s per side",
        "1 x 5 reps",
    ]


async def test_command_palette_starts_a_session_by_name() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+p")
        await pilot.pause()
        for key in "band work":
            await pilot.press("space" if key == " " else key)
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        assert screen.runner.session.name == "Band work"
