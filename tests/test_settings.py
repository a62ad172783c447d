from __future__ import annotations

from pathlib import Path

from runstrong import settings
from runstrong.settings import Settings


def test_missing_file_gives_defaults() -> None:
    assert settings.load() == (Settings(week_told=False), [])


def test_bad_values_fall_back_per_key_and_file_is_untouched(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    text = (
        'sound = "yes"\ncount_in = 0\nget_ready = 500\nrun_days = ["Tuesday", "sat"]\n'
        'key_run_days = ["funday"]\nvoise = true\ntheme = "nord"\n'
    )
    path.write_text(text)
    loaded, warnings = settings.load(path)
    assert loaded.sound is True and loaded.count_in == 0 and loaded.get_ready == 10
    assert loaded.run_days == ("tue", "sat") and loaded.key_run_days == ()
    assert loaded.theme == "nord"
    joined = "\n".join(warnings)
    assert f"{path}: sound: expected true or false" in joined
    assert f"{path}: get_ready: expected a whole number from 0 to 120, got 500" in joined
    assert "unknown day 'funday'" in joined
    assert "voise: unknown setting (did you mean 'voice'?)" in joined
    assert path.read_text() == text


def test_not_toml_and_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_bytes(b"\xff\xfe")
    assert settings.load(path)[0] == Settings(week_told=False)
    path.write_text("sound = \n")
    loaded, warnings = settings.load(path)
    assert loaded == Settings(week_told=False) and "not valid TOML" in warnings[0]


def test_save_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "settings.toml"
    wanted = Settings(sound=False, count_in=5, run_days=("tue", "sat"), plan="in-season")
    settings.save(wanted, path)
    assert settings.load(path) == (wanted, [])


def test_default_rests_apply_to_files_without_their_own(user_workouts: Path) -> None:
    from runstrong.workout.catalog import load_catalog
    from runstrong.workout.model import Session

    settings.save(Settings(rest_between_sets=20, rest_between_exercises=60))
    (user_workouts / "mine.toml").write_text(
        '[session]\nname = "Mine"\n[[exercises]]\nname = "A"\nhold = 5\n'
    )
    (user_workouts / "own.toml").write_text(
        '[session]\nname = "Own"\nrest_between_sets = 40\n[[exercises]]\nname = "A"\nhold = 5\n'
    )
    from runstrong.session.timeline import rest_after_set, session_rests

    catalog = load_catalog()
    mine, own = catalog.entries["mine"], catalog.entries["own"]
    assert isinstance(mine, Session) and isinstance(own, Session)
    # The files keep what they say; the person's defaults come in as the session runs.
    assert (mine.rest_between_sets, mine.rest_between_exercises) == (None, None)
    timing = settings.load()[0].timing
    assert session_rests(mine, timing) == (20, 60)
    assert rest_after_set(mine, mine.exercises[0], False, timing) == 20
    assert session_rests(own, timing) == (40, 60)
