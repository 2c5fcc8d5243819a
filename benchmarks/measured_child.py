"""Run one command; write its exit code, wall and CPU seconds and its own peak memory as JSON.

    python benchmarks/measured_child.py REPORT.json TIMEOUT_S COMMAND [ARG ...]

Why a go-between: Linux keeps the peak memory (ru_maxrss) of the process that starts a program
across the exec, so a command started by a benchmark that has generated a 40k-row workbook in
memory reports the benchmark's peak when its own is lower (a child of an 800 MiB parent running
`python -c pass` reports 811 MiB). This script is small and imports only the standard library;
the command it starts inherits its peak (~10 MiB), not the benchmark's. The command writes to
this script's standard output and error; the report goes to REPORT.json. TIMEOUT_S <= 0: none.
A command past its timeout is killed and reported with exit code -1.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import IO


def measure(
    argv: Sequence[object],
    timeout: float | None = None,
    *,
    stdout: IO[str] | None = None,
    stderr: IO[str] | None = None,
    cwd: Path | None = None,
) -> dict:
    """One command run through this script: {code, wall, cpu, peak_mib}. Its output goes to
    `stdout` / `stderr` (open files; None: discarded)."""
    with tempfile.TemporaryDirectory() as folder:
        report = Path(folder) / "report.json"
        subprocess.run(
            [sys.executable, __file__, str(report), str(timeout or 0), *map(str, argv)],
            stdout=stdout or subprocess.DEVNULL,
            stderr=stderr or subprocess.DEVNULL,
            check=True,
            cwd=cwd,
        )
        return json.loads(report.read_text(encoding="utf-8"))


def main() -> None:
    report, timeout, argv = sys.argv[1], float(sys.argv[2]), sys.argv[3:]
    start = time.perf_counter()
    proc = subprocess.Popen(argv)
    deadline = start + timeout if timeout > 0 else None
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            code = os.waitstatus_to_exitcode(status)
            break
        if deadline is not None and time.perf_counter() > deadline:
            proc.kill()
            _, _, usage = os.wait4(proc.pid, 0)
            code = -1
            break
        time.sleep(0.01)
    wall = time.perf_counter() - start
    figures = {
        "code": code,
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "peak_mib": usage.ru_maxrss / 1024,
    }
    with open(report, "w", encoding="utf-8") as handle:
        json.dump(figures, handle)


if __name__ == "__main__":
    main()
