"""Legacy Excel 97-2003 (.xls) workbooks, read with xlrd into the same Grid as an .xlsx.

Cell addresses are Excel's own (row 1, column A), merged ranges are filled from their top-left
cell, and each cell keeps its number format, so a percent cell or a code typed as "1.10" reads
exactly as it does from an .xlsx. An .xls keeps the value of every formula, so nothing needs
recomputing.
"""

from __future__ import annotations

from pathlib import Path

import xlrd

from pokin_xl.errors import InputError
from pokin_xl.readers.grid import Cell, Grid


class XlsGrid(Grid):
    """A Grid filled from an xlrd sheet (Grid's own constructor reads an openpyxl sheet)."""

    def __init__(self, book: xlrd.book.Book, sheet: xlrd.sheet.Sheet, file: str = "") -> None:
        cells: dict[tuple[int, int], Cell] = {}
        for r in range(sheet.nrows):
            for c in range(sheet.ncols):
                cell = _cell(book, sheet, r, c)
                if cell.value is not None:
                    cells[(r + 1, c + 1)] = cell
        # xlrd: 0-based, end exclusive; Grid: Excel's 1-based, inclusive.
        ranges = [(r0 + 1, c0 + 1, r1, c1) for r0, r1, c0, c1 in sheet.merged_cells]
        self._fill(sheet.name, file, cells, ranges)


def _cell(book: xlrd.book.Book, sheet: xlrd.sheet.Sheet, row: int, col: int) -> Cell:
    kind = sheet.cell_type(row, col)
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return Cell(None)
    value = sheet.cell_value(row, col)
    if kind == xlrd.XL_CELL_ERROR:
        value = xlrd.error_text_from_code.get(value, "#VALUE!")
    elif kind == xlrd.XL_CELL_BOOLEAN:
        value = bool(value)
    elif kind == xlrd.XL_CELL_NUMBER and float(value).is_integer() and abs(value) < 1e15:
        value = int(value)
    return Cell(value, _number_format(book, sheet, row, col))


def _number_format(book: xlrd.book.Book, sheet: xlrd.sheet.Sheet, row: int, col: int) -> str:
    try:
        xf = book.xf_list[sheet.cell_xf_index(row, col)]
        return book.format_map[xf.format_key].format_str or "General"
    except (IndexError, KeyError, AttributeError):
        return "General"


def read_xls_grids(path: str | Path) -> list[Grid]:
    """Every sheet of an .xls as a Grid; an unreadable file becomes an InputError."""
    path = Path(path)
    try:
        book = xlrd.open_workbook(str(path), formatting_info=True, on_demand=True)
    except Exception as exc:  # xlrd raises its own XLRDError and struct errors on damage
        raise InputError(
            f"berkas .xls rusak atau tidak dapat dibaca ({type(exc).__name__}).", file=path.name
        ) from exc
    try:
        return [XlsGrid(book, book.sheet_by_index(i), path.name) for i in range(book.nsheets)]
    finally:
        book.release_resources()
