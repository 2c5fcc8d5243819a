"""The pool's scheduling: largest jobs start first, results come back in job order."""

from __future__ import annotations

from concurrent.futures import Future
from typing import ClassVar

from pokin_xl import pool
from pokin_xl.pool import largest_first, run_jobs


def test_largest_first_keeps_job_order_among_equals_and_without_sizes():
    jobs = ["a", "bbb", "cc", "dd", "e"]
    assert largest_first(jobs, len) == [1, 2, 3, 0, 4]
    assert largest_first(jobs, None) == [0, 1, 2, 3, 4]
    assert largest_first([], len) == []


class _InlinePool:
    """A stand-in for ProcessPoolExecutor that runs each job as it is submitted and records the
    submission order: the order the pool's processes would take the jobs in, free of the timing
    of real processes."""

    submitted: ClassVar[list[str]] = []

    def __init__(self, max_workers: int, mp_context: object = None) -> None:
        self.max_workers = max_workers

    def submit(self, fn, job):
        type(self).submitted.append(job)
        future: Future = Future()
        future.set_result(fn(job))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def _never(job: str, exc: BaseException) -> str:
    raise AssertionError(f"{job}: {exc}")


def test_a_pool_is_given_the_largest_jobs_first_and_returns_results_in_job_order(monkeypatch):
    monkeypatch.setattr(pool, "ProcessPoolExecutor", _InlinePool)
    monkeypatch.setattr(_InlinePool, "submitted", [])
    names = ["a", "bb", "c", "dddddd", "ee", "fffff", "g"]
    results = run_jobs(str.upper, names, workers=2, on_failure=_never, size=len)
    assert results == [name.upper() for name in names]
    assert _InlinePool.submitted == ["dddddd", "fffff", "bb", "ee", "a", "c", "g"]


def test_a_real_pool_returns_results_in_job_order():
    names = ["a", "bb", "c", "dddddd", "ee", "fffff", "g"]
    assert run_jobs(str.upper, names, workers=2, on_failure=_never, size=len) == [
        name.upper() for name in names
    ]
