"""How the cores are shared: how many processes a run of many files may use (without importing
multiprocessing: the CLI shows the default in its help, and `--help` must stay light), and no
thread pool of a maths library beside them."""

from __future__ import annotations

import os


def default_jobs() -> int:
    """The cores this process may use (the affinity mask where the OS has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not Linux
        return max(1, os.cpu_count() or 1)


# The thread-pool sizes of the BLAS libraries numpy may be built with (OpenBLAS in the wheels,
# which also reads GOTO_ and OMP_NUM_THREADS; MKL in conda).
BLAS_THREAD_VARIABLES = (
    "OPENBLAS_NUM_THREADS",
    "GOTO_NUM_THREADS",
    "OMP_NUM_THREADS",
    "MKL_NUM_THREADS",
)


def one_blas_thread() -> None:
    """Ask numpy's BLAS for one thread, unless the user sized a pool (any of the variables):
    before numpy is imported.

    pokin-xl does no linear algebra, yet OpenBLAS starts a thread per core when numpy is
    imported. Those threads cost each process about 0.1 s of CPU (importing the checks: 0.68 s
    of CPU with them, 0.56 s without, medians of 12 on 2 cores), and with --jobs every worker
    starts its own and takes that time from the others.
    """
    if any(os.environ.get(name, "").strip() for name in BLAS_THREAD_VARIABLES):
        return  # (an empty value is unset to OpenBLAS too)
    for name in BLAS_THREAD_VARIABLES:
        os.environ[name] = "1"
