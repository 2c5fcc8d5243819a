"""ManySheetsWorkbook: xlsxwriter's sheet-name rules and errors, checked with a set."""

from __future__ import annotations

from pathlib import Path

import pytest
import xlsxwriter
from xlsxwriter.exceptions import DuplicateWorksheetName, InvalidWorksheetName

from benchmarks.compare_outputs import compare
from pokin_xl.writers.many_sheets import ManySheetsWorkbook

NAMES = ["Daftar Dokumen", "PK Budi", "SKP Budi", "PK Ani", None, "", "IKU"]


def _write(path: Path, kind: type[xlsxwriter.Workbook]) -> list[str]:
    book = kind(str(path), {"tmpdir": str(path.parent)})
    for number, name in enumerate(NAMES):
        book.add_worksheet(name).write_string(0, 0, f"lembar {number}")
    book.close()
    return [sheet.name for sheet in book.worksheets()]


def test_the_same_workbook_as_xlsxwriters_own(tmp_path: Path) -> None:
    plain = _write(tmp_path / "plain.xlsx", xlsxwriter.Workbook)
    many = _write(tmp_path / "many.xlsx", ManySheetsWorkbook)
    assert many == plain
    assert many[4:6] == ["Sheet5", "Sheet6"]  # xlsxwriter's default names
    assert compare(str(tmp_path / "plain.xlsx"), str(tmp_path / "many.xlsx")) == []


@pytest.mark.parametrize("kind", [xlsxwriter.Workbook, ManySheetsWorkbook])
def test_a_name_in_use_is_refused_ignoring_case(tmp_path: Path, kind: type) -> None:
    book = kind(str(tmp_path / "a.xlsx"), {})
    book.add_worksheet("PK Budi")
    book.add_worksheet("sheet3")
    with pytest.raises(DuplicateWorksheetName):
        book.add_worksheet()  # the third sheet's default name, Sheet3
    with pytest.raises(DuplicateWorksheetName):
        book.add_worksheet("pk BUDI")
    assert [sheet.name for sheet in book.worksheets()] == ["PK Budi", "sheet3"]


@pytest.mark.parametrize("name", ["x" * 32, "PK [Budi]", "a/b", "'kutip", "kutip'"])
def test_an_invalid_name_is_refused_as_xlsxwriter_does(tmp_path: Path, name: str) -> None:
    book = ManySheetsWorkbook(str(tmp_path / "a.xlsx"), {})
    book.add_worksheet("Ada")
    with pytest.raises(InvalidWorksheetName):
        book.add_worksheet(name)
    assert [sheet.name for sheet in book.worksheets()] == ["Ada"]


def test_every_sheet_passes_through_the_set(tmp_path: Path) -> None:
    """Fails if xlsxwriter stops calling _check_sheetname: the set would stay empty and the
    check would fall back to xlsxwriter's comparison with every earlier sheet."""
    book = ManySheetsWorkbook(str(tmp_path / "a.xlsx"), {})
    for number in range(300):
        book.add_worksheet(f"PK Pegawai {number}")
    assert len(book._names_in_use) == 300
    assert "pk pegawai 299" in book._names_in_use


def test_a_sheet_that_failed_to_start_leaves_its_name_free(tmp_path: Path) -> None:
    """constant_memory makes each sheet's row file at add_worksheet; when that fails, the name
    is not taken (as in xlsxwriter), so the sheet can be added once the cause is mended."""
    book = ManySheetsWorkbook(
        str(tmp_path / "a.xlsx"), {"constant_memory": True, "tmpdir": str(tmp_path / "tiada")}
    )
    with pytest.raises(FileNotFoundError):
        book.add_worksheet("Unit A")
    (tmp_path / "tiada").mkdir()
    book.add_worksheet("Unit A")
    with pytest.raises(DuplicateWorksheetName):
        book.add_worksheet("unit a")
    book.close()
