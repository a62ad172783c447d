"""`runstrong exercise`: one library entry with its figure, the library as JSON, wrong ids."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from runstrong.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_exercise_prints_the_whole_entry_and_its_figure(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "exercise", "side-plank")
    assert code == 0 and err == ""
    assert "Side plank" in out and "(side-plank)" in out
    assert "Set-up: lie on one side" in out  # description
    assert "Elbow right under the shoulder" in out  # a cue
    assert "Easier: Bend the lower knee" in out
    assert "Harder: Lift the top leg" in out
    assert "Figure (front view)" in out
    assert any(0x2801 <= ord(c) <= 0x28FF for c in out)  # drawn in braille
    assert "hold" in out  # the key position's name under the drawing
    assert "Used in: " in out and "(core-stability)" in out
    assert "sides: left, right" in out


def test_two_key_positions_are_drawn_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, "exercise", "step-jump")
    labels = next(line for line in out.splitlines() if "start" in line and "end" in line)
    assert labels.index("start") < labels.index("end")


def test_library_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "exercise", "--json")
    rows = json.loads(out)
    assert code == 0
    assert len(rows) >= 50
    by_id = {row["id"]: row for row in rows}
    for row in rows:
        assert {"id", "name", "sides", "kind"} <= set(row)
        assert row["kind"] in ("hold", "reps")
        assert isinstance(row["sides"], list)
    assert by_id["front-plank"]["kind"] == "hold"
    assert by_id["push-up"]["kind"] == "reps"
    assert by_id["side-plank"]["sides"] == ["left", "right"]
    assert by_id["push-up"]["sides"] == []
    assert by_id["front-plank"]["name"] == "Front plank"


def test_one_exercise_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "exercise", "push-up", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["id"] == "push-up" and data["kind"] == "reps"
    assert data["cues"] and data["easier"] and "upper-body" in data["sessions"]


def test_wrong_id_suggests_the_nearest_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "exercise", "pushup")
    assert code == 2 and out == ""
    assert "no exercise called 'pushup'" in err and "did you mean 'push-up'" in err
    code, _, err = run(capsys, "exercise", "plank")
    assert code == 2 and "front-plank" in err


def test_text_from_files_is_cleaned(
    capsys: pytest.CaptureFixture[str], user_workouts: Path
) -> None:
    (user_workouts / "exercises.toml").write_text(
        '[loud]\nname = "Loud\\u001b[31m one [bold]x[/bold]"\n'
        'cues = ["\\u001b]0;title\\u0007cue"]\ndescription = "Set-up: \\u0007stand"\n'
        '[loud.figure]\nhold = { on = ["feet"] }\n'
    )
    code, out, _ = run(capsys, "exercise", "loud")
    assert code == 0
    assert "\x1b" not in out and "\x07" not in out
    assert "Loud one [bold]x[/bold]" in out  # drawn as text, not markup
    code, out, _ = run(capsys, "exercise", "--json")
    assert "\\u001b" not in out and any(r["id"] == "loud" for r in json.loads(out))


def test_no_id_lists_the_library(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "exercise")
    assert code == 0 and "front-plank" in out and "Box jump" in out


def test_a_terminal_that_cannot_encode_braille_gets_ascii() -> None:
    import io

    from rich.console import Console

    from runstrong.cli.exercise import charset_for, figure_lines
    from runstrong.figures import Charset
    from runstrong.workout.catalog import load_library

    ascii_console = Console(file=io.TextIOWrapper(io.BytesIO(), encoding="ascii"))
    assert charset_for(ascii_console) is Charset.ASCII
    figure = load_library()[0]["squat-jump"].figure
    assert figure is not None
    "\n".join(line.plain for line in figure_lines(figure, charset_for(ascii_console))).encode(
        "ascii"
    )


@pytest.mark.parametrize(("columns", "tall"), [(100, 20), (80, 16), (60, 10)])
def test_figures_use_the_terminals_width(columns: int, tall: int) -> None:
    from runstrong.cli.exercise import figure_lines
    from runstrong.figures import Charset
    from runstrong.workout.catalog import load_library

    figure = load_library()[0]["body-squat"].figure
    assert figure is not None
    rows = [line.plain for line in figure_lines(figure, Charset.BRAILLE, columns)]
    drawing = rows[: rows.index(next(r for r in rows if "start" in r))]
    assert len(drawing) >= tall  # head to ground, a standing figure
    assert all(len(row) <= columns for row in rows)


def test_a_one_sided_exercise_says_which_side_the_figure_shows(
    capsys: pytest.CaptureFixture[str],
) -> None:
    _, out, _ = run(capsys, "exercise", "single-leg-balance")
    assert "Drawn with the right side working; the left side is the mirror image." in out
