"""Issue 20: two runstrongs at once. The second never offers to resume (or closes) the
session the first is running, and saving settings never undoes a `plan use` made meanwhile."""

from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from runstrong import paths, settings
from runstrong.application.instance_lock import held_elsewhere, resumable
from runstrong.application.recording import Recorder
from runstrong.cli import main
from runstrong.history import HistoryStore
from runstrong.session.engine import SessionEngine
from runstrong.session.timeline import Timing
from runstrong.settings import Settings

from .drive import run_engine
from .fakes import FakeClock
from .helpers import exercise, hold, session

SESSION = session(exercise("Plank", hold(5), sets=3, rest=5))


def held_by_another_process(history: Path, session_id: int) -> bool:
    code = (
        "import sys; from pathlib import Path\n"
        "from runstrong.application.instance_lock import held_elsewhere\n"
        f"print(held_elsewhere(Path({str(history)!r}), {session_id}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return out.stdout.strip() == "True"


def test_a_running_session_is_not_offered_to_a_second_instance(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    store = HistoryStore(path)
    clock = FakeClock()
    engine = SessionEngine(SESSION, clock=clock, wall=clock.wall, timing=Timing(get_ready=0))
    recorder = Recorder(store, clock.wall)
    recorder.begin(SESSION)
    for event in engine.start() + run_engine(engine, clock, 6):
        recorder.handle(event)
    (running,) = store.unfinished()  # one set saved: the row is there, in progress
    assert held_by_another_process(path, running.id)
    assert resumable(path, store.unfinished()) == []
    # Put aside to finish later (or the process gone, even by kill -9): offered again.
    for event in engine.stop(resumable=True):
        recorder.handle(event)
    assert not held_by_another_process(path, running.id)
    assert [u.id for u in resumable(path, store.unfinished())] == [running.id]


def test_a_lock_goes_with_the_process_that_held_it(tmp_path: Path) -> None:
    path = tmp_path / "history.sqlite3"
    code = (
        "import os, sys; from pathlib import Path\n"
        "from runstrong.application.instance_lock import SessionLock\n"
        f"lock = SessionLock(Path({str(path)!r})); assert lock.hold(7)\n"
        "print('held', flush=True); sys.stdin.read(); os._exit(9)\n"
    )
    child = subprocess.Popen(
        [sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert child.stdout is not None and child.stdout.readline().strip() == "held"
    assert held_elsewhere(path, 7)
    child.kill()  # kill -9: no chance to let go
    child.wait()
    assert not held_elsewhere(path, 7)
    assert not held_elsewhere(path, 8)  # never locked at all


def test_saving_the_settings_screen_keeps_a_plan_chosen_meanwhile() -> None:
    settings.save(Settings(plan="off-season", count_in=3))
    on_screen, _ = settings.load()  # the settings screen opens with these ...
    assert main(["plan", "use", "in-season"]) == 0  # ... another terminal picks a plan ...
    edited = replace(on_screen, count_in=5)  # ... and the person edits one key
    path, now = settings.save_edited(edited, {"count_in"})
    assert path == paths.settings_file()
    saved, _ = settings.load()
    assert (saved.plan, saved.count_in) == ("in-season", 5)
    assert (now.plan, now.count_in) == ("in-season", 5)
