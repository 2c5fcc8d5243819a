"""The console script's process: the modules a command imports are frozen once (gc_pause), and
the process ends without Python's teardown (cli.run) yet with its output, exit code and atexit
handlers intact."""

from __future__ import annotations

import functools
import json
import os
import subprocess
import sys
from pathlib import Path

from pokin_xl import cores, gc_pause

SAMPLE = Path(__file__).resolve().parent.parent / "samples/bkpsdm_purwakarta_2024/matriks.xlsx"


# stdout block-buffered, as for a user (PYTHONUNBUFFERED would hide a missing flush)
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=_ENV
    )


def test_outside_a_command_process_nothing_is_frozen() -> None:
    import gc

    frozen = gc.get_freeze_count()
    with gc_pause.loading_modules():
        import fractions  # noqa: F401
    assert gc.get_freeze_count() == frozen
    assert gc.isenabled()


def test_a_command_process_freezes_its_imports_once_with_the_collector_off_meanwhile() -> None:
    done = _python(
        "import gc\n"
        "from pokin_xl import gc_pause\n"
        "gc_pause.command_process()\n"
        "with gc_pause.loading_modules():\n"
        "    during = gc.isenabled()\n"
        "    import fractions\n"
        "first = gc.get_freeze_count()\n"
        "junk = [[i] for i in range(1000)]\n"
        "with gc_pause.loading_modules():\n"
        "    import decimal\n"
        "print(during, first > 0, gc.get_freeze_count() == first, gc.isenabled())\n"
    )
    assert done.stdout.split() == ["False", "True", "True", "True"], done.stderr


def test_a_forked_worker_freezes_its_own_imports(tmp_path) -> None:
    done = _python(
        "import gc, os\n"
        "from pokin_xl import gc_pause\n"
        "gc_pause.command_process()\n"
        "with gc_pause.loading_modules():\n"
        "    pass\n"
        "before = gc.get_freeze_count()\n"
        "pid = os.fork()\n"
        "if pid == 0:\n"
        "    junk = [[i] for i in range(1000)]\n"
        "    with gc_pause.loading_modules():\n"
        "        import fractions\n"
        "    print(gc.get_freeze_count() > before, flush=True)\n"
        "    os._exit(0)\n"
        "os.waitpid(pid, 0)\n"
    )
    assert done.stdout.split() == ["True"], done.stderr


def test_the_console_script_flushes_its_output_and_keeps_its_exit_code() -> None:
    """A piped stdout is block-buffered: without the flush in run() the JSON would be lost."""
    done = subprocess.run(
        [sys.executable, "-m", "pokin_xl", "validate", str(SAMPLE), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        env=_ENV,
    )
    assert done.returncode == 1, done.stderr  # the sample has error findings
    assert json.loads(done.stdout)["findings"]
    assert done.stdout.endswith("}\n")  # the end of a long write stays in the buffer


def test_the_console_script_flushes_a_text_report_to_its_last_newline() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pokin_xl", "validate", str(SAMPLE)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_ENV,
    )
    assert done.returncode == 1, done.stderr
    last = done.stdout.splitlines()[-1]
    assert last.startswith("Temuan: ") and done.stdout.endswith(f"{last}\n")


def test_the_console_script_runs_atexit_handlers(tmp_path) -> None:
    target = tmp_path / "t.xlsx"
    done = _python(
        "import atexit, sys\n"
        "atexit.register(lambda: print('atexit ran'))\n"
        f"sys.argv = ['pokin-xl', 'template', '-o', {str(target)!r}]\n"
        "from pokin_xl.cli import run\n"
        "run()\n"
    )
    assert done.returncode == 0, done.stderr
    assert target.is_file()
    assert done.stdout.splitlines()[-1] == "atexit ran"
    assert "Template ditulis" in done.stdout


def test_a_usage_error_exits_2_from_the_console_script() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pokin_xl", "bogus"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 2
    assert "perintah tidak valid" in done.stderr


_NO_BLAS_SIZES = {k: v for k, v in _ENV.items() if k not in cores.BLAS_THREAD_VARIABLES}


def test_the_console_script_asks_numpys_blas_for_one_thread_before_numpy_loads(tmp_path) -> None:
    """A worker of --jobs imports numpy itself; OpenBLAS would start a thread per core in it."""
    code = (
        "import atexit, os, sys\n"
        f"sys.argv = ['pokin-xl', 'template', '-o', {str(tmp_path / 't.xlsx')!r}]\n"
        "from pokin_xl.cli import run\n"
        "atexit.register(lambda: print(os.environ['OPENBLAS_NUM_THREADS']))\n"
        "run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env=_NO_BLAS_SIZES,
    )  # fmt: skip
    assert done.returncode == 0 and done.stdout.splitlines()[-1] == "1", done


def test_one_blas_thread_leaves_one_thread_and_the_users_own_setting() -> None:
    code = (
        "import os\n"
        "from pokin_xl.cores import one_blas_thread\n"
        "one_blas_thread()\n"
        "import numpy\n"
        "print(len(os.listdir('/proc/self/task')), os.environ['MKL_NUM_THREADS'])\n"
    )
    run = functools.partial(
        subprocess.run, [sys.executable, "-c", code], capture_output=True, text=True, timeout=120
    )
    if Path("/proc/self/task").is_dir():
        assert run(env=_NO_BLAS_SIZES).stdout.split() == ["1", "1"]
    assert run(env={**_NO_BLAS_SIZES, "MKL_NUM_THREADS": "3"}).stdout.split()[1] == "3"


def test_a_user_who_sized_any_blas_pool_keeps_every_pool_as_set() -> None:
    """OpenBLAS reads OMP_NUM_THREADS when OPENBLAS_NUM_THREADS is unset: setting the latter
    to 1 would override a user's OMP_NUM_THREADS=4."""
    code = (
        "import os\n"
        "from pokin_xl.cores import BLAS_THREAD_VARIABLES, one_blas_thread\n"
        "one_blas_thread()\n"
        "print(*(os.environ.get(name, '-') for name in BLAS_THREAD_VARIABLES))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env={**_NO_BLAS_SIZES, "OMP_NUM_THREADS": "4"},
    )  # fmt: skip
    assert done.stdout.split() == ["-", "-", "4", "-"], done
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
        env={**_NO_BLAS_SIZES, "OMP_NUM_THREADS": ""},
    )  # fmt: skip
    assert done.stdout.split() == ["1", "1", "1", "1"], done  # empty is unset to OpenBLAS too
