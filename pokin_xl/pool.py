"""Run one worker function over many inputs: in this process, or in a pool of worker processes.

The worker takes one small picklable job and returns one small picklable result (findings as
dicts and figures, never frames), so the parent's memory grows with the findings, not with the
workbooks. Results come back in the order of the jobs. The same function runs unchanged on a
cluster's executor (Dask, Ray): `run_jobs` is only the single-machine map step.
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import TextIO, TypeVar

Job = TypeVar("Job")
Result = TypeVar("Result")


class Progress:
    """'[ 12/40] 3.1 berkas/detik, sisa ~9 detik' on one line of stderr, only on a terminal."""

    def __init__(self, total: int, stream: TextIO | None = None, *, every: float = 0.25) -> None:
        self.total = total
        self.stream = stream if stream is not None else sys.stderr
        self.show = total > 1 and bool(getattr(self.stream, "isatty", lambda: False)())
        self.start = time.perf_counter()
        self.every = every
        self._last = 0.0
        self.done = 0

    def line(self) -> str:
        elapsed = max(time.perf_counter() - self.start, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate > 0 else float("nan")
        left_text = f"sisa ~{left:.0f} detik" if left == left else "sisa ?"
        width = len(str(self.total))
        return f"[{self.done:>{width}}/{self.total}] {rate:.1f} berkas/detik, {left_text}"

    def tick(self) -> None:
        self.done += 1
        if not self.show:
            return
        now = time.perf_counter()
        if now - self._last >= self.every or self.done == self.total:
            self._last = now
            self.stream.write("\r" + self.line().ljust(60))
            self.stream.flush()

    def close(self) -> None:
        if self.show:
            self.stream.write("\n")
            self.stream.flush()


def _context() -> multiprocessing.context.BaseContext:
    # fork where the OS has it: a child starts at once with what the parent has imported (a
    # batch's parent imports little, so the children import pandas and the checks side by side);
    # elsewhere the platform's default.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def _round(
    worker: Callable[[Job], Result],
    jobs: Sequence[Job],
    indices: Sequence[int],
    results: list,
    *,
    workers: int,
    on_failure: Callable[[Job, BaseException], Result],
    progress: Progress,
    last: bool,
) -> list[int]:
    """Run jobs[indices] in a fresh pool; the indices whose process died (a dead process breaks
    the whole pool, so its queued neighbours fail with it) unless this is the `last` round."""
    died: list[int] = []
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=_context())
    try:
        futures = {pool.submit(worker, jobs[i]): i for i in indices}
        for future in as_completed(futures):
            index = futures[future]
            try:
                results[index] = future.result()
            except BrokenProcessPool as exc:
                if not last:
                    died.append(index)
                    continue
                results[index] = on_failure(jobs[index], exc)
            except Exception as exc:  # a result that did not pickle
                results[index] = on_failure(jobs[index], exc)
            progress.tick()
    except BaseException:  # Ctrl-C: do not start the jobs still queued
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()
    return sorted(died)


def largest_first(jobs: Sequence[Job], size: Callable[[Job], float] | None) -> list[int]:
    """The job indices, largest `size` first; job order where sizes tie or no size is given."""
    indices = list(range(len(jobs)))
    if size is None:
        return indices
    sizes = [size(job) for job in jobs]
    return sorted(indices, key=lambda index: -sizes[index])


def run_jobs(
    worker: Callable[[Job], Result],
    jobs: Sequence[Job],
    *,
    workers: int,
    on_failure: Callable[[Job, BaseException], Result],
    progress: Progress | None = None,
    size: Callable[[Job], float] | None = None,
) -> list[Result]:
    """`worker(job)` for every job, results in job order.

    `workers` 1 runs in this process. In a pool the jobs start largest `size` first (ties in
    job order): one large workbook queued last would keep one process busy alone at the end
    while the others idle. A process that dies (killed, out of memory) takes the
    pool down with the jobs queued beside it: those run again in a fresh pool, then one by one,
    so only the job that kills its process gets `on_failure(job, exc)` as its result and one bad
    input never ends the run. The worker itself turns ordinary failures into results.
    """
    progress = progress or Progress(len(jobs))
    results: list[Result | None] = [None] * len(jobs)
    try:
        if workers <= 1 or len(jobs) <= 1:
            for index, job in enumerate(jobs):
                try:
                    results[index] = worker(job)
                except Exception as exc:
                    results[index] = on_failure(job, exc)
                progress.tick()
        else:
            count = min(workers, len(jobs))
            options = {"workers": count, "on_failure": on_failure, "progress": progress}
            order = largest_first(jobs, size)
            died = _round(worker, jobs, order, results, last=False, **options)
            if died:
                died = _round(worker, jobs, died, results, last=False, **options)
            for index in died:
                options["workers"] = 1
                _round(worker, jobs, [index], results, last=True, **options)
    finally:
        progress.close()
    return results  # type: ignore[return-value]  # every index was filled above
