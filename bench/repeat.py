"""Run a command N times in this terminal and write the wall times (seconds) as JSON."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

out, rounds, command = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3:]
times = []
for _ in range(rounds):
    start = time.perf_counter()
    subprocess.run(command, check=True)
    times.append(time.perf_counter() - start)
out.write_text(json.dumps(times))
