"""Hostile files: special files, huge and deep values, escapes in keys and names, byte order
marks, the person's settings edited in place, `new` names, and a C locale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from runstrong import paths, settings
from runstrong.cli import main
from runstrong.settings import Settings

RAW = ("\x1b", "\x07", "\x9b", "\u202e", "\u061c")
GOOD = '[session]\nname = "Fine"\n[[exercises]]\nname = "Plank"\nhold = 20\n'
PLAN = '[plan]\nname = "Mine"\nsessions_per_week = 2\nrotation = ["core-stability"]\n'


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_clean(text: str) -> None:
    assert not any(char in text for char in RAW), repr(text)
    assert "Traceback" not in text


def no_traceback(code: int, out: str, err: str) -> str:
    assert "Traceback" not in out + err
    return out + err


# -- special files ----------------------------------------------------------------------------
@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.toml"
    os.mkfifo(path)
    return path


def _big(tmp_path: Path) -> Path:
    path = tmp_path / "big.toml"
    path.write_bytes(b"# " + b"x" * 1_100_000 + b"\n")
    return path


@pytest.mark.parametrize("kind", ["fifo", "device", "big", "folder"])
@pytest.mark.parametrize("command", [["validate"], ["show"], ["import"]])
def test_special_files_are_refused_by_type_and_size(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, kind: str, command: list[str]
) -> None:
    def fifo() -> Path:
        os.mkfifo(tmp_path / "p.toml")
        return tmp_path / "p.toml"

    makers: dict[str, Callable[[], Path]] = {
        "fifo": fifo,
        "device": lambda: Path("/dev/zero"),
        "big": lambda: _big(tmp_path),
        "folder": lambda: tmp_path,
    }
    target = makers[kind]()
    started = time.monotonic()
    code, out, err = run(capsys, *command, str(target))
    # Reading a pipe with no writer, or /dev/zero, would never end: any bound proves the file
    # was refused before reading. A generous one, as a busy machine can take a second to load.
    assert time.monotonic() - started < 10.0
    assert code == 1
    words = {"fifo": "named pipe", "device": "a device", "big": "bytes", "folder": "folder"}[kind]
    if command == ["import"] and kind == "big":
        # An import reads an export of any size; what is wrong is its one huge line.
        words = "characters long"
    assert words in out + err and str(target) in out + err


def test_a_fifo_in_the_plans_and_workouts_folders_does_not_block(
    capsys: pytest.CaptureFixture[str], user_workouts: Path
) -> None:
    os.mkfifo(user_workouts / "stuck.toml")
    (user_workouts / "fine.toml").write_text(GOOD)
    plans = paths.user_plans_dir()
    plans.mkdir(parents=True)
    os.mkfifo(plans / "stuck.toml")
    os.mkfifo(paths.settings_file())
    for command in (["list"], ["plan"], ["today"]):
        code, out, err = run(capsys, *command)
        assert code == 0, err
        no_traceback(code, out, err)
    code, out, _ = run(capsys, "list")
    assert "fine" in out and "named pipe" in out


# -- huge and deep values ---------------------------------------------------------------------
HUGE_VALUES = {
    "400 digits": "9" * 400,
    "5000 digits": "9" * 5000,
    "deep": "[" * 3000 + "]" * 3000,
    "huge float": "9" * 400 + ".5",
}


@pytest.mark.parametrize("value", HUGE_VALUES)
@pytest.mark.parametrize("key", ["hold", "tempo", "sets", "rest", "cues"])
def test_huge_or_deep_workout_values_name_file_and_key(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, value: str, key: str
) -> None:
    path = tmp_path / "w.toml"
    body = f'[session]\nname = "x"\n[[exercises]]\nname = "a"\n{key} = {HUGE_VALUES[value]}\n'
    if key != "hold":
        body += "hold = 10\n"
    path.write_text(body)
    code, out, err = run(capsys, "validate", str(path))
    text = no_traceback(code, out, err)
    assert code == 1 and str(path) in text and key in text
    assert len(text) < 2000  # a 5,000-digit number is not echoed back


@pytest.mark.parametrize("value", HUGE_VALUES)
def test_huge_or_deep_plan_values(capsys: pytest.CaptureFixture[str], value: str) -> None:
    plans = paths.user_plans_dir()
    plans.mkdir(parents=True)
    path = plans / "odd.toml"
    path.write_text(
        PLAN
        + f"sessions_per_week_extra = 1\ndays = {HUGE_VALUES[value]}\n".replace(
            "sessions_per_week_extra = 1\n", ""
        )
    )
    code, out, err = run(capsys, "plan")
    text = no_traceback(code, out, err)
    assert code == 0 and "odd" in text
    code, out, err = run(capsys, "plan", "use", "odd")
    text = no_traceback(code, out, err)
    assert code == 1 and str(path) in text and "days" in text


@pytest.mark.parametrize("value", HUGE_VALUES)
def test_huge_or_deep_settings_values(capsys: pytest.CaptureFixture[str], value: str) -> None:
    path = paths.settings_file()
    path.parent.mkdir(parents=True)
    path.write_text(f"rest_between_sets = {HUGE_VALUES[value]}\n")
    loaded, warnings = settings.load()
    assert loaded == Settings(week_told=False) and warnings
    assert str(path) in warnings[0] and "rest_between_sets" in warnings[0]
    assert len(warnings[0]) < 400
    for command in (["today"], ["list"], ["plan"]):
        no_traceback(*run(capsys, *command))


def test_one_bad_file_never_stops_the_others(
    capsys: pytest.CaptureFixture[str], user_workouts: Path
) -> None:
    (user_workouts / "fine.toml").write_text(GOOD)
    for name, value in HUGE_VALUES.items():
        (user_workouts / f"bad-{name.replace(' ', '-')}.toml").write_text(
            f'[session]\nname = "x"\n[[exercises]]\nname = "a"\nhold = {value}\n'
        )
    (user_workouts / "binary.toml").write_bytes(bytes(range(256)))
    code, out, err = run(capsys, "list")
    assert code == 0 and "fine" in out and "Traceback" not in err
    assert out.count("error:") == len(HUGE_VALUES) + 1
    code, out, err = run(capsys, "today")
    assert code == 0 and "Traceback" not in err


# -- escapes from keys, names and values ------------------------------------------------------
def test_unknown_keys_and_values_in_messages_are_cleaned(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "evil\x1b]0;t\x07.toml"
    path.write_text(
        '[session]\nname = "x"\n"\\u001b]52;c;eA==\\u0007k\\u202e" = 1\n'
        '[[exercises]]\nname = "a"\nhold = "\\u001b[2J\\u061c"\n'
        'sides = ["\\u009b31m"]\n'
    )
    code, out, err = run(capsys, "validate", str(path))
    assert code == 1 and "unknown key" in err and "hold" in err
    assert_clean(out + err)


def test_plan_and_settings_text_is_cleaned(capsys: pytest.CaptureFixture[str]) -> None:
    plans = paths.user_plans_dir()
    plans.mkdir(parents=True)
    (plans / "evil.toml").write_text(
        '[plan]\nname = "Evil\\u001b]0;t\\u0007"\nsessions_per_week = 2\n'
        'rotation = ["core-stability", "\\u001b[31mnope"]\n'
    )
    (plans / "named.toml").write_text(PLAN.replace('"Mine"', '"Mi\\u202ene\\u009b2J"'))
    paths.settings_file().write_text(
        'plan = "named"\ntheme = "\\u001b]52;c;eA==\\u0007"\n"k\\u001b[2J" = 1\n'
        'run_days = ["\\u001b]0;x\\u0007"]\n'
    )
    for command in (["plan"], ["today"], ["list"], ["plan", "use", "evil"]):
        _code, out, err = run(capsys, *command)
        assert_clean(out + err)
    loaded, warnings = settings.load()
    assert all(not any(c in w for c in RAW) for w in warnings) and len(warnings) == 2
    assert not any(c in loaded.theme for c in RAW)


# -- byte order marks --------------------------------------------------------------------------
def test_files_with_a_byte_order_mark_are_read(
    capsys: pytest.CaptureFixture[str], user_workouts: Path, tmp_path: Path
) -> None:
    bom = b"\xef\xbb\xbf"
    (user_workouts / "bom.toml").write_bytes(bom + GOOD.encode())
    paths.user_plans_dir().mkdir(parents=True)
    (paths.user_plans_dir() / "bom.toml").write_bytes(bom + PLAN.encode())
    paths.settings_file().write_bytes(bom + b"count_in = 5\n")
    assert settings.load() == (Settings(count_in=5, week_told=False), [])
    code, _, err = run(capsys, "validate", str(user_workouts / "bom.toml"))
    assert code == 0, err
    assert run(capsys, "plan", "use", "bom")[0] == 0
    export = tmp_path / "bom.jsonl"
    export.write_bytes(
        bom + b'{"set_id": "s", "session_id": "a", "session": "x", '
        b'"session_name": "X", "started_at": "2026-05-01T07:30:00+02:00", '
        b'"exercise": "e", "set": 1, "kind": "reps", "actual": 5, '
        b'"completed_at": "2026-05-01T07:31:00+02:00"}\n'
    )
    assert run(capsys, "import", str(export))[0] == 0
    utf16 = tmp_path / "utf16.toml"
    utf16.write_bytes(b"\xff\xfe" + GOOD.encode("utf-16-le"))
    code, _out, err = run(capsys, "validate", str(utf16))
    assert code == 1 and "byte order mark" in err


# -- settings.toml edited in place -------------------------------------------------------------
WRITTEN = """# my settings, hand-made
sound = false            # the neighbours
run_days = ["Tuesday", "sat"]
plan = "beginner"
my_own_note = "keep me"   # runstrong does not know this key
count_in = "three"       # a mistake, left for me to fix
"""


def test_plan_use_changes_only_the_plan_and_its_start(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import date

    from runstrong.cli import plan

    monkeypatch.setattr(plan, "today_date", lambda: date(2026, 12, 7))
    path = paths.settings_file()
    path.parent.mkdir(parents=True)
    path.write_text(WRITTEN)
    code, _, err = run(capsys, "plan", "use", "in-season")
    assert code == 0, err
    assert path.read_text() == (
        WRITTEN.replace('plan = "beginner"', 'plan = "in-season"') + 'plan_started = "2026-12-07"\n'
    )


def test_a_new_key_is_added_and_the_rest_kept(tmp_path: Path) -> None:
    path = tmp_path / "settings.toml"
    path.write_text("# just a comment\nsound = false\n")
    settings.save(Settings(sound=False, count_in=5), path)
    assert path.read_text() == "# just a comment\nsound = false\ncount_in = 5\n"


def test_a_symlinked_settings_file_stays_a_symlink(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    real = tmp_path / "dotfiles" / "runstrong.toml"
    real.parent.mkdir()
    real.write_text('# in my dotfiles\nplan = "beginner"\n')
    link = paths.settings_file()
    link.parent.mkdir(parents=True)
    link.symlink_to(real)
    assert run(capsys, "plan", "use", "off-season")[0] == 0
    assert link.is_symlink()
    assert real.read_text().startswith('# in my dotfiles\nplan = "off-season"\nplan_started = "')


def test_a_settings_file_that_does_not_parse_is_left_alone(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = paths.settings_file()
    path.parent.mkdir(parents=True)
    path.write_text("sound = \n# half-written\n")
    code, _, err = run(capsys, "plan", "use", "in-season")
    assert code == 1 and "not valid TOML" in err and "nothing was changed" in err
    assert path.read_text() == "sound = \n# half-written\n"


def test_an_unwritable_settings_folder_is_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    config = paths.config_dir()
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text("a file where the folder should be")
    code, _, err = run(capsys, "plan", "use", "in-season")
    assert code == 1 and "cannot save" in err and "Traceback" not in err


async def test_choosing_a_plan_in_the_app_changes_only_the_plan_and_its_start() -> None:
    from runstrong.tui.app import RunstrongApp
    from runstrong.tui.screens.plans import PlansScreen

    path = paths.settings_file()
    path.parent.mkdir(parents=True)
    path.write_text(WRITTEN)
    app = RunstrongApp(settings=settings.load()[0])
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.action_plans()
        await pilot.pause()
        assert isinstance(app.screen, PlansScreen)
        slugs = [slug for slug, _ in app.screen.plans]
        for _ in range(slugs.index("off-season")):
            await pilot.press("down")
        await pilot.press("enter")
        await pilot.pause()
    started = date.fromtimestamp(app.wall()).isoformat()
    assert path.read_text() == (
        WRITTEN.replace('plan = "beginner"', 'plan = "off-season"')
        + f'plan_started = "{started}"\n'
    )


# -- new ------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("exercises", "exercise library"),
        ("Exercises", "exercise library"),
        ("a" * 300, "too long for a file name"),
        ("Core\x1b]0;x\x07", "control characters"),
        ("Core\u202e", "control characters"),
        ("!!!", "no letters or digits"),
    ],
)
def test_new_refuses_names_that_make_bad_files(
    capsys: pytest.CaptureFixture[str], name: str, words: str
) -> None:
    code, out, err = run(capsys, "new", name)
    assert code == 2 and words in err
    assert_clean(out + err)
    assert not paths.user_workouts_dir().exists()


def test_new_reports_a_file_in_place_of_the_folder(capsys: pytest.CaptureFixture[str]) -> None:
    folder = paths.user_workouts_dir()
    folder.parent.mkdir(parents=True)
    folder.write_text("not a folder")
    code, _, err = run(capsys, "new", "Core at lunch")
    assert code == 1 and "is a file, not a folder" in err and "Traceback" not in err
    config = paths.config_dir()
    folder.unlink()
    folder.parent.rmdir()
    config.write_text("not a folder either")
    code, _, err = run(capsys, "new", "Core at lunch")
    assert code == 1 and "not a folder" in err and "Traceback" not in err


# -- a C locale -------------------------------------------------------------------------------
C_LOCALE_COMMANDS = [
    ["list"],
    ["show", "core-stability"],
    ["plan"],
    ["today"],
    ["history"],
    ["stats"],
    ["export", "--format", "csv"],
    ["list", "--json"],
    ["new", "Über Core"],
    ["validate", "workouts/core-stability.toml"],
]


def test_every_command_works_in_a_c_locale(isolated_dirs: Path) -> None:
    # One interpreter started in the C locale (the locale is fixed when Python starts) runs
    # every command in turn, as `runstrong` would, and reports each one's exit status.
    environment = {
        **os.environ,
        "LC_ALL": "C",
        "PYTHONUTF8": "0",
        "PYTHONCOERCECLOCALE": "0",
        "LANG": "C",
    }
    # The commands travel as an argument, so "Über" arrives as the C locale decodes it.
    script = (
        "import json, sys\n"
        "from runstrong.cli import main\n"
        "for argv in json.loads(sys.argv[1]):\n"
        "    code = main(argv)\n"
        "    sys.stdout.flush()\n"
        "    print(f'exit {code}', file=sys.stderr, flush=True)\n"
    )
    root = Path(__file__).resolve().parents[1]
    result = subprocess.run(
        [sys.executable, "-c", script, json.dumps(C_LOCALE_COMMANDS, ensure_ascii=False)],
        capture_output=True,
        env=environment,
        cwd=root,
        timeout=120,
        stdin=subprocess.DEVNULL,
        check=False,
    )
    errors = result.stderr.decode("ascii", "replace")
    assert result.returncode == 0, errors
    assert "Traceback" not in errors
    exits = [line for line in errors.splitlines() if line.startswith("exit ")]
    assert exits == ["exit 0"] * len(C_LOCALE_COMMANDS), errors
    result.stdout.decode("ascii")  # symbols fell back to ASCII
