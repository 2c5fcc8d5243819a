"""The pool's scheduling: largest jobs start first, results come back in job order."""

from __future__ import annotations

from pathlib import Path

from pokin_xl.pool import largest_first, run_jobs


def test_largest_first_keeps_job_order_among_equals_and_without_sizes():
    jobs = ["a", "bbb", "cc", "dd", "e"]
    assert largest_first(jobs, len) == [1, 2, 3, 0, 4]
    assert largest_first(jobs, None) == [0, 1, 2, 3, 4]
    assert largest_first([], len) == []


def _record_start(job: tuple[str, str]) -> str:
    log, name = job
    with open(log, "a", encoding="utf-8") as handle:  # one short append per job: whole lines
        handle.write(name + "\n")
    return name.upper()


def _size(job: tuple[str, str]) -> float:
    return float(len(job[1]))


def _never(job: tuple[str, str], exc: BaseException) -> str:
    raise AssertionError(f"{job}: {exc}")


def test_a_pool_starts_the_largest_jobs_first_and_returns_results_in_job_order(tmp_path: Path):
    log = str(tmp_path / "started.txt")
    names = ["a", "bb", "c", "dddddd", "ee", "fffff", "g"]
    jobs = [(log, name) for name in names]
    results = run_jobs(_record_start, jobs, workers=2, on_failure=_never, size=_size)
    assert results == [name.upper() for name in names]
    started = Path(log).read_text(encoding="utf-8").split()
    assert sorted(started) == sorted(names)
    assert set(started[:2]) == {"dddddd", "fffff"}  # the two processes took the largest first
