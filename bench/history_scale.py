"""History at ten years' scale: building a 100,000-set export and timing what reads it."""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

EXERCISES = [
    ("front-plank", "Front plank", "hold", None),
    ("side-plank", "Side plank", "hold", "sides"),
    ("glute-bridge", "Glute bridge", "hold", None),
    ("lunge", "Lunge", "reps", "sides"),
    ("step-up", "Step up", "reps", "sides"),
    ("push-up", "Push-up", "reps", None),
    ("calf-raise", "Calf raise", "reps", None),
    ("deadbug", "Deadbug", "reps", None),
]


def make_export(path: Path, sets: int = 100_000) -> int:
    """About three sessions a week for ten years, ~64 set records each."""
    start = datetime(2016, 1, 4, 7, tzinfo=timezone(timedelta(hours=1)))
    written = session = 0
    with path.open("w") as out:
        while written < sets:
            began = start + timedelta(days=session * 7 // 3, minutes=session % 50)
            sid = uuid.uuid4().hex
            for index, (key, name, kind, sides) in enumerate(EXERCISES):
                for number in (1, 2, 3, 4):
                    for side in ("left", "right") if sides else (None,):
                        if written >= sets:
                            break
                        done = began + timedelta(minutes=index * 4 + number)
                        target = 30 if kind == "hold" else 10
                        out.write(
                            json.dumps(
                                {
                                    "set_id": uuid.uuid4().hex,
                                    "session_id": sid,
                                    "session": "bench",
                                    "session_name": "Bench session",
                                    "started_at": began.isoformat(),
                                    "exercise": key,
                                    "exercise_name": name,
                                    "exercise_index": index,
                                    "set": number,
                                    "side": side,
                                    "kind": kind,
                                    "target": target,
                                    "actual": target - (session + number) % 4,
                                    "rpe": None,
                                    "completed_at": done.isoformat(),
                                    "session_status": "completed",
                                    "session_ended_at": (began + timedelta(minutes=40)).isoformat(),
                                    "planned_sets": 32,
                                }
                            )
                            + "\n"
                        )
                        written += 1
            session += 1
    return written


def durable_write_ms(path: Path, count: int = 300) -> tuple[float, float]:
    from runstrong.history import HistoryStore
    from runstrong.session.events import PhaseRecord
    from runstrong.workout.model import PhaseKind, Session

    store = HistoryStore(path)
    sid = store.begin_session(Session(slug="w", name="Writes", exercises=()), time.time(), 0)
    timings = []
    for seq in range(count):
        record = PhaseRecord(
            seq,
            0,
            "plank",
            "Plank",
            seq + 1,
            None,
            0,
            PhaseKind.HOLD,
            30,
            30,
            time.time(),
            time.time(),
        )
        begin = time.perf_counter()
        store.record(sid, seq, record)
        timings.append((time.perf_counter() - begin) * 1000)
    store.close()
    timings.sort()
    return statistics.median(timings), timings[int(len(timings) * 0.95)]


def screen_open_seconds(env: dict[str, str]) -> float:
    """Time to push the history screen and draw it, over the history `env` points at."""
    os.environ.update({k: v for k, v in env.items() if k.startswith("RUNSTRONG")})
    from runstrong.history import HistoryStore
    from runstrong.paths import history_file
    from runstrong.tui.app import RunstrongApp
    from runstrong.tui.screens.history import HistoryScreen

    async def run() -> float:
        with tempfile.TemporaryDirectory():
            app = RunstrongApp()
            async with app.run_test(size=(80, 24)) as pilot:
                await pilot.pause()
                store = HistoryStore(history_file())
                begin = time.perf_counter()
                await app.push_screen(HistoryScreen(store))
                await pilot.pause()
                return time.perf_counter() - begin

    return statistics.median(asyncio.run(run()) for _ in range(3))


def import_seconds(env: dict[str, str], export: Path, rounds: int = 3) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of `runstrong import` of `export`
    into an empty history. CPU time is what to compare on a shared, busy machine."""
    import resource
    import subprocess
    import sys

    history = Path(env["RUNSTRONG_DATA_DIR"]) / "history.sqlite3"
    walls, cpus = [], []
    for _ in range(rounds):
        for stale in history.parent.glob("history.sqlite3*"):
            stale.unlink()
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "runstrong", "import", str(export)],
            env=env,
            check=True,
            capture_output=True,
        )
        walls.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return statistics.median(walls), statistics.median(cpus)


if __name__ == "__main__":
    # `python -m bench.history_scale`: the import measure alone.
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        environment = {**os.environ, "RUNSTRONG_DATA_DIR": str(folder / "data")}
        (folder / "data").mkdir()
        target = folder / "ten-years.jsonl"
        sets = make_export(target)
        wall, cpu = import_seconds(environment, target)
        load = os.getloadavg()[0]
        print(
            f"runstrong import {sets:,} sets ({target.stat().st_size / 1e6:.0f} MB): "
            f"{wall:.2f} s wall, {cpu:.2f} s CPU (medians of 3; load average {load:.1f})"
        )
