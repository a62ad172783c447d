"""Rule 6: light versions worth doing before a run."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from runstrong.cli import main
from runstrong.planning.intensity import intensity_of, warm_up_block
from runstrong.planning.light import (
    MAX_TIME_RATIO,
    NoLight,
    is_left_out,
    light_version,
    session_problems,
)
from runstrong.session.timeline import estimate_seconds
from runstrong.workout.catalog import load_catalog
from runstrong.workout.model import Category, Exercise, Intensity, Phase, PhaseKind, Session

from ..helpers import exercise, hold, reps


def test_light_scaling_keeps_amounts_worth_doing() -> None:
    warm = Exercise("March", 1, (reps(60, tempo=1.0),), 10, category=Category.WARM_UP)
    calf = Exercise(
        "Slow calf drop", 2, (reps(10, tempo=4.0),), 30, focus=("calves",), library_id="drop"
    )
    full = Session(
        "s",
        "S",
        (
            warm,
            Exercise("Warm 2", 1, (hold(30),), 10, category=Category.WARM_UP),
            exercise("Plank", hold(30), sets=2),
            exercise("Lunge", reps(10), sets=3),
            exercise("Bridge", hold(30), reps(15, tempo=1.5), sets=1),
            exercise("Token lunge", reps(4), sets=1),
            exercise("Short hold", hold(8), sets=2),
            calf,
        ),
    )
    light = light_version(full)
    assert isinstance(light, Session) and light.light
    names = [e.name for e in light.exercises]
    assert names[:2] == ["March", "Warm 2"] and light.exercises[:2] == full.exercises[:2]
    # Too small to shrink: left out, not shrunk further. Slow calf work: left out.
    assert "Token lunge" not in names and "Short hold" not in names
    assert "Slow calf drop" not in names
    for e in light.exercises[2:]:
        for p in e.phases:
            assert p.target is None or p.target >= (10 if p.kind is PhaseKind.HOLD else 5)
    assert estimate_seconds(light) <= MAX_TIME_RATIO * estimate_seconds(full)


phases = st.one_of(
    st.builds(Phase, st.just(PhaseKind.HOLD), st.integers(1, 600)),
    st.builds(Phase, st.just(PhaseKind.REPS), st.integers(1, 100)),
)


@given(
    st.lists(
        st.tuples(st.integers(1, 10), phases, st.sampled_from(list(Category))),
        min_size=1,
        max_size=8,
    )
)
def test_any_light_version_keeps_rule_six(items: list[tuple[int, Phase, Category]]) -> None:
    full = Session(
        slug="s",
        name="S",
        intensity=Intensity.MODERATE,
        exercises=tuple(
            Exercise(name=f"E{i}", sets=sets, phases=(phase,), rest=30, category=category)
            for i, (sets, phase, category) in enumerate(items)
        ),
    )
    light = light_version(full)
    if isinstance(light, NoLight):
        assert "only the warm-up would be left" in light.reason
        return
    if light is full:
        return  # already light
    block = warm_up_block(full)
    assert light.exercises[:block] == full.exercises[:block]
    assert len(light.exercises) > block
    for e in light.exercises[block:]:
        assert not is_left_out(e)
        assert all(
            p.target >= (10 if p.kind is PhaseKind.HOLD else 5) for p in e.phases if p.target
        )
    assert estimate_seconds(light) <= MAX_TIME_RATIO * estimate_seconds(full)


def test_bundled_light_versions_keep_rule_six() -> None:
    catalog = load_catalog()
    for full in catalog.sessions:
        assert not session_problems(full), session_problems(full)
    entries = {s.slug: s for s in catalog.sessions}
    # Only the warm-up would be left: no light version.
    assert isinstance(light_version(entries["power"]), NoLight)
    # Already light: the full session.
    assert light_version(entries["pre-run-activation"]) is entries["pre-run-activation"]
    # The coach's case: tendon work and loads gone from the light in-season session.
    light = light_version(entries["in-season-strength"])
    assert isinstance(light, Session)
    kept = {e.library_id for e in light.exercises}
    assert not kept & {"single-leg-decline-squat", "trap-bar-deadlift", "pogo-hops"}
    # A light leg session counts as moderate; light core work is easy.
    assert intensity_of(light) is Intensity.MODERATE
    core = light_version(entries["core-stability"])
    assert isinstance(core, Session) and intensity_of(core) is Intensity.EASY


@pytest.mark.parametrize("command", ["show", "start"])
def test_no_light_version_is_refused_with_the_reason(
    capsys: pytest.CaptureFixture[str], command: str
) -> None:
    assert main([command, "power", "--light"]) == 1
    err = capsys.readouterr().err
    assert "Power has no light version" in err and "only the warm-up" in err


def test_light_activation_is_the_full_session_and_says_so(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", "pre-run-activation", "--light"]) == 0
    out = capsys.readouterr().out
    assert "Pre-run activation is already light" in out
    assert main(["show", "pre-run-activation", "--light", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert main(["show", "pre-run-activation", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["exercises"] == shown["exercises"]
