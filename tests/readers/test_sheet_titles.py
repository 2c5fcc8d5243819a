"""sheet_titles: the sheet names from the workbook part alone, for choosing a reader without
reading the file twice; the parts it reads get the same safety checks as every reader's."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import tests.bad_inputs as bad
from pokin_xl.errors import InputError
from pokin_xl.readers.book import open_book
from pokin_xl.readers.workbook import sheet_titles
from tests.conftest import REAL_XLSX, real_file

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "bkpsdm_purwakarta_2024"


def _openpyxl_names(path: Path) -> list[str]:
    book = openpyxl.load_workbook(path, read_only=True)
    try:
        return list(book.sheetnames)
    finally:
        book.close()


@pytest.mark.parametrize("name", ["matriks.xlsx", "pohon_kinerja_dokumen.xlsx", "renstra.xlsx"])
def test_the_samples_titles_are_openpyxls(name):
    assert sheet_titles(SAMPLE / name) == _openpyxl_names(SAMPLE / name)


@pytest.mark.parametrize(
    "name",
    REAL_XLSX,
)
def test_the_real_files_titles_are_openpyxls(name):
    path = real_file("real", name)
    assert sheet_titles(path) == _openpyxl_names(path)


def test_hidden_sheets_and_chartsheets_are_named_in_workbook_order(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Kinerja"
    book.create_chartsheet("Grafik")
    book.create_sheet("Tersembunyi").sheet_state = "hidden"
    book.move_sheet("Grafik", offset=-1)
    book.save(tmp_path / "urutan.xlsx")
    assert sheet_titles(tmp_path / "urutan.xlsx") == ["Grafik", "Kinerja", "Tersembunyi"]


@pytest.mark.parametrize("make", [bad.external_entity, bad.doctype_in_rels])
def test_the_parts_read_for_the_titles_are_checked(tmp_path, make):
    path = make(tmp_path / "berbahaya.xlsx")
    with pytest.raises(InputError) as caught:
        sheet_titles(path)
    assert "berbahaya.xlsx" in str(caught.value)


@pytest.mark.parametrize("make", [bad.ods, bad.xls_renamed, bad.truncated_zip])
def test_what_is_not_an_xlsx_is_refused_as_by_the_readers(tmp_path, make):
    path = make(tmp_path / "bukan.xlsx")
    with pytest.raises(InputError) as titles:
        sheet_titles(path)
    with pytest.raises(InputError) as reader:
        open_book(path)
    assert titles.value.detail == reader.value.detail


def test_the_sheets_themselves_are_left_to_the_reader(tmp_path):
    """A bomb in the shared strings does not stop the titles; the reader that reads them refuses."""
    path = bad.billion_laughs(tmp_path / "bom.xlsx")
    assert "Kinerja" in sheet_titles(path)
    with pytest.raises(InputError):
        open_book(path)


def _renamed_workbook_part(path: Path, rels: bytes, part: str) -> Path:
    """good_matriks with its workbook part moved to `part` and the package relationships `rels`."""
    parts = bad.parts_of(bad.good_matriks(path.with_name("sumber.xlsx")))
    if part != "xl/workbook.xml":
        parts[part] = parts.pop("xl/workbook.xml")
        parts[part.replace("xl/", "xl/_rels/", 1) + ".rels"] = parts.pop(
            "xl/_rels/workbook.xml.rels"
        )
        types = parts["[Content_Types].xml"]
        parts["[Content_Types].xml"] = types.replace(b"/xl/workbook.xml", b"/" + part.encode())
    parts["_rels/.rels"] = rels
    return bad.write_parts(path, parts)


_RELS = (
    b"<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'>"
    b"<Relationship Id='rId1' Target='%s' Type='http://schemas.openxmlformats.org/"
    b"officeDocument/2006/relationships/officeDocument'/></Relationships>"
)


@pytest.mark.parametrize(
    ("target", "part"),
    [
        (b"/xl/buku.xml", "xl/buku.xml"),  # another name, single-quoted attributes
        (b"xl/hilang.xml", "xl/workbook.xml"),  # a target the zip lacks: the usual name
    ],
)
def test_sniffing_and_reading_find_the_same_workbook_part(tmp_path, target, part):
    """readers.sniff.workbook_part is the one lookup: the part that made the file an .xlsx is the
    part the sheet names come from."""
    path = _renamed_workbook_part(tmp_path / "buku.xlsx", _RELS % target, part)
    assert sheet_titles(path) == ["Identitas", "Pegawai", "Kinerja"] == _openpyxl_names(path)
