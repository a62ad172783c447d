"""What the library says about each exercise, and the bundled content it drives."""

from __future__ import annotations

import pytest

from runstrong.workout.builder import from_library
from runstrong.workout.catalog import load_catalog, load_library
from runstrong.workout.library_schema import parse_library
from runstrong.workout.model import Category, PhaseKind, Session, Side

CATEGORIES = {"warm-up", "mobility", "stability", "strength", "loaded", "plyometric"}


def test_every_library_exercise_has_category_sides_kind_and_prescription() -> None:
    library, problems = load_library()
    assert not problems
    for exercise in library.values():
        assert exercise.category is not None and exercise.category.value in CATEGORIES, exercise.id
        assert exercise.kind is not None and exercise.prescription is not None, exercise.id
        assert exercise.prescription.phase.kind is exercise.kind, exercise.id
        assert exercise.sides in ((), (Side.LEFT, Side.RIGHT)), exercise.id
    loaded = {i for i, e in library.items() if e.category is Category.LOADED}
    assert {
        "trap-bar-deadlift",
        "rucksack-deadlift",
        "goblet-squat",
        "kettlebell-single-leg-deadlift",
    } <= loaded
    jumps = {i for i, e in library.items() if e.category is Category.PLYOMETRIC}
    assert {"pogo-hops", "squat-jump", "lateral-bound", "step-jump"} <= jumps


def test_builder_takes_the_dose_from_the_library() -> None:
    library, _ = load_library()
    sit_up = from_library(library["sit-up"])
    assert sit_up.hold is None and sit_up.reps == 10 and not sit_up.sides
    box_jump = from_library(library["step-jump"])
    assert not box_jump.sides and (box_jump.sets, box_jump.reps) == (3, 5)
    plank = from_library(library["front-plank"])
    assert plank.hold == 20 and plank.reps is None
    lunge = from_library(library["multiplanar-lunge"])
    assert lunge.sides and lunge.reps == 10
    swing = from_library(library["arm-swing-drill"])
    assert swing.hold is None and swing.tempo is not None


def test_a_persons_own_entry_needs_none_of_it() -> None:
    library, problems = parse_library({"wall-sit": {"name": "Wall sit", "kind": "hold"}}, "f")
    assert not problems
    draft = from_library(library["wall-sit"])
    assert draft.hold == 30 and not draft.sides


@pytest.mark.parametrize(
    ("table", "expected"),
    [
        ({"name": "x", "category": "cardio"}, "category: expected one of 'warm-up'"),
        (
            {"name": "x", "kind": "hold", "prescription": {"sets": 2, "reps": 10}},
            "the prescription is reps but kind = 'hold'",
        ),
        ({"name": "x", "prescription": {"sets": 2}}, "prescription.reps/hold"),
        ({"name": "x", "sides": ["up"]}, 'sides: expected "left" or "right"'),
    ],
)
def test_bad_library_values_are_named(table: dict[str, object], expected: str) -> None:
    _, problems = parse_library({"x": table}, "lib.toml")
    assert any(expected in str(p) and str(p).startswith("lib.toml") for p in problems), [
        str(p) for p in problems
    ]


def _entries(slug: str) -> list[str]:
    session = load_catalog().entries[slug]
    assert isinstance(session, Session)
    return [e.library_id or e.name for e in session.exercises]


def test_content_follows_the_coaching_review() -> None:
    catalog = load_catalog()
    sessions = [s for s in catalog.sessions]
    used = {e.library_id for s in sessions for e in s.exercises}
    assert {
        "goblet-squat",
        "glute-walkout",
        "hamstring-roller-hold",
        "single-leg-squat",
        "single-leg-back-extension",
        "sit-up",
        "banded-ankle-dorsiflexion",
        "banded-ankle-plantarflexion",
    } <= used
    assert {"goblet-squat", "glute-walkout"} <= set(_entries("foundational"))
    assert {"hamstring-roller-hold", "single-leg-squat", "single-leg-back-extension"} <= set(
        _entries("hips-and-glutes")
    )
    feet = _entries("feet-and-ankles")
    by_slug = {s.slug: s for s in sessions}
    warm_ups = sum(
        1
        for e in by_slug["feet-and-ankles"].exercises
        if e.category and e.category.value == "warm-up"
    )
    assert feet.index("pogo-hops") == warm_ups  # straight after the warm-up
    library, _ = load_library()
    assert "shoes" in library["pogo-hops"].description.lower()
    by_slug = {s.slug: s for s in sessions}
    first = {e.library_id: e for e in by_slug["core-stability"].exercises}
    assert first["front-plank"].phases[0].target == 20
    circles = first["side-plank-hip-circles"]
    assert circles.phases[0].target == 5 and circles.sides
    swing = next(e for e in by_slug["upper-body"].exercises if e.library_id == "arm-swing-drill")
    assert swing.phases[0].kind is PhaseKind.REPS and swing.phases[0].is_paced
    pre_run = next(
        e for e in by_slug["pre-run-activation"].exercises if e.library_id == "multiplanar-lunge"
    )
    assert 3 <= (pre_run.phases[0].target or 0) <= 4 and pre_run.sides
    home = _entries("power-home")
    assert "rucksack-deadlift" in home and not any(
        "box" in e.equipment for e in by_slug["power-home"].exercises
    )


def test_plans_cover_the_review() -> None:
    from runstrong.planning.plans import Plan, load_plans

    plans = {
        slug: p for slug, p in load_plans(load_catalog().entries).items() if isinstance(p, Plan)
    }
    off = plans["off-season"]
    assert "feet-and-ankles" in off.rotation and off.variant_of("power") == "power-home"
    assert not off.days  # power is placed around the runs, not fixed to a weekday
    rotations = {slug for p in plans.values() for slug in p.rotation + p.extras}
    assert {"upper-body", "thoracic-mobility"} <= rotations
    assert "in-season-strength" in plans["in-season"].rotation


def test_a_session_with_jumps_cannot_call_itself_easy(user_workouts: object) -> None:
    from pathlib import Path

    from runstrong.workout.catalog import Invalid, load_session_file

    path = Path(str(user_workouts)) / "hops.toml"
    path.write_text(
        '[session]\nname = "Hops"\nintensity = "easy"\n'
        '[[exercises]]\nexercise = "pogo-hops"\nreps = 10\n'
    )
    library, _ = load_library()
    loaded = load_session_file(path, library)
    assert isinstance(loaded, Invalid)
    assert any(
        "intensity: 'easy', but Pogo hops is a jump or a loaded lift" in str(p)
        for p in loaded.problems
    ), loaded.problems
    path.write_text(path.read_text().replace('"easy"', '"hard"'))
    assert isinstance(load_session_file(path, library), Session)
