"""Issue 20: the `i` dialog at 80x24 is never cut off: its text scrolls and it says how to
close it (the glute bridge's two positions: tests/tui/test_session_keys.py)."""

from __future__ import annotations

from itertools import pairwise

from textual.app import App
from textual.containers import VerticalScroll
from textual.widgets import Static

from runstrong.tui.screens.dialogs import ExerciseInfo
from runstrong.tui.widgets.figure import ExerciseFigure
from runstrong.workout.catalog import load_catalog


class Host(App[None]):
    def __init__(self, dialog: ExerciseInfo) -> None:
        super().__init__()
        self.dialog = dialog

    def on_mount(self) -> None:
        self.push_screen(self.dialog)


async def test_a_long_description_scrolls_and_escape_closes_it_at_80x24() -> None:
    catalog = load_catalog()
    inchworm = next(e for s in catalog.sessions for e in s.exercises if e.key == "inchworm")
    assert inchworm.harder  # the last line, the one that was cut off
    dialog = ExerciseInfo(inchworm)
    app = Host(dialog)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        body = dialog.query_one("#body", VerticalScroll)
        keys = dialog.query_one("#info-keys", Static)
        assert "Escape closes" in str(keys.render())
        assert dialog.region.contains_region(keys.region) and keys.region.area
        assert body.max_scroll_y > 0 and body.has_focus
        harder = next(w for w in dialog.query(Static) if str(w.render()).startswith("Harder"))
        assert not body.region.contains_region(harder.region)  # below the fold at first
        await pilot.press("end")
        await pilot.pause()
        assert body.region.contains_region(harder.region)  # scrolled into view
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not dialog


async def test_four_key_positions_all_fit_in_the_box_at_80x24_and_60x20() -> None:
    """The multiplanar lunge shows four (forward, to the side seen from the front, back): each
    key position stays inside the dialog, side by side and not overlapping."""
    catalog = load_catalog()
    lunge = next(e for s in catalog.sessions for e in s.exercises if e.key == "multiplanar-lunge")
    for size in ((80, 24), (60, 20)):
        dialog = ExerciseInfo(lunge, "left")
        app = Host(dialog)
        async with app.run_test(size=size) as pilot:
            await pilot.pause()
            box = dialog.query_one("#dialog").region
            figures = list(dialog.query(ExerciseFigure))
            assert len(figures) == 4
            regions = [figure.region for figure in figures]
            assert all(box.contains_region(region) and region.width >= 10 for region in regions)
            assert all(a.right <= b.x for a, b in pairwise(regions))
            assert all(any(line.strip() for line in figure.lines) for figure in figures)
