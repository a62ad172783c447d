"""Issue 20: the summary of a session the history could not take says so and never closes
(nor lets the app end with status 0) over sets that are only in memory."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from runstrong import paths
from runstrong.history import HistoryStore
from runstrong.tui.screens.summary import SummaryScreen

from ..test_unsaved_sets import full_disk
from .test_app_history import SESSION, make_app, run


async def test_unsaved_sets_are_said_and_written_to_a_file_before_the_app_ends(
    tmp_path: Path,
) -> None:
    app, clock = make_app(session=SESSION)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.store is not None
        full_disk(app.store)
        await run(app, clock, pilot, 4 + 5 + 4 + 5 + 3 + 1 + 3 + 0.5)
        screen = app.screen
        assert isinstance(screen, SummaryScreen)
        said = str(screen.query_one("#unsaved", Static).render())
        assert "3 sets are not saved in your history" in said and "full" in said
        await pilot.press("enter")  # does not close over unsaved sets
        await pilot.pause()
        assert app.screen is screen and app.is_running
        await pilot.press("w")
        await pilot.pause()
        box = screen.query_one("#save-path", Input)
        assert box.value.startswith(str(paths.history_file().parent))
        target = tmp_path / "my-sets.jsonl"
        box.value = str(target)
        await pilot.press("enter")
        await pilot.pause()
        assert "Wrote 3 sets to" in str(screen.query_one("#unsaved", Static).render())
        await pilot.press("enter")
        await pilot.pause()
    assert app.ending.status() == 0 and app.ending.notes == []
    assert len(target.read_text().splitlines()) == 4  # 3 sets: one on both sides
    with HistoryStore(tmp_path / "elsewhere.sqlite3") as other:
        assert other.import_jsonl(target.read_text()).sets_added == 4


async def test_leaving_unsaved_sets_is_a_choice_and_not_a_success() -> None:
    app, clock = make_app(session=SESSION)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.store is not None
        full_disk(app.store)
        await run(app, clock, pilot, 4 + 5 + 4 + 0.5)
        await pilot.press("q", "e")  # stopped after both plank sets
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("d")
        await pilot.pause()
    assert app.ending.status() == 1
    assert app.ending.notes == ["2 sets left unsaved, as chosen."]


async def test_an_app_ended_on_the_summary_writes_the_sets_to_a_file() -> None:
    app, clock = make_app(session=SESSION)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert app.store is not None
        full_disk(app.store)
        await run(app, clock, pilot, 4 + 5 + 4 + 0.5)
        await pilot.press("q", "e")
        await pilot.pause()
        app.exit()  # as SIGHUP or SIGTERM do
        await pilot.pause()
    assert app.ending.status() == 1
    (note,) = app.ending.notes
    assert note.startswith("Wrote 2 sets to ")
    written = list(paths.history_file().parent.glob("unsaved-sets-*.jsonl"))
    assert len(written) == 1 and len(written[0].read_text().splitlines()) == 2
