"""The recap workbook: its sheets, rows, links to the agencies' cells, and LibreOffice's PDF."""

from __future__ import annotations

import shutil
import subprocess

import openpyxl
import pytest

from pokin_xl.rekap import run_rekap
from pokin_xl.writers.rekap import write_rekap_workbook
from scripts.render_readme_picture import convert_to_pdf
from tests.builders import region_folder
from tests.writers.test_libreoffice import _soffice


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    root = tmp_path_factory.mktemp("rekap")
    folder = region_folder(root / "kabupaten")
    recap = run_rekap([folder], workers=1)
    out = root / "rekap.xlsx"
    write_rekap_workbook(recap, out)
    return out, recap


def _rows(ws, first: int = 5) -> list[tuple]:
    return [
        r for r in ws.iter_rows(min_row=first, values_only=True) if any(v is not None for v in r)
    ]


def test_sheets_and_one_row_per_workbook(written):
    out, _ = written
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == ["Rekap", "Temuan", "Aturan", "Lintas PD", "Pra-periksa LKE"]
    rekap = book["Rekap"]
    headers = [c.value for c in rekap[4]]
    assert headers[:5] == ["Peringkat", "Berkas", "Perangkat Daerah", "Tahun", "Status"]
    rows = _rows(rekap)
    assert [r[1] for r in rows] == [
        "disdik.xlsx",
        "sub/dp3a.xlsx",
        "dinkes.xlsx",
        "rusak.xlsx",
    ] or [r[1] for r in rows] == ["sub/dp3a.xlsx", "disdik.xlsx", "dinkes.xlsx", "rusak.xlsx"]
    broken = rows[-1]
    assert broken[0] is None and broken[4] == "ditolak"
    assert "bukan berkas Excel" in broken[-1]
    galat = headers.index("Galat")
    assert rows[2][galat] == 1
    assert rekap.conditional_formatting  # severities, coverage scales, pre-check statuses


def test_findings_link_to_the_agency_workbook_cell(written):
    out, _ = written
    book = openpyxl.load_workbook(out)
    temuan = book["Temuan"]
    rows = _rows(temuan)
    assert [(r[1], r[3]) for r in rows] == [("dinkes.xlsx", "T001")]
    file_link = temuan.cell(5, 2).hyperlink
    cell_link = temuan.cell(5, 12).hyperlink
    assert file_link.target.replace("\\", "/") == "kabupaten/dinkes.xlsx"
    assert cell_link.target.replace("\\", "/") == "kabupaten/dinkes.xlsx"
    assert cell_link.location == "'Kinerja'!I8"
    lintas = _rows(book["Lintas PD"])
    assert {(r[1], r[3]) for r in lintas} == {("dinkes.xlsx", "L002"), ("sub/dp3a.xlsx", "L002")}
    sub_link = next(
        c.hyperlink for c in book["Lintas PD"]["L"] if c.hyperlink and "dp3a" in c.hyperlink.target
    )
    assert sub_link.target.replace("\\", "/") == "kabupaten/sub/dp3a.xlsx"


def test_rules_sheet_counts_agencies_and_findings(written):
    out, _ = written
    rules = {r[0]: r for r in _rows(openpyxl.load_workbook(out)["Aturan"])}
    assert rules["T001"][3:5] == (1, 1)
    assert rules["L002"][3:5] == (2, 2)
    assert rules["H001"][3:5] == (0, 0)


def test_precheck_sheet_states_each_criterion(written):
    out, _ = written
    rows = _rows(openpyxl.load_workbook(out)["Pra-periksa LKE"])
    assert len(rows) == 3 * 5
    assert all(r[3] and r[4] in ("memenuhi", "belum memenuhi", "tidak dapat dinilai") for r in rows)
    sheet = openpyxl.load_workbook(out)["Pra-periksa LKE"]
    assert "bukan nilai" in sheet["A2"].value


def test_libreoffice_converts_the_recap_to_pdf(written, tmp_path):
    _soffice()
    out, _ = written
    pdf = convert_to_pdf(out, tmp_path, timeout=180)
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True
        ).stdout
        for expected in ("REKAP PEMERIKSAAN", "TEMUAN SETIAP BERKAS", "LINTAS PERANGKAT DAERAH"):
            assert expected in text
        assert "Dinas Kesehatan (Dinkes)" in text
