"""A real client: LibreOffice opens the sample's cascade workbook and prints it to PDF.

Skipped only on a developer machine without LibreOffice; in CI (env CI set) a missing soffice
is a failure, never a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from pokin_xl.build import build
from scripts.render_readme_picture import PAGE_TITLE, convert_to_pdf, find_page

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "bkpsdm_purwakarta_2024" / "matriks.xlsx"


def _soffice() -> str | None:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found is None:
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) tidak terpasang di CI; .ci/run harus memasangnya.")
        pytest.skip("LibreOffice (soffice) tidak terpasang")
    return found


def test_libreoffice_converts_the_sample_output_to_pdf(tmp_path):
    _soffice()
    source = tmp_path / "matriks.xlsx"
    shutil.copy(SAMPLE, source)
    output, _ = build(source)
    outdir = tmp_path / "pdf"
    outdir.mkdir()
    pdf = convert_to_pdf(output, outdir, timeout=180)
    assert pdf.exists() and pdf.stat().st_size > 10_000
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        # Every sheet made it to paper: the Sekretariat chart is there, after the tables.
        assert find_page(pdf, PAGE_TITLE) > 1
        info = subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        for text in ("RINGKASAN CASCADING KINERJA", "POHON KINERJA", "MATRIKS PERAN DAN HASIL"):
            assert text in info
