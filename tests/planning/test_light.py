from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from runstrong.planning.light import light_session, volume
from runstrong.workout.catalog import load_catalog
from runstrong.workout.model import Exercise, Phase, PhaseKind, Session

from ..helpers import exercise, hold, reps, session


def test_light_scaling_examples() -> None:
    full = session(
        exercise("Plank", hold(30), sets=2),
        exercise("Lunge", reps(10), sets=3),
        exercise("Bridge", hold(30), reps(15, tempo=1.5), sets=1),
        exercise("Test", hold(None), sets=1),
    )
    light = light_session(full)
    plank, lunge, bridge, test = light.exercises
    assert (plank.sets, plank.phases[0].target) == (1, 25)
    assert (lunge.sets, lunge.phases[0].target) == (2, 8)
    assert (bridge.sets, [p.target for p in bridge.phases]) == (1, [15, 8])
    assert bridge.phases[1].tempo == 1.5
    assert test.phases[0].target is None
    assert light.light and [e.name for e in light.exercises] == [e.name for e in full.exercises]
    assert light_session(light) == light


phases = st.one_of(
    st.builds(Phase, st.just(PhaseKind.HOLD), st.integers(10, 3600)),
    st.builds(Phase, st.just(PhaseKind.REPS), st.integers(4, 500)),
)


# Realistic targets: a 3 s hold or 2 reps cannot be halved into anything useful.
@given(st.lists(st.tuples(st.integers(1, 20), phases), min_size=1, max_size=8))
def test_light_is_about_half_and_never_empty(items: list[tuple[int, Phase]]) -> None:
    full = Session(
        slug="s",
        name="S",
        exercises=tuple(
            Exercise(name=f"E{i}", sets=sets, phases=(phase,), rest=30)
            for i, (sets, phase) in enumerate(items)
        ),
    )
    light = light_session(full)
    for before, after in zip(full.exercises, light.exercises, strict=True):
        assert 1 <= after.sets <= before.sets
        assert after.sets < before.sets or before.sets == 1
        assert all(
            1 <= (a.target or 1) <= (b.target or 1)
            for a, b in zip(after.phases, before.phases, strict=True)
        )
    ratio = volume(light) / volume(full)
    assert 0.2 <= ratio <= 0.85


def test_bundled_sessions_halve() -> None:
    sessions = load_catalog().sessions
    assert len(sessions) >= 8
    for full in sessions:
        ratio = volume(light_session(full)) / volume(full)
        assert 0.3 <= ratio <= 0.7, (full.slug, ratio)
