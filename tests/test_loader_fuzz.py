"""Whatever a file holds, the loader answers with a session or with problems, never a crash."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from runstrong.workout.catalog import Invalid, load_library, load_session_file
from runstrong.workout.model import Session

from .fuzzing import fuzz

LIBRARY, _ = load_library()
KEYS = [
    "name",
    "exercise",
    "sets",
    "reps",
    "hold",
    "tempo",
    "rest",
    "sides",
    "phases",
    "progression",
    "cues",
    "hodl",
    "description",
    "from",
    "to",
    "step",
    "session",
    "exercises",
    "rest_between_sets",
    "focus",
]
scalars = st.one_of(
    st.integers(-10, 5000),
    st.floats(allow_nan=False),
    st.booleans(),
    st.text(max_size=20),
    st.sampled_from(["max", "left", "right", "side-plank", "up"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.sampled_from(KEYS), inner, max_size=5)
    ),
    max_leaves=20,
)
documents = st.fixed_dictionaries(
    {},
    optional={
        "session": st.dictionaries(st.sampled_from(KEYS), values, max_size=5),
        "exercises": st.lists(
            st.dictionaries(st.sampled_from(KEYS), values, max_size=6), max_size=4
        ),
    },
)


def _load(tmp: Path, data: bytes) -> Session | Invalid:
    path = tmp / "fuzz.toml"
    path.write_bytes(data)
    return load_session_file(path, LIBRARY)


@fuzz(300)
@given(doc=documents)
def test_structured_documents_give_session_or_problems(
    tmp_path_factory: Any, doc: dict[str, Any]
) -> None:
    result = _load(tmp_path_factory.mktemp("f"), tomli_w.dumps(doc).encode())
    if isinstance(result, Invalid):
        assert result.problems
        assert all(str(p).startswith(str(result.path)) for p in result.problems)
    else:
        assert result.exercises


@fuzz(300)
@given(data=st.binary(max_size=300) | st.text(max_size=300).map(str.encode))
def test_arbitrary_bytes_give_session_or_problems(tmp_path_factory: Any, data: bytes) -> None:
    result = _load(tmp_path_factory.mktemp("b"), data)
    assert isinstance(result, Session | Invalid)
    if isinstance(result, Invalid):
        assert result.problems


def test_round_trip_of_a_valid_document(tmp_path: Path) -> None:
    doc = {"session": {"name": "RT"}, "exercises": [{"name": "A", "sets": 3, "hold": 20}]}
    result = _load(tmp_path, tomli_w.dumps(doc).encode())
    assert isinstance(result, Session)
    assert tomllib.loads(tomli_w.dumps(doc)) == doc
