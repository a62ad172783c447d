"""Settings in one shape: `Settings.timing` is the one place `Timing` is built; sessions keep
the rests their file gives (None otherwise) and the timeline resolves them from `Timing`; the
command line's --mute and --voice are applied once; `runstrong list` reads settings once."""

from __future__ import annotations

from pathlib import Path

import pytest

from runstrong import settings
from runstrong.cli.main import main
from runstrong.session.timeline import SessionPhase, build_timeline
from runstrong.settings import EffectiveSettings, Settings
from runstrong.workout.catalog import load_session_file


def _rests(path: Path, chosen: Settings) -> list[float | None]:
    loaded = load_session_file(path, {})
    assert not hasattr(loaded, "problems")
    steps = build_timeline(loaded, chosen.timing)
    return [s.seconds for s in steps if s.kind is SessionPhase.REST]


def test_rests_the_file_leaves_out_come_from_the_settings_when_it_runs(tmp_path: Path) -> None:
    path = tmp_path / "s.toml"
    path.write_text(
        '[session]\nname = "S"\n'
        '[[exercises]]\nname = "A"\nsets = 2\nhold = 5\n'
        '[[exercises]]\nname = "B"\nsets = 2\nhold = 5\nrest = 12\n'
    )
    loaded = load_session_file(path, {})
    assert loaded.rest_between_sets is None and loaded.rest_between_exercises is None  # type: ignore[union-attr]
    assert loaded.exercises[0].rest is None  # type: ignore[union-attr]
    assert _rests(path, Settings()) == [30, 45, 12]
    assert _rests(path, Settings(rest_between_sets=40, rest_between_exercises=90)) == [40, 90, 12]


def test_settings_timing_carries_every_length_a_session_takes_from_them() -> None:
    timing = Settings(
        get_ready=7, switch_sides=2, count_in=0, rest_between_sets=11, rest_between_exercises=22
    ).timing
    assert (timing.get_ready, timing.switch_sides, timing.count_in) == (7, 2, 0)
    assert (timing.rest_between_sets, timing.rest_between_exercises) == (11, 22)


def test_command_line_flags_hold_over_a_saved_change() -> None:
    effective = EffectiveSettings(Settings(sound=True, voice=False), mute=True, voice=True)
    assert not effective.sound and effective.speaks
    after = effective.with_saved(Settings(sound=True, voice=False, get_ready=3))
    assert not after.sound and after.speaks and after.timing.get_ready == 3
    assert EffectiveSettings(Settings(sound=False)).sound is False


@pytest.mark.parametrize(
    "argv", [["list"], ["show", "core-stability"], ["show", "core-stability", "--json"]]
)
def test_list_and_show_read_settings_once(monkeypatch: pytest.MonkeyPatch, argv: list[str]) -> None:
    calls: list[object] = []
    load = settings.load

    def counted(*args: object) -> tuple[Settings, list[str]]:
        calls.append(args)
        return load(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(settings, "load", counted)
    assert main(argv) == 0
    assert len(calls) == 1
