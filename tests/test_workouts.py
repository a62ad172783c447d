from __future__ import annotations

from pathlib import Path

from runstrong.session.timeline import estimate_seconds
from runstrong.workout.catalog import Invalid, load_catalog, load_library, resolve
from runstrong.workout.model import Session, Source

REQUIRED_SESSIONS = {
    "core-stability",
    "hips-and-glutes",
    "feet-and-ankles",
    "foundational",
    "power",
    "pre-run-activation",
    "thoracic-mobility",
    "upper-body",
}


def test_every_bundled_file_validates() -> None:
    catalog = load_catalog()
    assert not catalog.library_problems
    assert not catalog.invalid, [str(p) for i in catalog.invalid for p in i.problems]
    assert set(catalog.entries) >= REQUIRED_SESSIONS
    assert all(s.source is Source.BUNDLED for s in catalog.sessions)


def test_library_is_complete() -> None:
    library, problems = load_library()
    assert not problems
    assert len(library) >= 35
    for exercise in library.values():
        assert 2 <= len(exercise.cues) <= 5, exercise.id
        assert exercise.description.count("\n") >= 2, exercise.id
        assert exercise.easier and exercise.harder, exercise.id
        assert exercise.focus, exercise.id


def test_prescriptions_follow_the_training_facts() -> None:
    catalog = load_catalog()
    by_id = {e.library_id: e for s in catalog.sessions for e in s.exercises if e.library_id}
    side_plank = by_id["side-plank"]
    assert side_plank.sides and side_plank.phases[0].target == 15
    assert side_plank.progression and 45 <= side_plank.progression.end <= 60
    bridge = by_id["glute-bridge"]
    assert [p.kind.value for p in bridge.phases] == ["hold", "reps"]
    pre_run = catalog.entries["pre-run-activation"]
    assert isinstance(pre_run, Session) and estimate_seconds(pre_run) <= 15 * 60


def test_user_file_overrides_bundled_and_broken_file_is_listed(user_workouts: Path) -> None:
    (user_workouts / "power.toml").write_text(
        '[session]\nname = "My power"\n[[exercises]]\nname = "Jumps"\nreps = 5\n'
    )
    (user_workouts / "broken.toml").write_text('[session]\nname = "b"\n[[exercises]]\nhodl=1\n')
    catalog = load_catalog()
    power = catalog.entries["power"]
    assert isinstance(power, Session) and power.name == "My power"
    assert power.source is Source.USER
    broken = catalog.entries["broken"]
    assert isinstance(broken, Invalid) and broken.source is Source.USER
    assert len(catalog.sessions) >= len(REQUIRED_SESSIONS)


def test_user_library_extends_bundled(user_workouts: Path) -> None:
    (user_workouts / "exercises.toml").write_text(
        '[wall-sit]\nname = "Wall sit"\ncues = ["Back flat", "Knees at 90"]\n'
    )
    (user_workouts / "legs.toml").write_text(
        '[session]\nname = "Legs"\n[[exercises]]\nexercise = "wall-sit"\nhold = 30\n'
    )
    catalog = load_catalog()
    legs = catalog.entries["legs"]
    assert isinstance(legs, Session) and legs.exercises[0].name == "Wall sit"
    assert "exercises" not in catalog.entries


def test_resolve_by_slug_path_and_closest(tmp_path: Path) -> None:
    catalog = load_catalog()
    assert isinstance(resolve("core-stability", catalog), Session)
    assert resolve("core", catalog) is None
    assert "core-stability" in catalog.closest("core")
    assert "core-stability" in catalog.closest("core-stabilty")
    path = tmp_path / "mine.toml"
    path.write_text('[session]\nname = "Mine"\n[[exercises]]\nname = "x"\nreps = 3\n')
    loaded = resolve(str(path), catalog)
    assert isinstance(loaded, Session) and loaded.slug == "mine"
