"""File names as people on Windows and macOS give them: upper-case extensions, backslashes."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.cli_runner import run_cli
from tests.conftest import ROOT

SAMPLE = ROOT / "samples" / "bkpsdm_purwakarta_2024" / "matriks.xlsx"


@pytest.fixture
def upper(tmp_path: Path) -> Path:
    path = tmp_path / "MATRIKS.XLSX"
    shutil.copy(SAMPLE, path)
    return path


def test_upper_case_extension_is_read(upper: Path) -> None:
    run = run_cli("validate", upper, "--format", "json")
    assert run.code == 1, run.err
    assert '"file": "MATRIKS.XLSX"' in run.out


def test_upper_case_extension_builds_beside_the_input(upper: Path) -> None:
    run = run_cli("build", upper, "--quiet")
    assert run.code == 1, run.err
    assert (upper.parent / "MATRIKS_cascading.xlsx").is_file()


def test_upper_case_output_extension_is_accepted(upper: Path) -> None:
    out = upper.parent / "HASIL.XLSX"
    run = run_cli("build", upper, "-o", out, "--quiet")
    assert run.code == 1, run.err
    assert out.is_file()


@pytest.mark.skipif(os.name == "nt", reason="a backslash separates folders on Windows")
def test_backslash_in_a_file_name_is_not_a_folder(tmp_path: Path) -> None:
    path = tmp_path / "Renja\\2024.xlsx"
    shutil.copy(SAMPLE, path)
    run = run_cli("build", path, "--quiet")
    assert run.code == 1, run.err
    assert (tmp_path / "Renja\\2024_cascading.xlsx").is_file()


def test_missing_file_is_named_as_typed(tmp_path: Path) -> None:
    typed = str(tmp_path / "Folder Saya" / "matriks 2024.xlsx")
    run = run_cli("validate", typed)
    assert run.code == 2
    assert typed in run.err
    assert "tidak ditemukan" in run.err
