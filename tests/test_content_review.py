"""Issue 18: the coach's read of the sessions, as checks on the bundled content."""

from __future__ import annotations

from runstrong.planning.intensity import warm_up_block, warm_up_seconds
from runstrong.planning.plans import Plan, load_plans
from runstrong.session.timeline import estimate_minutes
from runstrong.workout.catalog import load_catalog, load_library
from runstrong.workout.model import Category, PhaseKind, Session


def sessions() -> dict[str, Session]:
    return {s.slug: s for s in load_catalog().sessions}


def ids(session: Session) -> list[str]:
    return [e.library_id or e.name for e in session.exercises]


def test_warm_ups_build_up_to_explosive_and_heavy_work() -> None:
    found = sessions()
    for slug in ("power", "power-home", "in-season-strength", "feet-and-ankles"):
        session = found[slug]
        block = ids(session)[: warm_up_block(session)]
        assert {"a-skip", "landing-drill"} <= set(block), slug
        first_jump = next(
            n for n, e in enumerate(session.exercises) if e.category is Category.PLYOMETRIC
        )
        assert first_jump == warm_up_block(session), slug  # hops straight after the warm-up
    for slug in ("power", "power-home"):
        assert "practice-jump" in ids(found[slug])[: warm_up_block(found[slug])]
    for slug, lift in (
        ("power", "trap-bar-deadlift"),
        ("power-home", "rucksack-deadlift"),
        ("in-season-strength", "trap-bar-deadlift"),
    ):
        lifts = [e for e in found[slug].exercises if e.library_id == lift]
        lighter = [e for e in lifts if "lighter set" in e.name]
        assert 2 <= len(lighter) <= 3 and lifts[-1] not in lighter, slug
        assert lifts.index(lighter[-1]) < lifts.index(lifts[-1])
    foundational = found["foundational"]
    opening = foundational.exercises[: warm_up_block(foundational)]
    assert warm_up_seconds(foundational) >= 180
    assert all(p.kind is PhaseKind.REPS for e in opening for p in e.phases)  # moving, no hold
    upper = found["upper-body"]
    upper_block = ids(upper)[: warm_up_block(upper)]
    assert {"arm-circles", "arm-swing-drill"} <= set(upper_block)
    assert not any(i.startswith("single-leg") for i in upper_block)


def test_in_season_and_off_season_content() -> None:
    found = sessions()
    in_season = found["in-season-strength"]
    names = [e.name for e in in_season.exercises]
    assert "Straight-knee calf raise" in names and "Bent-knee calf raise" in names
    assert "single-leg-balance" in ids(in_season)
    plans = {s: p for s, p in load_plans(found).items() if isinstance(p, Plan)}
    assert "thoracic-mobility" not in plans["in-season"].rotation
    assert plans["in-season"].extras == ("thoracic-mobility",)
    loaded = set(ids(found["power"])) | set(ids(found["power-home"]))
    assert {"loaded-step-up", "rucksack-split-squat"} <= loaded


def test_order_and_the_exercises_used() -> None:
    found = sessions()
    core = ids(found["core-stability"])
    assert core.index("towel-rollout-hold") == core.index("front-plank") + 1
    assert "bird-dog" in core
    hips = found["hips-and-glutes"]
    assert ids(hips)[warm_up_block(hips)] == "single-leg-squat"
    assert "clamshell" in ids(hips) and "clamshell" in ids(found["pre-run-activation"])
    foundational = found["foundational"]
    single = ids(foundational).index("single-leg-deadlift")
    assert single <= warm_up_block(foundational) + 1


def test_renames_and_harder_versions() -> None:
    library, _ = load_library()
    lift = library["single-leg-back-extension"]
    assert lift.name == "Face-down single-leg lift" and "towel" in lift.easier
    assert "other foot" in library["step-up"].description
    assert "weight" in library["single-leg-decline-squat"].harder
    assert "Single-leg rucksack deadlift" in library["rucksack-deadlift"].harder
    assert "Band-resisted rotation" in library["oblique-twist"].harder


def test_activation_before_key_runs_adds_drills_and_four_strides() -> None:
    key = sessions()["key-run-activation"]
    plain = sessions()["pre-run-activation"]
    assert ids(key)[: len(plain.exercises)] == ids(plain)
    strides = next(e for e in key.exercises if e.library_id == "stride")
    assert strides.phases[0].target == 4
    assert {"a-skip", "high-knees"} <= set(ids(key))


def test_descriptions_state_their_real_length() -> None:
    for session in load_catalog().sessions:
        assert f"About {estimate_minutes(session)} minutes" in session.description, session.slug
