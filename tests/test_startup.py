"""Start-up: `--help`, `--version` and usage errors answer without loading the data stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SAMPLE = Path(__file__).resolve().parent.parent / "samples/bkpsdm_purwakarta_2024/matriks.xlsx"
HEAVY = ("pandas", "pandera", "openpyxl", "xlsxwriter", "numpy", "multiprocessing")


def run_cli(argv: list[str], watched: tuple[str, ...]) -> tuple[subprocess.CompletedProcess, str]:
    """`main(argv)` in a fresh interpreter; its output, and which of `watched` it loaded (the
    last line of stdout, a sorted list)."""
    probe = (
        "import sys\n"
        "from pokin_xl.cli import main\n"
        "try:\n"
        f"    main({argv!r})\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in {watched!r} if m in sys.modules))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, timeout=120
    )
    lines = done.stdout.strip().splitlines()
    return done, lines[-1] if lines else ""


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["validate", "--help"], ["bogus"]])
def test_the_cli_answers_without_importing_the_data_stack(argv: list[str]) -> None:
    done, loaded = run_cli(argv, HEAVY)
    assert loaded == "[]", done.stdout + done.stderr


def test_writing_the_template_loads_neither_pandas_nor_pandera(tmp_path) -> None:
    target = tmp_path / "t.xlsx"
    done, loaded = run_cli(
        ["template", "-o", str(target)], ("pandas", "pandera", "openpyxl", "numpy")
    )
    assert target.is_file(), done.stderr
    assert loaded == "[]", done.stdout + done.stderr


def test_a_build_without_renstra_loads_no_reconciliation(tmp_path) -> None:
    """The Renstra comparison, its reader and its model (and the formula evaluator: the
    sample's formulas keep their values) only with --renstra."""
    target = tmp_path / "out.xlsx"
    unused = (
        "pokin_xl.reconcile",
        "pokin_xl.checks.reconcile",
        "pokin_xl.writers.reconciliation",
        "pokin_xl.readers.renstra",
        "pokin_xl.model.renstra",
        "pokin_xl.model.planning_view",
    )
    done, loaded = run_cli(["build", str(SAMPLE), "-o", str(target), "--quiet"], unused)
    assert target.is_file(), done.stderr
    assert loaded == "[]", done.stdout + done.stderr


def test_a_build_of_an_xlsx_loads_no_module_only_other_files_need(tmp_path) -> None:
    """xlrd only for a legacy .xls; xml.sax (and the urllib and http.client it imports) never."""
    target = tmp_path / "out.xlsx"
    unused = ("xlrd", "xml.sax", "urllib.request", "http.client")
    done, loaded = run_cli(["build", str(SAMPLE), "-o", str(target), "--quiet"], unused)
    assert target.is_file(), done.stderr
    assert loaded == "[]", done.stdout + done.stderr


def test_validating_a_matriks_loads_no_renstra_reader() -> None:
    """The Renstra/Renja readers and model only for a planning table."""
    unused = (
        "pokin_xl.validate_planning",
        "pokin_xl.readers.renstra",
        "pokin_xl.reconcile",
        "pokin_xl.model.renstra",
        "pokin_xl.model.planning_view",
    )
    done, loaded = run_cli(["validate", str(SAMPLE), "--format", "json"], unused)
    assert '"findings"' in done.stdout, done.stderr
    assert loaded == "[]", done.stdout[-500:] + done.stderr


def test_validating_a_clean_matriks_loads_no_fuzzy_matcher(tmp_path) -> None:
    """rapidfuzz only where a text is compared fuzzily (a Pengampu not found, a name that
    differs from the national one, a misspelt unit): a clean workbook compares none."""
    from tests.builders import chain, write_matriks

    clean = write_matriks(tmp_path / "bersih.xlsx", chain())
    done, loaded = run_cli(["validate", str(clean), "--format", "json"], ("rapidfuzz",))
    assert '"findings": []' in done.stdout, done.stdout[-500:] + done.stderr
    assert loaded == "[]", done.stdout[-500:] + done.stderr
