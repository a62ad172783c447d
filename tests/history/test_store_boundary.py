"""The history's boundary: `HistoryStore` is the one way in, runs included, and a read that
fails comes out as one `HistoryError` naming the file, as writes do."""

from __future__ import annotations

import ast
from collections.abc import Callable
from pathlib import Path

import pytest

import runstrong
from runstrong import paths
from runstrong.history import HistoryError, HistoryReadError, HistoryStore

from .test_hostile_history import make_damaged_history

SOURCE = Path(runstrong.__file__).parent
# The screens are being moved onto the store by their own change; everything else is here.
NOT_YET = {"tui"}


def test_nothing_outside_the_history_package_reaches_the_raw_connection() -> None:
    reaching = []
    for module in sorted(SOURCE.rglob("*.py")):
        part = module.relative_to(SOURCE).parts[0]
        if part == "history" or part in NOT_YET:
            continue
        for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr == "db":
                reaching.append(f"{module.relative_to(SOURCE)}:{node.lineno}")
    assert reaching == []


@pytest.mark.parametrize(
    "read",
    [
        lambda store: store.sessions(limit=None),
        lambda store: store.exercise_stats(),
        lambda store: store.export("jsonl"),
    ],
    ids=["sessions", "exercise_stats", "export"],
)
def test_a_read_that_meets_damage_raises_one_history_error(
    read: Callable[[HistoryStore], object],
) -> None:
    path = paths.history_file()
    path.parent.mkdir(parents=True)
    make_damaged_history(path)
    store = HistoryStore.for_reading(path)
    assert store is not None
    with store, pytest.raises(HistoryError) as caught:
        read(store)
    assert isinstance(caught.value, HistoryReadError) and caught.value.damaged
    assert str(path) in str(caught.value) and "damaged" in str(caught.value)


def test_damage_under_runs_gives_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    from runstrong.cli import main

    path = paths.history_file()
    path.parent.mkdir(parents=True)
    make_damaged_history(path)
    for command in (["history", "--limit", "1000"], ["stats"], ["runs", "--limit", "1000"]):
        code = main(command)
        err = capsys.readouterr().err
        assert code in (0, 1) and "Traceback" not in err
        if code == 1:
            assert str(path) in err.replace("\n", "")
