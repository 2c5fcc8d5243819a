"""The console script's process: the modules a command imports are frozen once (gc_pause), and
the process ends without Python's teardown (cli.run) yet with its output, exit code and atexit
handlers intact."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from pokin_xl import gc_pause

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
