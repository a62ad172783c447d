from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from runstrong.cli import main


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_list_json_has_bundled_sessions(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "list", "--json")
    rows = json.loads(out)
    assert code == 0
    core = next(r for r in rows if r["slug"] == "core-stability")
    assert core["source"] == "bundled" and core["exercises"] >= 4
    assert core["estimated_seconds"] > 60 and core["focus"]


def test_list_table_shows_broken_user_file(
    capsys: pytest.CaptureFixture[str], user_workouts: Path
) -> None:
    (user_workouts / "oops.toml").write_text("[session\n")
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "error: oops (user): 1 problem, first: not valid TOML" in out
    assert "core-stability" in out


def test_show_json_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "show", "core-stability", "--json")
    data = json.loads(out)
    assert code == 0
    assert {"slug", "name", "estimated_seconds", "exercises"} <= set(data)
    assert data["slug"] == "core-stability"
    first = data["exercises"][0]
    assert {"name", "sets", "phases", "sides", "rest", "cues"} <= set(first)
    per_exercise = sum(e["estimated_seconds"] for e in data["exercises"])
    assert per_exercise < data["estimated_seconds"]  # rests and get-ready on top


def test_show_text_escapes_markup(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "m.toml"
    path.write_text(
        '[session]\nname = "[red]Loud[/red]"\n[[exercises]]\nname = "[b]x"\n'
        'reps = 3\ncues = ["[blink]cue"]\n'
    )
    code, out, _ = run(capsys, "show", str(path))
    assert code == 0
    assert "[red]Loud[/red]" in out and "[b]x" in out and "[blink]cue" in out


def test_unknown_slug_suggests_and_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "show", "core")
    assert code == 2
    assert "no session called 'core'" in err and "core-stability" in err
    assert len(err.strip().splitlines()) == 1


def test_validate_exit_codes(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = tmp_path / "good.toml"
    good.write_text('[session]\nname = "G"\n[[exercises]]\nname = "x"\nhold = 5\n')
    bad = tmp_path / "bad.toml"
    bad.write_text('[session]\nname = "B"\n[[exercises]]\nname = "x"\nhodl = 5\n')
    assert run(capsys, "validate", str(good))[0] == 0
    code, _, err = run(capsys, "validate", str(good), str(bad))
    assert code == 1
    assert f"{bad}: exercise 1 \"x\": hodl: unknown key (did you mean 'hold'?)" in err
    assert "1 of 2 files invalid" in err


def test_show_invalid_file_exits_1(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_bytes(b"\xff")
    code, _, err = run(capsys, "show", str(bad))
    assert code == 1 and "not UTF-8" in err


def test_module_entry_point_and_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "runstrong", "--version"], capture_output=True, text=True, check=True
    )
    assert result.stdout.startswith("runstrong ")


def test_estimates_use_the_persons_settings(
    capsys: pytest.CaptureFixture[str], isolated_dirs: Path
) -> None:
    def seconds() -> int:
        rows = json.loads(run(capsys, "list", "--json")[1])
        return int(next(r for r in rows if r["slug"] == "core-stability")["estimated_seconds"])

    before = seconds()
    config = isolated_dirs / "config"
    config.mkdir(exist_ok=True)
    (config / "settings.toml").write_text("get_ready = 100\n")
    # GET READY goes from the default 10 s to 100 s: the session's estimate grows by 90 s.
    assert seconds() - before == 90
