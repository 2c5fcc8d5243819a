"""How many processes a run of many files may use, without importing multiprocessing: the CLI
shows the default in its help, and `--help` must stay light."""

from __future__ import annotations

import os


def default_jobs() -> int:
    """The cores this process may use (the affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)
