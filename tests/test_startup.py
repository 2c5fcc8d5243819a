"""Start-up: `--help`, `--version` and usage errors answer without loading the data stack."""

from __future__ import annotations

import subprocess
import sys

import pytest

HEAVY = ("pandas", "pandera", "openpyxl", "xlsxwriter", "numpy")


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["validate", "--help"], ["bogus"]])
def test_the_cli_answers_without_importing_the_data_stack(argv: list[str]) -> None:
    probe = (
        "import sys\n"
        "from pokin_xl.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr


def test_writing_the_template_loads_neither_pandas_nor_pandera(tmp_path) -> None:
    target = tmp_path / "t.xlsx"
    probe = (
        "import sys\n"
        "from pokin_xl.cli import main\n"
        "try:\n"
        f"    main(['template', '-o', {str(target)!r}])\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(sorted(m for m in ('pandas', 'pandera', 'openpyxl', 'numpy') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60)
    assert target.is_file(), done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]", done.stdout + done.stderr
