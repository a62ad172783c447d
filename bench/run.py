"""runstrong's benchmarks: every figure next to a baseline measured in the same run.

    python bench/run.py            # everything (about 8 minutes)
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
    return env


# -- real-terminal helpers (tmux) ---------------------------------------------------------
def tmux(*args: str) -> str:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=False).stdout


def in_tmux(command: list[str], env: dict[str, str], name: str = "bench") -> int:
    """Start `command` in a detached 80x24 tmux session and return its pid."""
    tmux("kill-session", "-t", name)
    exports = " ".join(
        f"{k}={json.dumps(v)}"
        for k, v in env.items()
        if k.startswith(("RUNSTRONG", "TERM", "ALSA"))
    )
    shell = f"env {exports} {' '.join(json.dumps(c) for c in command)}"
    tmux("new-session", "-d", "-s", name, "-x", "80", "-y", "24", shell)
    time.sleep(0.3)
    return int(tmux("list-panes", "-t", name, "-F", "#{pane_pid}").split()[0])


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
        f"{ratio:.2f}x ({'ok' if ratio <= 1.3 else 'over'} target 1.3x)",
    )


def hold_session(tmp: Path) -> Path:
    path = tmp / "hold.toml"
    path.write_text('[session]\nname = "Bench hold"\n[[exercises]]\nname = "Plank"\nhold = 600\n')
    (tmp / "config").mkdir(parents=True, exist_ok=True)
    (tmp / "config" / "settings.toml").write_text("get_ready = 0\nsound = false\n")
    return path


def bench_cpu_and_memory(tmp: Path, rounds: int, window: float) -> None:
    env = scratch_env(tmp)
    session = hold_session(tmp)
    ours: list[float] = []
    floor: list[float] = []
    peaks: list[float] = []
    for _ in range(rounds):
        for kind in ("floor", "ours"):
            command = (
                [PY, str(BENCH / "bare_apps.py"), "ticker"]
                if kind == "floor"
                else [*RUNSTRONG, "start", str(session), "--mute"]
            )
            pid = in_tmux(command, env)
            time.sleep(3)  # past start-up
            before = cpu_seconds(pid)
            time.sleep(window)
            used = (cpu_seconds(pid) - before) / window * 100
            if kind == "ours":
                ours.append(used)
                peaks.append(peak_rss_mib(pid))
                screen = tmux("capture-pane", "-p", "-t", "bench")
                assert "HOLD" in screen, screen
            else:
                floor.append(used)
            tmux("kill-session", "-t", "bench")
    a, b = statistics.median(ours), statistics.median(floor)
    row(
        f"CPU while a hold counts down ({window:.0f} s window, median of {rounds})",
        f"{a:.2f}% of one core",
        f"bare Digits+ProgressBar at 4 Hz {b:.2f}%",
        f"{a / b:.2f}x ({'ok' if a <= b * 1.1 and a < 2 else 'over'} target: <= floor, < 2%)",
    )
    row(
        "Peak memory (VmHWM) during a session",
        f"{max(peaks):.1f} MiB",
        "target 80 MiB",
        "ok" if max(peaks) < 80 else "over",
    )


def bench_timer(seconds: float) -> None:
    from bench.timer_accuracy import fake_two_hours, real_clock_run

    drift, late_median, late_max, steps = asyncio.run(real_clock_run(seconds))
    row(
        f"Timer, real clock ({seconds:.0f} s, {steps} steps): step end vs deadline",
        f"{drift * 1000:.3f} ms max schedule error",
        f"screen caught up {late_median * 1000:.0f} ms median, {late_max * 1000:.0f} ms max "
        "(4 Hz refresh)",
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
    parser.add_argument("--only", choices=["startup", "cpu", "timer", "history"])
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("bench needs tmux (apt-get install tmux)", file=sys.stderr)
        return 2
    sys.path.insert(0, str(ROOT))
    rounds = 3 if args.quick else 7
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        chosen = args.only
        if chosen in (None, "startup"):
            bench_startup(tmp, rounds)
        if chosen in (None, "cpu"):
            bench_cpu_and_memory(tmp, 1 if args.quick else 3, 10 if args.quick else 30)
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
