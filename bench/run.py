"""runstrong's benchmarks: every figure next to a baseline measured in the same run.

    python bench/run.py            # everything (about 12 minutes)
    python bench/run.py --quick    # fewer rounds, shorter windows

Needs tmux (real-terminal figures). Prints a Markdown table for the README.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "bench"
PY = sys.executable
RUNSTRONG = [PY, "-m", "runstrong"]
rows: list[tuple[str, str, str, str]] = []


def row(what: str, figure: str, baseline: str, verdict: str) -> None:
    rows.append((what, figure, baseline, verdict))
    print(f"  {what}: {figure} (baseline {baseline}) {verdict}", flush=True)


def scratch_env(tmp: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["RUNSTRONG_CONFIG_DIR"] = str(tmp / "config")
    env["RUNSTRONG_DATA_DIR"] = str(tmp / "data")
    env["TERM"] = "xterm-256color"
    # Measure runstrong as installed: its modules compiled once, not on every start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# -- real-terminal helpers (tmux, on a server of our own: see bench/pane.py) -----------------
def tmux(*args: str) -> str:
    from bench.pane import tmux as private

    return private(*args)


def in_tmux(command: list[str], env: dict[str, str], name: str = "bench") -> int:
    """Start `command` in a detached 80x24 tmux session and return its pid."""
    from bench.pane import start

    return start(command, env, name)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return (int(fields[11]) + int(fields[12])) / ticks


def peak_rss_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def timed_runs(command: list[str], env: dict[str, str], rounds: int) -> list[float]:
    """Wall time of `command` in a real terminal, `rounds` times."""
    out = Path(tempfile.mkdtemp()) / "times.json"
    driver = [PY, str(BENCH / "repeat.py"), str(out), str(rounds), *command]
    in_tmux(driver, env, "startup")
    for _ in range(600):
        if out.exists():
            break
        time.sleep(0.2)
    return list(json.loads(out.read_text()))


# -- the benchmarks -------------------------------------------------------------------------
def bench_startup(tmp: Path, rounds: int) -> None:
    env = scratch_env(tmp)
    ours: list[float] = []
    floor: list[float] = []
    for _ in range(rounds):  # interleaved, so load on the machine hits both alike
        floor += timed_runs([PY, str(BENCH / "bare_apps.py"), "startup"], env, 1)
        ours += timed_runs([PY, str(BENCH / "first_frame.py")], env, 1)
    ratio = statistics.median(ours) / statistics.median(floor)
    row(
        "Start-up to first frame of the home screen",
        f"{statistics.median(ours) * 1000:.0f} ms median",
        f"bare Textual app {statistics.median(floor) * 1000:.0f} ms",
        f"{ratio:.2f}x ({'ok' if ratio <= 1.2 else 'over'} target 1.2x)",
    )


def bench_session(tmp: Path, name: str, body: str, settings: str) -> Path:
    path = tmp / f"{name}.toml"
    path.write_text(f'[session]\nname = "Bench {name}"\n{body}')
    (tmp / "config").mkdir(parents=True, exist_ok=True)
    (tmp / "config" / "settings.toml").write_text(settings)
    return path


HOLD = '[[exercises]]\nname = "Plank"\nhold = 600\n'
# A library exercise with a figure, so the figure moves through every rep beside the clock.
REPS = '[[exercises]]\nexercise = "body-squat"\nreps = 500\ntempo = 2.0\n'
QUIET = "get_ready = 0\nsound = false\n"


def bench_cpu_and_memory(tmp: Path, rounds: int, window: float) -> None:
    env = scratch_env(tmp)
    sessions = {
        "hold": bench_session(tmp, "hold", HOLD, QUIET),
        "reps": bench_session(tmp, "reps", REPS, QUIET),
    }
    used: dict[str, list[float]] = {"floor": [], "hold": [], "reps": []}
    peaks: list[float] = []
    for _ in range(rounds):  # interleaved, so load on the machine hits all three alike
        for kind in used:
            command = (
                [PY, str(BENCH / "bare_apps.py"), "ticker"]
                if kind == "floor"
                else [*RUNSTRONG, "start", str(sessions[kind]), "--mute"]
            )
            pid = in_tmux(command, env)
            time.sleep(3)  # past start-up
            before = cpu_seconds(pid)
            time.sleep(window)
            used[kind].append((cpu_seconds(pid) - before) / window * 100)
            if kind != "floor":
                peaks.append(peak_rss_mib(pid))
                screen = tmux("capture-pane", "-p", "-t", "bench")
                assert ("HOLD" if kind == "hold" else "REPS") in screen, screen
            tmux("kill-session", "-t", "bench")
    floor = statistics.median(used["floor"])
    for kind, what, target in (
        ("hold", "a hold counts down", 0.6),
        ("reps", "paced reps, the figure moving", 1.0),
    ):
        ours = statistics.median(used[kind])
        ratio = ours / floor
        row(
            f"CPU while {what} ({window:.0f} s window, median of {rounds})",
            f"{ours:.2f}% of one core",
            f"bare Digits+ProgressBar at 4 Hz {floor:.2f}%",
            f"{ratio:.2f}x ({'ok' if ratio <= target else 'over'} target {target}x)",
        )
    row(
        "Peak memory (VmHWM) during a session",
        f"{max(peaks):.1f} MiB",
        "target 80 MiB",
        "ok" if max(peaks) < 80 else "over",
    )


def _ms(values: list[float]) -> str:
    if not values:
        return "none seen"
    ordered = sorted(values)
    return f"median {statistics.median(ordered) * 1000:+.0f} ms, max {ordered[-1] * 1000:+.0f} ms"


def bench_on_screen(hold: int) -> None:
    """What a real terminal shows, when: seconds, step changes and holds against their moments."""
    from bench.on_screen import watch, watch_floor

    floor = watch_floor(hold + 2)
    body = f'rest_between_sets = 5\n[[exercises]]\nname = "Plank"\nsets = 3\nhold = {hold}\n'
    ours = watch(body, "get_ready = 3\nsound = false\n", 3 + 3 * hold + 10 + 15)
    worst = max((abs(x) for x in ours.seconds), default=float("inf"))
    row(
        f"Each second of a countdown on screen vs its moment ({len(ours.seconds)} seconds, "
        f"pane read every {ours.read_every * 1000:.0f} ms)",
        _ms(ours.seconds) + f", {ours.missed} missed",
        f"bare Textual app setting Digits on the second: {_ms(floor.seconds)}",
        f"{'ok' if worst <= 0.03 and not ours.missed else 'over'} target 30 ms",
    )
    row(
        f"Each change of step on screen vs its moment ({len(ours.steps)})",
        _ms(ours.steps),
        "same pane",
        "",
    )
    errors = [shown - length for shown, length in ours.holds]
    shown = ", ".join(f"{s:.3f} s" for s, _ in ours.holds)
    worst_hold = max((abs(e) for e in errors), default=float("inf"))
    row(
        f"HOLD to REST on screen, {hold} s holds",
        shown,
        "target: the hold's length within 30 ms",
        f"{'ok' if worst_hold <= 0.03 else 'over'} (worst {worst_hold * 1000:.0f} ms)",
    )


def bench_timer(seconds: float) -> None:
    from bench.timer_accuracy import fake_two_hours, real_clock_run

    drift, late_median, late_max, steps = asyncio.run(real_clock_run(seconds))
    row(
        f"Timer, real clock ({seconds:.0f} s, {steps} steps): step end vs deadline",
        f"{drift * 1000:.3f} ms max schedule error",
        f"screen caught up {late_median * 1000:.0f} ms median, {late_max * 1000:.0f} ms max "
        "(on the beat)",
        "ok" if drift < 0.02 else "over",
    )
    first, last = fake_two_hours()
    row(
        "Timer, fake clock, simulated 2 h session with stalls",
        f"error first hour {first * 1000:.3f} ms, last hour {last * 1000:.3f} ms",
        "target < 20 ms, not growing",
        "ok" if max(first, last) < 0.02 else "over",
    )


def bench_history(tmp: Path, rounds: int) -> None:
    from bench.history_scale import durable_write_ms, make_export, screen_open_seconds

    env = scratch_env(tmp)
    export = tmp / "ten-years.jsonl"
    count = make_export(export)

    def wall(args: list[str]) -> float:
        start = time.perf_counter()
        subprocess.run([*RUNSTRONG, *args], env=env, check=True, capture_output=True)
        return time.perf_counter() - start

    from bench.history_scale import import_seconds

    # `runstrong import` of the whole ten years into an empty history, one transaction; the
    # last run stays as the history the commands below read.
    imported, imported_cpu = import_seconds(env, export, rounds)
    python_floor = statistics.median(
        [wall_cmd([PY, "-c", "import rich.console"], env) for _ in range(rounds)]
    )
    stats = statistics.median([wall(["stats"]) for _ in range(rounds)])
    history = statistics.median([wall(["history", "--limit", "20"]) for _ in range(rounds)])
    row(
        f"runstrong import {count:,} sets (ten years, {export.stat().st_size / 1e6:.0f} MB)",
        f"{imported:.2f} s median ({imported_cpu:.2f} s CPU)",
        "target 20 s, one transaction",
        "ok" if imported < 20 else "over target",
    )
    for label, value in (("runstrong stats", stats), ("runstrong history --limit 20", history)):
        row(
            f"{label} over {count:,} sets",
            f"{value * 1000:.0f} ms wall",
            f"python + rich import alone {python_floor * 1000:.0f} ms",
            "ok" if value < 0.3 else "over target 0.3 s",
        )
    opened = screen_open_seconds(env)
    row(
        f"History screen open over {count:,} sets",
        f"{opened * 1000:.0f} ms",
        "target 300 ms",
        "ok" if opened < 0.3 else "over",
    )
    median_ms, p95_ms = durable_write_ms(tmp / "writes.sqlite3")
    row(
        "One durable set write (WAL, synchronous=FULL)",
        f"{median_ms:.2f} ms median",
        f"p95 {p95_ms:.2f} ms; target 10 ms",
        "ok" if median_ms < 10 else "over",
    )


def wall_cmd(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--only", choices=["startup", "cpu", "screen", "timer", "history"])
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("bench needs tmux (apt-get install tmux)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    # Compiled once up front, as an installed copy is (the bench's own environment may say
    # not to write bytecode; measured commands run without that).
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run([PY, "-m", "compileall", "-q", str(ROOT / "src"), str(BENCH)], env=env)
    rounds = 3 if args.quick else 7
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        chosen = args.only
        if chosen in (None, "startup"):
            bench_startup(tmp, rounds)
        if chosen in (None, "cpu"):
            bench_cpu_and_memory(tmp, 1 if args.quick else 3, 10 if args.quick else 30)
        if chosen in (None, "screen"):
            bench_on_screen(6 if args.quick else 10)
        if chosen in (None, "timer"):
            bench_timer(30 if args.quick else 125)
        if chosen in (None, "history"):
            bench_history(tmp, 3 if args.quick else 5)
    tmux("kill-server")
    print("\n| measure | runstrong | baseline / target | verdict |\n|---|---|---|---|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
