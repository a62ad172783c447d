from __future__ import annotations

from pathlib import Path

import pytest

from runstrong.checks import parse_document
from runstrong.workout.catalog import Invalid, load_library, load_session_file
from runstrong.workout.model import PhaseKind, Session, Side

EXAMPLE = """
[session]
name = "Core stability"
description = "Example"
focus = ["core"]
equipment = []
rest_between_sets = 30
rest_between_exercises = 45

[[exercises]]
name = "Double heel taps"
cues = ["Knees over hips, shins level", "Breathe out as the heel touches"]
sets = 2
reps = 10
tempo = 2.0
rest = 20

[[exercises]]
name = "Side plank"
sets = 2
hold = 15
sides = ["left", "right"]
progression = { from = 15, to = 60, step = 5 }

[[exercises]]
name = "Glute bridge"
sets = 2
phases = [{ hold = 30 }, { reps = 15, tempo = 1.5 }]

[[exercises]]
name = "Plank test"
hold = "max"
"""


def load(tmp_path: Path, text: str | bytes, name: str = "s.toml") -> Session | Invalid:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    library, _ = load_library()
    return load_session_file(path, library)


def messages(result: Session | Invalid) -> list[str]:
    assert isinstance(result, Invalid), "expected the file to be rejected"
    return [str(p) for p in result.problems]


def test_issue_example_loads(tmp_path: Path) -> None:
    session = load(tmp_path, EXAMPLE, "core.toml")
    assert isinstance(session, Session)
    assert session.slug == "core"
    taps, plank, bridge, test = session.exercises
    assert (taps.sets, taps.rest, taps.phases[0].target, taps.phases[0].tempo) == (2, 20, 10, 2.0)
    assert plank.sides == (Side.LEFT, Side.RIGHT)
    assert plank.rest is None  # the session's rest between sets applies as it runs
    assert session.rest_between_sets == 30
    assert plank.progression is not None and plank.progression.end == 60
    assert [p.kind for p in bridge.phases] == [PhaseKind.HOLD, PhaseKind.REPS]
    assert test.phases[0].is_max_hold and test.sets == 1


def test_library_reference_takes_name_and_cues(tmp_path: Path) -> None:
    library, problems = load_library()
    assert not problems
    ident = next(iter(library))
    text = f'[session]\nname = "x"\n[[exercises]]\nexercise = "{ident}"\nsets = 1\nreps = 5\n'
    session = load(tmp_path, text)
    assert isinstance(session, Session)
    assert session.exercises[0].name == library[ident].name
    assert session.exercises[0].cues == library[ident].cues
    assert session.exercises[0].library_id == ident


def test_every_problem_reported_at_once(tmp_path: Path) -> None:
    text = """
[session]
name = "Broken"
rest_between_sets = -5

[[exercises]]
name = "Plank"
hodl = 30

[[exercises]]
exercise = "side-plnk"
reps = 10
hold = 20
sides = ["left", "up"]

[[exercises]]
name = "Bridge"
sets = 30
phases = [{ hold = "long" }, { reps = 15, tempo = 0.1 }]
"""
    found = messages(load(tmp_path, text, "broken.toml"))
    joined = "\n".join(found)
    assert len(found) >= 8
    assert all(line.startswith(str(tmp_path / "broken.toml")) for line in found)
    assert "rest_between_sets: expected 0 to 900 seconds, got -5" in joined
    assert "exercise 1 \"Plank\": hodl: unknown key (did you mean 'hold'?)" in joined
    assert "exercise 2 \"side-plnk\": exercise: no exercise 'side-plnk'" in joined
    assert "did you mean 'side-plank'" in joined
    assert "give either reps or hold, not both" in joined
    assert 'sides: expected "left" or "right", got \'up\'' in joined
    assert 'exercise 3 "Bridge": sets: expected 1 to 20 sets, got 30' in joined
    assert "phases[1].hold" in joined and "phases[2].tempo" in joined


@pytest.mark.parametrize(
    ("entry", "expected"),
    [
        ("sets = 2", "reps/hold: missing"),
        ("reps = 0", "reps: expected 1 to 500 reps, got 0"),
        ("reps = 501", "expected 1 to 500 reps"),
        ("reps = 10.5", "reps: expected a whole number of reps"),
        ("reps = true", "got true/false"),
        ("hold = 3601", "hold: expected 1 to 3600"),
        ('hold = "forever"', 'hold: expected a whole number of seconds (or "max")'),
        ("hold = 10\ntempo = 2", "tempo only applies to reps"),
        ("reps = 5\ntempo = 11", "tempo: expected 0.5 to 10 seconds per rep, got 11"),
        ("reps = 5\nrest = 901", "rest: expected 0 to 900 seconds"),
        ('reps = 5\nsides = "left"', "sides: expected a list"),
        ('reps = 5\nsides = ["left", "left"]', "listed twice"),
        ("reps = 5\ncues = [1, 2]", "cues: expected a list of text"),
        ("reps = 5\nphases = [{ hold = 3 }]", "with phases, put reps"),
        ("phases = []", "phases: expected a list of phases"),
        ("reps = 5\nprogression = { from = 9, to = 3, step = 1 }", "must not be above"),
        ("reps = 5\nprogression = { from = 1, to = 3 }", "progression.step: missing"),
    ],
)
def test_single_problem_messages(tmp_path: Path, entry: str, expected: str) -> None:
    text = f'[session]\nname = "x"\n[[exercises]]\nname = "Move"\n{entry}\n'
    found = messages(load(tmp_path, text))
    assert any(expected in line for line in found), found
    assert all('exercise 1 "Move"' in line for line in found)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "the file is empty"),
        (b"   \n\n", "the file is empty"),
        (b"\xff\xfe[session]", "not UTF-8 text: it starts with a UTF-16 byte order mark"),
        (b"[session]\xff", "not UTF-8 text (byte 0xff at offset 9)"),
        (b"[session\nname=", "not valid TOML"),
        (b'name = "x"', "session: missing"),
        (b'[session]\nname = "x"\n', "exercises: missing"),
        (b'[session]\n[[exercises]]\nname = "a"\nreps = 1\n', "name: missing"),
        (b'session = 3\n[[exercises]]\nname = "a"\nreps = 1\n', "session: missing"),
        (b'exercises = [1, 2]\n[session]\nname = "x"', "expected [[exercises]] tables"),
    ],
)
def test_file_level_problems(tmp_path: Path, data: bytes, expected: str) -> None:
    found = messages(load(tmp_path, data))
    assert any(expected in line for line in found), found


def test_missing_file_and_folder(tmp_path: Path) -> None:
    library, _ = load_library()
    missing = load_session_file(tmp_path / "nope.toml", library)
    assert "no such file" in messages(missing)[0]
    (tmp_path / "dir.toml").mkdir()
    assert "folder" in messages(load_session_file(tmp_path / "dir.toml", library))[0]


def test_hostile_text_is_cleaned(tmp_path: Path) -> None:
    text = (
        '[session]\nname = "Evil \\u001b]0;pwned\\u0007[bold red]name[/]\\u0007"\n'
        '[[exercises]]\nname = "Plank \\u001b[2J\\u202Egnol"\nhold = 5\n'
        'cues = ["ring \\u0007 bell", "\\u001b[31mred"]\n'
    )
    session = load(tmp_path, text)
    assert isinstance(session, Session)
    assert session.name == "Evil [bold red]name[/]"  # markup kept as data, escaped when drawn
    assert session.exercises[0].name == "Plank gnol"
    assert session.exercises[0].cues == ("ring bell", "red")


def test_parse_document_never_raises_on_deep_nesting() -> None:
    doc, problems = parse_document(b"a = " + b"[" * 5000 + b"]" * 5000, "deep.toml")
    assert doc is not None or problems
