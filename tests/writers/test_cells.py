from __future__ import annotations

import openpyxl
import pytest
import xlsxwriter

from pokin_xl.writers.cells import (
    EXCEL_MAX_CHARS,
    SheetWriter,
    WriterError,
    fit_text,
    sheet_ref,
    utf16_len,
)
from pokin_xl.writers.styles import Styles


def test_fit_text_counts_utf16_units_and_marks_the_cut():
    assert fit_text("abc") == "abc"
    cut = fit_text("x" * 40_000)
    assert utf16_len(cut) <= EXCEL_MAX_CHARS and cut.endswith("[dipotong]")
    emoji = fit_text("😀" * 20_000)  # two UTF-16 units each
    assert utf16_len(emoji) <= EXCEL_MAX_CHARS


def test_sheet_ref_quotes_apostrophes():
    assert sheet_ref("Cascading O'Neil", 4, 2) == "'Cascading O''Neil'!C5"


def test_text_that_looks_like_a_formula_stays_text(tmp_path):
    path = tmp_path / "t.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = SheetWriter(book.add_worksheet("S"), Styles(book))
    values = ['=HYPERLINK("http://contoh.id","klik")', "-5 orang", "+62 812", "@mention", "biasa"]
    for row, value in enumerate(values):
        sheet.text(row, 0, value, sheet.styles.cell())
    sheet.merge(10, 0, 11, 2, "=1+1", sheet.styles.cell())
    sheet.text(12, 0, "x" * 40_000)
    book.close()
    ws = openpyxl.load_workbook(path)["S"]
    for row, value in enumerate(values, start=1):
        cell = ws.cell(row, 1)
        assert cell.value == value and cell.data_type == "s"
        assert cell.quotePrefix == (value[0] in "=+-@")
    assert ws["A11"].value == "=1+1" and ws["A11"].data_type == "s"
    assert len(ws["A13"].value) <= EXCEL_MAX_CHARS


def test_a_refused_write_fails_loudly(tmp_path):
    book = xlsxwriter.Workbook(str(tmp_path / "t.xlsx"))
    sheet = SheetWriter(book.add_worksheet("S"), Styles(book))
    with pytest.raises(WriterError):
        sheet.text(2_000_000, 0, "terlalu jauh")  # beyond Excel's 1,048,576 rows
    with pytest.raises(WriterError):
        sheet.number(0, 20_000, 5)  # beyond column XFD
    book.close()


def test_rich_text_of_a_single_run_and_empty_runs(tmp_path):
    path = tmp_path / "t.xlsx"
    book = xlsxwriter.Workbook(str(path))
    styles = Styles(book)
    sheet = SheetWriter(book.add_worksheet("S"), styles)
    bold = styles.run(bold=True)
    sheet.rich(0, 0, 1, 1, [[(bold, "Satu")], [(bold, "")]], styles.box(3))
    sheet.rich(
        3, 0, 3, 0, [[(bold, "Label: "), (styles.run(), "isi")], [(bold, "B")]], styles.box(4)
    )
    book.close()
    ws = openpyxl.load_workbook(path)["S"]
    assert ws["A1"].value == "Satu"
    assert ws["A4"].value == "Label: isi\nB"


@pytest.mark.parametrize("constant_memory", [False, True])
def test_text_shaped_like_rich_string_markup_is_written_as_text(tmp_path, constant_memory):
    """xlsxwriter writes '<r>...</r>' raw as rich-text XML; a cell text like it stays text."""
    path = tmp_path / "t.xlsx"
    book = xlsxwriter.Workbook(str(path), {"constant_memory": constant_memory})
    sheet = SheetWriter(book.add_worksheet("S"), Styles(book))
    values = ["<r>Sasaran</r>", "<r><x>&</r>", "<r> dua  spasi </r>", "<r>biasa"]
    for row, value in enumerate(values):
        sheet.text(row, 0, value, sheet.styles.cell())
    book.close()
    ws = openpyxl.load_workbook(path)["S"]
    assert [ws.cell(row, 1).value for row in range(1, len(values) + 1)] == values
