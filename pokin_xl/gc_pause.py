"""Run a stage without the cyclic garbage collector's full passes.

A check or a writer creates hundreds of thousands of small objects (records, cells) and frees
almost none in cycles; each automatic full collection walks every live object again, so the
passes grow with the workbook and made a 40k-row validate 2.2x a 20k one instead of 2x. The
collector is switched off for the stage and back on after it (reference counting still frees
everything that is not in a cycle). Between stages, the memory a stage no longer needs is given
back (release_memos, release_free_memory).
"""

from __future__ import annotations

import contextlib
import functools
import gc
import os
import sys
from collections.abc import Callable, Iterator

# The process runs one command and ends (the console script, or a worker forked from it): what it
# imports stays to the end, so it may be frozen (loading_modules). Elsewhere (tests, a library
# user's process) nothing is frozen. The process id that froze, so that each process freezes once.
_COMMAND_PROCESS = False
_FROZEN_IN: int | None = None


def command_process() -> None:
    """Mark this process (and the workers it forks) as running one command to its end."""
    global _COMMAND_PROCESS
    _COMMAND_PROCESS = True


@contextlib.contextmanager
def loading_modules() -> Iterator[None]:
    """Import a command's modules without the collector's passes, then freeze what they made.

    Importing pandas, pandera and the checks leaves ~85,000 objects for the collector to track;
    the automatic collections walk them again and again while they load (~0.1 s of a build on
    this machine), and every later full collection (the writer's `collect_first`) walks them
    once more (~0.09 s) though none is ever freed. `gc.freeze()` moves them to the permanent generation, which no
    collection visits. Done once per command process (see `command_process`); a no-op
    elsewhere, where freezing would keep any garbage of earlier work for good.
    """
    global _FROZEN_IN
    if not _COMMAND_PROCESS or os.getpid() == _FROZEN_IN:
        yield
        return
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        _FROZEN_IN = os.getpid()
        if enabled:
            gc.enable()


@contextlib.contextmanager
def without_gc_pauses(*, collect_first: bool = False) -> Iterator[None]:
    """`collect_first`: free the garbage left in cycles so far (a read workbook's) first, so that
    it does not stay for the whole stage."""
    enabled = gc.isenabled()
    if collect_first:
        gc.collect()
        release_free_memory()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        import ctypes  # on first use: `--help` and the command line's parsing do not load it

        libc = ctypes.CDLL(None)
        return libc.malloc_trim  # glibc only
    except (OSError, AttributeError):
        return None


def release_free_memory() -> None:
    """Give the memory freed so far back to the system (glibc's malloc_trim).

    A stage that builds and drops hundreds of thousands of objects (a read's grid, a sheet's
    cells) leaves the freed pages inside the process; the next stage would reuse only part of
    them, and the process's peak would be the sum of both. A no-op where malloc_trim is missing.
    """
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


def release_memos() -> int:
    """Empty the bounded memos of pokin-xl's modules (per-text work: a normalised key, a unit, a
    statement's words); the unbounded caches, tables loaded once (the national list, the unit
    vocabulary), stay. The checks fill the memos with every distinct text of the workbook; the
    writers need few of them, so emptied before writing they do not add to the write's peak
    (20k rows: 252 -> 223 MiB). Returns how many were emptied."""
    emptied = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("pokin_xl"):
            continue
        for value in list(vars(module).values()):
            memo = isinstance(value, functools._lru_cache_wrapper)
            if memo and value.cache_info().maxsize is not None:
                value.cache_clear()
                emptied += 1
    return emptied
