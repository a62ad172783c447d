"""Settings: errors beside their fields at 80x24, saved values take effect at once."""

from __future__ import annotations

from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Select, Static, Switch

from runstrong import audio, paths, settings
from runstrong.planning.week import DEFAULT_PLAN
from runstrong.settings import Settings
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.home import HomeScreen
from runstrong.tui.screens.settings import SettingsScreen
from runstrong.workout.catalog import Catalog

from ..fakes import FakePlayer


async def open_settings(app: RunstrongApp, pilot: Pilot[Any]) -> SettingsScreen:
    await pilot.pause()
    await pilot.press("comma")
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, SettingsScreen)
    return screen


async def test_a_bad_value_is_explained_beside_its_field_at_80x24() -> None:
    app = RunstrongApp(catalog=Catalog({}, {}, ()), player=FakePlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        for key, bad, says in (
            ("count_in", "99", "0 to 10"),
            ("weekly_target", "0", "1 to 14"),
            ("key_run_days", "funday", "funday"),
            ("race_dates", "2027-04-31", "expected dates such as"),
        ):
            field = screen.query_one(f"#{key}", Input)
            good, field.value = field.value, bad
            await pilot.press("ctrl+s")
            await pilot.pause()
            error = screen.query_one(f"#{key}-error", Static)
            assert says in str(error.render())
            assert error.region.area and screen.region.contains_region(error.region)
            assert field.has_focus and screen.region.contains_region(field.region)
            # Only the field that is wrong says anything.
            shown = [e.id for e in screen.query(".field-error").results(Static) if e.region.area]
            assert shown == [f"{key}-error"]
            assert app.screen is screen and not paths.settings_file().exists()
            field.value = good


async def test_saved_settings_take_effect_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    built: list[dict[str, Any]] = []

    def choose_player(**kwargs: Any) -> FakePlayer:
        built.append(kwargs)
        return FakePlayer()

    monkeypatch.setattr(audio, "choose_player", choose_player)
    catalog = Catalog({}, {}, ())
    app = RunstrongApp(catalog=catalog)
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.player
        assert [b["voice"] for b in built] == [False]
        screen = await open_settings(app, pilot)
        for key, value in (
            ("count_in", "0"),
            ("get_ready", "20"),
            ("switch_sides", "8"),
            ("rest_between_sets", "40"),
            ("rest_between_exercises", "90"),
            ("run_days", "tue, sat"),
            ("long_run_day", "Saturday"),
        ):
            screen.query_one(f"#{key}", Input).value = value
        screen.query_one("#sound", Switch).value = False
        screen.query_one("#voice", Switch).value = True
        screen.query_one("#theme", Select).value = "nord"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        timing = app.effective.timing
        assert (timing.count_in, timing.get_ready, timing.switch_sides) == (0, 20, 8)
        # The new rests reach every session through Timing: no file is read again.
        assert (timing.rest_between_sets, timing.rest_between_exercises) == (40, 90)
        assert app.catalog is catalog
        assert not app.effective.sound and app.theme == "nord"
        # The voice needs a new player: the old one is closed and the next one speaks.
        assert isinstance(first, FakePlayer) and first.closed
        assert app.player is not first and built[-1]["voice"] is True
    saved, warnings = settings.load()
    assert not warnings and saved.count_in == 0 and saved.voice and saved.theme == "nord"
    assert saved.run_days == ("tue", "sat") and saved.long_run_day == "sat"


async def test_the_settings_screen_shows_the_active_plan() -> None:
    app = RunstrongApp(player=FakePlayer(), settings=Settings(plan=""))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        plan = screen.query_one("#plan", Select)
        assert plan.value == DEFAULT_PLAN
        line = screen.query_one("#active-plan", Static)
        assert str(line.render()) == "Active plan: Beginner"
        assert screen.region.contains_region(line.region)
        assert "Beginner" in str(plan.query_one("SelectCurrent Static").render())


async def test_a_failed_save_keeps_the_screen_and_the_values(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def unwritable(chosen: Settings, keys: object, path: object = None) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(settings, "save_edited", unwritable)
    app = RunstrongApp(catalog=Catalog({}, {}, ()), player=FakePlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#count_in", Input).value = "5"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and screen.query_one("#count_in", Input).value == "5"
        assert app.effective.saved.count_in == Settings().count_in
        assert any("Permission denied" in n.message for n in app._notifications)


async def test_race_dates_are_set_on_the_settings_screen() -> None:
    from datetime import date

    from runstrong import settings as settings_file

    app = RunstrongApp(catalog=Catalog({}, {}, ()), player=FakePlayer())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#race_dates", Input).value = "2027-10-03, 2027-04-18"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not screen
    chosen, warnings = settings_file.load()
    assert chosen.race_dates == (date(2027, 4, 18), date(2027, 10, 3)) and not warnings
    assert 'race_dates = ["2027-04-18", "2027-10-03"]' in paths.settings_file().read_text()
