"""writers.rows: writes in any order, replayed row by row in constant_memory mode, give the
same workbook content as a plain xlsxwriter workbook."""

from __future__ import annotations

import datetime
import os
import tracemalloc
import zipfile
from pathlib import Path

try:
    import resource
except ImportError:  # Windows
    resource = None  # type: ignore[assignment]

import openpyxl
import pytest
import xlsxwriter
from xlsxwriter.exceptions import OverlappingRange

import pokin_xl.writers.workbook as workbook_writer
from benchmarks.compare_outputs import compare
from pokin_xl.build import build
from pokin_xl.writers.cells import WriterError
from pokin_xl.writers.rows import RowOrderWorkbook, RowOrderWorksheet, flush_sheets

SAMPLE = Path(__file__).resolve().parents[2] / "samples" / "bkpsdm_purwakarta_2024"


def _draw(book: xlsxwriter.Workbook) -> None:
    """Out of order, as the drawings write: a box merged down, then the rows beside it."""
    bold = book.add_format({"bold": True, "font_color": "#C00000"})
    box = book.add_format({"border": 1, "text_wrap": True, "valign": "top", "bg_color": "#DDEBF7"})
    money = book.add_format({"num_format": "#,##0"})
    boxes = book.add_worksheet("Kotak")
    boxes.merge_range(2, 0, 6, 1, "", box)
    boxes.write_rich_string(2, 0, bold, "Sasaran ", "menurunnya angka kemiskinan", box)
    for row in (6, 3, 5, 4):
        boxes.write_string(row, 2, f"baris {row}")
        boxes.write_number(row, 3, row * 1000.5, money)
    boxes.merge_range(9, 2, 10, 3, "kotak bawah", box)
    boxes.set_row(8, 30)  # a row with nothing but its height
    boxes.set_row(3, 40)
    boxes.write_comment(4, 2, "catatan\nbaris dua", {"author": "pokin-xl"})
    boxes.write_comment(7, 4, "baris tanpa sel")  # constant_memory alone: KeyError
    boxes.write_url(5, 2, "internal:'Tabel'!A2", string="ke tabel")
    boxes.write_formula(11, 3, "=SUM(D4:D7)", money, 4002)
    boxes.write_blank(12, 0, None, box)
    boxes.write_string(0, 0, "=judul", book.add_format({"quote_prefix": True}))
    boxes.set_column(0, 1, 30)
    boxes.freeze_panes(1, 0)

    table = book.add_worksheet("Tabel")
    for row in range(1, 40):
        table.write_string(row, 0, f"kode {row}")
        table.write_number(row, 1, row)
        table.set_row(row, 15 + row % 3)
    table.add_table(
        0,
        0,
        39,
        1,
        {
            "name": "TabelUji",
            "columns": [{"header": "Kode"}, {"header": "Nilai"}],
            "style": "Table Style Light 9",
        },
    )
    table.conditional_format(1, 1, 39, 1, {"type": "cell", "criteria": ">", "value": 20})


def _write(path: Path, kind: type[xlsxwriter.Workbook]) -> Path:
    book = kind(str(path), {"in_memory": False, "tmpdir": str(path.parent)})
    _draw(book)
    book.close()
    return path


def test_out_of_order_writes_give_the_plain_workbook(tmp_path: Path) -> None:
    plain = _write(tmp_path / "plain.xlsx", xlsxwriter.Workbook)
    ordered = _write(tmp_path / "ordered.xlsx", RowOrderWorkbook)
    assert compare(str(plain), str(ordered)) == []
    names = zipfile.ZipFile(ordered).namelist()
    assert "xl/sharedStrings.xml" not in names  # strings inline: constant_memory was on
    assert "xl/tables/table1.xml" in names


def test_a_flushed_sheet_holds_at_most_one_row(tmp_path: Path) -> None:
    book = RowOrderWorkbook(str(tmp_path / "a.xlsx"), {"tmpdir": str(tmp_path)})
    sheet = book.add_worksheet("A")
    assert isinstance(sheet, RowOrderWorksheet)
    for row in reversed(range(50)):
        sheet.write_string(row, 0, f"teks {row}")
    assert len(sheet._pending) == 50
    sheet.flush()
    assert sheet._pending == []
    assert list(sheet.table) == [49]  # the last row stays open, the others are in the file
    book.close()


def test_a_write_before_a_flushed_row_is_refused(tmp_path: Path) -> None:
    book = RowOrderWorkbook(str(tmp_path / "a.xlsx"), {"tmpdir": str(tmp_path)})
    sheet = book.add_worksheet("A")
    sheet.write_string(10, 0, "sepuluh")
    sheet.flush()
    sheet.write_string(10, 1, "baris yang sama masih boleh")
    sheet.flush()
    sheet.write_string(3, 0, "terlambat")
    with pytest.raises(WriterError, match="baris 4"):
        sheet.flush()
    book.close()


def test_overlaps_are_still_refused(tmp_path: Path) -> None:
    book = RowOrderWorkbook(str(tmp_path / "a.xlsx"), {"tmpdir": str(tmp_path)})
    merges = book.add_worksheet("A")
    merges.merge_range(0, 0, 3, 1, "satu")
    merges.merge_range(2, 1, 4, 2, "dua")
    with pytest.raises(OverlappingRange):
        merges.flush()
    tables = book.add_worksheet("B")
    tables.add_table(0, 0, 10, 3)
    tables.add_table(5, 2, 20, 5)
    with pytest.raises(OverlappingRange):
        tables.flush()
    mixed = book.add_worksheet("C")
    mixed.add_table(0, 0, 10, 3)
    mixed.merge_range(4, 3, 6, 4, "")
    with pytest.raises(OverlappingRange):
        mixed.flush()


def test_a_big_table_keeps_ranges_not_one_entry_per_cell(tmp_path: Path) -> None:
    """xlsxwriter's own add_table kept ~60 MB for a 20k x 29 table; a generous bound."""
    book = RowOrderWorkbook(str(tmp_path / "a.xlsx"), {"tmpdir": str(tmp_path)})
    sheet = book.add_worksheet("A")
    tracemalloc.start()
    sheet.add_table(0, 0, 20_000, 28)
    sheet.flush()
    kept, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert kept < 5_000_000
    book.close()


def test_the_sample_cascade_is_the_same_as_with_a_plain_workbook(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(workbook_writer, "IN_MEMORY_ROWS", 0)  # row-ordered, as a large one
    ordered, _ = build(SAMPLE / "matriks.xlsx", tmp_path / "ordered.xlsx")
    assert "xl/sharedStrings.xml" not in zipfile.ZipFile(ordered).namelist()
    monkeypatch.setattr(workbook_writer, "RowOrderWorkbook", xlsxwriter.Workbook)
    plain, _ = build(SAMPLE / "matriks.xlsx", tmp_path / "plain.xlsx")
    assert "xl/sharedStrings.xml" in zipfile.ZipFile(plain).namelist()
    assert compare(str(plain), str(ordered)) == []


def test_flush_sheets_skips_plain_sheets(tmp_path: Path) -> None:
    book = xlsxwriter.Workbook(str(tmp_path / "a.xlsx"))
    book.add_worksheet("A").write_string(3, 0, "x")
    flush_sheets(book)
    book.close()


def test_two_builds_in_one_process_write_the_same_workbook(tmp_path: Path) -> None:
    """xlsxwriter adds to the default format's dict it is given; a shared dict gave the second
    workbook of a process other fonts."""
    first, _ = build(SAMPLE / "matriks.xlsx", tmp_path / "first.xlsx")
    second, _ = build(SAMPLE / "matriks.xlsx", tmp_path / "second.xlsx")
    assert compare(str(first), str(second)) == []


def test_a_small_workbook_is_written_in_memory_with_the_same_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Up to IN_MEMORY_ROWS indicator rows the plain mode (shared strings, no temporary files);
    beyond, constant_memory. The sample has 76 rows."""
    small, _ = build(SAMPLE / "matriks.xlsx", tmp_path / "small.xlsx")
    assert "xl/sharedStrings.xml" in zipfile.ZipFile(small).namelist()
    monkeypatch.setattr(workbook_writer, "IN_MEMORY_ROWS", 75)
    large, _ = build(SAMPLE / "matriks.xlsx", tmp_path / "large.xlsx")
    assert "xl/sharedStrings.xml" not in zipfile.ZipFile(large).namelist()
    assert compare(str(small), str(large)) == []


def _open_files() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="needs /proc/self/fd")
def test_a_sheet_holds_an_open_file_only_while_it_is_written(tmp_path: Path) -> None:
    """xlsxwriter's constant_memory keeps every sheet's row file open to the end: a cascade of
    300 units needed 300 open files (macOS allows 256 by default). Sheets are all added first,
    as the cascade adds them, then written and flushed one by one."""
    before = _open_files()
    book = RowOrderWorkbook(str(tmp_path / "a.xlsx"), {"tmpdir": str(tmp_path)})
    sheets = [book.add_worksheet(f"Unit {number}") for number in range(300)]
    assert _open_files() - before <= 2
    for number, sheet in enumerate(sheets):
        sheet.merge_range(0, 0, 2, 1, f"kotak {number}")
        sheet.write_string(3, 0, "baris")
        sheet.flush()
        sheet.write_string(5, 0, "sesudah flush")  # kept, written by close()
    assert _open_files() - before <= 2
    book.close()
    reread = openpyxl.load_workbook(tmp_path / "a.xlsx")
    assert len(reread.sheetnames) == 300
    last = reread["Unit 299"]
    assert (last["A1"].value, last["A4"].value, last["A6"].value) == (
        "kotak 299",
        "baris",
        "sesudah flush",
    )
    assert [str(r) for r in last.merged_cells.ranges] == ["A1:B3"]


def test_xlsxwriters_own_writes_after_a_flush_still_reach_the_sheet(tmp_path: Path) -> None:
    """write_row, write_datetime... are not kept for replay: xlsxwriter writes them itself, and
    the row file flush() closed is opened again for them."""
    book = RowOrderWorkbook(str(tmp_path / "a.xlsx"), {"tmpdir": str(tmp_path)})
    sheet = book.add_worksheet("A")
    sheet.write_string(0, 0, "atas")
    sheet.flush()
    sheet.write_row(3, 0, ["b", 2])
    sheet.write_datetime(5, 0, datetime.datetime(2024, 1, 1))
    sheet.write_string(6, 0, "disimpan lalu ditulis")
    book.close()
    ws = openpyxl.load_workbook(tmp_path / "a.xlsx")["A"]
    assert [ws[c].value for c in ("A1", "A4", "B4", "A6", "A7")] == [
        "atas",
        "b",
        2,
        45292,  # 2024-01-01 as Excel's day number (no date format given)
        "disimpan lalu ditulis",
    ]


@pytest.mark.skipif(resource is None, reason="needs the resource module (Unix)")
def test_many_empty_sheets_do_not_hold_their_files_open_at_close(tmp_path: Path) -> None:
    """xlsxwriter closes a sheet's row file after copying it, but not when the sheet is empty."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    book = RowOrderWorkbook(str(tmp_path / "a.xlsx"), {"tmpdir": str(tmp_path)})
    for number in range(200):
        book.add_worksheet(f"Kosong {number}")
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(hard, _open_files() + 40), hard))
    try:
        book.close()
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert len(openpyxl.load_workbook(tmp_path / "a.xlsx").sheetnames) == 200
