import importlib.util
import subprocess
import sys

import openpyxl
import pytest

from pokin_xl.cli import main
from pokin_xl.model.frames import KINERJA_FIELDS, PEGAWAI_FIELDS
from pokin_xl.readers.matriks import read_matriks
from tests.conftest import ROOT

TEMPLATE = ROOT / "templates" / "Matriks_Peran_Hasil.xlsx"


def _describe(path):
    """Everything a user meets in a workbook: cells, validations, notes, merges, frozen panes."""
    book = openpyxl.load_workbook(path)
    result = {}
    for ws in book.worksheets:
        result[ws.title] = {
            "cells": [[c.value for c in row] for row in ws.iter_rows()],
            "validations": sorted(
                (str(dv.sqref), dv.type, dv.formula1, dv.showErrorMessage)
                for dv in ws.data_validations.dataValidation
            ),
            "notes": sorted(
                (c.coordinate, c.comment.text) for row in ws.iter_rows() for c in row if c.comment
            ),
            "merged": sorted(str(r) for r in ws.merged_cells.ranges),
            "freeze": ws.freeze_panes,
        }
    return result


def test_committed_template_is_the_commands_output(tmp_path):
    out = tmp_path / "t.xlsx"
    assert main(["template", "-o", str(out)]) == 0
    assert _describe(out) == _describe(TEMPLATE)


def test_template_sheets_headers_and_dropdowns():
    book = openpyxl.load_workbook(TEMPLATE)
    assert book.sheetnames == ["Petunjuk", "Identitas", "Pegawai", "Kinerja", "Referensi"]
    kinerja = book["Kinerja"]
    assert [c.value for c in kinerja[1]] == list(KINERJA_FIELDS.values())
    assert [c.value for c in book["Pegawai"][1]] == list(PEGAWAI_FIELDS.values())
    assert kinerja.freeze_panes == "D2"
    assert all(c.comment is not None for c in kinerja[1])
    sources = {dv.formula1 for dv in kinerja.data_validations.dataValidation}
    assert {"Referensi!$A$2:$A$7", "Referensi!$C$2:$C$101"} <= sources
    satuan = next(
        dv for dv in kinerja.data_validations.dataValidation if "$D$" in (dv.formula1 or "")
    )
    assert satuan.showErrorMessage is False  # suggested, not enforced
    referensi = book["Referensi"]
    assert [referensi.cell(r, 1).value for r in range(2, 8)] == [
        "Tujuan",
        "Sasaran Strategis",
        "Sasaran Program",
        "Sasaran Kegiatan",
        "Sasaran Sub Kegiatan",
        "Rencana Hasil Kerja",
    ]
    identitas = [book["Identitas"].cell(r, 1).value for r in range(2, 11)]
    assert identitas[:5] == ["Pemerintah Daerah", "Perangkat Daerah", "Tahun", "Visi", "Misi"]
    assert identitas[-2:] == ["Kepala Perangkat Daerah", "NIP"]


def test_blank_template_reads_as_an_empty_matriks():
    wb = read_matriks(TEMPLATE)
    assert wb.indicators.frame.empty
    assert wb.nodes.frame.empty


def test_committed_samples_are_the_scripts_output(tmp_path):
    script = ROOT / "samples" / "bkpsdm_purwakarta_2024" / "make_samples.py"
    spec = importlib.util.spec_from_file_location("make_samples", script)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(tmp_path)
    for name in ("matriks.xlsx", "pohon_kinerja_dokumen.xlsx"):
        assert _describe(tmp_path / name) == _describe(script.parent / name), name


@pytest.mark.parametrize("argv", [["template", "--help"], ["--help"]])
def test_help_exits_zero(argv):
    done = subprocess.run(
        [sys.executable, "-m", "pokin_xl.cli", *argv], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "pokin-xl" in done.stdout


def test_the_worked_example_follows_the_national_nomenclature(tmp_path):
    from pokin_xl.checks.nomenclature import check_nomenclature
    from pokin_xl.template import EXAMPLE
    from tests.builders import KINERJA_HEADERS, write_matriks

    # The example shows the required columns; the optional ones (Target TW, IKU ...) stay blank.
    rows = [dict(zip(KINERJA_HEADERS, values, strict=False)) for values in EXAMPLE]
    workbook = read_matriks(write_matriks(tmp_path / "contoh.xlsx", rows))
    assert check_nomenclature(workbook) == []
