"""A completed set, once saved, survives kill -9 of the process that saved it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from runstrong.history import HistoryStore, queries

pytestmark = pytest.mark.slow

CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from runstrong.session.engine import SessionEngine
    from runstrong.history import HistoryStore, SessionLog
    from runstrong.workout.model import Exercise, Phase, PhaseKind, Session
    from runstrong.session.timeline import Timing

    class Clock:
        now = 0.0
        def __call__(self):
            return self.now

    clock = Clock()
    session = Session(slug="kill", name="Kill test", exercises=(
        Exercise(name="Plank", sets=20, rest=5, phases=(Phase(PhaseKind.HOLD, 10),)),))
    store = HistoryStore(Path(sys.argv[1]))
    engine = SessionEngine(session, clock=clock, wall=lambda: 1.7e9 + clock.now,
                           timing=Timing(get_ready=0))
    log = SessionLog(store, store.begin_session(session, 1.7e9, 20))
    saved = 0
    for event in engine.start():
        log.handle(event, 0)
    while True:
        clock.now += 0.5
        for event in engine.update():
            log.handle(event, 0)
            if type(event).__name__ == "PhaseLogged":
                saved += 1
                # Only after the commit returned: the parent may kill us from here on.
                print(saved, flush=True)
    """
)


@pytest.mark.parametrize("kill_after", [1, 4])
def test_sigkill_loses_no_saved_set(tmp_path: Path, kill_after: int) -> None:
    path = tmp_path / "history.sqlite3"
    script = tmp_path / "child.py"
    script.write_text(CHILD)
    child = subprocess.Popen(
        [sys.executable, str(script), str(path)],
        stdout=subprocess.PIPE,
        text=True,
        env={**os.environ},
    )
    assert child.stdout is not None
    for line in child.stdout:
        if int(line) >= kill_after:
            break
    child.send_signal(signal.SIGKILL)
    child.wait()
    store = HistoryStore(path)
    (row,) = queries.sessions(store.db)
    assert row.status == "in_progress"
    assert len(row.sets) >= kill_after
    assert [s.set for s in row.sets] == list(range(1, len(row.sets) + 1))
    (unfinished,) = store.unfinished()
    from runstrong.session.engine import SessionEngine
    from runstrong.session.timeline import Timing
    from runstrong.workout.model import Exercise, Phase, PhaseKind, Session

    session = Session(
        slug="kill",
        name="Kill test",
        exercises=(Exercise(name="Plank", sets=20, rest=5, phases=(Phase(PhaseKind.HOLD, 10),)),),
    )
    resumed = SessionEngine(
        session, timing=Timing(get_ready=0), done=store.records_of(unfinished.id)
    )
    step = resumed.timeline[resumed.index]
    assert step.set_number == len(row.sets) + 1
