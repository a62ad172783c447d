"""Faults and bad input: each gives a clear message, and nothing is lost."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
import tomli_w
from hypothesis import given
from hypothesis import strategies as st

from runstrong import settings as settings_file
from runstrong.history import HistoryError, HistoryStore, queries
from runstrong.planning.plans import InvalidPlan, Plan, load_plan_file
from runstrong.settings import Settings
from runstrong.tui.app import RunstrongApp
from runstrong.tui.screens.session import SessionScreen

from .drive import drive
from .fakes import FakeClock, FakePlayer
from .fuzzing import fuzz
from .helpers import exercise, hold, saved_records, session

plan_values = st.recursive(
    st.one_of(
        st.integers(-5, 20),
        st.text(max_size=12),
        st.booleans(),
        st.sampled_from(["power", "core-stability", "mon", "funday"]),
    ),
    lambda inner: st.lists(inner, max_size=4),
    max_leaves=8,
)
plan_docs = st.fixed_dictionaries(
    {},
    optional={
        "plan": st.dictionaries(
            st.sampled_from(
                ["name", "sessions_per_week", "rotation", "days", "description", "weekly"]
            ),
            plan_values,
            max_size=5,
        )
    },
)


@fuzz(600)
@given(doc=plan_docs)
def test_generated_plan_files_give_a_plan_or_problems(
    tmp_path_factory: Any, doc: dict[str, Any]
) -> None:
    path = tmp_path_factory.mktemp("p") / "gen.toml"
    path.write_text(tomli_w.dumps(doc))
    result = load_plan_file(path, ["power", "core-stability"], "user")
    if isinstance(result, InvalidPlan):
        assert result.problems and all(str(path) in str(p) for p in result.problems)
    else:
        assert isinstance(result, Plan) and 1 <= result.sessions_per_week <= 7


setting_values = st.one_of(
    st.integers(-100, 1000),
    st.text(max_size=8),
    st.booleans(),
    st.lists(st.text(max_size=9), max_size=3),
    st.floats(),
)


@fuzz(300)
@given(
    doc=st.dictionaries(
        st.sampled_from(
            ["sound", "voice", "count_in", "get_ready", "run_days", "theme", "plan", "bogus"]
        ),
        setting_values,
        max_size=6,
    )
)
def test_generated_settings_never_crash(tmp_path_factory: Any, doc: dict[str, Any]) -> None:
    path = tmp_path_factory.mktemp("s") / "settings.toml"
    try:
        path.write_text(tomli_w.dumps(doc))
    except (ValueError, TypeError):
        return  # not representable in TOML (NaN): nothing a person could have written
    loaded, warnings = settings_file.load(path)
    assert isinstance(loaded, Settings)
    assert all(str(path) in w for w in warnings)
    assert 0 <= loaded.count_in <= 10


def test_missing_and_read_only_data_folder(tmp_path: Path) -> None:
    if os.geteuid() == 0:
        pytest.skip("root ignores file permissions")
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        with pytest.raises(HistoryError, match=str(folder)):
            HistoryStore(folder / "sub" / "history.sqlite3")
    finally:
        folder.chmod(0o700)


def test_data_path_that_is_a_file_gives_a_clear_error(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(HistoryError, match="cannot be created"):
        HistoryStore(blocker / "history.sqlite3")


async def test_event_loop_blocked_two_seconds_mid_hold() -> None:
    clock = FakeClock()
    player = FakePlayer()
    app = RunstrongApp(
        session=session(exercise("Plank", hold(10)), exercise("B", hold(5))),
        clock=clock,
        wall=clock.wall,
        player=player,
        settings=Settings(get_ready=0),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        for _ in range(24):  # 6 s of normal 4 Hz ticks
            clock.advance(0.25)
            screen.runner.tick()
        clock.advance(2.0)  # the loop is blocked: no tick for 2 s, straight past 2 ticks
        screen.runner.tick()
        for _ in range(12):
            clock.advance(0.25)
            screen.runner.tick()
        await pilot.pause()
        (record,) = saved_records(app)
        assert record.ended_at - record.started_at == 10 and record.actual == 10
        assert player.played.count("tick") == 3 and player.played.count("rest") == 1
        assert screen.runner.view.step.kind.value == "REST"


async def test_pause_for_an_hour_loses_nothing() -> None:
    clock = FakeClock()
    app = RunstrongApp(
        session=session(exercise("Plank", hold(20))),
        clock=clock,
        wall=clock.wall,
        player=FakePlayer(),
        settings=Settings(get_ready=0, count_in=3),
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        await drive(app, clock, 8)
        await pilot.press("p")
        clock.advance(3600)
        screen.runner.tick()
        assert screen.runner.view.remaining == 12
        await pilot.press("p")
        await drive(app, clock, 3 + 12 + 0.25, pilot)
        records = saved_records(app)
        assert [r.actual for r in records] == [20]


WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from runstrong.session.events import PhaseRecord
    from runstrong.history import HistoryStore
    from runstrong.workout.model import PhaseKind, Session
    store = HistoryStore(Path(sys.argv[1]))
    sid = store.begin_session(Session(slug=sys.argv[2], name=sys.argv[2], exercises=()),
                              time.time(), 0)
    for seq in range(150):
        store.record(sid, seq, PhaseRecord(seq, 0, "plank", "Plank", seq + 1, None, 0,
                                           PhaseKind.HOLD, 30, 30, time.time(), time.time()))
    store.finish(sid, True, time.time())
    """
)


def test_two_processes_logging_at_once(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    HistoryStore(path).close()
    script = tmp_path / "writer.py"
    script.write_text(WRITER)
    children = [
        subprocess.Popen([sys.executable, str(script), str(path), name]) for name in ("one", "two")
    ]
    assert [child.wait(timeout=60) for child in children] == [0, 0]
    rows = queries.sessions(HistoryStore(path).db, limit=None)
    assert sorted(r.session for r in rows) == ["one", "two"]
    assert all(len(r.sets) == 150 and r.status == "completed" for r in rows)
